package io.rustydb.sql.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rustydb.core.config.SyncMode;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import io.rustydb.storage.heap.OverflowRef;
import io.rustydb.storage.io.ChannelOpener;
import io.rustydb.storage.tuple.RowCodec;
import io.rustydb.storage.wal.FileLogStore;
import io.rustydb.txn.TransactionalStore;
import io.rustydb.txn.mvcc.VersionedHeap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vacuum removes a dead version before it frees the version's large values: a crash between the two steps may leak
 * pages but never leaves a version whose values are already free (which every later pass would free again: XX001
 * forever, or a double free of reused pages).
 */
class VacuumCrashTest {
    @TempDir
    Path dir;

    private static StorageOptions options() {
        return new StorageOptions(4096, 256 * 4096, ReplacementPolicyName.ARC).withBackgroundWriterIntervalMillis(0);
    }

    private static SqlEngine open(Path db) {
        return new SqlEngine(TransactionalStore.open(StorageEngine.openFile(db, options()), SyncMode.FULL,
                ChannelOpener.DEFAULT, 0, 0), 1_000, false);
    }

    /** Copies the database and its log as a killed process leaves them (as StorageRecoveryTest does). */
    private static void crashCopy(Path db, Path target) {
        try {
            Files.copy(db, target);
            Path wal = FileLogStore.directoryFor(db);
            Path walCopy = FileLogStore.directoryFor(target);
            Files.createDirectories(walCopy);
            try (Stream<Path> files = Files.list(wal)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, walCopy.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aCrashBetweenPurgingAVersionAndFreeingItsLargeValuesLeavesVacuumWorking() {
        Path db = dir.resolve("v.db");
        Path copy = dir.resolve("crashed.db");
        SqlEngine engine = open(db);
        try {
            engine.execute("CREATE TABLE t (id INTEGER, v VARCHAR(100000))");
            engine.execute("INSERT INTO t VALUES (1, '" + "x".repeat(20_000) + "')");
            engine.execute("UPDATE t SET v = '" + "y".repeat(20_000) + "' WHERE id = 1"); // old version: dead
            TableDef table = engine.catalog().findTable(io.rustydb.sql.catalog.QualifiedName.inPublic("t"));
            VersionedHeap heap = engine.catalog().heap(table);
            long horizon = engine.transactions().advanceHorizon();
            boolean[] crashed = new boolean[1];
            // what Vacuum.pass does, with a crash copy taken in the callback (after the purge, during the free)
            heap.vacuum(horizon, new VersionedHeap.RemovedVersions() {
                @Override
                public boolean beforeRemove(byte[] row, long rowId, boolean aborted) {
                    return true;
                }

                @Override
                public void afterRemove(byte[] row, long rowId) {
                    for (OverflowRef ref : RowCodec.externalRefs(row, table.columnTypes())) {
                        engine.catalog().overflow().free(ref);
                    }
                    engine.transactions().wal().forceAll(); // e.g. another session's group commit forced the log
                    if (!crashed[0]) {
                        crashCopy(db, copy);
                        crashed[0] = true;
                    }
                }
            });
            assertEquals(true, crashed[0]);
        } finally {
            engine.close();
        }
        SqlEngine recovered = open(copy);
        try {
            assertEquals(1, recovered.execute("SELECT id FROM t").query().rows().size());
            recovered.vacuum(); // no XX001: no version whose large values are already free
        } finally {
            recovered.close();
        }
    }
}
