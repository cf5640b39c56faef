package io.rustydb.txn.mvcc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rustydb.core.config.IsolationLevel;
import io.rustydb.core.config.SyncMode;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import io.rustydb.storage.heap.TableHeap;
import io.rustydb.storage.io.ChannelOpener;
import io.rustydb.storage.wal.CurrentLog;
import io.rustydb.storage.wal.FileLogStore;
import io.rustydb.txn.Transaction;
import io.rustydb.txn.TransactionalStore;
import io.rustydb.txn.lock.LockWait;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row versions of several transactions interleaved on the same heap pages: rollback and crash recovery undo each
 * loser's versions and xmax marks by slot, leaving every other transaction's changes in place. A crash is a copy
 * of the file and its log taken while the database is open.
 */
class MvccRecoveryTest {
    @TempDir
    Path dir;

    private static TransactionalStore open(Path db) {
        StorageOptions options = new StorageOptions(4096, 256 * 4096, ReplacementPolicyName.ARC)
                .withBackgroundWriterIntervalMillis(0);
        return TransactionalStore.open(StorageEngine.openFile(db, options), SyncMode.FULL, ChannelOpener.DEFAULT, 0, 0);
    }

    private static Path crashCopy(Path db, Path target) throws IOException {
        Files.copy(db, target);
        Path walCopy = FileLogStore.directoryFor(target);
        Files.createDirectories(walCopy);
        try (Stream<Path> files = Files.list(FileLogStore.directoryFor(db))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, walCopy.resolve(f.getFileName()));
            }
        }
        return target;
    }

    private static long insert(TransactionalStore store, VersionedHeap heap, Transaction tx, String value) {
        try (CurrentLog.Scope s = CurrentLog.enter(tx)) {
            return heap.insert(tx, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void delete(VersionedHeap heap, Transaction tx, long rowId) {
        try (CurrentLog.Scope s = CurrentLog.enter(tx)) {
            heap.delete(tx, rowId, LockWait.NOWAIT);
        }
    }

    /** What a new transaction sees, sorted. */
    private static List<String> visible(TransactionalStore store, VersionedHeap heap) {
        Transaction reader = store.transactions().begin(true, IsolationLevel.READ_COMMITTED);
        store.transactions().beginStatement(reader);
        List<String> rows = new ArrayList<>();
        try (VersionCursor c = heap.scan(reader)) {
            while (c.next()) {
                byte[] b = new byte[c.rowLength()];
                c.buffer().get(c.rowOffset(), b, 0, b.length);
                rows.add(new String(b, StandardCharsets.UTF_8));
            }
        }
        store.transactions().commit(reader);
        rows.sort(String::compareTo);
        return rows;
    }

    @Test
    void losersInterleavedWithWinnersOnOnePageAreUndoneBySlot() throws IOException {
        long seed = 5;
        Random random = new Random(seed);
        Path db = dir.resolve("mvcc.db");
        TransactionalStore store = open(db);
        int first;
        Transaction ddl = store.transactions().begin(false);
        try (CurrentLog.Scope s = CurrentLog.enter(ddl)) {
            first = store.storage().createHeap().firstPageNo();
        }
        store.transactions().commit(ddl);
        TableHeap table = store.storage().openHeap(first);
        VersionedHeap heap = new VersionedHeap(table, 1, store.transactions());

        Transaction setup = store.transactions().begin(false);
        store.transactions().beginStatement(setup);
        List<Long> base = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            base.add(insert(store, heap, setup, "base-" + i));
            expected.add("base-" + i);
        }
        store.transactions().commit(setup);
        store.checkpointer().checkpoint();

        // a winner and two losers, interleaved row by row on the same pages
        Transaction winner = store.transactions().begin(false);
        Transaction loser1 = store.transactions().begin(false);
        Transaction loser2 = store.transactions().begin(false);
        for (Transaction tx : List.of(winner, loser1, loser2)) {
            store.transactions().beginStatement(tx);
        }
        for (int i = 0; i < 40; i++) {
            Transaction tx = List.of(winner, loser1, loser2).get(random.nextInt(3));
            String value = (tx == winner ? "win-" : "lose-") + i + " " + "x".repeat(random.nextInt(200));
            insert(store, heap, tx, value);
            if (tx == winner) {
                expected.add(value);
            }
            if (i % 4 == 0) {
                long victim = base.get(i);
                delete(heap, tx, victim);
                if (tx == winner) {
                    expected.remove("base-" + i);
                }
            }
        }
        store.transactions().commit(winner);
        List<String> afterWinner = visible(store, heap);
        store.wal().forceAll();
        Path copy = crashCopy(db, dir.resolve("mvcc-copy.db"));

        // at run time: the losers roll back by slot; the winner's rows stay
        store.transactions().rollback(loser1);
        store.transactions().rollback(loser2);
        List<String> afterRollback = visible(store, heap);
        store.close();
        assertEquals(afterWinner, afterRollback, "seed " + seed);
        for (String row : afterRollback) {
            assertEquals(false, row.startsWith("lose-"), "a loser's row survived its rollback: " + row);
        }
        for (String row : expected) {
            assertEquals(true, afterRollback.contains(row), "missing " + row + ", seed " + seed);
        }

        // after a crash: recovery rolls the same losers back
        TransactionalStore recovered = open(copy);
        try {
            assertEquals(2, recovered.rolledBackAtOpen());
            VersionedHeap again = new VersionedHeap(recovered.storage().openHeap(first), 1, recovered.transactions());
            assertEquals(afterWinner, visible(recovered, again), "seed " + seed);
        } finally {
            recovered.close();
        }
    }
}
