package io.rustydb.txn.mvcc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The MVCC header in front of every row version a {@link VersionedHeap} stores:
 * <pre>
 *  0             8             16
 *  +-------------+-------------+-------------------------------+
 *  | xmin i64    | xmax i64    | row bytes (RowCodec format)   |
 *  +-------------+-------------+-------------------------------+
 *   xmin: the transaction that created the version; {@link #ABORTED_XMIN} (-1) once that transaction rolled
 *         back: the version is never visible and waits for vacuum (its slot is not reused before, so an index
 *         entry that names it never finds another row there)
 *   xmax: the transaction that deleted it (or replaced it by a newer version); 0 while it is the latest
 * </pre>
 * Commit timestamps are not in the row: they come from the {@link CommitTable} by transaction id (and from the
 * COMMIT records of the log), so a commit never has to revisit its rows.
 */
public final class VersionHeader {
    public static final int XMIN_OFFSET = 0;
    public static final int XMAX_OFFSET = 8;
    public static final int SIZE = 16;
    /** The xmin of a version whose creator rolled back (written by the insert's undo). */
    public static final long ABORTED_XMIN = -1L;
    /** {@link #ABORTED_XMIN} as the bytes the undo writes at {@link #XMIN_OFFSET}. */
    static final byte[] ABORTED_XMIN_BYTES = txnBytes(ABORTED_XMIN);

    private VersionHeader() {
    }

    /** {@code row} with a header for a new version created by {@code xmin}. */
    public static byte[] wrap(long xmin, byte[] row) {
        byte[] out = new byte[SIZE + row.length];
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putLong(XMIN_OFFSET, xmin);
        System.arraycopy(row, 0, out, SIZE, row.length);
        return out;
    }

    /** The 8 little-endian bytes of a transaction id, as written into a header field. */
    static byte[] txnBytes(long txnId) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, txnId).array();
    }

    public static long xmin(ByteBuffer page, int tupleOffset) {
        return page.getLong(tupleOffset + XMIN_OFFSET);
    }

    public static long xmax(ByteBuffer page, int tupleOffset) {
        return page.getLong(tupleOffset + XMAX_OFFSET);
    }

    public static long xmin(byte[] tuple) {
        return ByteBuffer.wrap(tuple).order(ByteOrder.LITTLE_ENDIAN).getLong(XMIN_OFFSET);
    }

    public static long xmax(byte[] tuple) {
        return ByteBuffer.wrap(tuple).order(ByteOrder.LITTLE_ENDIAN).getLong(XMAX_OFFSET);
    }

    /** The row bytes of a version (without the header). */
    public static byte[] row(byte[] tuple) {
        byte[] out = new byte[tuple.length - SIZE];
        System.arraycopy(tuple, SIZE, out, 0, out.length);
        return out;
    }
}
