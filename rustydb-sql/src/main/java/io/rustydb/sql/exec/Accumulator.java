package io.rustydb.sql.exec;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
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
 */
abstract class Accumulator {
    /** Digits after the point of AVG over exact numbers (PostgreSQL gives at least 16). */
    static final int AVG_SCALE = 16;

    private final Set<RowKey> distinctSeen;

    Accumulator(boolean distinct) {
        this.distinctSeen = distinct ? new HashSet<>() : null;
    }

    static Accumulator create(AggregateCall call) {
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
            default:
                return new MinMax(distinct, false);
        }
    }

    /** Feeds one input value ({@code null} = SQL NULL). */
    final void add(Object value) {
        if (value == null) {
            if (countsNulls()) {
                accept(null);
            }
            return;
        }
        if (distinctSeen != null && !distinctSeen.add(new RowKey(new Object[] {value}))) {
            return;
        }
        accept(value);
    }

    boolean countsNulls() {
        return false;
    }

    abstract void accept(Object value);

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
        private boolean any;

        Sum(boolean distinct, TypeId resultType) {
            super(distinct);
            this.resultType = resultType;
        }

        @Override
        void accept(Object value) {
            any = true;
            switch (resultType) {
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
        private long count;

        Avg(boolean distinct, TypeId resultType) {
            super(distinct);
            this.resultType = resultType;
        }

        @Override
        void accept(Object value) {
            count++;
            if (resultType == TypeId.DOUBLE) {
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
