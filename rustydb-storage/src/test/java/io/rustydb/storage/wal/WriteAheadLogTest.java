package io.rustydb.storage.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.DbException;
import io.rustydb.core.config.SyncMode;
import io.rustydb.storage.io.ChannelOpener;
import io.rustydb.storage.io.FaultPlan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class WriteAheadLogTest {
    private static final int SEGMENT = 64 * 1024;

    @TempDir
    Path dir;

    private static byte[] payload(Random random, int max) {
        byte[] p = new byte[random.nextInt(max)];
        random.nextBytes(p);
        return p;
    }

    private record Appended(long lsn, int type, long txn, byte[] payload) {
    }

    private static List<LogRecord> scanAll(LogStore store) {
        List<LogRecord> records = new ArrayList<>();
        LogScanner scanner = new LogScanner(store, 0);
        LogRecord r;
        while ((r = scanner.next()) != null) {
            records.add(r);
        }
        return records;
    }

    private static void assertSame(List<Appended> expected, List<LogRecord> actual, long seed) {
        assertEquals(expected.size(), actual.size(), "record count, seed " + seed);
        for (int i = 0; i < expected.size(); i++) {
            Appended a = expected.get(i);
            LogRecord r = actual.get(i);
            assertEquals(a.lsn, r.lsn(), "lsn of record " + i + ", seed " + seed);
            assertEquals(a.type, r.type(), "type of record " + i + ", seed " + seed);
            assertEquals(a.txn, r.txnId(), "txn of record " + i + ", seed " + seed);
            assertArrayEquals(a.payload, r.payload(), "payload of record " + i + ", seed " + seed);
        }
    }

    @Test
    void recordsSurviveCloseAndReopenAcrossSegments() {
        long seed = 20261201L;
        Random random = new Random(seed);
        List<Appended> appended = new ArrayList<>();
        try (WriteAheadLog wal = new WriteAheadLog(new FileLogStore(dir, SEGMENT, ChannelOpener.DEFAULT),
                SyncMode.FULL, 0, "test")) {
            for (int i = 0; i < 3000; i++) {
                byte[] p = payload(random, 3000);
                int type = 20 + random.nextInt(8);
                long lsn = wal.append(type, i, 0, p);
                appended.add(new Appended(lsn, type, i, p));
                if (i % 97 == 0) {
                    wal.commit(lsn);
                    assertTrue(wal.durableLsn() > lsn, "commit returned before the record was durable");
                }
                // records in the buffer are readable too
                assertArrayEquals(p, wal.read(lsn).payload());
            }
        }
        FileLogStore store = new FileLogStore(dir, SEGMENT, ChannelOpener.DEFAULT);
        assertTrue(store.segments().size() > 10, "the test should span many segments");
        assertSame(appended, scanAll(store), seed);
        store.close();
    }

    @Test
    void tornTailIsCutAndNewRecordsFollowTheLastValidOne() throws IOException {
        long seed = 42;
        Random random = new Random(seed);
        List<Appended> appended = new ArrayList<>();
        try (WriteAheadLog wal = new WriteAheadLog(new FileLogStore(dir, SEGMENT, ChannelOpener.DEFAULT),
                SyncMode.FULL, 0, "test")) {
            for (int i = 0; i < 40; i++) {
                byte[] p = payload(random, 500);
                appended.add(new Appended(wal.append(22, 1, 0, p), 22, 1, p));
            }
        }
        // Tear the last record: flip a byte in its middle.
        Appended last = appended.remove(appended.size() - 1);
        Path segment = dir.resolve(String.format("%016x.wal", last.lsn / SEGMENT));
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long at = last.lsn % SEGMENT + WalRecordLayout.HEADER_SIZE / 2;
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, at);
            b.put(0, (byte) (b.get(0) ^ 0x5A)).rewind();
            ch.write(b, at);
        }
        FileLogStore store = new FileLogStore(dir, SEGMENT, ChannelOpener.DEFAULT);
        LogScanner scanner = new LogScanner(store, 0);
        while (scanner.next() != null) {
            // walk to the end
        }
        assertEquals(last.lsn, scanner.endLsn(), "the scan must stop at the torn record");
        store.truncateFrom(scanner.endLsn());
        try (WriteAheadLog wal = new WriteAheadLog(store, SyncMode.FULL, scanner.endLsn(), "test")) {
            byte[] p = {1, 2, 3};
            appended.add(new Appended(wal.append(23, 2, 0, p), 23, 2, p));
        }
        FileLogStore reopened = new FileLogStore(dir, SEGMENT, ChannelOpener.DEFAULT);
        assertSame(appended, scanAll(reopened), seed);
        reopened.close();
    }

    @Test
    void concurrentCommitsAreAllDurableWhenTheyReturn() throws Exception {
        FaultPlan counting = new FaultPlan();
        ConcurrentLinkedQueue<Appended> appended = new ConcurrentLinkedQueue<>();
        int threads = 8;
        int commitsPerThread = 200;
        try (WriteAheadLog wal = new WriteAheadLog(new FileLogStore(dir, SEGMENT, counting.opener()),
                SyncMode.FULL, 0, "test")) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int id = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < commitsPerThread; i++) {
                        byte[] p = ("t" + id + "-" + i).getBytes();
                        long lsn = wal.append(WalRecordTypes.TXN_COMMIT, id * 100_000L + i, 0, p);
                        wal.commit(lsn);
                        if (wal.durableLsn() <= lsn) {
                            throw new AssertionError("commit returned before its record was forced");
                        }
                        appended.add(new Appended(lsn, WalRecordTypes.TXN_COMMIT, id * 100_000L + i, p));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
        assertTrue(counting.forces() < threads * commitsPerThread,
                "group commit should share forces: " + counting.forces() + " forces for " + threads * commitsPerThread + " commits");
        FileLogStore store = new FileLogStore(dir, SEGMENT, ChannelOpener.DEFAULT);
        assertEquals(threads * commitsPerThread, scanAll(store).size());
        store.close();
    }

    @Test
    void aFailedForceFailsTheCommitAndEveryLaterWrite() {
        FaultPlan plan = new FaultPlan().failForce(3, FaultPlan.Fault.IO_ERROR);
        WriteAheadLog wal = new WriteAheadLog(new FileLogStore(dir, SEGMENT, plan.opener()), SyncMode.FULL, 0, "test");
        DbException failure = null;
        for (int i = 0; i < 10 && failure == null; i++) {
            long lsn = wal.append(WalRecordTypes.TXN_COMMIT, i, 0, new byte[10]);
            try {
                wal.commit(lsn);
            } catch (DbException e) {
                failure = e;
            }
        }
        assertNotNull(failure, "a failed force must fail the commit");
        assertEquals("58030", failure.sqlState());
        DbException later = assertThrows(DbException.class, () -> wal.append(WalRecordTypes.TXN_COMMIT, 99, 0, new byte[1]));
        assertEquals("58030", later.sqlState());
        assertThrows(DbException.class, wal::close);
    }

    @Test
    void aFullDiskIsReportedAs53100() {
        FaultPlan plan = new FaultPlan().failWrite(4, FaultPlan.Fault.DISK_FULL);
        WriteAheadLog wal = new WriteAheadLog(new FileLogStore(dir, SEGMENT, plan.opener()), SyncMode.FULL, 0, "test");
        DbException failure = null;
        for (int i = 0; i < 10 && failure == null; i++) {
            long lsn = wal.append(WalRecordTypes.TXN_COMMIT, i, 0, new byte[10]);
            try {
                wal.commit(lsn);
            } catch (DbException e) {
                failure = e;
            }
        }
        assertNotNull(failure);
        assertEquals("53100", failure.sqlState());
        assertThrows(DbException.class, wal::close);
    }

    @Test
    void unforcedRecordsAreLostByAPowerCutButForcedOnesAreNot() throws IOException {
        FaultPlan plan = new FaultPlan().recordUnforcedWrites();
        WriteAheadLog wal = new WriteAheadLog(new FileLogStore(dir, SEGMENT, plan.opener()), SyncMode.OFF, 0, "test");
        long committed = wal.append(WalRecordTypes.TXN_COMMIT, 1, 0, new byte[] {1});
        wal.flushUpTo(committed);
        long unforced = wal.append(WalRecordTypes.TXN_COMMIT, 2, 0, new byte[] {2});
        wal.read(unforced);
        // let the OFF-mode writer write (not force) the second record, then cut the power
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (wal.writtenLsn() <= unforced && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        plan.crash();
        plan.loseUnforcedWrites();
        assertThrows(DbException.class, wal::close);
        FileLogStore store = new FileLogStore(dir, SEGMENT, ChannelOpener.DEFAULT);
        List<LogRecord> survivors = scanAll(store);
        assertEquals(1, survivors.size(), "only the forced record survives: " + survivors);
        assertEquals(committed, survivors.get(0).lsn());
        store.close();
    }

    @Test
    void memoryLogKeepsRecordsForReading() {
        try (WriteAheadLog wal = new WriteAheadLog(new MemoryLogStore(SEGMENT), SyncMode.FULL, 0, "mem")) {
            long a = wal.append(22, 7, 0, new byte[] {9});
            long b = wal.append(23, 7, a, new byte[] {8});
            wal.commit(b);
            assertEquals(a, wal.read(b).prevLsn());
            assertArrayEquals(new byte[] {9}, wal.read(a).payload());
            assertNull(wal.read(b + 1000));
        }
        assertTrue(Files.isDirectory(dir));
    }
}
