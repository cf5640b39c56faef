package io.rustydb.sql.index;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.txn.Transaction;
import io.rustydb.txn.lock.LockWait;
import io.rustydb.txn.mvcc.VersionedHeap;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Adds the index entries of new row versions (INSERT, and UPDATE's new version) and enforces UNIQUE / PRIMARY KEY.
 *
 * <p><b>Uniqueness under concurrency.</b> A unique index may hold several entries per key (versions for older
 * snapshots, entries left by rollbacks), so the check looks at what each entry of the key points to now, not
 * through a snapshot ({@link VersionedHeap#latest}): a version that exists (its inserter committed, or is us, and
 * no committed transaction or we deleted it) with the same key is a violation (23505); one whose inserter or deleter
 * is still running is waited for (a lock wait the deadlock detector sees; 55P03 on lock timeout), and then the key
 * is checked again — so of two transactions inserting one key the second waits for the first and then fails or,
 * if the first rolled back, succeeds. Check and insert of one key happen under a striped mutex
 * (never held while waiting), so no second inserter can slip between them: it finds the first's entry and waits
 * for it. NULLs never clash (PostgreSQL's NULLS DISTINCT).
 */
public final class IndexWriter {
    private static final int STRIPES = 256;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public IndexWriter() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Adds the entries of version {@code rowId} holding {@code row} (table order) of {@code table} to each of its
     * indexes, checking unique ones.
     */
    public void addVersion(Catalog catalog, Transaction tx, LockWait wait, TableDef table, Object[] row, long rowId) {
        for (IndexDef def : table.indexes()) {
            TableIndex index = catalog.index(table, def);
            byte[] key = index.keyOf(row);
            if (!def.unique() || index.hasNullKey(row)) {
                index.add(key, rowId);
            } else {
                addUnique(catalog, tx, wait, table, index, key, rowId);
            }
        }
    }

    /**
     * Like {@link #addVersion}, for {@code INSERT ... ON CONFLICT}: the entries of the {@code arbiters} (unique
     * indexes) are added first, and a version that exists now with the same key in one of them is no error: its row
     * id is returned and no further entry is added (the caller then deletes its new version and handles the
     * conflict). Returns -1 once every entry is added. A duplicate in another unique index is 23505 as usual.
     */
    public long addVersionUnlessConflict(Catalog catalog, Transaction tx, LockWait wait, TableDef table, Object[] row,
                                         long rowId, java.util.Collection<IndexDef> arbiters) {
        java.util.Set<Integer> arbiterIds = new java.util.HashSet<>();
        java.util.List<IndexDef> ordered = new java.util.ArrayList<>();
        for (IndexDef def : arbiters) {
            arbiterIds.add(def.indexId());
            ordered.add(def);
        }
        for (IndexDef def : table.indexes()) {
            if (!arbiterIds.contains(def.indexId())) {
                ordered.add(def);
            }
        }
        for (IndexDef def : ordered) {
            TableIndex index = catalog.index(table, def);
            byte[] key = index.keyOf(row);
            if (!def.unique() || index.hasNullKey(row)) {
                index.add(key, rowId);
                continue;
            }
            long clash = addUnique(catalog, tx, wait, table, index, key, rowId, arbiterIds.contains(def.indexId()));
            if (clash >= 0) {
                return clash;
            }
        }
        return -1;
    }

    private void addUnique(Catalog catalog, Transaction tx, LockWait wait, TableDef table, TableIndex index,
                           byte[] key, long rowId) {
        addUnique(catalog, tx, wait, table, index, key, rowId, false);
    }

    /**
     * Adds the entry after the uniqueness check; returns -1, or (if {@code returnClash}) the row id of the version
     * that holds the key now instead of throwing 23505.
     */
    private long addUnique(Catalog catalog, Transaction tx, LockWait wait, TableDef table, TableIndex index,
                           byte[] key, long rowId, boolean returnClash) {
        VersionedHeap heap = catalog.heap(table);
        ReentrantLock stripe = stripes[Math.floorMod(index.def().indexId() * 31 + Arrays.hashCode(key), STRIPES)];
        for (;;) {
            TableIndex.Probe found;
            stripe.lock();
            try {
                found = index.probe(heap, tx, catalog.overflow(), key, rowId);
                if (found.liveRowId() >= 0) {
                    if (returnClash) {
                        return found.liveRowId();
                    }
                    throw duplicate(table, index, key);
                }
                if (found.writer() == 0) {
                    index.add(key, rowId);
                    return -1;
                }
            } finally {
                stripe.unlock();
            }
            heap.awaitWriter(tx, found.writer(), wait);
        }
    }

    private static DbException duplicate(TableDef table, TableIndex index, byte[] key) {
        return new DbException(ErrorCode.UNIQUE_VIOLATION, index.def().name(),
                TableIndex.columnNames(index.def(), table), TableIndex.valueList(index.codec().decode(key)));
    }
}
