package io.rustydb.txn;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.storage.wal.LogContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One transaction: its id, its chain of log records (for rollback), what to do once it has committed, and its
 * state. Used by one session at a time; the manager changes its state.
 */
public final class Transaction implements LogContext {
    private final long id;
    private final boolean readOnly;
    private volatile TransactionState state = TransactionState.ACTIVE;
    private long firstLsn;
    private long lastLsn;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<Runnable> afterRollback = new ArrayList<>();

    Transaction(long id, boolean readOnly) {
        this.id = id;
        this.readOnly = readOnly;
    }

    @Override
    public long txnId() {
        return id;
    }

    @Override
    public long lastLsn() {
        return lastLsn;
    }

    @Override
    public void logged(long lsn) {
        if (firstLsn == 0) {
            firstLsn = lsn;
        }
        lastLsn = lsn;
    }

    /** The LSN of the transaction's first record (0 if it has written nothing): the log must be kept from here. */
    public long firstLsn() {
        return firstLsn;
    }

    public TransactionState state() {
        return state;
    }

    void setState(TransactionState state) {
        this.state = state;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** Whether the transaction has logged any change. */
    public boolean hasWritten() {
        return lastLsn != 0;
    }

    /** A point to roll back to later (e.g. the start of a statement); see {@link TransactionManager#rollbackTo}. */
    public long savepoint() {
        return lastLsn;
    }

    /** Checks that the transaction may write. */
    public void checkWritable() {
        if (state != TransactionState.ACTIVE) {
            throw DbException.internal("transaction " + id + " is " + state);
        }
        if (readOnly) {
            throw new DbException(ErrorCode.READ_ONLY_TRANSACTION, "a write");
        }
    }

    /** Runs {@code action} after the transaction committed (e.g. freeing the pages of a dropped table). */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    /** Runs {@code action} after the transaction rolled back (e.g. reloading the catalog). */
    public void afterRollback(Runnable action) {
        afterRollback.add(action);
    }

    List<Runnable> afterCommitActions() {
        return afterCommit;
    }

    List<Runnable> afterRollbackActions() {
        return afterRollback;
    }

    @Override
    public String toString() {
        return "Transaction[" + id + ", " + state + "]";
    }
}
