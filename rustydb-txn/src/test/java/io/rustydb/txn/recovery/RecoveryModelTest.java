package io.rustydb.txn.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rustydb.core.config.SyncMode;
import io.rustydb.storage.io.ChannelOpener;
import io.rustydb.storage.wal.Compensation;
import io.rustydb.storage.wal.FileLogStore;
import io.rustydb.storage.wal.LogContext;
import io.rustydb.storage.wal.LogRecord;
import io.rustydb.storage.wal.RecordHandler;
import io.rustydb.storage.wal.RecordHandlers;
import io.rustydb.storage.wal.WriteAheadLog;
import io.rustydb.txn.Transaction;
import io.rustydb.txn.TransactionManager;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery and rollback against a model: "pages" are cells of a map, each with a value and a page LSN, changed by
 * a SET record (cell, old value, new value). A "disk" copy of the cells is taken at random moments (as if the
 * buffer pool had written pages), then the process "crashes": the in-memory cells are lost, and recovery must
 * rebuild exactly the committed state from the disk copy and the log.
 */
class RecoveryModelTest {
    private static final int SET = 100;
    private static final int SEGMENT = 64 * 1024;

    @TempDir
    Path dir;

    /** A cell: value and the LSN of the last change applied to it. */
    private record Cell(long value, long lsn) {
    }

    /** The pages, their handler, and the log they write through. */
    private static final class Cells implements RecordHandler {
        final Map<Integer, Cell> cells = new HashMap<>();
        WriteAheadLog wal;

        void set(LogContext ctx, int cell, long value) {
            long old = cells.getOrDefault(cell, new Cell(0, 0)).value;
            long lsn = Compensation.log(wal, ctx, SET, payload(cell, old, value));
            cells.put(cell, new Cell(value, lsn));
        }

        static byte[] payload(int cell, long old, long value) {
            return ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(cell).putLong(old).putLong(value).array();
        }

        @Override
        public void redo(LogRecord r) {
            ByteBuffer b = r.payloadBuffer();
            int cell = b.getInt();
            b.getLong();
            long value = b.getLong();
            Cell c = cells.get(cell);
            if (c == null || c.lsn < r.lsn()) {
                cells.put(cell, new Cell(value, r.lsn()));
            }
        }

        @Override
        public void undo(LogRecord r, LogContext ctx) {
            ByteBuffer b = r.payloadBuffer();
            int cell = b.getInt();
            long old = b.getLong();
            set(ctx, cell, old);
        }
    }

    private WriteAheadLog openLog(long end) {
        return new WriteAheadLog(new FileLogStore(dir, SEGMENT, ChannelOpener.DEFAULT), SyncMode.FULL, end, "test");
    }

    @Test
    void committedChangesSurviveAndLosersAreUndoneAcrossCrashes() {
        for (long seed = 1; seed <= 30; seed++) {
            runScenario(seed);
            for (java.io.File f : dir.toFile().listFiles()) {
                f.delete();
            }
        }
    }

    private void runScenario(long seed) {
        Random random = new Random(seed);
        Map<Integer, Long> committed = new HashMap<>();
        Map<Integer, Cell> disk = new HashMap<>();
        long checkpointLsn = 0;
        for (int life = 0; life < 4; life++) {
            // --- open: recovery from the disk copy and the log
            Cells cells = new Cells();
            cells.cells.putAll(disk);
            RecordHandlers handlers = new RecordHandlers();
            handlers.register(SET, cells);
            FileLogStore store = new FileLogStore(dir, SEGMENT, ChannelOpener.DEFAULT);
            Recovery.Analysis a = Recovery.analyze(store, checkpointLsn, "test");
            Recovery.redo(store, a, handlers, "test");
            store.close();
            WriteAheadLog wal = openLog(a.endLsn());
            cells.wal = wal;
            Recovery.undo(wal, a, handlers, "test");
            assertEquals(committed, values(cells), "state after recovery, seed " + seed + ", life " + life);

            // --- run: transactions commit, roll back (fully or to a savepoint), or stay open at the crash
            TransactionManager tm = new TransactionManager(wal, handlers, a.nextTxnId());
            List<Transaction> open = new ArrayList<>();
            Map<Transaction, Map<Integer, Long>> pending = new HashMap<>();
            Map<Integer, Transaction> owners = new HashMap<>();
            for (int step = 0; step < 60; step++) {
                int action = random.nextInt(10);
                if (open.isEmpty() || action < 4) {
                    Transaction tx = tm.begin(false);
                    open.add(tx);
                    pending.put(tx, new HashMap<>());
                }
                Transaction tx = open.get(random.nextInt(open.size()));
                // one writer per cell at a time, as row locks guarantee: a cell another open transaction has
                // written is off limits until that transaction ends
                int cell = random.nextInt(30);
                Transaction owner = owners.get(cell);
                if (owner != null && owner != tx) {
                    continue;
                }
                owners.put(cell, tx);
                long savepoint = tx.savepoint();
                Map<Integer, Long> before = new HashMap<>(pending.get(tx));
                cells.set(tx, cell, random.nextInt(1000));
                pending.get(tx).put(cell, cells.cells.get(cell).value);
                if (action == 7) {
                    tm.rollbackTo(tx, savepoint);
                    pending.put(tx, before);
                } else if (action == 8) {
                    tm.commit(tx);
                    committed.putAll(pending.remove(tx));
                    open.remove(tx);
                    owners.values().removeIf(o -> o == tx);
                } else if (action == 9) {
                    tm.rollback(tx);
                    pending.remove(tx);
                    open.remove(tx);
                    owners.values().removeIf(o -> o == tx);
                }
                if (random.nextInt(8) == 0) {
                    // the buffer pool writes some pages (write-ahead: only what the log already holds durably)
                    for (Map.Entry<Integer, Cell> e : cells.cells.entrySet()) {
                        if (random.nextBoolean()) {
                            wal.flushUpTo(e.getValue().lsn);
                            disk.put(e.getKey(), e.getValue());
                        }
                    }
                }
            }
            // --- crash: the log's writer stops; unflushed pages are lost; open transactions become losers
            wal.forceAll();
            wal.close();
            checkpointLsn = 0;
        }
    }

    private static Map<Integer, Long> values(Cells cells) {
        Map<Integer, Long> result = new HashMap<>();
        cells.cells.forEach((k, v) -> {
            if (v.value != 0) {
                result.put(k, v.value);
            }
        });
        return result;
    }
}
