package io.rustydb.txn;

import io.rustydb.core.DbException;
import io.rustydb.storage.wal.RecordHandlers;
import io.rustydb.storage.wal.WalRecordTypes;
import io.rustydb.storage.wal.WriteAheadLog;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Begins, commits and rolls back transactions over the write-ahead log.
 *
 * <p>Commit appends a COMMIT record and waits for it as the log's sync mode requires (group commit); a transaction
 * that wrote nothing commits without touching the log. Rollback undoes the transaction's records newest first,
 * logging a compensation record for each, then appends ABORT. Rollback to a savepoint undoes only the records after
 * it; the transaction goes on.
 */
public final class TransactionManager {
    private final WriteAheadLog wal;
    private final RecordHandlers handlers;
    private final AtomicLong nextTxnId;
    private final Map<Long, Transaction> active = new ConcurrentHashMap<>();

    /** {@code nextTxnId} comes from recovery: larger than every id in the log. */
    public TransactionManager(WriteAheadLog wal, RecordHandlers handlers, long nextTxnId) {
        this.wal = wal;
        this.handlers = handlers;
        this.nextTxnId = new AtomicLong(Math.max(1, nextTxnId));
    }

    public WriteAheadLog wal() {
        return wal;
    }

    public RecordHandlers handlers() {
        return handlers;
    }

    public Transaction begin(boolean readOnly) {
        Transaction tx = new Transaction(nextTxnId.getAndIncrement(), readOnly);
        active.put(tx.txnId(), tx);
        return tx;
    }

    /** The id the next transaction will get (saved in checkpoints). */
    public long nextTxnId() {
        return nextTxnId.get();
    }

    /** The transactions that have begun and not ended. */
    public List<Transaction> active() {
        return new ArrayList<>(active.values());
    }

    /** The first LSN any active transaction still needs for rollback, or {@code Long.MAX_VALUE}. */
    public long oldestNeededLsn() {
        long oldest = Long.MAX_VALUE;
        for (Transaction tx : active.values()) {
            if (tx.firstLsn() != 0) {
                oldest = Math.min(oldest, tx.firstLsn());
            }
        }
        return oldest;
    }

    /** Commits: durable (per the sync mode) when this returns; then runs the after-commit actions. */
    public void commit(Transaction tx) {
        completeCommit(tx, appendCommit(tx));
    }

    /**
     * First half of a commit: appends the COMMIT record and takes the transaction out of the active set (a later
     * checkpoint must not list it). From here on its locks may be released (early lock release: a transaction
     * that then sees its changes commits after it in the log, so it cannot be durable without it), which lets
     * concurrent committers share one log force. Returns the record's LSN, 0 if the transaction wrote nothing.
     */
    public long appendCommit(Transaction tx) {
        requireActive(tx);
        long lsn = 0;
        if (tx.hasWritten()) {
            lsn = wal.append(WalRecordTypes.TXN_COMMIT, tx.txnId(), tx.lastLsn(), commitPayload());
            tx.logged(lsn);
        }
        active.remove(tx.txnId());
        return lsn;
    }

    /**
     * Second half: waits until the COMMIT record at {@code lsn} is as durable as the sync mode promises, marks the
     * transaction committed and runs its after-commit actions (outside any transaction: they are never undone).
     * If the log fails, the outcome is unknown (the next open decides from what the log holds) and this throws.
     */
    public void completeCommit(Transaction tx, long lsn) {
        if (lsn > 0) {
            try {
                wal.commit(lsn);
            } catch (DbException e) {
                tx.setState(TransactionState.ABORTED);
                throw e;
            }
        }
        tx.setState(TransactionState.COMMITTED);
        try (io.rustydb.storage.wal.CurrentLog.Scope none = io.rustydb.storage.wal.CurrentLog.enter(null)) {
            for (Runnable action : tx.afterCommitActions()) {
                action.run();
            }
        }
    }

    private static byte[] commitPayload() {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, System.currentTimeMillis()).array();
    }

    /** Rolls the whole transaction back. */
    public void rollback(Transaction tx) {
        requireActive(tx);
        try {
            if (tx.hasWritten()) {
                Undo.undo(wal, handlers, tx, tx.lastLsn(), 0);
                long lsn = wal.append(WalRecordTypes.TXN_ABORT, tx.txnId(), tx.lastLsn(), new byte[0]);
                tx.logged(lsn);
            }
        } finally {
            tx.setState(TransactionState.ABORTED);
            active.remove(tx.txnId());
        }
        for (Runnable action : tx.afterRollbackActions()) {
            action.run();
        }
    }

    /** Undoes what the transaction did after {@code savepoint} (from {@link Transaction#savepoint()}). */
    public void rollbackTo(Transaction tx, long savepoint) {
        requireActive(tx);
        if (tx.lastLsn() > savepoint) {
            Undo.undo(wal, handlers, tx, tx.lastLsn(), savepoint);
        }
    }

    private static void requireActive(Transaction tx) {
        if (tx.state() != TransactionState.ACTIVE) {
            throw DbException.internal(tx + " is not active");
        }
    }
}
