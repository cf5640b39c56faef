package io.rustydb.bench.jmh;

import io.rustydb.core.type.DataType;
import io.rustydb.storage.tuple.RowCodec;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link RowCodec#encode} and {@link RowCodec#decodeInto} for a typical 7-column row
 * {@code (BIGINT, INTEGER, DOUBLE, VARCHAR(32), DATE, DECIMAL(12,2), BOOLEAN)} with one NULL, decoded from a direct
 * (off-heap) page buffer as the heap scan does.
 *
 * <p>Run: {@code java -cp rustydb-bench/target/rustydb-bench.jar org.openjdk.jmh.Main RowCodec}. The forked JVM
 * gets a fixed heap and {@code -XX:+AlwaysPreTouch} (without them results varied 2–3× between passes here).
 */
@State(Scope.Thread)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class RowCodecBenchmark {
    private static final int OFFSET = 128;

    private DataType[] types;
    private Object[] values;
    private ByteBuffer page;
    private int length;
    private Object[][] target;

    @Setup
    public void setUp() {
        types = new DataType[] {DataType.BIGINT, DataType.INTEGER, DataType.DOUBLE, DataType.varchar(32),
            DataType.DATE, DataType.decimal(12, 2), DataType.BOOLEAN};
        values = new Object[] {123_456_789L, 42, 3.25, "customer#000012345", LocalDate.of(2024, 3, 15),
            new BigDecimal("1234.50"), null};
        byte[] row = RowCodec.encode(types, values);
        length = row.length;
        page = ByteBuffer.allocateDirect(8192).order(ByteOrder.LITTLE_ENDIAN);
        page.put(OFFSET, row);
        target = new Object[types.length][1];
    }

    @Benchmark
    public byte[] encode() {
        return RowCodec.encode(types, values);
    }

    @Benchmark
    public void decodeInto(Blackhole bh) {
        RowCodec.decodeInto(page, OFFSET, length, types, target, 0);
        bh.consume(target);
    }
}
