package io.rustydb.storage.page;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical change one write guard made to one page: the byte ranges that differ between the page before and
 * after, each with its old and new bytes. It is the payload of a PAGE_DELTA log record:
 * <pre>
 *  0        4        6
 *  +--------+--------+-----------------------------------------------------------+
 *  | page   | ranges | n x ( offset u16 | length u16 | new bytes | old bytes )    |
 *  | no i32 | u16 n  |                                                           |
 *  +--------+--------+-----------------------------------------------------------+
 * </pre>
 * Redo writes the new bytes; undo writes the old ones (valid while one transaction at a time writes, which the
 * database lock guarantees until MVCC). The page's checksum ({@code [0,4)}) and LSN ({@code [8,16)}) fields are
 * never part of a delta: they are set by the log and the buffer pool. Ranges closer than {@value #MERGE_GAP}
 * bytes are merged, so a delta stays small for the common case of a slot entry plus a tuple.
 */
public final class PageDelta {
    /** Ranges separated by fewer unchanged bytes than this are logged as one. */
    public static final int MERGE_GAP = 16;
    public static final int PAGE_NO_OFFSET = 0;
    public static final int RANGE_COUNT_OFFSET = 4;
    public static final int RANGES_OFFSET = 6;

    private PageDelta() {
    }

    private static boolean excluded(int offset) {
        return offset < PageHeader.TYPE_OFFSET
                || (offset >= PageHeader.LSN_OFFSET && offset < PageHeader.LSN_OFFSET + 8);
    }

    /**
     * The delta from {@code before} to {@code after} (both whole pages), or null if they are equal outside the
     * checksum and LSN fields.
     */
    public static byte[] compute(int pageNo, byte[] before, byte[] after) {
        List<int[]> ranges = new ArrayList<>();
        int n = after.length;
        int i = 0;
        while (i < n) {
            int mismatch = java.util.Arrays.mismatch(before, i, n, after, i, n);
            if (mismatch < 0) {
                break;
            }
            int start = i + mismatch;
            if (excluded(start)) {
                i = start + 1;
                continue;
            }
            int end = start + 1;
            int quiet = 0;
            while (end < n && quiet < MERGE_GAP) {
                if (before[end] != after[end] && !excluded(end)) {
                    quiet = 0;
                } else {
                    quiet++;
                }
                end++;
            }
            end -= quiet;
            // never let a merged range swallow the excluded fields
            if (start < PageHeader.LSN_OFFSET + 8 && end > PageHeader.LSN_OFFSET) {
                if (start < PageHeader.LSN_OFFSET) {
                    ranges.add(new int[] {start, PageHeader.LSN_OFFSET - start});
                }
                start = PageHeader.LSN_OFFSET + 8;
                if (end <= start) {
                    i = Math.max(end, start);
                    continue;
                }
            }
            ranges.add(new int[] {start, end - start});
            i = end;
        }
        if (ranges.isEmpty()) {
            return null;
        }
        int size = RANGES_OFFSET;
        for (int[] r : ranges) {
            size += 4 + 2 * r[1];
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(pageNo).putShort((short) ranges.size());
        for (int[] r : ranges) {
            out.putShort((short) r[0]).putShort((short) r[1]);
            out.put(after, r[0], r[1]);
            out.put(before, r[0], r[1]);
        }
        return out.array();
    }

    public static int pageNo(byte[] delta) {
        return ByteBuffer.wrap(delta).order(ByteOrder.LITTLE_ENDIAN).getInt(PAGE_NO_OFFSET);
    }

    /** Writes the delta's new bytes (redo) or old bytes (undo) into the page at {@code base} of {@code page}. */
    public static void apply(byte[] delta, ByteBuffer page, int base, boolean undo) {
        ByteBuffer in = ByteBuffer.wrap(delta).order(ByteOrder.LITTLE_ENDIAN);
        int count = Short.toUnsignedInt(in.getShort(RANGE_COUNT_OFFSET));
        int pos = RANGES_OFFSET;
        for (int r = 0; r < count; r++) {
            int offset = Short.toUnsignedInt(in.getShort(pos));
            int length = Short.toUnsignedInt(in.getShort(pos + 2));
            int from = pos + 4 + (undo ? length : 0);
            page.put(base + offset, delta, from, length);
            pos += 4 + 2 * length;
        }
    }

    /** The delta that undoes {@code delta}: new and old bytes swapped (logged as the compensation's change). */
    public static byte[] inverse(byte[] delta) {
        byte[] out = delta.clone();
        ByteBuffer in = ByteBuffer.wrap(delta).order(ByteOrder.LITTLE_ENDIAN);
        int count = Short.toUnsignedInt(in.getShort(RANGE_COUNT_OFFSET));
        int pos = RANGES_OFFSET;
        for (int r = 0; r < count; r++) {
            int length = Short.toUnsignedInt(in.getShort(pos + 2));
            System.arraycopy(delta, pos + 4, out, pos + 4 + length, length);
            System.arraycopy(delta, pos + 4 + length, out, pos + 4, length);
            pos += 4 + 2 * length;
        }
        return out;
    }
}
