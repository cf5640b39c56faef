package io.rustydb.storage.wal;

/**
 * Redo and undo for the log records one module defines, registered with {@link RecordHandlers}. Recovery (in
 * rustydb-txn) calls redo for every record after the checkpoint's redo point, and undo, newest first, for the
 * records of transactions that did not commit; rollback calls undo too.
 */
public interface RecordHandler {
    /**
     * Re-applies the record's change to the page(s) it names unless they already have it (their page LSN is at
     * least the record's LSN). Must be idempotent.
     */
    void redo(LogRecord record);

    /**
     * Undoes the record's change, logging the compensating change through {@code context} (whose
     * {@link LogContext#undoNextLsn()} is the record's {@code prevLsn}). Records that need no undo (page
     * allocation, page initialisation) do nothing.
     */
    void undo(LogRecord record, LogContext context);
}
