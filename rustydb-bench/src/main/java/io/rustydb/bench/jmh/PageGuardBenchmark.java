package io.rustydb.bench.jmh;

import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.BufferPool;
import io.rustydb.storage.buffer.ReadPageGuard;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import io.rustydb.storage.buffer.WritePageGuard;
import io.rustydb.storage.page.PageHeader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Buffer-pool hit path: a page guard opened and closed on a resident page (pin + latch, then unlatch + unpin),
 * from one thread and from {@link Threads#MAX} threads (one per available processor; JMH's {@code -t N} overrides
 * it), on one shared hot page (every thread on the same pin count and latch) and on pages spread over the pool
 * (each thread on its own pages). Throughput in guard open+close pairs per microsecond, summed over threads.
 *
 * <p>The pool sits on an in-memory disk manager ({@code StorageEngine.inMemory}), 8 KiB pages, a 64 MiB cache
 * (8192 frames) holding {@code pages} pages, so every request is a hit; no page log is installed (write guards
 * log nothing) and the background writer is off, so nothing but the benchmark threads touches the pool.
 *
 * <p>Run: {@code java -cp rustydb-bench/target/rustydb-bench.jar org.openjdk.jmh.Main PageGuard}; add
 * {@code -p policy=CLOCK} for another replacement policy (the hit path records accesses through a lossy buffer
 * that is replayed into the replacer, so the policy shows only in that replay).
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class PageGuardBenchmark {
    /** The pool and its resident pages, shared by all benchmark threads. */
    @State(Scope.Benchmark)
    public static class Pool {
        @Param({"ARC"})
        public String policy;

        /** Resident pages (all fit: the pool has 8192 frames). */
        @Param({"1024"})
        public int pages;

        StorageEngine engine;
        BufferPool pool;
        int[] pageNos;
        int hot;

        @Setup(Level.Trial)
        public void setUp() {
            StorageOptions options = new StorageOptions(StorageOptions.DEFAULT_PAGE_SIZE, 64L << 20,
                    ReplacementPolicyName.valueOf(policy), 0, null);
            engine = StorageEngine.inMemory(options);
            pool = engine.bufferPool();
            pageNos = new int[pages];
            for (int i = 0; i < pages; i++) {
                try (WritePageGuard g = pool.newPage()) {
                    pageNos[i] = g.pageNo();
                }
            }
            pool.flush(); // clean pages: nothing left for anyone to write
            hot = pageNos[0];
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
        }
    }

    /** Each thread's walk over the resident pages, starting at a different place. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
        int stride;

        @Setup(Level.Trial)
        public void setUp(Pool p, ThreadParams t) {
            next = (int) ((long) t.getThreadIndex() * p.pages / Math.max(1, t.getThreadCount()));
            stride = 7; // coprime with the power-of-two page counts: visits every page
        }

        int page(Pool p) {
            int i = next;
            next = (i + stride) % p.pages;
            return p.pageNos[i];
        }
    }

    private static long read(BufferPool pool, int pageNo) {
        try (ReadPageGuard g = pool.readPage(pageNo)) {
            return PageHeader.pageNo(g.buffer(), g.offset());
        }
    }

    private static long write(BufferPool pool, int pageNo) {
        try (WritePageGuard g = pool.writePage(pageNo)) {
            return PageHeader.pageNo(g.buffer(), g.offset());
        }
    }

    /** One thread, read guard on the same page every time. */
    @Benchmark
    @Threads(1)
    public long readHotPage1Thread(Pool p) {
        return read(p.pool, p.hot);
    }

    /** All threads, read guards on one shared page: contention on its pin count and read latch. */
    @Benchmark
    @Threads(Threads.MAX)
    public long readHotPageAllThreads(Pool p) {
        return read(p.pool, p.hot);
    }

    /** One thread, read guards walking over all resident pages (page-table lookups, cache misses on frames). */
    @Benchmark
    @Threads(1)
    public long readSpread1Thread(Pool p, Cursor c) {
        return read(p.pool, c.page(p));
    }

    /** All threads, each walking the resident pages from its own starting point. */
    @Benchmark
    @Threads(Threads.MAX)
    public long readSpreadAllThreads(Pool p, Cursor c) {
        return read(p.pool, c.page(p));
    }

    /** One thread, write guards walking over the resident pages (write latch; the page is marked dirty). */
    @Benchmark
    @Threads(1)
    public long writeSpread1Thread(Pool p, Cursor c) {
        return write(p.pool, c.page(p));
    }

    /** All threads, write guards, each walking the pages from its own starting point. */
    @Benchmark
    @Threads(Threads.MAX)
    public long writeSpreadAllThreads(Pool p, Cursor c) {
        return write(p.pool, c.page(p));
    }

    /** Group "hotReadWrite": one reader and one writer on the same page (shared vs exclusive latch). */
    @Benchmark
    @Group("hotReadWrite")
    @GroupThreads(1)
    public long hotReader(Pool p) {
        return read(p.pool, p.hot);
    }

    @Benchmark
    @Group("hotReadWrite")
    @GroupThreads(1)
    public long hotWriter(Pool p) {
        return write(p.pool, p.hot);
    }
}
