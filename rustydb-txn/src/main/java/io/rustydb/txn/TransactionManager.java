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
        if (tx.snapshot() != Transaction.NO_SNAPSHOT || tx.hasWritten()) {
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
        if (tx.keepsSnapshot() && tx.snapshot() != Transaction.NO_SNAPSHOT) {
            return;
        }
        if (tx.ssi() != null) {
            ssi.setSnapshot(tx.ssi(), () -> commits.takeSnapshot(tx::setSnapshot));
        } else {
            commits.takeSnapshot(tx::setSnapshot);
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
        if (state != null) {
            ssi.commit(state, () -> {
                lsn[0] = logCommit(tx);
                return tx.wroteRows() ? 2 * commits.commitTs(tx.txnId()) : 2 * commits.clock() + 1;
            });
        } else {
            lsn[0] = logCommit(tx);
        }
        active.remove(tx.txnId());
        locks.releaseAll(tx.txnId());
        if (state != null) {
            ssi.end(state, true);
        }
        advanceHorizon();
        return lsn[0];
    }

    /** Appends the COMMIT record and makes the commit visible (a timestamp if the transaction wrote rows). */
    private long logCommit(Transaction tx) {
        if (!tx.hasWritten()) {
            commits.endWithoutCommit(tx.txnId());
            return 0;
        }
        if (!tx.wroteRows()) {
            long lsn = appendCommitRecord(tx, 0);
            commits.endWithoutCommit(tx.txnId());
            return lsn;
        }
        return commits.commit(tx.txnId(), ts -> appendCommitRecord(tx, ts));
    }

    private long appendCommitRecord(Transaction tx, long commitTs) {
        long lsn = wal.append(WalRecordTypes.TXN_COMMIT, tx.txnId(), tx.lastLsn(), commitPayload(commitTs));
        tx.logged(lsn);
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
                long lsn = wal.append(WalRecordTypes.TXN_ABORT, tx.txnId(), tx.lastLsn(), new byte[0]);
                tx.logged(lsn);
            }
            undone = true;
        } finally {
            tx.setState(TransactionState.ABORTED);
            if (undone) {
                commits.endWithoutCommit(tx.txnId());
            } // else its versions may remain: it stays "running" in the commit table (invisible) until a restart
              // rolls it back, and the horizon stays below it
            active.remove(tx.txnId());
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
