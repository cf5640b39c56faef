package io.rustydb.sql.exec;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.Interval;
import io.rustydb.core.type.TypeId;
import io.rustydb.core.type.Values;
import io.rustydb.sql.plan.AggregateCall;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;

/**
 * The running state of one aggregate for one group. NULL inputs are skipped (except by COUNT(*)); an aggregate
 * over no rows is NULL, except COUNT which is 0. Integer sums are exact and fail with 22003 rather than wrap.
 * With DISTINCT, a value already seen (NULLs and equal values of different numeric types count as the same) is
 * skipped. An aggregate with an ORDER BY is wrapped in a {@link SortedInput}, which replays its rows in order.
 */
abstract class Accumulator {
    /** Digits after the point of AVG over exact numbers (PostgreSQL gives at least 16). */
    static final int AVG_SCALE = 16;

    private final Set<RowKey> distinctSeen;

    Accumulator(boolean distinct) {
        this.distinctSeen = distinct ? new HashSet<>() : null;
    }

    /** A fresh accumulator for {@code call} in a group of the grouping set with bit mask {@code groupingMask}. */
    static Accumulator create(AggregateCall call, long groupingMask) {
        Accumulator plain = createPlain(call, groupingMask);
        return call.order().isEmpty() ? plain : new SortedInput(plain, call.order());
    }

    static Accumulator create(AggregateCall call) {
        return create(call, 0L);
    }

    private static Accumulator createPlain(AggregateCall call, long groupingMask) {
        boolean distinct = call.distinct();
        switch (call.function()) {
            case COUNT_STAR:
            case COUNT:
                return new Count(distinct, call.function() == io.rustydb.sql.plan.AggregateFunction.COUNT_STAR);
            case SUM:
                return new Sum(distinct, call.resultType().id());
            case AVG:
                return new Avg(distinct, call.resultType().id());
            case MIN:
                return new MinMax(distinct, true);
            case MAX:
                return new MinMax(distinct, false);
            case BOOL_AND:
                return new BoolAndOr(distinct, true);
            case BOOL_OR:
                return new BoolAndOr(distinct, false);
            case STRING_AGG:
                return new StringAgg(distinct);
            case JSON_AGG:
            case JSONB_AGG:
            case JSON_OBJECT_AGG:
            case JSONB_OBJECT_AGG:
                return new JsonAggAccumulator(distinct, call.function());
            case ARRAY_AGG:
                return new ArrayAgg(distinct);
            case STDDEV_SAMP:
            case STDDEV_POP:
            case VAR_SAMP:
            case VAR_POP:
                return new VarianceAccumulator(distinct, call.function(), call.resultType().id());
            case PERCENTILE_CONT:
            case PERCENTILE_DISC:
            case MODE:
                return new OrderedSetAccumulator(call.function());
            case GROUPING_ID:
                return new Constant(groupingMask);
            default:
                throw DbException.internal("no accumulator for " + call.function());
        }
    }

    /** Feeds one input value ({@code null} = SQL NULL). */
    final void add(Object value) {
        add(value, NO_EXTRAS, null);
    }

    static final Object[] NO_EXTRAS = new Object[0];

    /**
     * Feeds one input row: the argument's value, the further arguments' values ({@link #NO_EXTRAS} if none) and the
     * values of the aggregate's ORDER BY keys (null if it has none).
     */
    void add(Object value, Object[] extras, Object[] sortValues) {
        if (value == null) {
            if (countsNulls()) {
                accept(null, extras);
            }
            return;
        }
        if (distinctSeen != null && !distinctSeen.add(new RowKey(new Object[] {value}))) {
            return;
        }
        accept(value, extras);
    }

    /** Takes a (non-NULL, unless {@link #countsNulls()}) value with the further arguments' values. */
    void accept(Object value, Object[] extras) {
        accept(value);
    }

    boolean countsNulls() {
        return false;
    }

    void accept(Object value) {
        throw DbException.internal(getClass().getSimpleName() + " takes further arguments");
    }

    abstract Object result();

    private static final class Count extends Accumulator {
        private final boolean star;
        private long count;

        Count(boolean distinct, boolean star) {
            super(distinct);
            this.star = star;
        }

        @Override
        boolean countsNulls() {
            return star;
        }

        @Override
        void accept(Object value) {
            count++;
        }

        @Override
        Object result() {
            return count;
        }
    }

    private static final class Sum extends Accumulator {
        private final TypeId resultType;
        private long longSum;
        private BigDecimal decimalSum;
        private double doubleSum;
        private Interval intervalSum;
        private boolean any;

        Sum(boolean distinct, TypeId resultType) {
            super(distinct);
            this.resultType = resultType;
        }

        @Override
        void accept(Object value) {
            any = true;
            switch (resultType) {
                case INTERVAL:
                    intervalSum = intervalSum == null ? (Interval) value : intervalSum.plus((Interval) value);
                    break;
                case BIGINT:
                    try {
                        longSum = Math.addExact(longSum, ((Number) value).longValue());
                    } catch (ArithmeticException e) {
                        throw new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
                    }
                    break;
                case DOUBLE:
                    doubleSum += ((Number) value).doubleValue();
                    break;
                default:
                    BigDecimal d = toDecimal(value);
                    decimalSum = decimalSum == null ? d : decimalSum.add(d);
                    break;
            }
        }

        @Override
        Object result() {
            if (!any) {
                return null;
            }
            switch (resultType) {
                case INTERVAL:
                    return intervalSum;
                case BIGINT:
                    return longSum;
                case DOUBLE:
                    if (Double.isInfinite(doubleSum)) {
                        throw new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
                    }
                    return doubleSum;
                default:
                    if (decimalSum.precision() > 38) {
                        throw new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow");
                    }
                    return decimalSum;
            }
        }
    }

    private static final class Avg extends Accumulator {
        private final TypeId resultType;
        private BigDecimal decimalSum = BigDecimal.ZERO;
        private double doubleSum;
        private Interval intervalSum = Interval.ZERO;
        private long count;

        Avg(boolean distinct, TypeId resultType) {
            super(distinct);
            this.resultType = resultType;
        }

        @Override
        void accept(Object value) {
            count++;
            if (resultType == TypeId.INTERVAL) {
                intervalSum = intervalSum.plus((Interval) value);
            } else if (resultType == TypeId.DOUBLE) {
                doubleSum += ((Number) value).doubleValue();
            } else {
                decimalSum = decimalSum.add(toDecimal(value));
            }
        }

        @Override
        Object result() {
            if (count == 0) {
                return null;
            }
            if (resultType == TypeId.INTERVAL) {
                return intervalSum.divide(count); // PostgreSQL's interval_avg: the sum divided, fractions cascaded
            }
            if (resultType == TypeId.DOUBLE) {
                return doubleSum / count;
            }
            int scale = Math.max(decimalSum.scale(), AVG_SCALE);
            return decimalSum.divide(BigDecimal.valueOf(count), scale, RoundingMode.HALF_UP);
        }
    }

    private static final class MinMax extends Accumulator {
        private final boolean min;
        private Object best;

        MinMax(boolean distinct, boolean min) {
            super(distinct);
            this.min = min;
        }

        @Override
        void accept(Object value) {
            if (best == null) {
                best = value;
                return;
            }
            int cmp = Values.compare(value, best);
            if (min ? cmp < 0 : cmp > 0) {
                best = value;
            }
        }

        @Override
        Object result() {
            return best;
        }
    }

    /** BOOL_AND (and EVERY) or BOOL_OR. */
    private static final class BoolAndOr extends Accumulator {
        private final boolean and;
        private Boolean result;

        BoolAndOr(boolean distinct, boolean and) {
            super(distinct);
            this.and = and;
        }

        @Override
        void accept(Object value) {
            boolean b = (Boolean) value;
            result = result == null ? b : and ? result && b : result || b;
        }

        @Override
        Object result() {
            return result;
        }
    }

    /** STRING_AGG: the values joined, each after the first preceded by its own row's delimiter (NULL: none). */
    private static final class StringAgg extends Accumulator {
        private StringBuilder text;

        StringAgg(boolean distinct) {
            super(distinct);
        }

        @Override
        void accept(Object value, Object[] extras) {
            if (text == null) {
                text = new StringBuilder();
            } else if (extras.length > 0 && extras[0] != null) {
                text.append((String) extras[0]);
            }
            text.append((String) value);
        }

        @Override
        Object result() {
            return text == null ? null : text.toString();
        }
    }

    /** ARRAY_AGG: every input, NULLs included (one NULL with DISTINCT), in the order fed. */
    private static final class ArrayAgg extends Accumulator {
        private final boolean distinct;
        private java.util.List<Object> elements;
        private boolean sawNull;

        ArrayAgg(boolean distinct) {
            super(distinct);
            this.distinct = distinct;
        }

        @Override
        boolean countsNulls() {
            return true;
        }

        @Override
        void accept(Object value, Object[] extras) {
            if (value == null && distinct) {
                if (sawNull) {
                    return;
                }
                sawNull = true;
            }
            if (elements == null) {
                elements = new java.util.ArrayList<>();
            }
            elements.add(value);
        }

        @Override
        Object result() {
            return elements == null ? null : io.rustydb.core.type.SqlArray.of(elements);
        }
    }

    /** The grouping set's bit mask, the same for every row of the group. */
    private static final class Constant extends Accumulator {
        private final long value;

        Constant(long value) {
            super(false);
            this.value = value;
        }

        @Override
        boolean countsNulls() {
            return true;
        }

        @Override
        void accept(Object value) {
        }

        @Override
        Object result() {
            return value;
        }
    }

    static BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        return BigDecimal.valueOf(((Number) value).doubleValue());
    }
}
