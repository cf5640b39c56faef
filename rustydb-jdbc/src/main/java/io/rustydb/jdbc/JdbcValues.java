package io.rustydb.jdbc;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.Binary;
import io.rustydb.core.type.Casts;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.Interval;
import io.rustydb.core.type.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Converts between the Java objects applications hand to JDBC and RustyDB's value representation (see
 * {@link DataType#javaClass()}), in both directions. An INTERVAL is read by {@code getObject} as an
 * {@link Interval} (its {@code toString} and {@code getString} give PostgreSQL's text, {@code 1 year 2 mons
 * 3 days 04:05:06}); {@code getObject(i, Duration.class)} works when it has no months and
 * {@code getObject(i, Period.class)} when it has no time part (else 22008); {@code setObject} takes an
 * {@link Interval}, a {@link Duration} or a {@link Period}. Legacy {@code java.sql} date/time classes are read in the
 * JVM's default time zone, as JDBC specifies.
 */
final class JdbcValues {
    private JdbcValues() {
    }

    /** An application value (from a setter) as an engine value. */
    static Object toEngine(Object value) throws SQLException {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Boolean || value instanceof Double || value instanceof Float
                || value instanceof BigDecimal || value instanceof LocalDate || value instanceof LocalTime
                || value instanceof LocalDateTime || value instanceof UUID || value instanceof Binary
                || value instanceof Interval) {
            return value;
        }
        if (value instanceof Duration d) {
            return Interval.of(d);
        }
        if (value instanceof Period p) {
            return Interval.of(p);
        }
        if (value instanceof Byte b) {
            return (short) b;
        }
        if (value instanceof io.rustydb.core.type.SqlArray) {
            return value;
        }
        if (value instanceof RustyArray a) {
            return a.value();
        }
        if (value instanceof java.sql.Array a) {
            return toEngine(a.getArray());
        }
        if (value instanceof Object[] elements) { // setObject(i, new Integer[] {...}): an array value
            Object[] converted = new Object[elements.length];
            for (int i = 0; i < elements.length; i++) {
                converted[i] = toEngine(elements[i]);
                if (converted[i] instanceof io.rustydb.core.type.SqlArray) {
                    throw new SQLException("multidimensional arrays are not supported", "0A000");
                }
            }
            return io.rustydb.core.type.SqlArray.of(converted);
        }
        if (value != null && value.getClass().isArray() && !(value instanceof byte[])) { // int[], long[], double[]...
            int n = java.lang.reflect.Array.getLength(value);
            Object[] boxed = new Object[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = java.lang.reflect.Array.get(value, i);
            }
            return toEngine(boxed);
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof byte[] bytes) {
            return Binary.of(bytes);
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof java.util.Date d) {
            return LocalDateTime.ofInstant(d.toInstant(), java.time.ZoneId.systemDefault());
        }
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof ZonedDateTime t) {
            return t.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        if (value instanceof OffsetTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime();
        }
        throw new SQLException("cannot convert a value of class " + value.getClass().getName() + " to an SQL value", "22023");
    }

    /**
     * An application value converted to the {@link java.sql.Types} type {@code sqlType}, as
     * {@code setObject(i, x, targetSqlType[, scale])} asks ({@code scale}: digits after the point for DECIMAL and
     * NUMERIC, ignored when negative). OTHER, JAVA_OBJECT, NULL and types without an SQL counterpart leave the value
     * as it is, for the statement to cast. A value that does not convert is the engine's cast error (22P02, 22003...).
     */
    static Object toEngineAs(Object value, int sqlType, int scale) throws SQLException {
        Object v = toEngine(value);
        if (v == null) {
            return null;
        }
        switch (sqlType) {
            case java.sql.Types.CHAR, java.sql.Types.VARCHAR, java.sql.Types.LONGVARCHAR, java.sql.Types.NCHAR,
                    java.sql.Types.NVARCHAR, java.sql.Types.LONGNVARCHAR, java.sql.Types.CLOB,
                    java.sql.Types.NCLOB:
                return convert(v, String.class);
            case java.sql.Types.TINYINT, java.sql.Types.SMALLINT:
                return convert(v, Short.class);
            case java.sql.Types.INTEGER:
                return convert(v, Integer.class);
            case java.sql.Types.BIGINT:
                return convert(v, Long.class);
            case java.sql.Types.REAL:
                return convert(v, Float.class);
            case java.sql.Types.FLOAT, java.sql.Types.DOUBLE:
                return convert(v, Double.class);
            case java.sql.Types.DECIMAL, java.sql.Types.NUMERIC: {
                BigDecimal d = convert(v, BigDecimal.class);
                return scale >= 0 ? d.setScale(scale, java.math.RoundingMode.HALF_UP) : d;
            }
            case java.sql.Types.BOOLEAN, java.sql.Types.BIT:
                return convert(v, Boolean.class);
            case java.sql.Types.DATE:
                return convert(v, LocalDate.class);
            case java.sql.Types.TIME:
                return convert(v, LocalTime.class);
            case java.sql.Types.TIMESTAMP:
                return convert(v, LocalDateTime.class);
            case java.sql.Types.TIMESTAMP_WITH_TIMEZONE:
                return convert(v, OffsetDateTime.class);
            case java.sql.Types.BINARY, java.sql.Types.VARBINARY, java.sql.Types.LONGVARBINARY, java.sql.Types.BLOB:
                return Binary.of(convert(v, byte[].class));
            default:
                return v;
        }
    }

    /**
     * An engine value as the object {@code getObject} returns: byte arrays for binary, the text (a String) for
     * JSON/JSONB (PostgreSQL's driver returns a PGobject holding that text), else as stored.
     */
    static Object toJdbc(Object value) {
        if (value instanceof Binary b) {
            return b.toByteArray();
        }
        if (value instanceof io.rustydb.core.json.JsonValue j) {
            return j.text();
        }
        return value;
    }

    /** An engine value converted to {@code type} for {@code getObject(i, type)} and the typed getters. */
    static <T> T convert(Object value, Class<T> type) throws SQLException {
        if (value == null) {
            return null;
        }
        try {
            Object result = convertNonNull(value, type);
            return type.cast(result);
        } catch (DbException e) {
            throw SqlExceptions.of(e);
        } catch (ClassCastException | ArithmeticException | NumberFormatException e) {
            throw SqlExceptions.of(new DbException(ErrorCode.DATATYPE_MISMATCH,
                    "cannot convert " + DataType.of(value).sqlName() + " value to " + type.getSimpleName()));
        }
    }

    private static Object convertNonNull(Object value, Class<?> type) {
        if (type.isInstance(value) && type != Object.class) {
            return value;
        }
        if (type == Object.class) {
            return toJdbc(value);
        }
        if (type == String.class) {
            return value instanceof String s ? s : Values.toSqlString(value);
        }
        if (type == Integer.class) {
            return Casts.cast(value, DataType.INTEGER);
        }
        if (type == Long.class) {
            return Casts.cast(value, DataType.BIGINT);
        }
        if (type == Short.class) {
            return Casts.cast(value, DataType.SMALLINT);
        }
        if (type == Byte.class) {
            short s = (Short) Casts.cast(value, DataType.SMALLINT);
            if (s < Byte.MIN_VALUE || s > Byte.MAX_VALUE) {
                throw new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range for byte: " + s);
            }
            return (byte) s;
        }
        if (type == Double.class) {
            return Casts.cast(value, DataType.DOUBLE);
        }
        if (type == Float.class) {
            return Casts.cast(value, DataType.REAL);
        }
        if (type == BigDecimal.class) {
            return Casts.cast(value, DataType.DECIMAL);
        }
        if (type == BigInteger.class) {
            return ((BigDecimal) Casts.cast(value, DataType.DECIMAL)).toBigIntegerExact();
        }
        if (type == Boolean.class) {
            return Casts.cast(value, DataType.BOOLEAN);
        }
        if (type == byte[].class) {
            return ((Binary) Casts.cast(value, DataType.VARBINARY)).toByteArray();
        }
        if (type == LocalDate.class) {
            return Casts.cast(value, DataType.DATE);
        }
        if (type == LocalTime.class) {
            return Casts.cast(value, DataType.TIME);
        }
        if (type == LocalDateTime.class) {
            return Casts.cast(value, DataType.TIMESTAMP);
        }
        if (type == OffsetDateTime.class) {
            return Casts.cast(value, DataType.TIMESTAMP_TZ);
        }
        if (type == Instant.class) {
            return ((OffsetDateTime) Casts.cast(value, DataType.TIMESTAMP_TZ)).toInstant();
        }
        if (type == ZonedDateTime.class) {
            return ((OffsetDateTime) Casts.cast(value, DataType.TIMESTAMP_TZ)).toZonedDateTime();
        }
        if (type == UUID.class) {
            return Casts.cast(value, DataType.UUID);
        }
        if (type == Interval.class) {
            return Casts.cast(value, DataType.INTERVAL);
        }
        if (type == Duration.class) {
            return ((Interval) Casts.cast(value, DataType.INTERVAL)).toDuration();
        }
        if (type == Period.class) {
            return ((Interval) Casts.cast(value, DataType.INTERVAL)).toPeriod();
        }
        if (type == java.sql.Date.class) {
            return java.sql.Date.valueOf((LocalDate) Casts.cast(value, DataType.DATE));
        }
        if (type == java.sql.Time.class) {
            return java.sql.Time.valueOf((LocalTime) Casts.cast(value, DataType.TIME));
        }
        if (type == java.sql.Timestamp.class) {
            if (value instanceof OffsetDateTime t) {
                return java.sql.Timestamp.from(t.toInstant());
            }
            return java.sql.Timestamp.valueOf((LocalDateTime) Casts.cast(value, DataType.TIMESTAMP));
        }
        throw new ClassCastException(type.getName());
    }
}
