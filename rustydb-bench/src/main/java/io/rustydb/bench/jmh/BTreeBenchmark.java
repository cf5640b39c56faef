package io.rustydb.bench.jmh;

import io.rustydb.core.type.DataType;
import io.rustydb.index.btree.BPlusTree;
import io.rustydb.index.btree.BTreeCursor;
import io.rustydb.index.key.KeyCodec;
import io.rustydb.index.key.KeyColumn;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * B+tree hot paths on a resident tree of {@code keys} BIGINT keys (encoded by {@link KeyCodec}, 8 KiB pages, all
 * pages in the buffer pool): a point lookup of a random key, and a range scan of 100 consecutive keys, from one
 * thread and from {@link Threads#MAX} threads. Throughput in operations per microsecond, summed over threads. The
 * key is encoded inside the measured operation, as a query would.
 *
 * <p>Run: {@code java -cp rustydb-bench/target/rustydb-bench.jar org.openjdk.jmh.Main BTree}.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class BTreeBenchmark {
    /** The tree, shared by all benchmark threads. */
    @State(Scope.Benchmark)
    public static class Tree {
        @Param({"1000000"})
        public int keys;

        StorageEngine engine;
        BPlusTree tree;
        final KeyCodec codec = KeyCodec.of(KeyColumn.asc(DataType.BIGINT));

        @Setup
        public void setUp() {
            engine = StorageEngine.inMemory(new StorageOptions(8192, 1L << 30, ReplacementPolicyName.ARC)
                    .withBackgroundWriterIntervalMillis(0));
            tree = BPlusTree.create(engine.bufferPool());
            for (long i = 0; i < keys; i++) {
                tree.insert(codec.encode(i * 2), i);
            }
        }

        @TearDown
        public void tearDown() {
            engine.close();
        }
    }

    /** Each thread's random source. */
    @State(Scope.Thread)
    public static class Random {
        final SplittableRandom random = new SplittableRandom(42);
    }

    @Benchmark
    public long pointLookup(Tree t, Random r) {
        long id = r.random.nextInt(t.keys) * 2L;
        return t.tree.get(t.codec.encode(id));
    }

    @Benchmark
    @Threads(Threads.MAX)
    public long pointLookupAllThreads(Tree t, Random r) {
        return pointLookup(t, r);
    }

    @Benchmark
    public long rangeScan100(Tree t, Random r) {
        long from = r.random.nextInt(t.keys - 100) * 2L;
        BTreeCursor c = t.tree.scan(t.codec.encode(from), true, null, false, false);
        long sum = 0;
        for (int i = 0; i < 100 && c.next(); i++) {
            sum += c.value();
        }
        return sum;
    }
}
