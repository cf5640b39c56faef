package io.rustydb.bench.jmh;

import io.rustydb.core.type.DataType;
import io.rustydb.index.hash.HashIndex;
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
 * Hash index hot paths on a resident index of {@code keys} BIGINT keys (encoded by {@link KeyCodec}, one row id
 * each, 8 KiB pages, all pages in the buffer pool), the counterpart of {@link BTreeBenchmark}: a point lookup of a
 * random present key and of a random absent one, from one thread and from {@link Threads#MAX} threads. Throughput
 * in operations per microsecond, summed over threads. The key is encoded inside the measured operation, as a query
 * would.
 *
 * <p>Run: {@code java -cp rustydb-bench/target/rustydb-bench.jar org.openjdk.jmh.Main HashIndex}.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class HashIndexBenchmark {
    /** The index, shared by all benchmark threads. */
    @State(Scope.Benchmark)
    public static class Index {
        @Param({"1000000"})
        public int keys;

        StorageEngine engine;
        HashIndex index;
        final KeyCodec codec = KeyCodec.of(KeyColumn.asc(DataType.BIGINT));

        @Setup
        public void setUp() {
            engine = StorageEngine.inMemory(new StorageOptions(8192, 1L << 30, ReplacementPolicyName.ARC)
                    .withBackgroundWriterIntervalMillis(0));
            index = HashIndex.create(engine.bufferPool(), 42);
            for (long i = 0; i < keys; i++) {
                index.insert(codec.encode(i * 2), i);
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
    public long pointLookup(Index t, Random r) {
        long id = r.random.nextInt(t.keys) * 2L;
        return t.index.values(t.codec.encode(id))[0];
    }

    @Benchmark
    @Threads(Threads.MAX)
    public long pointLookupAllThreads(Index t, Random r) {
        return pointLookup(t, r);
    }

    @Benchmark
    public int pointLookupMissing(Index t, Random r) {
        long id = r.random.nextInt(t.keys) * 2L + 1;
        return t.index.values(t.codec.encode(id)).length;
    }
}
