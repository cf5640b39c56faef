package io.rustydb.txn.mvcc;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.storage.heap.HeapCursor;
import io.rustydb.storage.heap.RowIds;
import io.rustydb.storage.heap.TableHeap;
import io.rustydb.txn.Transaction;
import io.rustydb.txn.TransactionManager;
import io.rustydb.txn.lock.LockKey;
import io.rustydb.txn.lock.LockManager;
import io.rustydb.txn.lock.LockMode;
import io.rustydb.txn.lock.LockWait;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A table's rows as MVCC versions in a {@link TableHeap}: every version carries a {@link VersionHeader}; an update
 * marks the old version deleted and inserts a new one (new row id); a delete marks the version. Readers see the
 * versions their snapshot allows ({@link #scan}) and take no lock; writers of one row are serialised.
 *
 * <p><b>Writing a row</b> ({@link #lockForWrite}), PostgreSQL's protocol over the {@link LockManager}: take X on the
 * row's lock key (so writers, and {@code FOR SHARE/UPDATE} lockers, queue fairly), then look at the version's xmax:
 * <ul>
 *   <li>0: set it to our transaction — the row is ours until we end;</li>
 *   <li>a running transaction: wait for it to end (a wait the deadlock detector sees), then look again (if it
 *       rolled back, its undo has cleared the xmax);</li>
 *   <li>a committed transaction: the row changed after our snapshot — {@link StatementRestart} at READ COMMITTED,
 *       40001 ("first updater wins") at REPEATABLE READ and SERIALIZABLE.</li>
 * </ul>
 * then release the row lock key: from now on the xmax marks the row. The xmax patch is logged as a tuple change
 * (undone by slot), so rollback and crash recovery clear it again; an inserted version is removed by its undo.
 *
 * <p><b>Vacuum</b> ({@link #vacuum}) removes versions whose deleter committed below the commit table's horizon:
 * no snapshot can see them any more.
 *
 * <p>The caller makes the transaction current for the page log ({@code CurrentLog}) around writes.
 */
public final class VersionedHeap {
    private static final byte[] NO_TXN = new byte[8];

    private final TableHeap heap;
    private final int tableId;
    private final TransactionManager transactions;
    private final CommitTable commits;
    private final LockManager locks;
    /** Which pages hold only versions every snapshot sees (index-only scans skip the heap there). */
    private final AllVisibleMap allVisible = new AllVisibleMap();
    /** Versions marked deleted and not yet removed by vacuum (an estimate: 1 at first, so that vacuum looks once). */
    private final java.util.concurrent.atomic.AtomicLong obsolete = new java.util.concurrent.atomic.AtomicLong(1);
    /** The horizon of the last vacuum that left versions behind (a later pass is useless until it moves). */
    private volatile long lastVacuumHorizon = -1;

    public VersionedHeap(TableHeap heap, int tableId, TransactionManager transactions) {
        this.heap = heap;
        this.tableId = tableId;
        this.transactions = transactions;
        this.commits = transactions.commits();
        this.locks = transactions.locks();
    }

    /**
     * The number of row versions stored (live, dead not yet vacuumed, or uncommitted): the planner's estimate of the
     * table's size. Kept by the heap's insert and delete counter, so reading it costs nothing and adds no contention.
     */
    public long estimatedRowCount() {
        return heap.tupleCount();
    }

    /** The largest row (without the version header) this heap stores. */
    public int maxRowLength() {
        return heap.maxTupleLength() - VersionHeader.SIZE;
    }

    /** Inserts a new version of a new row, created by {@code tx}; returns its row id. */
    public long insert(Transaction tx, byte[] row) {
        tx.checkWritable();
        noteWrite(tx);
        long rowId = heap.insert(VersionHeader.wrap(tx.txnId(), row), VersionHeader.ABORTED_XMIN_BYTES);
        allVisible.changed(rowId);
        return rowId;
    }

    /**
     * Deletes the version {@code rowId} (visible to {@code tx}'s snapshot): {@link #lockForWrite} and mark.
     * Returns false if {@code tx} itself had already deleted it.
     */
    public boolean delete(Transaction tx, long rowId, LockWait wait) {
        return lockForWrite(tx, rowId, wait);
    }

    /** Replaces the version {@code rowId} by a new version holding {@code row}; returns the new row id. */
    public long update(Transaction tx, long rowId, byte[] row, LockWait wait) {
        if (!lockForWrite(tx, rowId, wait)) {
            throw DbException.internal("row " + RowIds.toString(rowId) + " was already replaced by this transaction");
        }
        long newRowId = heap.insert(VersionHeader.wrap(tx.txnId(), row), VersionHeader.ABORTED_XMIN_BYTES);
        allVisible.changed(newRowId);
        return newRowId;
    }

    /**
     * Makes {@code tx} the deleter (xmax) of version {@code rowId}, waiting for a running writer of it first.
     *
     * @return true if it did, false if {@code tx} already was
     * @throws StatementRestart at READ COMMITTED if a transaction that committed after the snapshot changed it
     * @throws DbException      40001 for that at the other levels; 55P03 on lock timeout; 40P01 as a deadlock victim
     */
    public boolean lockForWrite(Transaction tx, long rowId, LockWait wait) {
        tx.checkWritable();
        noteWrite(tx);
        LockKey key = LockKey.row(tableId, rowId);
        boolean held = locks.holds(tx.txnId(), key) != null;
        if (!locks.acquire(tx.txnId(), key, LockMode.X, wait)) {
            throw new DbException(ErrorCode.LOCK_NOT_AVAILABLE, "row " + RowIds.toString(rowId) + " is locked");
        }
        try {
            long xmax = settledXmax(tx, rowId, wait);
            if (xmax == WRITER_STILL_RUNNING) {
                throw new DbException(ErrorCode.LOCK_NOT_AVAILABLE, "row " + RowIds.toString(rowId)
                        + " is locked by another transaction");
            }
            if (xmax == tx.txnId()) {
                return false;
            }
            if (!heap.patch(rowId, VersionHeader.XMAX_OFFSET, VersionHeader.txnBytes(tx.txnId()))) {
                throw DbException.internal("row version " + RowIds.toString(rowId) + " vanished");
            }
            allVisible.changed(rowId);
            obsolete.incrementAndGet();
            return true;
        } finally {
            if (!held) {
                locks.release(tx.txnId(), key);
            }
        }
    }

    /**
     * {@code SELECT ... FOR UPDATE / FOR SHARE}: takes X or S on the row until {@code tx} ends, waiting for a
     * running writer of the version; false (row skipped) only for SKIP LOCKED.
     *
     * @throws StatementRestart / DbException as {@link #lockForWrite}
     */
    public boolean lockRow(Transaction tx, long rowId, boolean exclusive, LockWait wait) {
        LockKey key = LockKey.row(tableId, rowId);
        if (!locks.acquire(tx.txnId(), key, exclusive ? LockMode.X : LockMode.S, wait)) {
            return false;
        }
        if (settledXmax(tx, rowId, wait) == WRITER_STILL_RUNNING) {
            locks.release(tx.txnId(), key);
            return false;
        }
        return true;
    }

    /** {@link #settledXmax}: the wait for the version's running writer was given up (SKIP LOCKED). */
    private static final long WRITER_STILL_RUNNING = -1;

    /**
     * The version's xmax once no other transaction is writing it: 0 (free) or {@code tx} itself. A running writer
     * is waited for (then the version is looked at again: if it rolled back, its undo cleared the xmax);
     * {@link #WRITER_STILL_RUNNING} if {@code wait} gave up on it without an error.
     *
     * @throws StatementRestart / DbException if a writer committed after the snapshot (see {@link #conflict})
     */
    private long settledXmax(Transaction tx, long rowId, LockWait wait) {
        for (;;) {
            byte[] tuple = heap.read(rowId);
            if (tuple == null) {
                throw DbException.internal("row version " + RowIds.toString(rowId) + " vanished");
            }
            long xmax = VersionHeader.xmax(tuple);
            if (xmax == 0 || xmax == tx.txnId()) {
                return xmax;
            }
            long ts = commits.commitTs(xmax);
            if (ts == CommitTable.RUNNING) {
                if (!locks.waitForTransaction(tx.txnId(), xmax, wait)) {
                    return WRITER_STILL_RUNNING;
                }
                checkEnded(xmax, rowId);
            } else if (ts > 0) {
                throw conflict(tx, xmax);
            }
        }
    }

    /**
     * After the wait for {@code writer} returned, it must have ended; one still "running" failed its rollback and
     * only a restart resolves it (rather than spinning, fail the statement).
     */
    private void checkEnded(long writer, long rowId) {
        if (commits.commitTs(writer) == CommitTable.RUNNING) {
            throw new DbException(ErrorCode.LOCK_NOT_AVAILABLE, "row " + RowIds.toString(rowId) + " belongs to "
                    + "transaction " + writer + ", whose rollback failed; reopen the database to recover it");
        }
    }

    private RuntimeException conflict(Transaction tx, long writer) {
        String what = "the row was changed by transaction " + writer + ", which committed after this "
                + (tx.keepsSnapshot() ? "transaction's" : "statement's") + " snapshot";
        if (!tx.keepsSnapshot()) {
            return new StatementRestart(what);
        }
        return new DbException(ErrorCode.SERIALIZATION_FAILURE, "concurrent update: " + what);
    }

    private void noteWrite(Transaction tx) {
        tx.markWroteRows();
        if (tx.ssi() != null) {
            transactions.ssi().onWrite(tx.ssi(), tableId);
        }
    }

    /** Notes that {@code tx} reads this table (SERIALIZABLE read tracking); called once per scan. */
    public void noteRead(Transaction tx) {
        if (tx.ssi() != null) {
            transactions.ssi().onRead(tx.ssi(), tableId);
        }
    }

    /** The versions visible to {@code tx}'s current snapshot (and its own changes). */
    public VersionCursor scan(Transaction tx) {
        noteRead(tx);
        return new VersionCursor(heap.scan(), tx.txnId(), tx.snapshot(), commits);
    }

    /**
     * The versions committed so far (and {@code tx}'s own), whatever {@code tx}'s snapshot: what a DDL check under
     * the database's exclusive lock must see.
     */
    public VersionCursor scanLatest(Transaction tx) {
        return new VersionCursor(heap.scan(), tx.txnId(), commits.snapshot(), commits);
    }

    /**
     * The row of version {@code rowId} if {@code tx}'s snapshot sees it (an index lookup), else null: also null if
     * the slot is empty (the version was vacuumed, or its insert rolled back — an index entry may outlive both).
     */
    public byte[] readVisible(Transaction tx, long rowId) {
        byte[] tuple = heap.read(rowId);
        if (tuple == null || !visible(VersionHeader.xmin(tuple), VersionHeader.xmax(tuple), tx.txnId(),
                tx.snapshot(), commits)) {
            return null;
        }
        return VersionHeader.row(tuple);
    }

    /**
     * The row of version {@code rowId} if it is visible to a snapshot taken now (every commit so far, and
     * {@code tx}'s own changes), else null: what a foreign key check must see, whatever {@code tx}'s own snapshot.
     */
    public byte[] readCurrent(Transaction tx, long rowId) {
        byte[] tuple = heap.read(rowId);
        if (tuple == null || !visible(VersionHeader.xmin(tuple), VersionHeader.xmax(tuple), tx.txnId(),
                commits.snapshot(), commits)) {
            return null;
        }
        return VersionHeader.row(tuple);
    }

    /** The row of version {@code rowId} whatever its state (null if the slot is empty): a version just deleted. */
    public byte[] readAny(long rowId) {
        byte[] tuple = heap.read(rowId);
        return tuple == null ? null : VersionHeader.row(tuple);
    }

    /**
     * Whether every version on the page of {@code rowId} is visible to every snapshot, as the last vacuum found and
     * no write has changed since: an index-only scan may then take the indexed values from the index entry.
     */
    public boolean allVisible(long rowId) {
        return allVisible.isAllVisible(RowIds.pageNo(rowId));
    }

    /** What {@link #latest} found: the state of a version whatever any snapshot sees. */
    public enum Liveness {
        /** Inserted by a committed transaction (or by the asker) and not deleted by one: it exists now. */
        LIVE,
        /** Gone: no such version, its inserter rolled back, or a committed transaction (or the asker) deleted it. */
        DEAD,
        /** Its inserter or deleter ({@link Latest#writer}) is still running: wait for it, then look again. */
        IN_DOUBT
    }

    /** The latest state of a version, its row, and the running transaction that keeps it {@code IN_DOUBT}. */
    public record Latest(Liveness liveness, byte[] row, long writer) {
    }

    /**
     * The state of version {@code rowId} as of now, as a uniqueness check needs it (not as any snapshot sees it):
     * another transaction's running insert or delete leaves it in doubt.
     */
    public Latest latest(Transaction tx, long rowId) {
        byte[] tuple = heap.read(rowId);
        if (tuple == null) {
            return new Latest(Liveness.DEAD, null, 0);
        }
        long me = tx.txnId();
        byte[] row = VersionHeader.row(tuple);
        long xmin = VersionHeader.xmin(tuple);
        if (xmin == VersionHeader.ABORTED_XMIN) {
            return new Latest(Liveness.DEAD, row, 0);
        }
        if (xmin != me) {
            long ts = commits.commitTs(xmin);
            if (ts == CommitTable.RUNNING) {
                return new Latest(Liveness.IN_DOUBT, row, xmin);
            }
            if (ts < 0) {
                return new Latest(Liveness.DEAD, row, 0);
            }
        }
        long xmax = VersionHeader.xmax(tuple);
        if (xmax == 0) {
            return new Latest(Liveness.LIVE, row, 0);
        }
        if (xmax == me) {
            return new Latest(Liveness.DEAD, row, 0);
        }
        long ts = commits.commitTs(xmax);
        if (ts == CommitTable.RUNNING) {
            return new Latest(Liveness.IN_DOUBT, row, xmax);
        }
        return new Latest(ts > 0 ? Liveness.DEAD : Liveness.LIVE, row, 0);
    }

    /** Waits until transaction {@code writer} (found by {@link #latest}) has ended. */
    public void awaitWriter(Transaction tx, long writer, LockWait wait) {
        if (!locks.waitForTransaction(tx.txnId(), writer, wait)) {
            throw new DbException(ErrorCode.LOCK_NOT_AVAILABLE, "a row with the same key is being written by "
                    + "transaction " + writer);
        }
        checkEnded(writer, 0);
    }

    /**
     * Every version in the heap that some snapshot may see, whoever wrote it (not those whose creator rolled back):
     * row id and row (index builds).
     */
    public void forEachVersion(java.util.function.ObjLongConsumer<byte[]> action) {
        try (HeapCursor cursor = heap.scan()) {
            while (cursor.next()) {
                if (VersionHeader.xmin(cursor.buffer(), cursor.tupleOffset()) == VersionHeader.ABORTED_XMIN) {
                    continue;
                }
                byte[] row = new byte[cursor.tupleLength() - VersionHeader.SIZE];
                cursor.buffer().get(cursor.tupleOffset() + VersionHeader.SIZE, row, 0, row.length);
                action.accept(row, cursor.rowId());
            }
        }
    }

    /** Whether a version with this header is visible to transaction {@code me} reading {@code snapshot}. */
    public static boolean visible(ByteBuffer page, int tupleOffset, long me, long snapshot, CommitTable commits) {
        return visible(VersionHeader.xmin(page, tupleOffset), VersionHeader.xmax(page, tupleOffset), me, snapshot,
                commits);
    }

    /** Whether a version with header {@code (xmin, xmax)} is visible to {@code me} reading {@code snapshot}. */
    private static boolean visible(long xmin, long xmax, long me, long snapshot, CommitTable commits) {
        if (xmin == VersionHeader.ABORTED_XMIN || xmin != me && !commits.committedBefore(xmin, snapshot)) {
            return false;
        }
        if (xmax == 0) {
            return true;
        }
        if (xmax == me) {
            return false;
        }
        return !commits.committedBefore(xmax, snapshot);
    }

    /** What vacuum tells about each version it removes (no snapshot can see it). */
    public interface RemovedVersions {
        /**
         * Before the version is removed: drop what points to it (its index entries). Return false to keep it (a
         * version whose creator rolled back, {@code aborted}, may be unreadable in part: its large values' pages were
         * cleared by the rollback).
         */
        boolean beforeRemove(byte[] row, long rowId, boolean aborted);

        /** After it was removed: free what it owned (its large values). Not called for aborted versions. */
        void afterRemove(byte[] row, long rowId);
    }

    /**
     * Whether a background vacuum at {@code horizon} could remove anything: versions were marked deleted since the
     * last pass, or the horizon moved since a pass that had to leave some behind.
     */
    public boolean needsVacuum(long horizon) {
        long pending = obsolete.get();
        return pending > 0 && (horizon != lastVacuumHorizon);
    }

    /**
     * Removes every version whose deleter committed below {@code horizon}, telling {@code removed} before and after
     * each. Returns the number removed. Runs outside any transaction.
     */
    public int vacuum(long horizon, RemovedVersions removed) {
        long markedBefore = obsolete.get();
        long[] dead = new long[64];
        int count = 0;
        long kept = 0; // marked versions some snapshot may still see
        // pages whose every version all snapshots see (xmin committed below the horizon, no xmax): marked in the
        // visibility map afterwards, unless a writer changed the page since its state was read here
        java.util.Map<Integer, Long> allVisiblePages = new java.util.HashMap<>();
        int page = -1;
        long pageState = 0;
        boolean pageAllVisible = false;
        try (HeapCursor cursor = heap.scan()) {
            while (cursor.next()) {
                int tuplePage = RowIds.pageNo(cursor.rowId());
                if (tuplePage != page) {
                    if (pageAllVisible) {
                        allVisiblePages.put(page, pageState);
                    }
                    page = tuplePage;
                    pageState = allVisible.state(page);
                    pageAllVisible = true;
                }
                long xmin = VersionHeader.xmin(cursor.buffer(), cursor.tupleOffset());
                long xmax = VersionHeader.xmax(cursor.buffer(), cursor.tupleOffset());
                if (xmax == 0 && xmin != VersionHeader.ABORTED_XMIN) {
                    pageAllVisible &= xmin < horizon && commits.commitTs(xmin) > 0;
                    continue;
                }
                pageAllVisible = false;
                if (xmin == VersionHeader.ABORTED_XMIN || xmax < horizon && commits.commitTs(xmax) > 0) {
                    if (count == dead.length) {
                        dead = Arrays.copyOf(dead, count * 2);
                    }
                    dead[count++] = cursor.rowId();
                } else {
                    kept++;
                }
            }
        }
        if (pageAllVisible) {
            allVisiblePages.put(page, pageState);
        }
        for (java.util.Map.Entry<Integer, Long> e : allVisiblePages.entrySet()) {
            allVisible.markAllVisible(e.getKey(), e.getValue());
        }
        int n = 0;
        for (int i = 0; i < count; i++) {
            long rowId = dead[i];
            byte[] tuple = heap.read(rowId);
            if (tuple == null) {
                continue;
            }
            long xmax = VersionHeader.xmax(tuple);
            boolean aborted = VersionHeader.xmin(tuple) == VersionHeader.ABORTED_XMIN;
            if (!aborted && (xmax == 0 || xmax >= horizon)) {
                continue;
            }
            // index entries first (the slot may be reused as soon as it is free), then the version, then its large
            // values: a crash in between leaks pages, never frees the values of a version that is still there
            byte[] row = VersionHeader.row(tuple);
            if (!removed.beforeRemove(row, rowId, aborted)) {
                continue;
            }
            if (heap.purge(rowId)) {
                n++;
                if (!aborted) {
                    removed.afterRemove(row, rowId);
                }
            }
        }
        // marks made during the pass stay pending, and so do the versions the horizon kept
        obsolete.addAndGet(Math.min(kept, markedBefore) - markedBefore);
        lastVacuumHorizon = kept > 0 ? horizon : -1;
        return n;
    }
}
