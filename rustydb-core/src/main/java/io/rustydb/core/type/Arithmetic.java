package io.rustydb.core.type;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * Result types and evaluation of {@code + - * / %}, and unary minus.
 *
 * <p>Result types ({@link #resultType}):
 * <pre>
 * integer op integer        the wider of the two (SMALLINT + SMALLINT is SMALLINT, as in PostgreSQL)
 * DECIMAL op exact numeric  DECIMAL (unconstrained; see {@link DataType})
 * REAL op REAL              REAL
 * REAL/DOUBLE op numeric    DOUBLE
 * DATE + integer, integer + DATE, DATE - integer    DATE (days)
 * DATE - DATE               INTEGER (days)
 * DATE + TIME, TIME + DATE  TIMESTAMP
 * NULL op X, X op NULL      X (when X is numeric, or DATE with + or -)
 * date/time and INTERVAL    see {@link IntervalArithmetic} (TIMESTAMP - TIMESTAMP is an INTERVAL)
 * </pre>
 * Anything else is 42883 (no such operator). {@code %} is also defined on REAL/DOUBLE (C's fmod), unlike
 * PostgreSQL.
 *
 * <p>Evaluation ({@link #apply}): NULL in, NULL out. Integer overflow is 22003 ("integer out of range" etc.),
 * never a wrap-around; integer division truncates toward zero and {@code %} takes the sign of the dividend.
 * Division or modulo by zero is 22012 for every numeric type, including REAL/DOUBLE (as PostgreSQL; NaN / 0
 * is NaN). REAL/DOUBLE
 * results that overflow to infinity from finite operands, or underflow to zero from non-zero ones, are 22003.
 * DECIMAL {@code + - * %} are exact; DECIMAL division keeps at least 16 significant digits, like PostgreSQL:
 * result scale = {@code max(s1, s2, 15 - e)} where {@code e} is the decimal exponent of the quotient's leading
 * digit (so {@code 1/3 = 0.3333333333333333}, {@code 10/4 = 2.500000000000000}), capped at 38, rounded HALF_UP.
 * Every DECIMAL result is then fitted to 38 digits (see {@link DataType}): more than 38 integer digits is 22003.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    /** Minimum significant digits of a DECIMAL quotient (PostgreSQL's NUMERIC_MIN_SIG_DIGITS). */
    private static final int MIN_SIG_DIGITS = 16;

    /** The type of {@code left op right}; see the class comment. */
    public static DataType resultType(ArithmeticOp op, DataType left, DataType right) {
        DataType t = resultTypeOrNull(op, left, right);
        if (t == null) {
            throw noOperator(op.symbol(), left, right);
        }
        return t;
    }

    private static DataType resultTypeOrNull(ArithmeticOp op, DataType left, DataType right) {
        TypeId x = left.id();
        TypeId y = right.id();
        if (x == TypeId.NULL || y == TypeId.NULL) {
            DataType other = x == TypeId.NULL ? right : left;
            TypeId o = other.id();
            if (o == TypeId.NULL || o.isNumeric()
                    || o == TypeId.DATE && (op == ArithmeticOp.ADD || op == ArithmeticOp.SUBTRACT)) {
                return other;
            }
            return IntervalArithmetic.resultType(op, x, y);
        }
        if (x.isNumeric() && y.isNumeric()) {
            if (x.isIntegral() && y.isIntegral()) {
                return x.compareTo(y) >= 0 ? left : right;
            } else if (x == TypeId.REAL && y == TypeId.REAL) {
                return DataType.REAL;
            } else if (x.isApproximateNumeric() || y.isApproximateNumeric()) {
                return DataType.DOUBLE;
            }
            return DataType.DECIMAL;
        }
        DataType withInterval = IntervalArithmetic.resultType(op, x, y);
        if (withInterval != null) {
            return withInterval;
        }
        switch (op) {
            case ADD:
                if (x == TypeId.DATE && y.isIntegral() || x.isIntegral() && y == TypeId.DATE) {
                    return DataType.DATE;
                }
                if (x == TypeId.DATE && y == TypeId.TIME || x == TypeId.TIME && y == TypeId.DATE) {
                    return DataType.TIMESTAMP;
                }
                return null;
            case SUBTRACT:
                if (x == TypeId.DATE && y.isIntegral()) {
                    return DataType.DATE;
                }
                if (x == TypeId.DATE && y == TypeId.DATE) {
                    return DataType.INTEGER;
                }
                return null;
            default:
                return null;
        }
    }

    /**
     * Evaluates {@code left op right} as {@code resultType} (from {@link #resultType}; pass {@code null} or
     * {@link DataType#NULL} to derive it from the values). Either operand {@code null} gives {@code null}. A
     * constrained DECIMAL result type rounds and range-checks the result as a cast would.
     */
    public static Object apply(ArithmeticOp op, Object left, Object right, DataType resultType) {
        if (left == null || right == null) {
            return null;
        }
        if (resultType == null || resultType.id() == TypeId.NULL) {
            resultType = resultType(op, DataType.of(left), DataType.of(right));
        }
        TypeId t = resultType.id();
        if (t == TypeId.INTERVAL || left instanceof Interval || right instanceof Interval) {
            Object moved = IntervalArithmetic.apply(op, left, right);
            if (moved != null) {
                return moved;
            }
        }
        switch (t) {
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                if (Numbers.isIntegral(left) && Numbers.isIntegral(right)) {
                    return Numbers.narrow(integral(op, ((Number) left).longValue(), ((Number) right).longValue(), t), t);
                }
                if (op == ArithmeticOp.SUBTRACT && left instanceof LocalDate && right instanceof LocalDate) {
                    return Numbers.narrow(ChronoUnit.DAYS.between((LocalDate) right, (LocalDate) left), t);
                }
                break;
            case DECIMAL:
                if (Numbers.isNumber(left) && Numbers.isNumber(right)) {
                    return Numbers.fitDecimal(decimal(op, Numbers.toBigDecimal(left), Numbers.toBigDecimal(right)),
                            resultType);
                }
                break;
            case REAL:
                if (Numbers.isNumber(left) && Numbers.isNumber(right)) {
                    return real(op, ((Number) left).floatValue(), ((Number) right).floatValue());
                }
                break;
            case DOUBLE:
                if (Numbers.isNumber(left) && Numbers.isNumber(right)) {
                    return dbl(op, ((Number) left).doubleValue(), ((Number) right).doubleValue());
                }
                break;
            case DATE:
                if (left instanceof LocalDate && Numbers.isIntegral(right) && op != ArithmeticOp.MULTIPLY
                        && op != ArithmeticOp.DIVIDE && op != ArithmeticOp.MODULO) {
                    long days = ((Number) right).longValue();
                    return plusDays((LocalDate) left, op == ArithmeticOp.SUBTRACT ? -days : days);
                }
                if (op == ArithmeticOp.ADD && Numbers.isIntegral(left) && right instanceof LocalDate) {
                    return plusDays((LocalDate) right, ((Number) left).longValue());
                }
                break;
            case TIMESTAMP:
                if (op == ArithmeticOp.ADD && left instanceof LocalDate && right instanceof LocalTime) {
                    return LocalDateTime.of((LocalDate) left, (LocalTime) right);
                }
                if (op == ArithmeticOp.ADD && left instanceof LocalTime && right instanceof LocalDate) {
                    return LocalDateTime.of((LocalDate) right, (LocalTime) left);
                }
                break;
            default:
                break;
        }
        // The values do not match resultType: derive the type from the values and cast (e.g. a BIGINT result
        // type for two INTEGER operands).
        DataType natural = resultType(op, DataType.of(left), DataType.of(right));
        if (natural.equals(resultType)) {
            throw noOperator(op.symbol(), natural, natural);
        }
        return Casts.cast(apply(op, left, right, natural), resultType);
    }

    /** Unary minus: {@code null} stays {@code null}; {@code -(-2147483648)} is 22003, never a wrap-around. */
    public static Object negate(Object v) {
        if (v == null) {
            return null;
        } else if (v instanceof Integer) {
            int i = (Integer) v;
            if (i == Integer.MIN_VALUE) {
                throw Numbers.outOfRange(TypeId.INTEGER);
            }
            return -i;
        } else if (v instanceof Long) {
            long l = (Long) v;
            if (l == Long.MIN_VALUE) {
                throw Numbers.outOfRange(TypeId.BIGINT);
            }
            return -l;
        } else if (v instanceof Short) {
            short s = (Short) v;
            if (s == Short.MIN_VALUE) {
                throw Numbers.outOfRange(TypeId.SMALLINT);
            }
            return (short) -s;
        } else if (v instanceof BigDecimal) {
            return ((BigDecimal) v).negate();
        } else if (v instanceof Double) {
            return -(Double) v;
        } else if (v instanceof Float) {
            return -(Float) v;
        } else if (v instanceof Interval) {
            return ((Interval) v).negate();
        }
        throw new DbException(ErrorCode.UNDEFINED_OPERATOR, "-" + Values.typeName(v));
    }

    private static long integral(ArithmeticOp op, long a, long b, TypeId t) {
        try {
            switch (op) {
                case ADD: return Math.addExact(a, b);
                case SUBTRACT: return Math.subtractExact(a, b);
                case MULTIPLY: return Math.multiplyExact(a, b);
                case DIVIDE:
                    if (b == 0) {
                        throw divisionByZero();
                    }
                    if (a == Long.MIN_VALUE && b == -1) {
                        throw Numbers.outOfRange(t);
                    }
                    return a / b;
                case MODULO:
                    if (b == 0) {
                        throw divisionByZero();
                    }
                    return b == -1 ? 0 : a % b;
                default:
                    throw DbException.internal("unknown operator " + op);
            }
        } catch (ArithmeticException e) {
            throw Numbers.outOfRange(t);
        }
    }

    private static BigDecimal decimal(ArithmeticOp op, BigDecimal a, BigDecimal b) {
        switch (op) {
            case ADD: return a.add(b);
            case SUBTRACT: return a.subtract(b);
            case MULTIPLY: return a.multiply(b);
            case DIVIDE: return divide(a, b);
            case MODULO:
                if (b.signum() == 0) {
                    throw divisionByZero();
                }
                return a.remainder(b);
            default:
                throw DbException.internal("unknown operator " + op);
        }
    }

    /** DECIMAL division with PostgreSQL-like result scale; see the class comment. */
    static BigDecimal divide(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            throw divisionByZero();
        }
        int exponent = 0;
        if (a.signum() != 0) {
            BigDecimal estimate = a.divide(b, new MathContext(MIN_SIG_DIGITS + 4, RoundingMode.HALF_UP));
            exponent = estimate.precision() - estimate.scale() - 1;
        }
        int scale = Math.max(Math.max(a.scale(), b.scale()), MIN_SIG_DIGITS - 1 - exponent);
        scale = Math.max(0, Math.min(scale, DataType.MAX_DECIMAL_PRECISION));
        return a.divide(b, scale, RoundingMode.HALF_UP);
    }

    private static float real(ArithmeticOp op, float a, float b) {
        float r;
        switch (op) {
            case ADD: r = a + b; break;
            case SUBTRACT: r = a - b; break;
            case MULTIPLY: r = a * b; break;
            case DIVIDE:
                if (b == 0 && a == a) { // NaN / 0 is NaN, as in PostgreSQL
                    throw divisionByZero();
                }
                r = a / b;
                break;
            case MODULO:
                if (b == 0) {
                    throw divisionByZero();
                }
                r = a % b;
                break;
            default:
                throw DbException.internal("unknown operator " + op);
        }
        if (Float.isInfinite(r) && !Float.isInfinite(a) && !Float.isInfinite(b)) {
            throw Numbers.outOfRange(TypeId.REAL);
        }
        if (r == 0 && a != 0 && (op == ArithmeticOp.MULTIPLY && b != 0 || op == ArithmeticOp.DIVIDE
                && !Float.isInfinite(b))) {
            throw Numbers.underflow();
        }
        return r;
    }

    private static double dbl(ArithmeticOp op, double a, double b) {
        double r;
        switch (op) {
            case ADD: r = a + b; break;
            case SUBTRACT: r = a - b; break;
            case MULTIPLY: r = a * b; break;
            case DIVIDE:
                if (b == 0 && a == a) { // NaN / 0 is NaN, as in PostgreSQL
                    throw divisionByZero();
                }
                r = a / b;
                break;
            case MODULO:
                if (b == 0) {
                    throw divisionByZero();
                }
                r = a % b;
                break;
            default:
                throw DbException.internal("unknown operator " + op);
        }
        if (Double.isInfinite(r) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            throw Numbers.outOfRange(TypeId.DOUBLE);
        }
        if (r == 0 && a != 0 && (op == ArithmeticOp.MULTIPLY && b != 0 || op == ArithmeticOp.DIVIDE
                && !Double.isInfinite(b))) {
            throw Numbers.underflow();
        }
        return r;
    }

    private static LocalDate plusDays(LocalDate d, long days) {
        try {
            return d.plusDays(days);
        } catch (DateTimeException | ArithmeticException e) {
            throw new DbException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date out of range");
        }
    }

    private static DbException divisionByZero() {
        return new DbException(ErrorCode.DIVISION_BY_ZERO);
    }

    /**
     * 42883 for an operator with no definition for its operand types. ErrorCode has no operator-specific template,
     * so the message reads "operator does not exist: INTEGER + DATE".
     */
    static DbException noOperator(String symbol, DataType left, DataType right) {
        return new DbException(ErrorCode.UNDEFINED_OPERATOR,
                left.sqlName() + " " + symbol + " " + right.sqlName());
    }
}
