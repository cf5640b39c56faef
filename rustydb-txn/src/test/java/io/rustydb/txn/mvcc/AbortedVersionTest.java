package io.rustydb.txn.mvcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.config.IsolationLevel;
import io.rustydb.core.config.SyncMode;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import io.rustydb.storage.io.ChannelOpener;
import io.rustydb.storage.wal.CurrentLog;
import io.rustydb.txn.Transaction;
import io.rustydb.txn.TransactionalStore;
import io.rustydb.txn.lock.LockWait;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rolled-back insert leaves its version in place, marked aborted, until vacuum removes it (so an index entry
 * that names its row id can never find another row there), and the visibility map: vacuum marks pages whose every
 * version all snapshots see, and any write to such a page clears the mark.
 */
class AbortedVersionTest {
    private static TransactionalStore memory() {
        return TransactionalStore.open(StorageEngine.inMemory(new StorageOptions(4096, 256L * 4096,
                ReplacementPolicyName.ARC).withBackgroundWriterIntervalMillis(0)), SyncMode.OFF, ChannelOpener.DEFAULT,
                0, 0);
    }

    private static VersionedHeap newHeap(TransactionalStore store) {
        Transaction ddl = store.transactions().begin(false);
        int first;
        try (CurrentLog.Scope s = CurrentLog.enter(ddl)) {
            first = store.storage().createHeap().firstPageNo();
        }
        store.transactions().commit(ddl);
        return new VersionedHeap(store.storage().openHeap(first), 1, store.transactions());
    }

    private static Transaction writer(TransactionalStore store) {
        Transaction tx = store.transactions().begin(false, IsolationLevel.READ_COMMITTED);
        store.transactions().beginStatement(tx);
        return tx;
    }

    private static long insert(VersionedHeap heap, Transaction tx, String value) {
        try (CurrentLog.Scope s = CurrentLog.enter(tx)) {
            return heap.insert(tx, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Vacuum with a listener that records the row ids it is told about before removal. */
    private static List<Long> vacuum(TransactionalStore store, VersionedHeap heap) {
        List<Long> removed = new ArrayList<>();
        heap.vacuum(store.transactions().advanceHorizon(), new VersionedHeap.RemovedVersions() {
            @Override
            public boolean beforeRemove(byte[] row, long rowId, boolean aborted) {
                removed.add(rowId);
                return true;
            }

            @Override
            public void afterRemove(byte[] row, long rowId) {
            }
        });
        return removed;
    }

    @Test
    void aRolledBackInsertKeepsItsSlotUntilVacuum() {
        try (TransactionalStore store = memory()) {
            VersionedHeap heap = newHeap(store);
            Transaction loser = writer(store);
            long ghost = insert(heap, loser, "ghost");
            store.transactions().rollback(loser);
            assertNotNull(heap.readAny(ghost), "the version stays, marked aborted");
            Transaction reader = writer(store);
            assertNull(heap.readVisible(reader, ghost));
            assertEquals(VersionedHeap.Liveness.DEAD, heap.latest(reader, ghost).liveness());
            long next = insert(heap, reader, "real");
            assertNotEquals(ghost, next, "the aborted version's slot is not reused before vacuum");
            store.transactions().commit(reader);
            assertEquals(List.of(ghost), vacuum(store, heap));
            assertNull(heap.readAny(ghost));
        }
    }

    @Test
    void vacuumMarksAllVisiblePagesAndWritesClearTheMark() {
        try (TransactionalStore store = memory()) {
            VersionedHeap heap = newHeap(store);
            Transaction tx = writer(store);
            List<Long> rows = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                rows.add(insert(heap, tx, "row " + i));
            }
            assertFalse(heap.allVisible(rows.get(0)));
            vacuum(store, heap);
            assertFalse(heap.allVisible(rows.get(0)), "an uncommitted insert: not all-visible");
            store.transactions().commit(tx);
            vacuum(store, heap);
            assertTrue(heap.allVisible(rows.get(0)));
            Transaction deleter = writer(store);
            try (CurrentLog.Scope s = CurrentLog.enter(deleter)) {
                heap.delete(deleter, rows.get(1), LockWait.NOWAIT);
            }
            assertFalse(heap.allVisible(rows.get(0)), "a delete clears the page's mark at once");
            store.transactions().rollback(deleter);
            vacuum(store, heap);
            assertTrue(heap.allVisible(rows.get(0)), "back to all-visible once vacuum has looked again");
            Transaction inserter = writer(store);
            insert(heap, inserter, "one more");
            assertFalse(heap.allVisible(rows.get(0)));
            store.transactions().rollback(inserter);
            vacuum(store, heap); // removes the aborted version; the next pass may mark the page again
            vacuum(store, heap);
            assertTrue(heap.allVisible(rows.get(0)));
        }
    }
}
