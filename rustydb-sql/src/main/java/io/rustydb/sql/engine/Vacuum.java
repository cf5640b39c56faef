package io.rustydb.sql.engine;

import io.rustydb.core.DbException;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.index.TableIndex;
import io.rustydb.storage.heap.OverflowRef;
import io.rustydb.storage.tuple.RowCodec;
import io.rustydb.txn.Transaction;
import io.rustydb.txn.TransactionManager;
import io.rustydb.txn.lock.LockKey;
import io.rustydb.txn.lock.LockMode;
import io.rustydb.txn.lock.LockWait;
import io.rustydb.txn.mvcc.VersionedHeap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Garbage collection of row versions: removes the versions no snapshot can see any more (deleted or replaced by a
 * transaction that committed below the commit table's horizon) and frees their large values; the heap reuses the
 * space for new rows; the index entries of a removed version go first. Versions whose creator rolled back are
 * removed the same way. {@code VACUUM} also sweeps each index of entries whose slot is empty. A daemon thread runs a pass when writers have committed (or the horizon has moved) since the
 * last one, at most every {@value #INTERVAL_MILLIS} ms, or sooner once {@value #COMMITS_PER_PASS} writing commits piled up;
 * {@link #runOnce()} runs one now.
 *
 * <p>A background pass visits only the tables where versions were marked deleted since their last pass, or where
 * the horizon has moved since a pass had to leave some behind; {@code VACUUM} visits all. A pass visits the tables
 * one by one inside a read-only transaction that holds IS on the database (so DDL
 * cannot drop a table under it); if the lock is not free at once the pass is skipped and retried later. A long
 * running transaction holds the horizon back, and with it vacuum: its snapshot may still need the old versions.
 */
final class Vacuum implements AutoCloseable {
    static final long INTERVAL_MILLIS = 200;
    static final long COMMITS_PER_PASS = 2_000;

    private final SqlEngine engine;
    private final AtomicLong commitsSincePass = new AtomicLong();
    private final Object signal = new Object();
    private final Object passLock = new Object();
    private final Thread thread;
    private volatile boolean closed;
    /** The horizon the last pass ran at. */
    private volatile long lastPassHorizon = -1;

    /** With {@code background} false, only {@link #runOnce()} vacuums (no thread). */
    Vacuum(SqlEngine engine, boolean background) {
        this.engine = engine;
        if (background) {
            this.thread = new Thread(this::loop, "rustydb-vacuum-" + engine.storage().name());
            thread.setDaemon(true);
            thread.start();
        } else {
            this.thread = null;
        }
    }

    /** A transaction that wrote row versions committed. */
    void noteCommit() {
        if (commitsSincePass.incrementAndGet() == COMMITS_PER_PASS) {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    private void loop() {
        while (!closed) {
            try {
                synchronized (signal) {
                    if (commitsSincePass.get() < COMMITS_PER_PASS && !closed) {
                        signal.wait(INTERVAL_MILLIS);
                    }
                }
                boolean horizonMoved = engine.transactions().commits().horizon() != lastPassHorizon;
                if (!closed && (commitsSincePass.get() > 0 || horizonMoved)) {
                    pass(LockWait.NOWAIT, false);
                }
            } catch (InterruptedException e) {
                return;
            } catch (DbException e) {
                if (e.code() != io.rustydb.core.ErrorCode.LOCK_NOT_AVAILABLE && !closed) {
                    log().warn("vacuum pass of {} failed: {}", engine.storage().name(), e.getMessage());
                } // else DDL holds the database: the next pass tries again
            } catch (RuntimeException e) {
                if (!closed) {
                    log().warn("vacuum pass of {} failed", engine.storage().name(), e);
                }
            }
        }
    }

    /** Runs one pass over every table now (waiting for the database lock); returns the number of versions removed. */
    long runOnce() {
        return pass(LockWait.timeout(engine.lockTimeoutMillis()), true);
    }

    /** One pass: every table, or ({@code all} false) only those where it may remove something. */
    private long pass(LockWait wait, boolean all) {
        synchronized (passLock) {
            commitsSincePass.set(0);
            TransactionManager transactions = engine.transactions();
            Transaction tx = transactions.begin(true);
            long count = 0;
            try {
                transactions.locks().acquire(tx.txnId(), LockKey.database(), LockMode.IS, wait);
                long horizon = transactions.advanceHorizon();
                lastPassHorizon = horizon;
                for (TableDef table : engine.catalog().tables()) {
                    DataType[] types = table.columnTypes();
                    VersionedHeap heap = engine.catalog().heap(table);
                    if (all || heap.needsVacuum(horizon)) {
                        count += heap.vacuum(horizon, new VersionedHeap.RemovedVersions() {
                            @Override
                            public boolean beforeRemove(byte[] row, long rowId, boolean aborted) {
                                if (aborted && !RowCodec.externalRefs(row, types).isEmpty()) {
                                    // the rollback cleared its large values' pages: its index keys may be
                                    // unreadable, so the version stays (never visible) with its slot
                                    return false;
                                }
                                removeIndexEntries(table, row, rowId);
                                return true;
                            }

                            @Override
                            public void afterRemove(byte[] row, long rowId) {
                                freeLargeValues(row, types);
                            }
                        });
                    }
                    if (all && !table.indexes().isEmpty()) {
                        sweepIndexes(tx, table, wait);
                    }
                }
            } finally {
                engine.commit(tx);
            }
            return count;
        }
    }

    private void removeIndexEntries(TableDef table, byte[] row, long rowId) {
        if (table.indexes().isEmpty()) {
            return;
        }
        Object[] values = null;
        for (io.rustydb.sql.catalog.IndexDef def : table.indexes()) {
            TableIndex index = engine.catalog().index(table, def);
            if (values == null) {
                values = index.decodeRow(row, engine.catalog().overflow());
            }
            index.remove(index.keyOf(values), rowId);
        }
    }

    /**
     * Removes the index entries whose slot is empty or holds a live version with another key (neither happens while
     * rolled-back inserts keep their slots until vacuum; a guard for older files). Holds S on the table, so no writer
     * can reuse a slot meanwhile.
     */
    private void sweepIndexes(Transaction tx, TableDef table, LockWait wait) {
        engine.transactions().locks().acquire(tx.txnId(), LockKey.table(table.tableId()), LockMode.S, wait);
        VersionedHeap heap = engine.catalog().heap(table);
        for (io.rustydb.sql.catalog.IndexDef def : table.indexes()) {
            TableIndex index = engine.catalog().index(table, def);
            io.rustydb.sql.index.IndexEntries entries = index.scan(null, null, false);
            while (entries.next()) {
                byte[] entry = entries.entry();
                VersionedHeap.Latest latest = heap.latest(tx, TableIndex.rowIdOf(entry));
                // an empty slot: the entry's version is gone; a dead version keeps its entry until vacuum removes
                // both (and may be unreadable in part: a rolled-back insert's large values were cleared)
                if (latest.row() == null || latest.liveness() != VersionedHeap.Liveness.DEAD
                        && !index.keyMatches(entry, index.decodeRow(latest.row(), engine.catalog().overflow()))) {
                    index.removeEntry(entry);
                }
            }
        }
    }

    private void freeLargeValues(byte[] row, DataType[] types) {
        List<OverflowRef> refs = RowCodec.externalRefs(row, types);
        for (OverflowRef ref : refs) {
            engine.catalog().overflow().free(ref);
        }
    }

    /** Looked up only when there is something to say: SLF4J without a provider warns on stderr at first use. */
    private static Logger log() {
        return LoggerFactory.getLogger(Vacuum.class);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (signal) {
            signal.notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (passLock) {
            // wait for a pass run by another thread
        }
    }
}
