package io.rustydb.storage.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.DbException;
import io.rustydb.storage.file.MemoryDiskManager;
import io.rustydb.storage.page.PageHeader;
import io.rustydb.storage.page.PageType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BufferPoolTest {
    private static final int PAGE = 4096;
    private static final int COUNTER_OFFSET = 128;

    private static BufferPool pool(ReplacementPolicyName policy) {
        return new BufferPool(new MemoryDiskManager(PAGE), 0, policy); // clamps to 64 frames
    }

    private static int newFormattedPage(BufferPool pool) {
        try (WritePageGuard g = pool.newPage()) {
            PageHeader.format(g.buffer(), g.offset(), PAGE, g.pageNo(), PageType.HEAP);
            return g.pageNo();
        }
    }

    @ParameterizedTest
    @EnumSource(ReplacementPolicyName.class)
    void evictedPagesComeBackIntact(ReplacementPolicyName policy) {
        BufferPool pool = pool(policy);
        assertEquals(64, pool.capacity());
        List<Integer> pages = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            try (WritePageGuard g = pool.newPage()) {
                PageHeader.format(g.buffer(), 0, PAGE, g.pageNo(), PageType.HEAP);
                g.buffer().putLong(COUNTER_OFFSET, g.pageNo() * 31L);
                g.buffer().putInt(PAGE - 4, ~g.pageNo());
                pages.add(g.pageNo());
            }
        }
        for (int round = 0; round < 2; round++) {
            for (int p : pages) {
                try (ReadPageGuard g = pool.readPage(p)) {
                    assertEquals(p * 31L, g.buffer().getLong(COUNTER_OFFSET), policy + " page " + p);
                    assertEquals(~p, g.buffer().getInt(PAGE - 4));
                }
            }
        }
        BufferPoolStats s = pool.stats();
        assertTrue(s.evictions() > 0 && s.dirtyWrites() > 0 && s.misses() > 0, s.toString());
        assertTrue(s.residentPages() <= 64, s.toString());
        pool.close();
    }

    @Test
    void allFramesPinnedIsAnImmediateError() {
        BufferPool pool = pool(ReplacementPolicyName.ARC);
        int spare = newFormattedPage(pool);
        List<WritePageGuard> held = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            held.add(pool.newPage());
        }
        DbException e = assertThrows(DbException.class, pool::newPage);
        assertEquals("53200", e.sqlState());
        assertEquals("no free buffer frame: all 64 frames are pinned", e.getMessage());
        // the spare page was evicted to make room; reading it back needs a frame too
        DbException e2 = assertThrows(DbException.class, () -> pool.readPage(spare));
        assertEquals("53200", e2.sqlState());
        for (WritePageGuard g : held) {
            PageHeader.format(g.buffer(), 0, PAGE, g.pageNo(), PageType.HEAP);
            g.close();
        }
        try (ReadPageGuard g = pool.readPage(spare)) {
            assertEquals(spare, PageHeader.pageNo(g.buffer(), 0));
        }
    }

    @Test
    void walHookRunsBeforeADirtyPageWithAnLsnIsWritten() {
        BufferPool pool = pool(ReplacementPolicyName.LRU);
        AtomicReference<Long> flushed = new AtomicReference<>(0L);
        pool.setWalFlushHook(lsn -> flushed.accumulateAndGet(lsn, Math::max));
        int first;
        try (WritePageGuard g = pool.newPage()) {
            PageHeader.format(g.buffer(), 0, PAGE, g.pageNo(), PageType.HEAP);
            PageHeader.setLsn(g.buffer(), 0, 777);
            first = g.pageNo();
        }
        for (int i = 0; i < 100; i++) {
            newFormattedPage(pool); // pushes the first page out
        }
        assertEquals(777L, flushed.get());
        try (ReadPageGuard g = pool.readPage(first)) {
            assertEquals(777L, PageHeader.lsn(g.buffer(), 0));
        }
    }

    @Test
    void freedPagesAreReused() {
        BufferPool pool = pool(ReplacementPolicyName.CLOCK);
        int a = newFormattedPage(pool);
        int b = newFormattedPage(pool);
        pool.freePage(a);
        pool.freePage(b);
        assertEquals(2, pool.diskManager().header().freePageCount());
        assertEquals(b, newFormattedPage(pool));
        assertEquals(a, newFormattedPage(pool));
        assertEquals(0, pool.diskManager().header().freeListHead());
        assertEquals(3, pool.diskManager().pageCount());
    }

    @Test
    void pageZeroIsNotCached() {
        BufferPool pool = pool(ReplacementPolicyName.ARC);
        assertEquals("XX000", assertThrows(DbException.class, () -> pool.readPage(0)).sqlState());
    }

    /**
     * Many threads pin, read, increment, prefetch and evict pages of a small pool while the background writer runs;
     * at the end every page's counter equals the number of increments made, in the pool and after a flush. Bounded
     * by timeouts; no timing assertions.
     */
    @ParameterizedTest
    @EnumSource(ReplacementPolicyName.class)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentPinReadWriteEvictLosesNoUpdate(ReplacementPolicyName policy) throws Exception {
        BufferPool pool = new BufferPool(new MemoryDiskManager(PAGE), 0, policy, 1, null);
        int pages = 200;
        int[] pageNos = new int[pages];
        for (int i = 0; i < pages; i++) {
            pageNos[i] = newFormattedPage(pool);
        }
        AtomicLongArray expected = new AtomicLongArray(pages);
        int threads = 12;
        long seed = 4242;
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long s = seed + t;
                fs.add(ex.submit(() -> {
                    Random rnd = new Random(s);
                    for (int op = 0; op < 3000; op++) {
                        int i = rnd.nextInt(pages);
                        int p = pageNos[i];
                        int kind = rnd.nextInt(11);
                        if (kind == 10) {
                            pool.prefetch(pageNos[rnd.nextInt(pages)]);
                        } else if (kind < 4) {
                            try (WritePageGuard g = pool.writePage(p)) {
                                long c = g.buffer().getLong(COUNTER_OFFSET);
                                g.buffer().putLong(COUNTER_OFFSET, c + 1);
                            }
                            expected.incrementAndGet(i);
                        } else if (kind < 8) {
                            try (ReadPageGuard g = pool.readPage(p)) {
                                if (PageHeader.pageNo(g.buffer(), 0) != p) {
                                    throw new AssertionError("seed=" + s + " read page " + p + " got "
                                            + PageHeader.pageNo(g.buffer(), 0));
                                }
                            }
                        } else {
                            // two read pins at once, in ascending page order
                            int j = rnd.nextInt(pages);
                            int lo = Math.min(pageNos[i], pageNos[j]);
                            int hi = Math.max(pageNos[i], pageNos[j]);
                            try (ReadPageGuard g1 = pool.readPage(lo)) {
                                if (lo != hi) {
                                    try (ReadPageGuard g2 = pool.readPage(hi)) {
                                        assertEquals(hi, PageHeader.pageNo(g2.buffer(), 0), "seed=" + s);
                                    }
                                }
                                assertEquals(lo, PageHeader.pageNo(g1.buffer(), 0), "seed=" + s);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            ex.shutdownNow();
            assertTrue(ex.awaitTermination(30, TimeUnit.SECONDS), "workers did not stop");
        }
        for (int i = 0; i < pages; i++) {
            try (ReadPageGuard g = pool.readPage(pageNos[i])) {
                assertEquals(expected.get(i), g.buffer().getLong(COUNTER_OFFSET),
                        policy + " seed=" + seed + " page " + pageNos[i]);
            }
        }
        assertTrue(pool.stats().evictions() > 0, pool.stats().toString());
        pool.flush();
        for (int i = 0; i < pages; i++) {
            try (ReadPageGuard g = pool.readPage(pageNos[i])) {
                assertEquals(expected.get(i), g.buffer().getLong(COUNTER_OFFSET),
                        policy + " seed=" + seed + " after flush, page " + pageNos[i]);
            }
        }
        pool.close();
    }
}
