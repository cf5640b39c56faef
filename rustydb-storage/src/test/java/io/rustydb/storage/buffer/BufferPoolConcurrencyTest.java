package io.rustydb.storage.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.storage.page.PageHeader;
import io.rustydb.storage.page.PageType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Overlapping misses, write-back outside pool-wide locks, the background writer and prefetch. Every wait is bounded;
 * nothing asserts on elapsed time: a test fails only if an operation that should proceed in parallel is found
 * blocked (a barrier or latch that times out after seconds).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BufferPoolConcurrencyTest {
    private static final int PAGE = 4096;
    private static final int MARK = 200;
    private static final long WAIT_SECONDS = 20;

    private static int newPage(BufferPool pool) {
        try (WritePageGuard g = pool.newPage()) {
            PageHeader.format(g.buffer(), 0, PAGE, g.pageNo(), PageType.HEAP);
            g.buffer().putLong(MARK, g.pageNo() * 1_000_003L);
            return g.pageNo();
        }
    }

    private static void checkPage(BufferPool pool, int p) {
        try (ReadPageGuard g = pool.readPage(p)) {
            assertEquals(p * 1_000_003L, g.buffer().getLong(MARK), "page " + p);
        }
    }

    private static void await(CountDownLatch l) {
        try {
            assertTrue(l.await(WAIT_SECONDS, TimeUnit.SECONDS), "latch not released in " + WAIT_SECONDS + " s");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitCondition(String what, BooleanSupplier c) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT_SECONDS + " s: " + what);
            }
            Thread.sleep(2);
        }
    }

    /** 70 pages written and flushed; with LRU the resident set is pages 7..70 and all are clean. */
    private static BufferPool poolWith70CleanPages(HookedDisk disk) {
        BufferPool pool = new BufferPool(disk, 0, ReplacementPolicyName.LRU, 0, Runnable::run);
        for (int i = 1; i <= 70; i++) {
            assertEquals(i, newPage(pool));
        }
        pool.flush();
        return pool;
    }

    @Test
    void missesOnDifferentPagesOverlap() throws Exception {
        HookedDisk disk = new HookedDisk(PAGE);
        BufferPool pool = poolWith70CleanPages(disk);
        CyclicBarrier bothInRead = new CyclicBarrier(2);
        disk.beforeRead = p -> {
            try {
                bothInRead.await(WAIT_SECONDS, TimeUnit.SECONDS); // fails unless two reads are in flight at once
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new AssertionError("misses on pages 1 and 2 did not overlap", e);
            }
        };
        ExecutorService ex = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = ex.submit(() -> checkPage(pool, 1));
            Future<?> b = ex.submit(() -> checkPage(pool, 2));
            a.get(WAIT_SECONDS * 2, TimeUnit.SECONDS);
            b.get(WAIT_SECONDS * 2, TimeUnit.SECONDS);
        } finally {
            ex.shutdownNow();
        }
        assertEquals(1, disk.reads(1));
        assertEquals(1, disk.reads(2));
    }

    @Test
    void concurrentRequestsForOnePageShareOneRead() throws Exception {
        HookedDisk disk = new HookedDisk(PAGE);
        BufferPool pool = poolWith70CleanPages(disk);
        CountDownLatch inRead = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        disk.beforeRead = p -> {
            inRead.countDown();
            await(release);
        };
        int threads = 8;
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            fs.add(ex.submit(() -> checkPage(pool, 3)));
            await(inRead);
            for (int t = 1; t < threads; t++) {
                fs.add(ex.submit(() -> checkPage(pool, 3)));
            }
            // a hit on a resident page is not held up by the load in flight
            checkPage(pool, 70);
            release.countDown();
            for (Future<?> f : fs) {
                f.get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } finally {
            ex.shutdownNow();
        }
        assertEquals(1, disk.reads(3), "one read for all requesters of page 3");
    }

    @Test
    void victimWriteBackHoldsNoPoolWideLock() throws Exception {
        HookedDisk disk = new HookedDisk(PAGE);
        BufferPool pool = poolWith70CleanPages(disk);
        try (WritePageGuard g = pool.writePage(7)) {
            g.buffer().putLong(MARK + 8, 4242L); // page 7: dirty, then the least recently used
        }
        for (int p = 8; p <= 70; p++) {
            checkPage(pool, p);
        }
        CountDownLatch inWrite = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        disk.beforeWrite = p -> {
            if (p == 7) {
                inWrite.countDown();
                await(release);
            }
        };
        ExecutorService ex = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = ex.submit(() -> checkPage(pool, 1)); // evicts page 7: blocked writing it
            await(inWrite);
            // meanwhile another miss evicts a clean page and completes, and a reader of page 7 waits for its write
            checkPage(pool, 2);
            Future<?> c = ex.submit(() -> {
                try (ReadPageGuard g = pool.readPage(7)) {
                    assertEquals(4242L, g.buffer().getLong(MARK + 8), "page 7 read back after its write-back");
                }
            });
            release.countDown();
            a.get(WAIT_SECONDS, TimeUnit.SECONDS);
            c.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } finally {
            ex.shutdownNow();
        }
        assertEquals(2, disk.writes(7), "written at flush and once at eviction");
    }

    @Test
    void failedVictimWriteBackKeepsThePage() {
        HookedDisk disk = new HookedDisk(PAGE);
        BufferPool pool = poolWith70CleanPages(disk);
        for (int p = 7; p <= 70; p++) {
            try (WritePageGuard g = pool.writePage(p)) {
                g.buffer().putLong(MARK + 8, p);
            }
        }
        disk.beforeWrite = p -> {
            throw new DbException(ErrorCode.DISK_FULL, "test disk");
        };
        DbException e = assertThrows(DbException.class, () -> pool.readPage(1));
        assertEquals("53100", e.sqlState());
        disk.beforeWrite = p -> { };
        for (int p = 7; p <= 70; p++) {
            try (ReadPageGuard g = pool.readPage(p)) {
                assertEquals(p, g.buffer().getLong(MARK + 8), "page " + p + " kept its unwritten change");
            }
        }
        checkPage(pool, 1);
    }

    @Test
    void backgroundWriterWritesDirtyUnpinnedPagesAndStopsOnClose() throws Exception {
        HookedDisk disk = new HookedDisk(PAGE);
        BufferPool pool = new BufferPool(disk, 0, ReplacementPolicyName.ARC, 1, Runnable::run);
        assertTrue(pool.hasBackgroundWriter());
        assertNotNull(findThread("rustydb-bgwriter-mem"), "the background writer runs");
        List<Integer> pages = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pages.add(newPage(pool));
        }
        WritePageGuard pinned = pool.newPage();
        PageHeader.format(pinned.buffer(), 0, PAGE, pinned.pageNo(), PageType.HEAP);
        awaitCondition("background writer wrote 10 pages", () -> pages.stream().allMatch(p -> disk.writes(p) > 0));
        assertEquals(0, disk.writes(pinned.pageNo()), "a pinned page is left alone");
        assertTrue(pool.stats().backgroundWrites() >= 10, pool.stats().toString());
        pinned.close();
        Thread t = findThread("rustydb-bgwriter-mem");
        pool.close();
        assertTrue(t == null || !t.isAlive(), "the background writer stopped on close");
        assertFalse(pool.hasBackgroundWriter() && findThread("rustydb-bgwriter-mem") != null);
    }

    @Test
    void backgroundWriterErrorsSurfaceOnTheNextFlush() throws Exception {
        HookedDisk disk = new HookedDisk(PAGE);
        BufferPool pool = new BufferPool(disk, 0, ReplacementPolicyName.CLOCK, 1, Runnable::run);
        disk.beforeWrite = p -> {
            throw new DbException(ErrorCode.IO_ERROR, "test disk", "injected failure");
        };
        int p = newPage(pool);
        awaitCondition("background writer failed", () -> pool.lastBackgroundError() != null);
        disk.beforeWrite = q -> { };
        DbException e = assertThrows(DbException.class, pool::flush);
        assertEquals("58030", e.sqlState());
        assertTrue(e.getMessage().contains("injected failure"), e.getMessage());
        pool.flush(); // reported once
        assertTrue(disk.writes(p) > 0);
        pool.close();
    }

    @Test
    void disabledBackgroundWriterStartsNoThread() {
        BufferPool pool = new BufferPool(new HookedDisk(PAGE), 0, ReplacementPolicyName.LRU, 0, null);
        assertFalse(pool.hasBackgroundWriter());
        pool.close();
    }

    @Test
    void prefetchLoadsWithoutPinningAndCountsSeparately() {
        HookedDisk disk = new HookedDisk(PAGE);
        BufferPool pool = poolWith70CleanPages(disk);
        BufferPoolStats before = pool.stats();
        pool.prefetch(1);
        pool.prefetch(1); // resident now: no second read
        pool.prefetch(70); // resident: nothing to do
        pool.prefetch(0);
        pool.prefetch(1_000); // out of range: ignored
        BufferPoolStats after = pool.stats();
        assertEquals(before.prefetches() + 1, after.prefetches(), after.toString());
        assertEquals(before.misses(), after.misses());
        assertEquals(1, disk.reads(1));
        checkPage(pool, 1);
        assertEquals(after.hits() + 1, pool.stats().hits(), "the prefetched page is a hit");
        // the prefetched page was left unpinned: 64 new pages can still evict it
        List<WritePageGuard> held = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            held.add(pool.newPage());
        }
        for (WritePageGuard g : held) {
            PageHeader.format(g.buffer(), 0, PAGE, g.pageNo(), PageType.HEAP);
            g.close();
        }
    }

    @Test
    void asynchronousPrefetchOnTheSharedExecutor() throws Exception {
        HookedDisk disk = new HookedDisk(PAGE);
        BufferPool pool = new BufferPool(disk, 0, ReplacementPolicyName.ARC, 0, null);
        for (int i = 1; i <= 70; i++) {
            newPage(pool);
        }
        pool.flush();
        for (int p = 1; p <= 6; p++) {
            pool.prefetch(p);
        }
        awaitCondition("six prefetches", () -> pool.stats().prefetches() == 6);
        for (int p = 1; p <= 6; p++) {
            assertEquals(1, disk.reads(p), "page " + p);
            checkPage(pool, p);
        }
        pool.close();
    }

    private static Thread findThread(String name) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name) && t.isAlive()) {
                return t;
            }
        }
        return null;
    }
}
