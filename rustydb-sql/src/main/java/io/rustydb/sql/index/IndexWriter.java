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

    private void addUnique(Catalog catalog, Transaction tx, LockWait wait, TableDef table, TableIndex index,
                           byte[] key, long rowId) {
        VersionedHeap heap = catalog.heap(table);
        ReentrantLock stripe = stripes[Math.floorMod(index.def().indexId() * 31 + Arrays.hashCode(key), STRIPES)];
        for (;;) {
            TableIndex.Probe found;
            stripe.lock();
            try {
                found = index.probe(heap, tx, catalog.overflow(), key, rowId);
                if (found.liveRowId() >= 0) {
                    throw duplicate(table, index, key);
                }
                if (found.writer() == 0) {
                    index.add(key, rowId);
                    return;
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
