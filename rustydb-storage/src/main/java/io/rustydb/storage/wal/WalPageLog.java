package io.rustydb.storage.wal;

import io.rustydb.storage.buffer.PageLog;
import io.rustydb.storage.file.DatabaseHeader;
import io.rustydb.storage.page.PageDelta;
import io.rustydb.storage.page.PageHeader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Logs every page change through the write-ahead log: a PAGE_DELTA record (with the current transaction from
 * {@link CurrentLog}, or a compensation record while undoing) — a TUPLE_DELTA record instead when the heap
 * announced a tuple change ({@link TupleChange}) for the page, so that undo works by slot — preceded by a FULL_PAGE_IMAGE of the page as it
 * was when this is its first change since the latest checkpoint (or it is new). Allocation state changes are
 * logged as HEADER_STATE records, and the pages of an atomic change as one MULTI_PAGE_DELTA (redo-only). In-memory databases need no full page images: nothing of them survives a crash.
 */
public final class WalPageLog implements PageLog {
    private final WriteAheadLog wal;
    private final boolean fullPageImages;

    public WalPageLog(WriteAheadLog wal, boolean fullPageImages) {
        this.wal = wal;
        this.fullPageImages = fullPageImages;
    }

    /** Scratch copy of the changed page; page-log calls never nest on one thread (they run as a guard closes). */
    private static final ThreadLocal<byte[]> AFTER = new ThreadLocal<>();

    @Override
    public long pageChanged(int pageNo, byte[] before, ByteBuffer page) {
        byte[] after = AFTER.get();
        if (after == null || after.length != before.length) {
            after = new byte[before.length];
            AFTER.set(after);
        }
        page.get(0, after, 0, after.length);
        TupleChange tupleChange = TupleChange.take(pageNo);
        byte[] delta = PageDelta.compute(pageNo, before, after);
        if (delta == null) {
            return 0;
        }
        long beforeLsn = ByteBuffer.wrap(before).order(ByteOrder.LITTLE_ENDIAN).getLong(PageHeader.LSN_OFFSET);
        if (fullPageImages && beforeLsn < wal.fullPageImageHorizon()) {
            wal.append(WalRecordTypes.FULL_PAGE_IMAGE, 0, 0, fullPageImage(pageNo, before));
        }
        LogContext context = CurrentLog.get();
        if (context == null) {
            return wal.append(WalRecordTypes.PAGE_DELTA, 0, 0, delta);
        }
        if (tupleChange != null && context.undoNextLsn() < 0) {
            return Compensation.log(wal, context, WalRecordTypes.TUPLE_DELTA, tupleChange.payload(delta));
        }
        return Compensation.log(wal, context, WalRecordTypes.PAGE_DELTA, delta);
    }

    @Override
    public long pagesChanged(int[] pageNos, byte[][] befores, ByteBuffer[] pages) {
        java.util.List<byte[]> deltas = new java.util.ArrayList<>(pageNos.length);
        byte[] after = new byte[befores[0].length];
        for (int i = 0; i < pageNos.length; i++) {
            pages[i].get(0, after, 0, after.length);
            byte[] delta = PageDelta.compute(pageNos[i], befores[i], after);
            if (delta == null) {
                continue;
            }
            long beforeLsn = ByteBuffer.wrap(befores[i]).order(ByteOrder.LITTLE_ENDIAN).getLong(PageHeader.LSN_OFFSET);
            if (fullPageImages && beforeLsn < wal.fullPageImageHorizon()) {
                wal.append(WalRecordTypes.FULL_PAGE_IMAGE, 0, 0, fullPageImage(pageNos[i], befores[i]));
            }
            deltas.add(delta);
        }
        if (deltas.isEmpty()) {
            return 0;
        }
        return wal.append(WalRecordTypes.MULTI_PAGE_DELTA, 0, 0, MultiPageDelta.encode(deltas));
    }

    @Override
    public long headerChanged(DatabaseHeader header, int pageCount) {
        return wal.append(WalRecordTypes.HEADER_STATE, 0, 0, HeaderState.encode(header, pageCount));
    }

    static byte[] fullPageImage(int pageNo, byte[] image) {
        ByteBuffer b = ByteBuffer.allocate(4 + image.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(pageNo).put(image);
        return b.array();
    }
}
