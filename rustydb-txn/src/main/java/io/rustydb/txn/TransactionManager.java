package io.rustydb.txn;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.config.IsolationLevel;
import io.rustydb.txn.lock.LockManager;
import io.rustydb.txn.mvcc.CommitTable;
import io.rustydb.txn.mvcc.SsiManager;
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
 * Begins, commits and rolls back transactions over the write-ahead log, and keeps what concurrency control needs:
 * the {@link CommitTable} (commit timestamps and snapshots for MVCC), the {@link LockManager} (row and table locks;
 * every transaction holds the lock on its own id until it ends, so others can wait for it) and the
 * {@link SsiManager} (SERIALIZABLE).
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
    private final CommitTable commits;
    private final LockManager locks = new LockManager();
    private final SsiManager ssi = new SsiManager();
    private final Object beginLock = new Object();
    /**
     * Commit and rollback end a transaction (end record appended, out of the active set) under the read side; a
     * checkpoint lists the active transactions and appends its record under the write side. Otherwise a
     * checkpoint could list as active a transaction whose COMMIT precedes it in the log, and recovery, which reads
     * from the checkpoint on, would roll that committed transaction back.
     */
    private final java.util.concurrent.locks.ReentrantReadWriteLock endGate =
            new java.util.concurrent.locks.ReentrantReadWriteLock();

    /** {@code nextTxnId} comes from recovery: larger than every id in the log. */
    public TransactionManager(WriteAheadLog wal, RecordHandlers handlers, long nextTxnId) {
        this.wal = wal;
        this.handlers = handlers;
        this.nextTxnId = new AtomicLong(Math.max(1, nextTxnId));
        this.commits = new CommitTable(this.nextTxnId.get());
    }

    public CommitTable commits() {
        return commits;
    }

    public LockManager locks() {
        return locks;
    }

    public SsiManager ssi() {
        return ssi;
    }

    public WriteAheadLog wal() {
        return wal;
    }

    public RecordHandlers handlers() {
        return handlers;
    }

    /** Begins a READ COMMITTED transaction. */
    public Transaction begin(boolean readOnly) {
        return begin(readOnly, IsolationLevel.READ_COMMITTED);
    }

    /** Begins a transaction at {@code isolation}; its snapshot is taken by {@link #beginStatement}. */
    public Transaction begin(boolean readOnly, IsolationLevel isolation) {
        Transaction tx;
        synchronized (beginLock) { // ids reach the commit table in increasing order
            tx = new Transaction(nextTxnId.getAndIncrement(), readOnly, isolation);
            commits.begin(tx.txnId());
        }
        active.put(tx.txnId(), tx);
        locks.registerTransaction(tx.txnId());
        if (tx.isolation() == IsolationLevel.SERIALIZABLE) {
            tx.setSsi(ssi.begin(tx.txnId()));
        }
        return tx;
    }

    /**
     * Changes the isolation level of a transaction that has not run a statement yet ({@code SET TRANSACTION}).
     *
     * @throws DbException 25001 once it has a snapshot
     */
    public void setIsolation(Transaction tx, IsolationLevel level) {
        if (tx.ranStatement() || tx.hasWritten()) {
            throw new DbException(ErrorCode.ACTIVE_SQL_TRANSACTION);
        }
        tx.setIsolation(level);
        if (tx.isolation() == IsolationLevel.SERIALIZABLE && tx.ssi() == null) {
            tx.setSsi(ssi.begin(tx.txnId()));
        } else if (tx.isolation() != IsolationLevel.SERIALIZABLE && tx.ssi() != null) {
            ssi.end(tx.ssi(), false);
            tx.setSsi(null);
        }
    }

    /**
     * Starts a statement of {@code tx}: READ COMMITTED takes a fresh snapshot, the other levels keep the one of
     * their first statement.
     */
    public void beginStatement(Transaction tx) {
        tx.markRanStatement();
        if (tx.keepsSnapshot() && tx.snapshot() != Transaction.NO_SNAPSHOT) {
            return;
        }
        if (tx.ssi() != null) {
            ssi.setSnapshot(tx.ssi(), () -> commits.takeSnapshot(tx::setSnapshot));
        } else {
            commits.takeSnapshot(tx::setSnapshot);
        }
        tx.noteVisibleCommitLsn(commits.lastCommitLsn());
    }

    /**
     * Waits until every commit {@code tx}'s snapshots have seen is as durable as the sync mode promises: a commit
     * is visible as soon as its record is appended (early lock release), so a reader must not hand out what it
     * read (or acknowledge its own commit) before then. Usually returns at once.
     */
    public void awaitVisibleCommits(Transaction tx) {
        long lsn = tx.visibleCommitLsn();
        if (lsn > 0 && wal.durableLsn() <= lsn) {
            wal.commit(lsn);
        }
    }

    /** Ends a statement of {@code tx}: a READ COMMITTED transaction lets go of its snapshot until the next one. */
    public void endStatement(Transaction tx) {
        if (!tx.keepsSnapshot()) {
            tx.setSnapshot(Transaction.NO_SNAPSHOT);
        }
    }

    /** The oldest snapshot any running transaction reads from ({@code Long.MAX_VALUE} if none). */
    public long oldestSnapshot() {
        long oldest = Long.MAX_VALUE;
        for (Transaction tx : active.values()) {
            oldest = Math.min(oldest, tx.snapshot());
        }
        return oldest;
    }

    /** Moves the {@link CommitTable#horizon()} up as far as running snapshots allow; returns it. */
    public long advanceHorizon() {
        return commits.advanceHorizon(this::oldestSnapshot);
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
        long[] lsn = new long[1];
        SsiManager.State state = tx.ssi();
        endGate.readLock().lock();
        try {
            if (state != null) {
                ssi.commit(state, () -> {
                    long ts = logCommit(tx, lsn);
                    return ts > 0 ? 2 * ts : 2 * commits.clock() + 1;
                });
            } else {
                logCommit(tx, lsn);
            }
            active.remove(tx.txnId());
        } finally {
            endGate.readLock().unlock();
        }
        locks.releaseAll(tx.txnId());
        if (state != null) {
            ssi.end(state, true);
        }
        advanceHorizon();
        return lsn[0];
    }

    /**
     * Appends the COMMIT record (its LSN into {@code lsn[0]}, 0 if there is nothing to log) and makes the commit
     * visible; returns the commit timestamp, or 0 if the transaction wrote no row version.
     */
    private long logCommit(Transaction tx, long[] lsn) {
        if (!tx.hasWritten()) {
            commits.endWithoutCommit(tx.txnId());
            lsn[0] = 0;
            return 0;
        }
        if (!tx.wroteRows()) {
            lsn[0] = appendCommitRecord(tx, 0);
            commits.endWithoutCommit(tx.txnId());
            return 0;
        }
        long[] ts = new long[1];
        lsn[0] = commits.commit(tx.txnId(), t -> {
            ts[0] = t;
            return appendCommitRecord(tx, t);
        });
        return ts[0];
    }

    private long appendCommitRecord(Transaction tx, long commitTs) {
        long lsn = wal.append(WalRecordTypes.TXN_COMMIT, tx.txnId(), tx.lastLsn(), commitPayload(commitTs));
        tx.logged(lsn);
        return lsn;
    }

    /**
     * Runs {@code checkpoint} (which lists the active transactions and appends the CHECKPOINT record) while no
     * transaction is between its end record and leaving the active set.
     */
    public long checkpointGate(java.util.function.LongSupplier checkpoint) {
        endGate.writeLock().lock();
        try {
            return checkpoint.getAsLong();
        } finally {
            endGate.writeLock().unlock();
        }
    }

    /**
     * Second half: waits until the COMMIT record at {@code lsn} is as durable as the sync mode promises, marks the
     * transaction committed and runs its after-commit actions (outside any transaction: they are never undone).
     * If the log fails, the outcome is unknown (the next open decides from what the log holds) and this throws.
     */
    public void completeCommit(Transaction tx, long lsn) {
        if (lsn == 0) {
            lsn = tx.visibleCommitLsn(); // a reader: what it saw must be durable before it is acknowledged
        }
        if (lsn > 0 && wal.durableLsn() <= lsn) {
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

    /** COMMIT payload: wall-clock millis, then the commit timestamp (0 if it wrote no row version). */
    private static byte[] commitPayload(long commitTs) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0, System.currentTimeMillis())
                .putLong(8, commitTs).array();
    }

    /** Rolls the whole transaction back (its row versions are removed by the undo) and releases its locks. */
    public void rollback(Transaction tx) {
        requireActive(tx);
        boolean undone = false;
        try {
            if (tx.hasWritten()) {
                Undo.undo(wal, handlers, tx, tx.lastLsn(), 0);
                endGate.readLock().lock();
                try {
                    long lsn = wal.append(WalRecordTypes.TXN_ABORT, tx.txnId(), tx.lastLsn(), new byte[0]);
                    tx.logged(lsn);
                    undone = true;
                    tx.setState(TransactionState.ABORTED);
                    commits.endWithoutCommit(tx.txnId());
                    active.remove(tx.txnId());
                } finally {
                    endGate.readLock().unlock();
                }
            } else {
                undone = true;
                tx.setState(TransactionState.ABORTED);
                commits.endWithoutCommit(tx.txnId());
                active.remove(tx.txnId());
            }
        } finally {
            if (!undone) {
                // The undo failed (the log or a page write failed): the transaction's versions may remain. It
                // stays active (checkpoints list it, so a restart rolls it back), "running" in the commit table
                // (its versions stay invisible) and holds its locks (writers of its rows wait, then time out),
                // until the database is closed and reopened.
                tx.setState(TransactionState.ABORTED);
            }
        }
        try {
            // before the locks go: e.g. the catalog is read again while DDL's exclusive lock still holds
            for (Runnable action : tx.afterRollbackActions()) {
                action.run();
            }
        } finally {
            locks.releaseAll(tx.txnId());
            if (tx.ssi() != null) {
                ssi.end(tx.ssi(), false);
            }
            advanceHorizon();
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
