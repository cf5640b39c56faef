package io.rustydb.txn;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.config.IsolationLevel;
import io.rustydb.txn.mvcc.SsiManager;
import io.rustydb.storage.wal.LogContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One transaction: its id, isolation level and snapshot, its chain of log records (for rollback), what to do once
 * it has committed, and its state. Used by one session at a time; the manager changes its state.
 *
 * <p>The snapshot is a {@link io.rustydb.txn.mvcc.CommitTable} clock value: the transaction sees the versions of
 * every transaction that committed at or before it, and its own. READ COMMITTED takes a new one per statement;
 * REPEATABLE READ and SERIALIZABLE take one at the first statement and keep it.
 */
public final class Transaction implements LogContext {
    /** {@link #snapshot()} before the first statement (and between statements at READ COMMITTED). */
    public static final long NO_SNAPSHOT = Long.MAX_VALUE;

    private final long id;
    private final boolean readOnly;
    private IsolationLevel isolation;
    private volatile long snapshot = NO_SNAPSHOT;
    private SsiManager.State ssi;
    private boolean wroteRows;
    private boolean ranStatement;
    private long visibleCommitLsn;
    private volatile TransactionState state = TransactionState.ACTIVE;
    private long firstLsn;
    private long lastLsn;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<Runnable> afterRollback = new ArrayList<>();

    Transaction(long id, boolean readOnly, IsolationLevel isolation) {
        this.id = id;
        this.readOnly = readOnly;
        this.isolation = isolation == IsolationLevel.READ_UNCOMMITTED ? IsolationLevel.READ_COMMITTED : isolation;
    }

    /** The isolation level (READ UNCOMMITTED is stored as READ COMMITTED, which it behaves as). */
    public IsolationLevel isolation() {
        return isolation;
    }

    /** Whether the transaction keeps one snapshot (REPEATABLE READ, SERIALIZABLE). */
    public boolean keepsSnapshot() {
        return isolation == IsolationLevel.REPEATABLE_READ || isolation == IsolationLevel.SERIALIZABLE;
    }

    /** The snapshot the current statement reads, or {@link #NO_SNAPSHOT}. */
    public long snapshot() {
        return snapshot;
    }

    void setSnapshot(long snapshot) {
        this.snapshot = snapshot;
    }

    /** Whether a statement has run in the transaction (its isolation level is then fixed). */
    public boolean ranStatement() {
        return ranStatement;
    }

    void markRanStatement() {
        ranStatement = true;
    }

    /** The log position of the latest commit the transaction's snapshots have seen (0 if none). */
    long visibleCommitLsn() {
        return visibleCommitLsn;
    }

    void noteVisibleCommitLsn(long lsn) {
        visibleCommitLsn = Math.max(visibleCommitLsn, lsn);
    }

    /**
     * Makes the transaction wait until the log is durable (as the sync mode promises for a commit) at least up to
     * the record at {@code lsn} before it hands out query results or acknowledges its commit, as it does for the
     * commits its snapshots have seen: for values resting on a record logged outside any transaction, such as a
     * sequence's pre-logged batch of values.
     */
    public void dependOnLog(long lsn) {
        noteVisibleCommitLsn(lsn);
    }

    void setIsolation(IsolationLevel level) {
        this.isolation = level == IsolationLevel.READ_UNCOMMITTED ? IsolationLevel.READ_COMMITTED : level;
    }

    /** SSI bookkeeping of a SERIALIZABLE transaction, else null. */
    public SsiManager.State ssi() {
        return ssi;
    }

    void setSsi(SsiManager.State ssi) {
        this.ssi = ssi;
    }

    /** Whether the transaction created or deleted a row version (it then needs a commit timestamp). */
    public boolean wroteRows() {
        return wroteRows;
    }

    /** Notes that the transaction created or deleted a row version. */
    public void markWroteRows() {
        wroteRows = true;
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
