package io.rustydb.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.config.SyncMode;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import io.rustydb.storage.heap.HeapCursor;
import io.rustydb.storage.heap.TableHeap;
import io.rustydb.storage.io.ChannelOpener;
import io.rustydb.storage.wal.CurrentLog;
import io.rustydb.storage.wal.FileLogStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery of each kind of log record, on real files. A crash is simulated by copying the database file and its
 * log directory while the database is open (after the changes, before any checkpoint writes them): the copy is
 * exactly what a killed process leaves behind. Opening the copy runs recovery.
 */
class StorageRecoveryTest {
    @TempDir
    Path dir;

    private static StorageOptions options() {
        return new StorageOptions(4096, 256 * 4096, ReplacementPolicyName.ARC).withBackgroundWriterIntervalMillis(0);
    }

    private static TransactionalStore open(Path db) {
        return TransactionalStore.open(StorageEngine.openFile(db, options()), SyncMode.FULL, ChannelOpener.DEFAULT,
                0, 0);
    }

    /** Copies the database and its log as a crash would leave them. */
    private static Path crashCopy(Path db, Path target) throws IOException {
        Files.copy(db, target);
        Path wal = FileLogStore.directoryFor(db);
        Path walCopy = FileLogStore.directoryFor(target);
        Files.createDirectories(walCopy);
        try (Stream<Path> files = Files.list(wal)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, walCopy.resolve(f.getFileName()));
            }
        }
        return target;
    }

    private static List<String> rows(TableHeap heap) {
        List<String> rows = new ArrayList<>();
        try (HeapCursor c = heap.scan()) {
            while (c.next()) {
                byte[] b = new byte[c.tupleLength()];
                c.buffer().get(c.tupleOffset(), b, 0, b.length);
                rows.add(new String(b, StandardCharsets.UTF_8));
            }
        }
        rows.sort(String::compareTo);
        return rows;
    }

    private static void insert(TransactionalStore store, Transaction tx, TableHeap heap, String... values) {
        try (CurrentLog.Scope s = CurrentLog.enter(tx)) {
            for (String v : values) {
                heap.insert(v.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static int newHeap(TransactionalStore store) {
        Transaction tx = store.transactions().begin(false);
        int first;
        try (CurrentLog.Scope s = CurrentLog.enter(tx)) {
            TableHeap heap = store.storage().createHeap();
            first = heap.firstPageNo();
            store.storage().setRootPage(0, first);
        }
        store.transactions().commit(tx);
        return first;
    }

    @Test
    void committedDeltasAreRedoneAndLosersUndone() throws IOException {
        Path db = dir.resolve("a.db");
        TransactionalStore store = open(db);
        int first = newHeap(store);
        store.checkpointer().checkpoint();
        TableHeap heap = store.storage().openHeap(first);
        Transaction committed = store.transactions().begin(false);
        insert(store, committed, heap, "kept-1", "kept-2");
        store.transactions().commit(committed);
        Transaction loser = store.transactions().begin(false);
        insert(store, loser, heap, "lost-1");
        store.wal().forceAll();
        Path copy = crashCopy(db, dir.resolve("a-copy.db"));
        store.transactions().rollback(loser);
        store.close();

        TransactionalStore recovered = open(copy);
        try {
            assertTrue(recovered.redoneRecords() > 0, "PAGE_DELTA records must be redone");
            assertEquals(1, recovered.rolledBackAtOpen(), "the open transaction is a loser");
            assertEquals(List.of("kept-1", "kept-2"), rows(recovered.storage().openHeap(first)));
        } finally {
            recovered.close();
        }
        // and again: recovery's own compensation and abort records recover cleanly
        TransactionalStore again = open(copy);
        try {
            assertEquals(0, again.rolledBackAtOpen());
            assertEquals(List.of("kept-1", "kept-2"), rows(again.storage().openHeap(first)));
        } finally {
            again.close();
        }
    }

    @Test
    void aTornPageIsRebuiltFromItsFullImage() throws IOException {
        Path db = dir.resolve("b.db");
        TransactionalStore store = open(db);
        int first = newHeap(store);
        TableHeap heap = store.storage().openHeap(first);
        Transaction setup = store.transactions().begin(false);
        insert(store, setup, heap, "before-checkpoint");
        store.transactions().commit(setup);
        store.checkpointer().checkpoint(); // the page is on disk; its next change logs a full image first
        Transaction tx = store.transactions().begin(false);
        insert(store, tx, heap, "after-checkpoint");
        store.transactions().commit(tx);
        Path copy = crashCopy(db, dir.resolve("b-copy.db"));
        store.close();
        // tear the page in the copy: its second half is garbage, as a cut-short write leaves it
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            byte[] garbage = new byte[2048];
            java.util.Arrays.fill(garbage, (byte) 0x5A);
            ch.write(ByteBuffer.wrap(garbage), (long) first * 4096 + 2048);
        }
        TransactionalStore recovered = open(copy);
        try {
            assertEquals(List.of("after-checkpoint", "before-checkpoint"), rows(recovered.storage().openHeap(first)));
        } finally {
            recovered.close();
        }
    }

    @Test
    void pagesAllocatedAfterTheLastHeaderWriteAreRecovered() throws IOException {
        Path db = dir.resolve("c.db");
        TransactionalStore store = open(db);
        int first = newHeap(store);
        store.checkpointer().checkpoint();
        TableHeap heap = store.storage().openHeap(first);
        Transaction tx = store.transactions().begin(false);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String v = String.format("row-%04d-%s", i, "x".repeat(40));
            insert(store, tx, heap, v);
            expected.add(v);
        }
        store.transactions().commit(tx);
        Path copy = crashCopy(db, dir.resolve("c-copy.db"));
        store.close();
        TransactionalStore recovered = open(copy);
        try {
            assertTrue(recovered.storage().bufferPool().diskManager().pageCount() > first + 2,
                    "HEADER_STATE records must restore the page count");
            assertEquals(expected, rows(recovered.storage().openHeap(first)));
        } finally {
            recovered.close();
        }
    }

    @Test
    void aRollbackCutShortByACrashIsFinishedWithoutUndoingTwice() throws IOException {
        Path db = dir.resolve("d.db");
        TransactionalStore store = open(db);
        int first = newHeap(store);
        TableHeap heap = store.storage().openHeap(first);
        Transaction base = store.transactions().begin(false);
        insert(store, base, heap, "base");
        store.transactions().commit(base);
        Transaction tx = store.transactions().begin(false);
        insert(store, tx, heap, "t-1", "t-2");
        long savepoint = tx.savepoint();
        insert(store, tx, heap, "t-3", "t-4");
        store.transactions().rollbackTo(tx, savepoint); // compensation records for t-3, t-4
        store.wal().forceAll();
        Path copy = crashCopy(db, dir.resolve("d-copy.db"));
        store.transactions().rollback(tx);
        store.close();
        TransactionalStore recovered = open(copy);
        try {
            assertEquals(1, recovered.rolledBackAtOpen());
            assertEquals(List.of("base"), rows(recovered.storage().openHeap(first)));
        } finally {
            recovered.close();
        }
    }

    @Test
    void recoveryStartsAtTheLastCheckpointAndKeepsWhatWasCommittedBeforeIt() throws IOException {
        Path db = dir.resolve("e.db");
        TransactionalStore store = open(db);
        int first = newHeap(store);
        TableHeap heap = store.storage().openHeap(first);
        for (int i = 0; i < 5; i++) {
            Transaction tx = store.transactions().begin(false);
            insert(store, tx, heap, "old-" + i);
            store.transactions().commit(tx);
        }
        store.checkpointer().checkpoint();
        Transaction tx = store.transactions().begin(false);
        insert(store, tx, heap, "new");
        store.transactions().commit(tx);
        Path copy = crashCopy(db, dir.resolve("e-copy.db"));
        store.close();
        TransactionalStore recovered = open(copy);
        try {
            assertTrue(recovered.recoveredRecords() < 10,
                    "analysis starts at the checkpoint: " + recovered.recoveredRecords() + " records");
            assertEquals(List.of("new", "old-0", "old-1", "old-2", "old-3", "old-4"),
                    rows(recovered.storage().openHeap(first)));
        } finally {
            recovered.close();
        }
    }
}
