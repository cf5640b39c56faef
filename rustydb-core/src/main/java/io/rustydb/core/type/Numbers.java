package io.rustydb.core.type;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numeric conversions shared by {@link Casts}, {@link Arithmetic} and {@link Values}: range-checked narrowing,
 * rounding rules, and fitting a BigDecimal to a DECIMAL type.
 *
 * <p>Rounding: REAL/DOUBLE to an integer type rounds half to even ({@link Math#rint}, as PostgreSQL); DECIMAL to an
 * integer type or to a smaller scale rounds HALF_UP (half away from zero, as PostgreSQL's numeric).
 */
final class Numbers {
    private Numbers() {
    }

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /** The 22003 error for a value outside an integer type: "integer out of range" etc. */
    static DbException outOfRange(TypeId type) {
        switch (type) {
            case SMALLINT: return new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "smallint out of range");
            case INTEGER: return new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "integer out of range");
            case BIGINT: return new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
            case REAL:
            case DOUBLE: return new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
            default: return new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
        }
    }

    static DbException underflow() {
        return new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
    }

    /** {@code v} as the Java class of integer type {@code target} (SMALLINT, INTEGER, BIGINT), range-checked. */
    static Object narrow(long v, TypeId target) {
        switch (target) {
            case SMALLINT:
                if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                    throw outOfRange(target);
                }
                return (short) v;
            case INTEGER:
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw outOfRange(target);
                }
                return (int) v;
            case BIGINT:
                return v;
            default:
                throw DbException.internal("not an integer type: " + target);
        }
    }

    /** Rounds half to even and checks the range of {@code target}; NaN and infinities are out of range. */
    static long roundToLong(double d, TypeId target) {
        double r = Math.rint(d);
        if (Double.isNaN(r) || r < -0x1p63 || r >= 0x1p63) {
            throw outOfRange(target);
        }
        return (long) r;
    }

    /** Rounds HALF_UP to a whole number and checks it fits a long; errors name {@code target}. */
    static long roundToLong(BigDecimal d, TypeId target) {
        if (d.precision() - d.scale() > 20) {
            throw outOfRange(target);
        }
        BigDecimal r = d.setScale(0, RoundingMode.HALF_UP);
        if (r.compareTo(LONG_MIN) < 0 || r.compareTo(LONG_MAX) > 0) {
            throw outOfRange(target);
        }
        return r.longValue();
    }

    /** Whether {@code o} is one of the numeric value classes (Short, Integer, Long, BigDecimal, Float, Double). */
    static boolean isNumber(Object o) {
        return o instanceof Integer || o instanceof Long || o instanceof BigDecimal || o instanceof Double
                || o instanceof Short || o instanceof Float;
    }

    /** Short, Integer or Long. */
    static boolean isIntegral(Object o) {
        return o instanceof Integer || o instanceof Long || o instanceof Short;
    }

    static boolean isFloating(Object o) {
        return o instanceof Double || o instanceof Float;
    }

    /**
     * A numeric value as a BigDecimal. REAL and DOUBLE values become their shortest decimal representation
     * ({@code 0.1f} is 0.1, not 0.100000001490116...), as PostgreSQL converts float to numeric; NaN and
     * infinities are 22003.
     */
    static BigDecimal toBigDecimal(Object n) {
        if (n instanceof BigDecimal) {
            return (BigDecimal) n;
        } else if (isIntegral(n)) {
            return BigDecimal.valueOf(((Number) n).longValue());
        } else if (n instanceof Double) {
            double d = (Double) n;
            checkFinite(d);
            return NumberText.shortestDecimal(d);
        } else if (n instanceof Float) {
            float f = (Float) n;
            checkFinite(f);
            return NumberText.shortestDecimal(f);
        }
        throw DbException.internal("not a number: " + n.getClass().getName());
    }

    private static void checkFinite(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "cannot convert " + NumberText.formatDouble(d) + " to numeric");
        }
    }

    /** Fits {@code v} to a DECIMAL type: constrained types via {@link #fitDecimal(BigDecimal, int, int)}, else
     *  {@link #normalize(BigDecimal)}. */
    static BigDecimal fitDecimal(BigDecimal v, DataType type) {
        return type.isConstrainedDecimal() ? fitDecimal(v, type.precision(), type.scale()) : normalize(v);
    }

    /**
     * Rounds {@code v} HALF_UP to {@code scale} digits; if more than {@code precision - scale} integer digits remain
     * that is 22003 "numeric field overflow".
     */
    static BigDecimal fitDecimal(BigDecimal v, int precision, int scale) {
        int maxIntDigits = precision - scale;
        if (integerDigits(v) > maxIntDigits) { // rounding never removes integer digits; also guards setScale
            throw fieldOverflow(precision, scale);
        }
        BigDecimal r = v.scale() > scale + v.precision() + 1
                ? BigDecimal.ZERO.setScale(scale) // |v| < 10^-(scale+1): rounds to zero
                : v.setScale(scale, RoundingMode.HALF_UP);
        if (integerDigits(r) > maxIntDigits) {
            throw fieldOverflow(precision, scale);
        }
        return r;
    }

    private static DbException fieldOverflow(int precision, int scale) {
        return new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow (a field with precision "
                + precision + ", scale " + scale + " must round to an absolute value less than 10^"
                + (precision - scale) + ")");
    }

    /**
     * Brings a value into the range of the unconstrained DECIMAL: scale in 0..38 and at most 38 digits. Negative
     * scales are expanded ({@code 1E+5} becomes 100000); fraction digits beyond the 38-digit budget are rounded
     * HALF_UP (and trailing zeros that rounding leaves are stripped); more than 38 integer digits are 22003.
     */
    static BigDecimal normalize(BigDecimal v) {
        final int max = DataType.MAX_DECIMAL_PRECISION;
        int intDigits = integerDigits(v);
        if (intDigits > max) {
            throw outOfRange(TypeId.DECIMAL);
        }
        if (v.scale() < 0) {
            return v.setScale(0);
        }
        if (v.scale() <= max && v.precision() <= max) {
            return v;
        }
        int scale = Math.min(max, max - intDigits);
        BigDecimal r = v.scale() > scale + v.precision() + 1
                ? BigDecimal.ZERO
                : v.setScale(scale, RoundingMode.HALF_UP);
        if (integerDigits(r) > max) {
            throw outOfRange(TypeId.DECIMAL);
        }
        if (r.precision() > max) { // rounding carried into a new integer digit (9.99.. -> 10.0..)
            r = r.setScale(scale - 1, RoundingMode.HALF_UP);
        }
        return stripFractionZeros(r);
    }

    /** Removes trailing zeros from the fraction, never making the scale negative. */
    static BigDecimal stripFractionZeros(BigDecimal v) {
        if (v.scale() <= 0) {
            return v;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Number of digits before the decimal point (0 for |v| &lt; 1). */
    static int integerDigits(BigDecimal v) {
        return Math.max(0, v.precision() - v.scale());
    }
}
