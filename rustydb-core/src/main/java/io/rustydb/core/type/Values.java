package io.rustydb.core.type;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Comparison, equality, hashing and display text of non-null SQL values (see {@link DataType} for which Java class
 * holds which type).
 *
 * <p>The three are consistent: {@code equal(a, b) == (compare(a, b) == 0)} and {@code equal(a, b)} implies
 * {@code hash(a) == hash(b)}, across classes. So a hash join or hash aggregate may mix, say, INTEGER and DECIMAL
 * keys. Rules:
 * <ul>
 *   <li>Numbers compare by exact mathematical value across Short, Integer, Long, BigDecimal, Float and Double (a
 *       Float is widened exactly to double, so {@code 0.1f} is not equal to {@code 0.1d}; a decimal {@code 0.1} is
 *       not equal to the double nearest 0.1: the binder casts both sides to the common type first). NaN equals
 *       NaN and is greater than every other number; -0.0 equals 0.0 (as in PostgreSQL).</li>
 *   <li>Strings compare with {@link String#compareTo} (code point order of UTF-16 units); CHAR(n) padding is
 *       applied when values are assigned or cast, not here.</li>
 *   <li>DATE, TIMESTAMP and TIMESTAMP WITH TIME ZONE compare with each other on one time line: a DATE is its
 *       midnight, a TIMESTAMP is read as UTC.</li>
 *   <li>BOOLEAN false &lt; true; {@link Binary} and UUID compare as unsigned bytes (UUID as PostgreSQL does, not
 *       as {@link UUID#compareTo}, which is signed).</li>
 *   <li>INTERVAL by its span with 30-day months and 24-hour days ({@link Interval}): {@code 1 mon} equals
 *       {@code 30 days}.</li>
 *   <li>JSONB by PostgreSQL's jsonb order ({@link io.rustydb.core.json.Jsonb#compare}); JSON has no order
 *       (42883).</li>
 *   <li>Arrays ({@link SqlArray}) compare element by element, a NULL element after every value and equal to
 *       another NULL (as PostgreSQL's array comparison, so arrays can be sorted, grouped and made DISTINCT);
 *       when one is a prefix of the other the shorter is smaller.</li>
 *   <li>Anything else is 42804 "cannot compare X with Y".</li>
 * </ul>
 */
public final class Values {
    private Values() {
    }

    private static final int NAN_HASH = 0x7ff80000;

    /** Orders two non-null values; see the class comment. The sign is what matters, not the magnitude. */
    public static int compare(Object a, Object b) {
        if (a == null || b == null) {
            throw DbException.internal("Values.compare called with a NULL operand");
        }
        if (a.getClass() == b.getClass()) {
            if (a instanceof Integer) {
                return Integer.compare((Integer) a, (Integer) b);
            } else if (a instanceof Long) {
                return Long.compare((Long) a, (Long) b);
            } else if (a instanceof String) {
                return ((String) a).compareTo((String) b);
            } else if (a instanceof BigDecimal) {
                return ((BigDecimal) a).compareTo((BigDecimal) b);
            } else if (a instanceof Double) {
                return compareDoubles((Double) a, (Double) b);
            } else if (a instanceof Short) {
                return Short.compare((Short) a, (Short) b);
            } else if (a instanceof Float) {
                return compareDoubles((Float) a, (Float) b);
            } else if (a instanceof Boolean) {
                return Boolean.compare((Boolean) a, (Boolean) b);
            } else if (a instanceof LocalDate) {
                return ((LocalDate) a).compareTo((LocalDate) b);
            } else if (a instanceof LocalDateTime) {
                return ((LocalDateTime) a).compareTo((LocalDateTime) b);
            } else if (a instanceof LocalTime) {
                return ((LocalTime) a).compareTo((LocalTime) b);
            } else if (a instanceof OffsetDateTime) {
                return ((OffsetDateTime) a).toInstant().compareTo(((OffsetDateTime) b).toInstant());
            } else if (a instanceof Binary) {
                return ((Binary) a).compareTo((Binary) b);
            } else if (a instanceof UUID) {
                return compareUuids((UUID) a, (UUID) b);
            } else if (a instanceof Interval) {
                return ((Interval) a).compareTo((Interval) b);
            } else if (a instanceof io.rustydb.core.json.JsonValue) {
                return ((io.rustydb.core.json.JsonValue) a).compareTo((io.rustydb.core.json.JsonValue) b);
            } else if (a instanceof SqlArray) {
                return compareArrays((SqlArray) a, (SqlArray) b);
            }
        } else if (Numbers.isNumber(a) && Numbers.isNumber(b)) {
            return compareNumbers(a, b);
        } else if (isTimeLine(a) && isTimeLine(b)) {
            return toUtcDateTime(a).compareTo(toUtcDateTime(b));
        }
        throw new DbException(ErrorCode.DATATYPE_MISMATCH, "cannot compare " + typeName(a) + " with " + typeName(b));
    }

    /** SQL equality of two non-null values: {@code compare(a, b) == 0}. */
    public static boolean equal(Object a, Object b) {
        if (a.getClass() == b.getClass()) {
            if (a instanceof Integer || a instanceof Long || a instanceof String || a instanceof Boolean
                    || a instanceof Short || a instanceof UUID || a instanceof Binary || a instanceof LocalDate
                    || a instanceof LocalDateTime || a instanceof LocalTime) {
                return a.equals(b);
            }
        }
        return compare(a, b) == 0;
    }

    /**
     * A hash of a non-null value consistent with {@link #equal(Object, Object)} across classes: {@code 1},
     * {@code 1L}, {@code (short) 1}, {@code new BigDecimal("1.00")}, {@code 1.0f} and {@code 1.0d} hash alike, and
     * so do a DATE and the TIMESTAMP at its midnight.
     */
    public static int hash(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return Long.hashCode(((Number) v).longValue());
        } else if (v instanceof String) {
            return v.hashCode();
        } else if (v instanceof BigDecimal) {
            return hashDecimal((BigDecimal) v);
        } else if (v instanceof Double || v instanceof Float) {
            return hashDouble(((Number) v).doubleValue());
        } else if (v instanceof LocalDate) {
            return ((LocalDate) v).atStartOfDay().hashCode();
        } else if (v instanceof OffsetDateTime) {
            return toUtcDateTime(v).hashCode();
        } else if (v instanceof SqlArray a) {
            int h = 1;
            for (Object e : a.elements()) {
                h = 31 * h + (e == null ? 0 : hash(e));
            }
            return h;
        }
        return v.hashCode();
    }

    /**
     * Display text as PostgreSQL prints it: {@code true}/{@code false}; integers in decimal; DECIMAL in plain
     * notation keeping its scale ({@code 1.50}); REAL/DOUBLE as the shortest text that reads back exactly, without
     * a trailing {@code .0} ({@code 1}, {@code 1.5}, {@code 1e+20}, {@code NaN}, {@code Infinity}); dates/times in
     * ISO style with a space separator ({@code 2024-01-02 03:04:05.123}, {@code ...+00} with time zone); binary as
     * {@code \x0a1b}; UUID in lower case; INTERVAL as {@code 1 year 2 mons 3 days 04:05:06}; JSON/JSONB as their
     * text. {@code null} gives {@code "NULL"}.
     */
    public static String toSqlString(Object v) {
        if (v == null) {
            return "NULL";
        } else if (v instanceof String) {
            return (String) v;
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return v.toString();
        } else if (v instanceof BigDecimal) {
            return ((BigDecimal) v).toPlainString();
        } else if (v instanceof Double) {
            return NumberText.formatDouble((Double) v);
        } else if (v instanceof Float) {
            return NumberText.formatFloat((Float) v);
        } else if (v instanceof Boolean) {
            return ((Boolean) v) ? "true" : "false";
        } else if (v instanceof LocalDate) {
            return DateTimeText.format((LocalDate) v);
        } else if (v instanceof LocalTime) {
            return DateTimeText.format((LocalTime) v);
        } else if (v instanceof LocalDateTime) {
            return DateTimeText.format((LocalDateTime) v);
        } else if (v instanceof OffsetDateTime) {
            return DateTimeText.format((OffsetDateTime) v);
        } else if (v instanceof Binary || v instanceof UUID || v instanceof Interval
                || v instanceof io.rustydb.core.json.JsonValue) {
            return v.toString();
        } else if (v instanceof SqlArray a) {
            return ArrayText.format(a);
        }
        throw new DbException(ErrorCode.DATATYPE_MISMATCH, "no SQL type for Java class " + v.getClass().getName());
    }

    /** The SQL name of a value's type for messages, or its Java class name when it has none. */
    static String typeName(Object v) {
        DataType t = DataType.ofOrNull(v);
        return t != null ? t.sqlName() : v.getClass().getName();
    }

    private static int compareDoubles(double x, double y) {
        if (x < y) {
            return -1;
        } else if (x > y) {
            return 1;
        } else if (x == y) {
            return 0; // includes -0.0 == 0.0
        }
        return Double.isNaN(x) ? (Double.isNaN(y) ? 0 : 1) : -1;
    }

    private static int compareNumbers(Object a, Object b) {
        if (Numbers.isIntegral(a) && Numbers.isIntegral(b)) {
            return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
        }
        boolean fa = Numbers.isFloating(a);
        boolean fb = Numbers.isFloating(b);
        if (fa && fb) {
            return compareDoubles(((Number) a).doubleValue(), ((Number) b).doubleValue());
        } else if (fa) {
            return compareFloatToExact(((Number) a).doubleValue(), b);
        } else if (fb) {
            return -compareFloatToExact(((Number) b).doubleValue(), a);
        }
        return Numbers.toBigDecimal(a).compareTo(Numbers.toBigDecimal(b));
    }

    /** Compares a double with an exact number (Short, Integer, Long, BigDecimal) by mathematical value. */
    private static int compareFloatToExact(double d, Object exact) {
        if (Double.isNaN(d)) {
            return 1;
        } else if (Double.isInfinite(d)) {
            return d > 0 ? 1 : -1;
        }
        if (Numbers.isIntegral(exact)) {
            long v = ((Number) exact).longValue();
            if (Math.abs(v) <= (1L << 53)) {
                return compareDoubles(d, (double) v); // exact: v is representable
            }
            return new BigDecimal(d).compareTo(BigDecimal.valueOf(v));
        }
        return new BigDecimal(d).compareTo((BigDecimal) exact);
    }

    private static int compareArrays(SqlArray a, SqlArray b) {
        List<Object> x = a.elements();
        List<Object> y = b.elements();
        int n = Math.min(x.size(), y.size());
        for (int i = 0; i < n; i++) {
            Object p = x.get(i);
            Object q = y.get(i);
            int c = p == null ? (q == null ? 0 : 1) : q == null ? -1 : compare(p, q);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    private static int compareUuids(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static boolean isTimeLine(Object v) {
        return v instanceof LocalDate || v instanceof LocalDateTime || v instanceof OffsetDateTime;
    }

    /** DATE, TIMESTAMP or TIMESTAMP WITH TIME ZONE as a UTC LocalDateTime. */
    static LocalDateTime toUtcDateTime(Object v) {
        if (v instanceof LocalDateTime) {
            return (LocalDateTime) v;
        } else if (v instanceof LocalDate) {
            return ((LocalDate) v).atStartOfDay();
        }
        OffsetDateTime o = (OffsetDateTime) v;
        return o.getOffset().equals(ZoneOffset.UTC) ? o.toLocalDateTime()
                : o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private static int hashDouble(double d) {
        if (Double.isNaN(d)) {
            return NAN_HASH;
        } else if (Double.isInfinite(d)) {
            return Double.hashCode(d);
        } else if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return Long.hashCode((long) d); // -0.0 and 0.0 both land here
        }
        return hashDecimal(new BigDecimal(d));
    }

    private static int hashDecimal(BigDecimal v) {
        if (v.signum() == 0) {
            return Long.hashCode(0L);
        }
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() <= 0 && s.precision() - s.scale() <= 19) {
            java.math.BigInteger i = s.toBigInteger();
            if (i.bitLength() < 64) {
                return Long.hashCode(i.longValue());
            }
        }
        return s.hashCode();
    }
}
