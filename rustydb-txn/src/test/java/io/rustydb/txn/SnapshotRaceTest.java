package io.rustydb.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.config.SyncMode;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import io.rustydb.storage.io.ChannelOpener;
import io.rustydb.storage.wal.CurrentLog;
import io.rustydb.txn.lock.LockWait;
import io.rustydb.txn.mvcc.VersionCursor;
import io.rustydb.txn.mvcc.VersionedHeap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Races found in review, replayed deterministically: a horizon advance while a statement registers its snapshot
 * (it must not pass a commit newer than the snapshot), and a writer meeting a row of a transaction whose rollback
 * failed (it must time out, not spin).
 */
class SnapshotRaceTest {
    private static byte[] row(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static TransactionalStore memoryStore() {
        StorageEngine storage = StorageEngine.inMemory(
                new StorageOptions(4096, 256 * 4096, ReplacementPolicyName.ARC).withBackgroundWriterIntervalMillis(0));
        return TransactionalStore.open(storage, SyncMode.OFF, ChannelOpener.DEFAULT, 0, 0);
    }

    /**
     * Two commits and a horizon advance happen while the reader registers its snapshot (inside the registration
     * callback, between its first and second step): the snapshot must see either both or neither, never the newer
     * version through the horizon and the older one too.
     */
    @Test
    void aHorizonAdvanceDuringSnapshotRegistrationNeverTearsTheSnapshot() {
        try (TransactionalStore store = memoryStore()) {
            TransactionManager tm = store.transactions();
            VersionedHeap heap = new VersionedHeap(store.storage().createHeap(), 1, tm);
            Transaction setup = tm.begin(false);
            long b0;
            try (CurrentLog.Scope s = CurrentLog.enter(setup)) {
                b0 = heap.insert(setup, row("B=0"));
            }
            tm.commit(setup);

            Transaction t1 = tm.begin(false); // older than the reader
            Transaction reader = tm.begin(false);
            Transaction u = tm.begin(false); // younger than the reader
            boolean[] done = new boolean[1];
            tm.commits().takeSnapshot(value -> {
                reader.setSnapshot(value);
                if (!done[0]) {
                    done[0] = true;
                    long b1;
                    try (CurrentLog.Scope s = CurrentLog.enter(u)) {
                        b1 = heap.update(u, b0, row("B=1"), LockWait.NOWAIT);
                    }
                    tm.commit(u);
                    try (CurrentLog.Scope s = CurrentLog.enter(t1)) {
                        heap.update(t1, b1, row("B=2"), LockWait.NOWAIT);
                    }
                    tm.commit(t1); // advances the horizon
                }
            });
            List<String> seen = new ArrayList<>();
            try (VersionCursor c = heap.scan(reader)) {
                while (c.next()) {
                    byte[] b = new byte[c.rowLength()];
                    c.buffer().get(c.rowOffset(), b, 0, b.length);
                    seen.add(new String(b, StandardCharsets.UTF_8));
                }
            }
            tm.commit(reader);
            assertEquals(1, seen.size(), "one version of the row, not " + seen + " (horizon "
                    + tm.commits().horizon() + ")");
        }
    }

    /**
     * A rollback whose undo fails (here: the log failed, as after an I/O error) leaves the transaction running in
     * the commit table with its locks held: a writer of one of its rows waits and fails with the lock timeout,
     * never spins.
     */
    @Test
    void aWriterSpinsForeverOnARowOfATransactionWhoseRollbackFailed() throws Exception {
        StorageEngine storage = StorageEngine.inMemory(
                new StorageOptions(4096, 256 * 4096, ReplacementPolicyName.ARC).withBackgroundWriterIntervalMillis(0));
        TransactionalStore store = TransactionalStore.open(storage, SyncMode.OFF, ChannelOpener.DEFAULT, 0, 0);
        TransactionManager tm = store.transactions();
        VersionedHeap heap = new VersionedHeap(storage.createHeap(), 1, tm);
        Transaction setup = tm.begin(false);
        long b0;
        try (CurrentLog.Scope s = CurrentLog.enter(setup)) {
            b0 = heap.insert(setup, row("B=0"));
        }
        tm.commit(setup);

        Transaction loser = tm.begin(false);
        try (CurrentLog.Scope s = CurrentLog.enter(loser)) {
            heap.delete(loser, b0, LockWait.NOWAIT); // xmax = loser
        }
        tm.wal().fail(new io.rustydb.core.DbException(io.rustydb.core.ErrorCode.IO_ERROR, "log", "test"));
        try {
            tm.rollback(loser);
        } catch (RuntimeException expected) {
            // undo could not log its compensation records
        }
        Transaction writer = tm.begin(false);
        Thread t = new Thread(() -> {
            try (CurrentLog.Scope s = CurrentLog.enter(writer)) {
                heap.delete(writer, b0, LockWait.timeout(500)); // should fail within ~500 ms (55P03 / log failed)
            } catch (RuntimeException e) {
                // any error is fine; hanging is not
            }
        }, "spinning-writer");
        t.setDaemon(true);
        t.start();
        t.join(5_000);
        boolean stuck = t.isAlive();
        assertEquals(false, stuck, "the writer is still spinning in lockForWrite after 5 s (lock timeout 500 ms)");
    }

    @Test
    void anIsolationLevelCannotChangeOnceAStatementRan() {
        try (TransactionalStore store = memoryStore()) {
            TransactionManager tm = store.transactions();
            Transaction tx = tm.begin(false);
            tm.beginStatement(tx);
            tm.endStatement(tx); // READ COMMITTED lets go of its snapshot between statements
            DbException e = assertThrows(DbException.class,
                    () -> tm.setIsolation(tx, io.rustydb.core.config.IsolationLevel.SERIALIZABLE));
            assertEquals(ErrorCode.ACTIVE_SQL_TRANSACTION, e.code());
            tm.rollback(tx);
        }
    }
}
