package io.rustydb.sql.exec;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.TypeId;
import io.rustydb.core.type.Values;
import io.rustydb.sql.plan.AggregateCall;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.BinaryOperator;

/**
 * An aggregate over the window frame of every row of a partition, by the cheapest method that fits the frames:
 * <ol>
 *   <li>every frame is the whole partition: one {@link Accumulator}, O(n);</li>
 *   <li>every frame starts at the partition's start (the default frame with ORDER BY): one accumulator fed as the
 *       frame end advances, O(n);</li>
 *   <li>sliding frames of COUNT, SUM, AVG, MIN, MAX without DISTINCT: prefix counts and a {@link SegmentTree},
 *       O(n log n);</li>
 *   <li>anything else (DISTINCT or another aggregate over sliding frames): each frame aggregated afresh,
 *       O(n * frame size).</li>
 * </ol>
 * All four give what an {@link Accumulator} over the frame's rows would (NULLs skipped, COUNT of none is 0, the
 * others NULL, overflow is 22003).
 */
final class WindowAggregates {
    private WindowAggregates() {
    }

    /**
     * @param values the aggregate's argument at each position ({@code Boolean.TRUE} for COUNT(*))
     * @param out    receives the result of each position
     */
    static void compute(AggregateCall call, Object[] values, WindowFrames frames, Object[] out) {
        int n = values.length;
        boolean fromStart = true;
        boolean whole = true;
        boolean monotone = true;
        for (int i = 0; i < n; i++) {
            fromStart &= frames.start[i] == 0;
            whole &= frames.start[i] == 0 && frames.end[i] == n - 1;
            monotone &= i == 0 || frames.end[i] >= frames.end[i - 1] && frames.start[i] >= frames.start[i - 1];
        }
        if (whole) {
            Accumulator acc = Accumulator.create(call);
            for (Object v : values) {
                acc.add(v);
            }
            Object result = n == 0 ? null : acc.result();
            java.util.Arrays.fill(out, result);
        } else if (fromStart && monotone) {
            Accumulator acc = Accumulator.create(call);
            int added = 0;
            for (int i = 0; i < n; i++) {
                for (; added <= frames.end[i]; added++) {
                    acc.add(values[added]);
                }
                out[i] = acc.result();
            }
        } else if (!call.distinct() && Sliding.handles(call)) {
            new Sliding(call, values).compute(frames, out);
        } else {
            for (int i = 0; i < n; i++) {
                Accumulator acc = Accumulator.create(call);
                for (int j = frames.start[i]; j <= frames.end[i]; j++) {
                    acc.add(values[j]);
                }
                out[i] = acc.result();
            }
        }
    }

    /** COUNT, SUM, AVG, MIN and MAX over arbitrary frames: prefix counts of non-NULL values and a segment tree. */
    private static final class Sliding {
        private final AggregateCall call;
        private final long[] counts;
        private final SegmentTree tree;

        static boolean handles(AggregateCall call) {
            switch (call.function()) {
                case SUM:
                case AVG: // an INTERVAL sum is not kept in a prefix tree: each frame is summed afresh
                    return call.resultType().id() != TypeId.INTERVAL;
                case COUNT_STAR:
                case COUNT:
                case MIN:
                case MAX:
                    return true;
                default:
                    return false;
            }
        }

        Sliding(AggregateCall call, Object[] values) {
            this.call = call;
            int n = values.length;
            counts = new long[n + 1];
            for (int i = 0; i < n; i++) {
                counts[i + 1] = counts[i] + (values[i] != null ? 1 : 0);
            }
            TypeId result = call.resultType().id();
            switch (call.function()) {
                case SUM:
                case AVG:
                    Object[] converted = new Object[n];
                    for (int i = 0; i < n; i++) {
                        converted[i] = values[i] == null ? null : convert(values[i], result);
                    }
                    tree = new SegmentTree(converted, adder(result));
                    break;
                case MIN:
                    tree = new SegmentTree(values, (a, b) -> Values.compare(a, b) <= 0 ? a : b);
                    break;
                case MAX:
                    tree = new SegmentTree(values, (a, b) -> Values.compare(a, b) >= 0 ? a : b);
                    break;
                default:
                    tree = null;
                    break;
            }
        }

        private static Object convert(Object value, TypeId result) {
            switch (result) {
                case BIGINT:
                    return ((Number) value).longValue();
                case DOUBLE:
                    return ((Number) value).doubleValue();
                default:
                    return toDecimal(value);
            }
        }

        private static BinaryOperator<Object> adder(TypeId result) {
            switch (result) {
                case BIGINT:
                    return (a, b) -> {
                        try {
                            return Math.addExact((Long) a, (Long) b);
                        } catch (ArithmeticException e) {
                            throw new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
                        }
                    };
                case DOUBLE:
                    return (a, b) -> (Double) a + (Double) b;
                default:
                    return (a, b) -> ((BigDecimal) a).add((BigDecimal) b);
            }
        }

        void compute(WindowFrames frames, Object[] out) {
            for (int i = 0; i < out.length; i++) {
                int from = frames.start[i];
                int to = frames.end[i];
                long count = from > to ? 0 : counts[to + 1] - counts[from];
                out[i] = result(count, count == 0 ? null : tree == null ? null : tree.query(from, to));
            }
        }

        private Object result(long count, Object combined) {
            TypeId type = call.resultType().id();
            switch (call.function()) {
                case COUNT_STAR:
                case COUNT:
                    return count;
                case MIN:
                case MAX:
                    return combined;
                case SUM:
                    if (combined == null) {
                        return null;
                    }
                    if (type == TypeId.DOUBLE && Double.isInfinite((Double) combined)) {
                        throw new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
                    }
                    if (combined instanceof BigDecimal d && d.precision() > 38) {
                        throw new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow");
                    }
                    return combined;
                default: // AVG
                    if (combined == null) {
                        return null;
                    }
                    if (type == TypeId.DOUBLE) {
                        return (Double) combined / count;
                    }
                    BigDecimal sum = (BigDecimal) combined;
                    int scale = Math.max(sum.scale(), Accumulator.AVG_SCALE);
                    return sum.divide(BigDecimal.valueOf(count), scale, RoundingMode.HALF_UP);
            }
        }
    }

    private static BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        return BigDecimal.valueOf(((Number) value).doubleValue());
    }
}
