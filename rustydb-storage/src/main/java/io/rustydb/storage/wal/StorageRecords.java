package io.rustydb.storage.wal;

import io.rustydb.storage.buffer.BufferPool;
import io.rustydb.storage.buffer.WritePageGuard;
import io.rustydb.storage.file.DiskManager;
import io.rustydb.storage.page.PageDelta;
import io.rustydb.storage.page.PageHeader;
import io.rustydb.storage.page.SlottedPage;
import java.nio.ByteBuffer;

/**
 * Redo and undo of the records storage defines: FULL_PAGE_IMAGE, PAGE_DELTA, TUPLE_DELTA, MULTI_PAGE_DELTA and
 * HEADER_STATE.
 * <ul>
 *   <li>A full page image is always re-applied (the page on disk may be torn, its LSN meaningless); the records
 *       after it then bring the page forward.</li>
 *   <li>A page delta is re-applied to a page whose LSN is below the record's; undone by writing its old bytes
 *       back (under the undoing transaction, so the page log records a compensation record).</li>
 *   <li>A tuple delta is redone like a page delta, and undone by slot ({@link TupleChange}).</li>
 *   <li>A header state is re-applied always: records in log order leave the last state.</li>
 * </ul>
 */
public final class StorageRecords {
    private StorageRecords() {
    }

    /** Registers the storage record handlers for the pages of {@code pool}. */
    public static void register(RecordHandlers handlers, BufferPool pool) {
        DiskManager disk = pool.diskManager();
        handlers.register(WalRecordTypes.FULL_PAGE_IMAGE, new RecordHandler() {
            @Override
            public void redo(LogRecord record) {
                ByteBuffer in = record.payloadBuffer();
                int pageNo = in.getInt(0);
                disk.ensurePageCount(pageNo + 1);
                try (WritePageGuard g = pool.writePageForRecovery(pageNo)) {
                    g.buffer().put(g.offset(), record.payload(), 4, record.payload().length - 4);
                    PageHeader.setLsn(g.buffer(), g.offset(), record.lsn());
                }
            }

            @Override
            public void undo(LogRecord record, LogContext context) {
                // redo-only: the delta logged after it carries the change
            }
        });
        handlers.register(WalRecordTypes.PAGE_DELTA, new RecordHandler() {
            @Override
            public void redo(LogRecord record) {
                int pageNo = PageDelta.pageNo(record.payload());
                try (WritePageGuard g = pool.writePage(pageNo)) {
                    if (PageHeader.lsn(g.buffer(), g.offset()) < record.lsn()) {
                        PageDelta.apply(record.payload(), g.buffer(), g.offset(), false);
                        PageHeader.setLsn(g.buffer(), g.offset(), record.lsn());
                    }
                }
            }

            @Override
            public void undo(LogRecord record, LogContext context) {
                int pageNo = PageDelta.pageNo(record.payload());
                try (CurrentLog.Scope scope = CurrentLog.enter(context);
                     WritePageGuard g = pool.writePage(pageNo)) {
                    PageDelta.apply(record.payload(), g.buffer(), g.offset(), true);
                }
            }
        });
        handlers.register(WalRecordTypes.TUPLE_DELTA, new RecordHandler() {
            @Override
            public void redo(LogRecord record) {
                byte[] delta = TupleChange.delta(record.payload());
                int pageNo = PageDelta.pageNo(delta);
                try (WritePageGuard g = pool.writePage(pageNo)) {
                    if (PageHeader.lsn(g.buffer(), g.offset()) < record.lsn()) {
                        PageDelta.apply(delta, g.buffer(), g.offset(), false);
                        PageHeader.setLsn(g.buffer(), g.offset(), record.lsn());
                    }
                }
            }

            @Override
            public void undo(LogRecord record, LogContext context) {
                byte[] payload = record.payload();
                int pageNo = PageDelta.pageNo(TupleChange.delta(payload));
                try (CurrentLog.Scope scope = CurrentLog.enter(context);
                     WritePageGuard g = pool.writePage(pageNo)) {
                    TupleUndo.apply(g.slotted(new SlottedPage()), payload, disk.name(), pageNo);
                }
            }
        });
        handlers.register(WalRecordTypes.MULTI_PAGE_DELTA, new RecordHandler() {
            @Override
            public void redo(LogRecord record) {
                for (byte[] delta : MultiPageDelta.decode(record.payload())) {
                    try (WritePageGuard g = pool.writePage(PageDelta.pageNo(delta))) {
                        if (PageHeader.lsn(g.buffer(), g.offset()) < record.lsn()) {
                            PageDelta.apply(delta, g.buffer(), g.offset(), false);
                            PageHeader.setLsn(g.buffer(), g.offset(), record.lsn());
                        }
                    }
                }
            }

            @Override
            public void undo(LogRecord record, LogContext context) {
                // redo-only: logged outside any transaction
            }
        });
        handlers.register(WalRecordTypes.HEADER_STATE, new RecordHandler() {
            @Override
            public void redo(LogRecord record) {
                disk.ensurePageCount(HeaderState.pageCount(record.payload()));
                HeaderState.apply(record.payload(), disk.header());
            }

            @Override
            public void undo(LogRecord record, LogContext context) {
                // allocation is never undone: a page allocated by a rolled-back transaction stays allocated
            }
        });
    }
}
