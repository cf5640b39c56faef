package io.rustydb.txn;

import io.rustydb.core.DbException;
import io.rustydb.storage.wal.Compensation;
import io.rustydb.storage.wal.LogContext;
import io.rustydb.storage.wal.LogRecord;
import io.rustydb.storage.wal.RecordHandlers;
import io.rustydb.storage.wal.WalRecordTypes;
import io.rustydb.storage.wal.WriteAheadLog;

/**
 * Walks one transaction's records backwards and undoes them, logging compensation records, down to a stop LSN.
 * Shared by rollback, rollback to a savepoint, and recovery's undo phase.
 */
final class Undo {
    private Undo() {
    }

    /**
     * Undoes the records of {@code context}'s transaction after {@code stopLsn}, starting at {@code fromLsn}.
     * Compensation records are skipped to their undo-next LSN, so nothing is undone twice.
     */
    static void undo(WriteAheadLog wal, RecordHandlers handlers, LogContext context, long fromLsn, long stopLsn) {
        long lsn = fromLsn;
        while (lsn > stopLsn) {
            LogRecord record = wal.read(lsn);
            if (record == null) {
                throw DbException.internal("log record " + lsn + " of transaction " + context.txnId()
                        + " is missing: cannot roll back");
            }
            if (record.type() == WalRecordTypes.COMPENSATION) {
                lsn = Compensation.undoNextLsn(record);
                continue;
            }
            if (isTransactionRecord(record.type())) {
                lsn = record.prevLsn();
                continue;
            }
            long next = record.prevLsn();
            handlers.get(record.type(), "WAL").undo(record, undoContext(context, next));
            lsn = next;
        }
    }

    static boolean isTransactionRecord(int type) {
        return type == WalRecordTypes.TXN_COMMIT || type == WalRecordTypes.TXN_ABORT || type == WalRecordTypes.TXN_END
                || type == WalRecordTypes.CHECKPOINT;
    }

    private static LogContext undoContext(LogContext owner, long undoNext) {
        return new LogContext() {
            @Override
            public long txnId() {
                return owner.txnId();
            }

            @Override
            public long lastLsn() {
                return owner.lastLsn();
            }

            @Override
            public void logged(long lsn) {
                owner.logged(lsn);
            }

            @Override
            public long undoNextLsn() {
                return undoNext;
            }
        };
    }
}
