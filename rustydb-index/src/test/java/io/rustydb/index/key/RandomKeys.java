package io.rustydb.index.key;

import io.rustydb.core.type.Binary;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.Interval;
import io.rustydb.core.type.TypeId;
import io.rustydb.core.type.Values;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Random key columns and values for the model tests, biased towards edge values (extremes, zeros, NaN, escapes,
 * surrogates) and towards repeats, so that ties in leading columns are common. Also the reference comparator: the
 * SQL order of tuples from {@link Values#compare} plus the direction and NULL rules.
 */
final class RandomKeys {
    private static final TypeId[] TYPES = {
        TypeId.BOOLEAN, TypeId.SMALLINT, TypeId.INTEGER, TypeId.BIGINT, TypeId.DECIMAL, TypeId.REAL, TypeId.DOUBLE,
        TypeId.CHAR, TypeId.VARCHAR, TypeId.TEXT, TypeId.VARBINARY, TypeId.BLOB, TypeId.DATE, TypeId.TIME,
        TypeId.TIMESTAMP, TypeId.TIMESTAMP_TZ, TypeId.UUID, TypeId.INTERVAL,
    };

    /** String pieces: escapes, UTF-8 length boundaries, surrogates (paired and lone), blanks. */
    private static final String[] PIECES = {
        "\u0000", "\u0001", " ", "a", "b", "z", "\u007f", "\u0080", "\u00ff", "\u07ff", "\u0800", "\ud7ff",
        "\ud800", "\udfff", "\ue000", "\uffff", "\ud83d\ude00", "\udbff\udfff", "\ud800\udc00", "\u0000\u0000",
    };

    private static final int[] BYTES = {0x00, 0x01, 0x02, 0x7f, 0x80, 0xfe, 0xff};

    private final Random rnd;

    RandomKeys(Random rnd) {
        this.rnd = rnd;
    }

    /** A random column type with random parameters where the type has them. */
    DataType type() {
        TypeId id = TYPES[rnd.nextInt(TYPES.length)];
        switch (id) {
            case DECIMAL: {
                if (rnd.nextBoolean()) {
                    return DataType.DECIMAL;
                }
                int p = 1 + rnd.nextInt(DataType.MAX_DECIMAL_PRECISION);
                return DataType.decimal(p, rnd.nextInt(p + 1));
            }
            case CHAR: return DataType.charType(1 + rnd.nextInt(4));
            case VARCHAR: return rnd.nextBoolean() ? DataType.VARCHAR : DataType.varchar(1 + rnd.nextInt(6));
            case VARBINARY: return rnd.nextBoolean() ? DataType.VARBINARY : DataType.varbinary(1 + rnd.nextInt(6));
            default: return DataType.of(id);
        }
    }

    KeyColumn column() {
        return new KeyColumn(type(), rnd.nextBoolean(), rnd.nextBoolean());
    }

    List<KeyColumn> columns(int max) {
        int n = 1 + rnd.nextInt(max);
        List<KeyColumn> columns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            columns.add(column());
        }
        return columns;
    }

    /** A value of {@code type} (never null). */
    Object value(DataType type) {
        switch (type.id()) {
            case BOOLEAN: return rnd.nextBoolean();
            case SMALLINT: return (short) integral(Short.MIN_VALUE, Short.MAX_VALUE);
            case INTEGER: return (int) integral(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT: return integral(Long.MIN_VALUE, Long.MAX_VALUE);
            case DECIMAL: return decimal(type);
            case REAL: return realValue();
            case DOUBLE: return doubleValue();
            case CHAR: return padded(string(type.length()), type.length());
            case VARCHAR: return string(type.hasLength() ? type.length() : 8);
            case TEXT: return string(8);
            case VARBINARY: return binary(type.hasLength() ? type.length() : 8);
            case BLOB: return binary(8);
            case DATE: return date();
            case TIME: return time();
            case TIMESTAMP: return timestamp();
            case TIMESTAMP_TZ: return timestampTz();
            case UUID: return uuid();
            case INTERVAL: return interval();
            default: throw new IllegalArgumentException(type.toString());
        }
    }

    private long integral(long min, long max) {
        switch (rnd.nextInt(8)) {
            case 0: return min;
            case 1: return max;
            case 2: return rnd.nextInt(5) - 2; // -2..2
            case 3: return rnd.nextBoolean() ? min + 1 : max - 1;
            case 4: return rnd.nextInt(1000) - 500;
            default: {
                long v = rnd.nextLong();
                return v < min || v > max ? min + Math.floorMod(v, max - min + 1) : v;
            }
        }
    }

    private Object decimal(DataType type) {
        int maxDigits = type.isConstrainedDecimal() ? type.precision() : DataType.MAX_DECIMAL_PRECISION;
        int scale;
        if (type.isConstrainedDecimal()) {
            scale = type.scale();
        } else if (rnd.nextInt(8) == 0) {
            return hugeOrTinyDecimal(); // beyond RustyDB's 38 digits: the codec is arbitrary-precision
        } else {
            scale = rnd.nextInt(maxDigits + 1);
        }
        BigInteger unscaled;
        switch (rnd.nextInt(6)) {
            case 0:
                unscaled = BigInteger.ZERO;
                break;
            case 1: // all nines: the largest magnitude of the precision
                unscaled = BigInteger.TEN.pow(1 + rnd.nextInt(maxDigits)).subtract(BigInteger.ONE);
                break;
            case 2: // a power of ten: stripped trailing zeros
                unscaled = BigInteger.TEN.pow(rnd.nextInt(maxDigits));
                break;
            case 3:
                unscaled = BigInteger.valueOf(rnd.nextInt(21) - 10);
                break;
            default:
                unscaled = new BigInteger(digitsBits(maxDigits), rnd);
                while (unscaled.toString().length() > maxDigits) {
                    unscaled = unscaled.shiftRight(1);
                }
                break;
        }
        if (rnd.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        BigDecimal v = new BigDecimal(unscaled, scale);
        if (!type.isConstrainedDecimal() && rnd.nextInt(4) == 0) {
            // the same number at another scale (1.5 vs 1.50): equal in SQL
            BigDecimal stripped = v.stripTrailingZeros();
            v = stripped.setScale(Math.max(0, stripped.scale()) + rnd.nextInt(3));
        }
        return v;
    }

    private int digitsBits(int maxDigits) {
        return 1 + rnd.nextInt((int) Math.ceil(maxDigits * 3.33));
    }

    private BigDecimal hugeOrTinyDecimal() {
        int exponent = rnd.nextInt(4) == 0 ? rnd.nextInt(2001) - 1000 : rnd.nextInt(201) - 100;
        BigInteger unscaled = new BigInteger(1 + rnd.nextInt(400), rnd).add(BigInteger.ONE);
        if (rnd.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        return new BigDecimal(unscaled, -exponent);
    }

    private float realValue() {
        switch (rnd.nextInt(12)) {
            case 0: return 0.0f;
            case 1: return -0.0f;
            case 2: return Float.NaN;
            case 3: return rnd.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
            case 4: return (rnd.nextBoolean() ? 1 : -1) * Float.MIN_VALUE * (1 + rnd.nextInt(4)); // subnormal
            case 5: return (rnd.nextBoolean() ? 1 : -1) * Float.MAX_VALUE;
            case 6: return (rnd.nextBoolean() ? 1 : -1) * Float.MIN_NORMAL;
            case 7: return Float.intBitsToFloat(rnd.nextInt()); // anything, NaN payloads included
            case 8: return Float.intBitsToFloat(0x7fc00000 | rnd.nextInt(0x400000) | (rnd.nextBoolean() ? 1 << 31 : 0));
            default: return rnd.nextInt(11) - 5 + (rnd.nextBoolean() ? 0.5f : 0f);
        }
    }

    private double doubleValue() {
        switch (rnd.nextInt(12)) {
            case 0: return 0.0;
            case 1: return -0.0;
            case 2: return Double.NaN;
            case 3: return rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 4: return (rnd.nextBoolean() ? 1 : -1) * Double.MIN_VALUE * (1 + rnd.nextInt(4)); // subnormal
            case 5: return (rnd.nextBoolean() ? 1 : -1) * Double.MAX_VALUE;
            case 6: return (rnd.nextBoolean() ? 1 : -1) * Math.nextDown(Double.MIN_NORMAL); // largest subnormal
            case 7: return Double.longBitsToDouble(rnd.nextLong()); // anything, NaN payloads included
            case 8: return Double.longBitsToDouble(0xfff0000000000001L + rnd.nextInt(1000)); // negative-sign NaN
            default: return rnd.nextInt(11) - 5 + (rnd.nextBoolean() ? 0.5 : 0.0);
        }
    }

    private String string(int maxLength) {
        int n = rnd.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < n) {
            if (rnd.nextInt(3) == 0) {
                sb.append((char) rnd.nextInt(0x10000));
            } else {
                sb.append(PIECES[rnd.nextInt(PIECES.length)]);
            }
        }
        return sb.length() > maxLength ? sb.substring(0, maxLength) : sb.toString();
    }

    private static String padded(String s, int n) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < n) {
            sb.append(' ');
        }
        return sb.toString();
    }

    private Binary binary(int maxLength) {
        byte[] b = new byte[rnd.nextInt(maxLength + 1)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (rnd.nextBoolean() ? BYTES[rnd.nextInt(BYTES.length)] : rnd.nextInt(256));
        }
        return Binary.of(b);
    }

    private LocalDate date() {
        switch (rnd.nextInt(6)) {
            case 0: return LocalDate.MIN;
            case 1: return LocalDate.MAX;
            case 2: return LocalDate.ofEpochDay(rnd.nextInt(5) - 2);
            case 3: return LocalDate.ofEpochDay(Math.floorMod(rnd.nextLong(),
                    LocalDate.MAX.toEpochDay() - LocalDate.MIN.toEpochDay()) + LocalDate.MIN.toEpochDay());
            default: return LocalDate.ofEpochDay(rnd.nextInt(100_000) - 30_000);
        }
    }

    private LocalTime time() {
        switch (rnd.nextInt(5)) {
            case 0: return LocalTime.MIN;
            case 1: return LocalTime.MAX;
            case 2: return LocalTime.NOON;
            default: return LocalTime.ofNanoOfDay(Math.floorMod(rnd.nextLong(), 86_400_000_000_000L));
        }
    }

    private LocalDateTime timestamp() {
        switch (rnd.nextInt(6)) {
            case 0: return LocalDateTime.MIN;
            case 1: return LocalDateTime.MAX;
            case 2: return LocalDateTime.of(date(), time());
            case 3: return LocalDateTime.ofEpochSecond(rnd.nextInt(3) - 1, rnd.nextInt(3), ZoneOffset.UTC);
            default: return LocalDateTime.ofEpochSecond(rnd.nextInt(), rnd.nextInt(1_000_000_000), ZoneOffset.UTC);
        }
    }

    private OffsetDateTime timestampTz() {
        if (rnd.nextInt(4) == 0) {
            // another offset: the same instant as some UTC value, compared by instant
            Instant i = Instant.ofEpochSecond(rnd.nextInt(), rnd.nextInt(1_000_000_000));
            return OffsetDateTime.ofInstant(i, ZoneOffset.ofTotalSeconds(900 * (rnd.nextInt(113) - 56)));
        }
        return timestamp().atOffset(ZoneOffset.UTC);
    }

    /** Intervals with equal spans but different fields (1 mon, 30 days, 720 hours) are frequent. */
    private Interval interval() {
        int[] small = {0, 1, -1, 30, -30, 12, Integer.MAX_VALUE, Integer.MIN_VALUE};
        long[] micros = {0, 1, -1, Interval.MICROS_PER_DAY, -Interval.MICROS_PER_DAY, 30 * Interval.MICROS_PER_DAY,
            Long.MAX_VALUE, Long.MIN_VALUE};
        switch (rnd.nextInt(4)) {
            case 0:
                return Interval.of(small[rnd.nextInt(small.length)], small[rnd.nextInt(small.length)],
                        micros[rnd.nextInt(micros.length)]);
            case 1: { // the same span spread over different fields
                int months = rnd.nextInt(5) - 2;
                int days = rnd.nextInt(5) - 2;
                return Interval.of(months - 1, days + 30, rnd.nextBoolean() ? 0 : Interval.MICROS_PER_DAY);
            }
            default:
                return Interval.of(rnd.nextInt(100) - 50, rnd.nextInt(100) - 50,
                        rnd.nextLong() % (100 * Interval.MICROS_PER_DAY));
        }
    }

    private UUID uuid() {
        long[] edges = {0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L};
        if (rnd.nextBoolean()) {
            return new UUID(edges[rnd.nextInt(edges.length)], edges[rnd.nextInt(edges.length)]);
        }
        return new UUID(rnd.nextLong(), rnd.nextLong());
    }

    /**
     * The SQL order of two tuples (or prefixes) under {@code columns}: per column NULLs first or last, else
     * {@link Values#compare}, negated for DESC. Tuples must have the same length.
     */
    static Comparator<Object[]> reference(List<KeyColumn> columns) {
        return (x, y) -> {
            for (int i = 0; i < x.length; i++) {
                int c = compareColumn(columns.get(i), x[i], y[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    static int compareColumn(KeyColumn column, Object a, Object b) {
        if (a == null || b == null) {
            if (a == b) {
                return 0;
            }
            return (a == null) == column.nullsFirst() ? -1 : 1;
        }
        int c = Integer.signum(Values.compare(a, b));
        return column.descending() ? -c : c;
    }
}
