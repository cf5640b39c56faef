package io.rustydb.core.type;

import static io.rustydb.core.type.Assertions2.assertSqlState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rustydb.core.DbException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CastsTest {
    static final UUID SAMPLE_UUID = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");

    /** One value of every non-NULL type. */
    static final List<Object> SAMPLES = List.of(true, (short) 1, 1, 1L, new BigDecimal("1.5"), 1.5f, 1.5d, "1",
            Binary.of(new byte[] {1, 2}), LocalDate.of(2024, 1, 2), LocalTime.of(3, 4, 5),
            LocalDateTime.of(2024, 1, 2, 3, 4, 5), OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC),
            SAMPLE_UUID);

    static final List<DataType> TARGETS = List.of(DataType.BOOLEAN, DataType.SMALLINT, DataType.INTEGER,
            DataType.BIGINT, DataType.DECIMAL, DataType.decimal(10, 2), DataType.REAL, DataType.DOUBLE,
            DataType.charType(3), DataType.VARCHAR, DataType.varchar(2), DataType.TEXT, DataType.VARBINARY,
            DataType.varbinary(1), DataType.BLOB, DataType.DATE, DataType.TIME, DataType.TIMESTAMP,
            DataType.TIMESTAMP_TZ, DataType.UUID);

    /** Every (source, target) pair: the cast exists (no 42804) exactly when canCast says so, and gives the target class. */
    @Test
    void castMatrixAgreesWithCanCast() {
        for (Object v : SAMPLES) {
            DataType from = DataType.of(v);
            for (DataType to : TARGETS) {
                boolean expected = Casts.canCast(from, to);
                Object r;
                try {
                    r = Casts.cast(v, to);
                } catch (DbException e) {
                    if (e.sqlState().equals("42804")) {
                        assertFalse(expected, from + " -> " + to + " should be castable: " + e.getMessage());
                        assertEquals("cannot cast type " + from.sqlName() + " to " + to.sqlName(), e.getMessage());
                        continue;
                    }
                    // the cast exists but this sample does not convert (e.g. '1' as DATE)
                    assertTrue(expected, from + " -> " + to + " failed with " + e.sqlState());
                    assertTrue(v instanceof String, "only string samples may fail to parse: " + e.getMessage());
                    continue;
                }
                assertTrue(expected, from + " -> " + to + " should not be castable, got " + r);
                assertEquals(to.javaClass(), r.getClass(), from + " -> " + to);
            }
        }
    }

    @Test
    void forbiddenCasts() {
        Object date = LocalDate.of(2024, 1, 2);
        var e = assertSqlState("42804", () -> Casts.cast(date, DataType.INTEGER));
        assertEquals("cannot cast type DATE to INTEGER", e.getMessage());
        assertSqlState("42804", () -> Casts.cast(SAMPLE_UUID, DataType.DATE));
        assertSqlState("42804", () -> Casts.cast(LocalTime.NOON, DataType.DATE));
        assertSqlState("42804", () -> Casts.cast(LocalTime.NOON, DataType.TIMESTAMP));
        assertSqlState("42804", () -> Casts.cast(date, DataType.TIME));
        assertSqlState("42804", () -> Casts.cast(true, DataType.DECIMAL));
        assertSqlState("42804", () -> Casts.cast(true, DataType.DOUBLE));
        assertSqlState("42804", () -> Casts.cast(1.5d, DataType.BOOLEAN));
        assertSqlState("42804", () -> Casts.cast(new BigDecimal("1"), DataType.BOOLEAN));
        assertSqlState("42804", () -> Casts.cast(1, DataType.BLOB));
        assertSqlState("42804", () -> Casts.cast(Binary.of(new byte[] {1}), DataType.INTEGER));
        assertSqlState("42804", () -> Casts.cast(Binary.of(new byte[16]), DataType.UUID));
        assertSqlState("42804", () -> Casts.cast(1, DataType.DATE));
        assertSqlState("42804", () -> Casts.cast(1, DataType.NULL));
        assertSqlState("42804", () -> Casts.cast(new Object(), DataType.INTEGER));
        assertFalse(Casts.canCast(DataType.VARCHAR, DataType.NULL));
        assertTrue(Casts.canCast(DataType.NULL, DataType.UUID));
    }

    @Test
    void nullCastsToNull() {
        for (DataType t : TARGETS) {
            assertNull(Casts.cast(null, t));
            assertNull(Casts.castForAssignment(null, t, "c"));
        }
    }

    @Test
    void integerNarrowing() {
        assertEquals((short) 32767, Casts.cast(32767, DataType.SMALLINT));
        assertEquals((short) -32768, Casts.cast(-32768L, DataType.SMALLINT));
        assertEquals("smallint out of range", assertSqlState("22003", () -> Casts.cast(32768, DataType.SMALLINT)).getMessage());
        assertSqlState("22003", () -> Casts.cast(-32769, DataType.SMALLINT));
        assertEquals(Integer.MAX_VALUE, Casts.cast((long) Integer.MAX_VALUE, DataType.INTEGER));
        assertEquals("integer out of range",
                assertSqlState("22003", () -> Casts.cast(Integer.MAX_VALUE + 1L, DataType.INTEGER)).getMessage());
        assertSqlState("22003", () -> Casts.cast(Integer.MIN_VALUE - 1L, DataType.INTEGER));
        assertEquals(Long.MAX_VALUE, Casts.cast(new BigDecimal(Long.MAX_VALUE), DataType.BIGINT));
        assertEquals("bigint out of range", assertSqlState("22003",
                () -> Casts.cast(new BigDecimal("9223372036854775808"), DataType.BIGINT)).getMessage());
        assertSqlState("22003", () -> Casts.cast(new BigDecimal("-9223372036854775808.5"), DataType.BIGINT));
        assertEquals(Long.MIN_VALUE, Casts.cast(new BigDecimal("-9223372036854775808.4"), DataType.BIGINT));
        assertSqlState("22003", () -> Casts.cast(new BigDecimal("1e30"), DataType.BIGINT));
        assertSqlState("22003", () -> Casts.cast(1e19, DataType.BIGINT));
        assertSqlState("22003", () -> Casts.cast(0x1p63, DataType.BIGINT));
        assertEquals(Long.MIN_VALUE, Casts.cast(-0x1p63, DataType.BIGINT));
        assertSqlState("22003", () -> Casts.cast(Double.NaN, DataType.INTEGER));
        assertSqlState("22003", () -> Casts.cast(Float.POSITIVE_INFINITY, DataType.SMALLINT));
        assertSqlState("22003", () -> Casts.cast(2147483647.5, DataType.INTEGER)); // rint -> 2147483648
        assertEquals(2147483647, Casts.cast(2147483647.4, DataType.INTEGER));
        assertSqlState("22003", () -> Casts.cast("32768", DataType.SMALLINT));
        assertSqlState("22003", () -> Casts.cast("2147483648", DataType.INTEGER));
        assertSqlState("22003", () -> Casts.cast("9223372036854775808", DataType.BIGINT));
        assertEquals(Long.MIN_VALUE, Casts.cast("-9223372036854775808", DataType.BIGINT));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2.5, 2", "3.5, 4", "-2.5, -2", "-3.5, -4", "2.4999, 2", "2.5001, 3", "0.5, 0", "-0.5, 0"})
    void floatToIntegerRoundsHalfEven(double in, int expected) {
        assertEquals(expected, Casts.cast(in, DataType.INTEGER));
        assertEquals((long) expected, Casts.cast(in, DataType.BIGINT));
        assertEquals((short) expected, Casts.cast((float) in, DataType.SMALLINT));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2.5, 3", "3.5, 4", "-2.5, -3", "-3.5, -4", "2.4999, 2", "0.5, 1", "-0.5, -1", "7, 7"})
    void decimalToIntegerRoundsHalfUp(String in, int expected) {
        assertEquals(expected, Casts.cast(new BigDecimal(in), DataType.INTEGER));
        assertEquals((long) expected, Casts.cast(new BigDecimal(in), DataType.BIGINT));
        assertEquals((short) expected, Casts.cast(new BigDecimal(in), DataType.SMALLINT));
    }

    @Test
    void booleanAndIntegers() {
        assertEquals(1, Casts.cast(true, DataType.INTEGER));
        assertEquals(0, Casts.cast(false, DataType.INTEGER));
        assertEquals((short) 1, Casts.cast(true, DataType.SMALLINT));
        assertEquals(0L, Casts.cast(false, DataType.BIGINT));
        assertEquals(true, Casts.cast(5, DataType.BOOLEAN));
        assertEquals(true, Casts.cast(-1L, DataType.BOOLEAN));
        assertEquals(false, Casts.cast((short) 0, DataType.BOOLEAN));
        assertEquals(true, Casts.cast(true, DataType.BOOLEAN));
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {"t|true", "true|true", "TRUE|true", " True |true", "yes|true", "y|true",
        "on|true", "ON|true", "1|true", "tr|true", "f|false", "false|false", "FALSE|false", "no|false", "n|false",
        "off|false", "of|false", "0|false", "fal|false"})
    void stringToBoolean(String in, boolean expected) {
        assertEquals(expected, Casts.cast(in, DataType.BOOLEAN));
    }

    @Test
    void badBooleans() {
        for (String s : new String[] {"", "o", "2", "truee", "nope", "yess", "-1", "t f"}) {
            var e = assertSqlState("22P02", () -> Casts.cast(s, DataType.BOOLEAN));
            assertEquals("invalid input syntax for type boolean: \"" + s + "\"", e.getMessage());
        }
    }

    @Test
    void stringToNumbers() {
        assertEquals((short) -12, Casts.cast(" -12 ", DataType.SMALLINT));
        assertEquals(42, Casts.cast("42", DataType.INTEGER));
        assertEquals(42, Casts.cast("+42", DataType.INTEGER));
        assertEquals(42, Casts.cast("\t42\n", DataType.INTEGER));
        assertEquals(9_000_000_000L, Casts.cast("9000000000", DataType.BIGINT));
        assertEquals(new BigDecimal("1.50"), Casts.cast(" 1.5 ", DataType.decimal(5, 2)));
        assertEquals(new BigDecimal("1.5"), Casts.cast("1.5", DataType.DECIMAL));
        assertEquals(new BigDecimal("100000"), Casts.cast("1e5", DataType.DECIMAL));
        assertEquals(new BigDecimal("0.5"), Casts.cast(".5", DataType.DECIMAL));
        assertEquals(new BigDecimal("5"), Casts.cast("5.", DataType.DECIMAL));
        assertEquals(1.5d, Casts.cast("1.5", DataType.DOUBLE));
        assertEquals(1e300, Casts.cast("1e300", DataType.DOUBLE));
        assertEquals(1.5f, Casts.cast("1.5", DataType.REAL));
        assertEquals(Double.NaN, Casts.cast("NaN", DataType.DOUBLE));
        assertEquals(Double.POSITIVE_INFINITY, Casts.cast("Infinity", DataType.DOUBLE));
        assertEquals(Double.NEGATIVE_INFINITY, Casts.cast("-inf", DataType.DOUBLE));
        assertEquals(Float.NEGATIVE_INFINITY, Casts.cast("-Infinity", DataType.REAL));
        assertEquals(0.0d, Casts.cast("0e10", DataType.DOUBLE));
    }

    @Test
    void badNumberText() {
        var e = assertSqlState("22P02", () -> Casts.cast("abc", DataType.INTEGER));
        assertEquals("invalid input syntax for type integer: \"abc\"", e.getMessage());
        for (String s : new String[] {"", " ", "1.5", "1e3", "0x10", "1 2", "--1", "1_000", "١"}) {
            assertSqlState("22P02", () -> Casts.cast(s, DataType.INTEGER));
            assertSqlState("22P02", () -> Casts.cast(s, DataType.SMALLINT));
            assertSqlState("22P02", () -> Casts.cast(s, DataType.BIGINT));
        }
        for (String s : new String[] {"", "abc", "1.2.3", "1e", "e5", "1d", "0x1p3", "NaN", "Infinity", "1,5"}) {
            assertSqlState("22P02", () -> Casts.cast(s, DataType.DECIMAL));
        }
        for (String s : new String[] {"", "abc", "1d", "1f", "0x1p3", "1,5", "nan1"}) {
            assertSqlState("22P02", () -> Casts.cast(s, DataType.DOUBLE));
            assertSqlState("22P02", () -> Casts.cast(s, DataType.REAL));
        }
        assertSqlState("22003", () -> Casts.cast("1e400", DataType.DOUBLE));
        assertSqlState("22003", () -> Casts.cast("1e-400", DataType.DOUBLE));
        assertSqlState("22003", () -> Casts.cast("1e39", DataType.REAL));
        assertSqlState("22003", () -> Casts.cast("1e-50", DataType.REAL));
        assertSqlState("22003", () -> Casts.cast("1e39", DataType.DECIMAL));
        assertSqlState("22003", () -> Casts.cast("1e999999999999", DataType.DECIMAL));
    }

    @Test
    void decimalRoundingHalfUpToScale() {
        DataType d = DataType.decimal(5, 2);
        assertEquals(new BigDecimal("1.23"), Casts.cast(new BigDecimal("1.234"), d));
        assertEquals(new BigDecimal("1.24"), Casts.cast(new BigDecimal("1.235"), d));
        assertEquals(new BigDecimal("-1.24"), Casts.cast(new BigDecimal("-1.235"), d));
        assertEquals(new BigDecimal("1.00"), Casts.cast(1, d));
        assertEquals(new BigDecimal("0.00"), Casts.cast(new BigDecimal("0.001"), d));
        assertEquals(new BigDecimal("0.00"), Casts.cast(new BigDecimal("1e-100"), d));
        assertEquals(new BigDecimal("999.99"), Casts.cast(new BigDecimal("999.994"), d));
        assertEquals(2, ((BigDecimal) Casts.cast(new BigDecimal("7"), d)).scale());
        assertEquals(new BigDecimal("0.10"), Casts.cast(0.1d, d));
        assertEquals(new BigDecimal("0.10"), Casts.cast(0.1f, d));
        assertEquals(new BigDecimal("123"), Casts.cast(123.456, DataType.decimal(3, 0)));
    }

    @Test
    void decimalPrecisionOverflow() {
        DataType d = DataType.decimal(5, 2);
        var e = assertSqlState("22003", () -> Casts.cast(new BigDecimal("999.995"), d)); // rounds to 1000.00
        assertTrue(e.getMessage().startsWith("numeric field overflow"), e.getMessage());
        assertSqlState("22003", () -> Casts.cast(1000, d));
        assertSqlState("22003", () -> Casts.cast(-1000L, d));
        assertSqlState("22003", () -> Casts.cast("12345", d));
        assertSqlState("22003", () -> Casts.cast(1e10, d));
        assertSqlState("22003", () -> Casts.cast(new BigDecimal("1e40"), d));
        assertSqlState("22003", () -> Casts.cast(new BigDecimal("1"), DataType.decimal(2, 2)));
        assertEquals(new BigDecimal("0.99"), Casts.cast(new BigDecimal("0.994"), DataType.decimal(2, 2)));
        assertSqlState("22003", () -> Casts.cast(Double.NaN, DataType.DECIMAL));
        assertSqlState("22003", () -> Casts.cast(Double.POSITIVE_INFINITY, d));
        assertSqlState("22003", () -> Casts.cast(Float.NEGATIVE_INFINITY, d));
        assertSqlState("22003", () -> Casts.cast(1e300, DataType.DECIMAL));
    }

    @Test
    void unconstrainedDecimalKeepsScaleWithin38Digits() {
        assertEquals("1.50", ((BigDecimal) Casts.cast(new BigDecimal("1.50"), DataType.DECIMAL)).toPlainString());
        assertEquals("100000", ((BigDecimal) Casts.cast(new BigDecimal("1E+5"), DataType.DECIMAL)).toPlainString());
        BigDecimal max = new BigDecimal("9".repeat(38));
        assertEquals(max, Casts.cast(max, DataType.DECIMAL));
        assertSqlState("22003", () -> Casts.cast(max.add(BigDecimal.ONE), DataType.DECIMAL));
        // too many fraction digits: rounded HALF_UP to fit 38 digits in all
        BigDecimal r = (BigDecimal) Casts.cast(new BigDecimal("1." + "3".repeat(38) + "5"), DataType.DECIMAL);
        assertEquals(new BigDecimal("1." + "3".repeat(37)), r);
        r = (BigDecimal) Casts.cast(new BigDecimal("0." + "9".repeat(40)), DataType.DECIMAL);
        assertEquals(BigDecimal.ONE, r.stripTrailingZeros());
        assertTrue(r.precision() <= 38 && r.scale() <= 38);
        assertEquals(new BigDecimal("0.1"), Casts.cast(0.1d, DataType.DECIMAL));
        assertEquals(new BigDecimal("1.5"), Casts.cast(1.5f, DataType.DECIMAL));
    }

    @Test
    void floatConversions() {
        assertEquals(1.5f, Casts.cast(1.5d, DataType.REAL));
        assertEquals(Float.NaN, Casts.cast(Double.NaN, DataType.REAL));
        assertEquals(Float.POSITIVE_INFINITY, Casts.cast(Double.POSITIVE_INFINITY, DataType.REAL));
        var e = assertSqlState("22003", () -> Casts.cast(1e300, DataType.REAL));
        assertEquals("value out of range: overflow", e.getMessage());
        assertSqlState("22003", () -> Casts.cast(1e-300, DataType.REAL));
        assertEquals(3.0f, Casts.cast(3, DataType.REAL));
        assertEquals(3.0d, Casts.cast(3L, DataType.DOUBLE));
        assertEquals(0.25d, Casts.cast(new BigDecimal("0.25"), DataType.DOUBLE));
        assertEquals((double) 0.1f, Casts.cast(0.1f, DataType.DOUBLE));
    }

    @Test
    void toStrings() {
        assertEquals("1.5", Casts.cast(1.5d, DataType.VARCHAR));
        assertEquals("1", Casts.cast(1.0d, DataType.TEXT));
        assertEquals("1.50", Casts.cast(new BigDecimal("1.50"), DataType.VARCHAR));
        assertEquals("true", Casts.cast(true, DataType.VARCHAR));
        assertEquals("t", Casts.cast(true, DataType.charType(1)));
        assertEquals("12345", Casts.cast(12345, DataType.TEXT));
        assertEquals("123", Casts.cast(12345, DataType.varchar(3)));
        assertEquals("2024-01-02", Casts.cast(LocalDate.of(2024, 1, 2), DataType.VARCHAR));
        assertEquals("\\x0102", Casts.cast(Binary.of(new byte[] {1, 2}), DataType.VARCHAR));
        assertEquals(SAMPLE_UUID.toString(), Casts.cast(SAMPLE_UUID, DataType.VARCHAR));
        // explicit casts truncate silently and CHAR pads
        assertEquals("ab", Casts.cast("abcdef", DataType.varchar(2)));
        assertEquals("abc", Casts.cast("abcdef", DataType.charType(3)));
        assertEquals("ab ", Casts.cast("ab", DataType.charType(3)));
        assertEquals("a  ", Casts.cast("a", DataType.charType(3)));
        assertEquals("abcdef", Casts.cast("abcdef", DataType.TEXT));
        assertEquals("abcdef", Casts.cast("abcdef", DataType.VARCHAR));
        // lengths count code points, not UTF-16 units
        String emoji = "\uD83D\uDE00\uD83D\uDE01\uD83D\uDE02";
        assertEquals("\uD83D\uDE00\uD83D\uDE01", Casts.cast(emoji, DataType.varchar(2)));
        assertEquals(emoji + " ", Casts.cast(emoji, DataType.charType(4)));
    }

    @Test
    void charToVarcharDropsTrailingBlanksWithSourceType() {
        assertEquals("ab", Casts.cast("ab   ", DataType.charType(5), DataType.VARCHAR));
        assertEquals("ab", Casts.cast("ab   ", DataType.charType(5), DataType.TEXT));
        assertEquals("ab   ", Casts.cast("ab   ", DataType.VARCHAR, DataType.TEXT));
        assertEquals("ab ", Casts.cast("ab   ", DataType.charType(5), DataType.charType(3)));
        assertEquals(12, Casts.cast("12   ", DataType.charType(5), DataType.INTEGER));
    }

    @Test
    void binaryCasts() {
        assertEquals(Binary.of(new byte[] {0x0a, 0x1b}), Casts.cast("\\x0a1b", DataType.VARBINARY));
        assertEquals(Binary.of(new byte[] {0x0a, 0x1b}), Casts.cast("\\X0A1B", DataType.BLOB));
        assertEquals(Binary.of("hé".getBytes(StandardCharsets.UTF_8)), Casts.cast("hé", DataType.BLOB));
        assertEquals(Binary.EMPTY, Casts.cast("", DataType.BLOB));
        assertEquals(Binary.EMPTY, Casts.cast("\\x", DataType.BLOB));
        assertSqlState("22P02", () -> Casts.cast("\\x0", DataType.BLOB));
        assertSqlState("22P02", () -> Casts.cast("\\xzz", DataType.BLOB));
        assertEquals(Binary.of(new byte[] {1}), Casts.cast(Binary.of(new byte[] {1, 2}), DataType.varbinary(1)));
        assertEquals(Binary.of(new byte[] {1, 2}), Casts.cast(Binary.of(new byte[] {1, 2}), DataType.BLOB));
    }

    @Test
    void uuidCasts() {
        String s = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
        assertEquals(SAMPLE_UUID, Casts.cast(s, DataType.UUID));
        assertEquals(SAMPLE_UUID, Casts.cast(s.toUpperCase(), DataType.UUID));
        assertEquals(SAMPLE_UUID, Casts.cast("{" + s + "}", DataType.UUID));
        assertEquals(SAMPLE_UUID, Casts.cast(s.replace("-", ""), DataType.UUID));
        assertEquals(SAMPLE_UUID, Casts.cast(" " + s + " ", DataType.UUID));
        assertEquals(new UUID(-1, -1), Casts.cast("ffffffff-ffff-ffff-ffff-ffffffffffff", DataType.UUID));
        for (String bad : new String[] {"", "abc", "1-1-1-1-1", s + "0", s.substring(1), s.replace('a', 'g'),
            "a0eebc999-c0b-4ef8-bb6d-6bb9bd380a11", "{" + s}) {
            var e = assertSqlState("22P02", () -> Casts.cast(bad, DataType.UUID));
            assertEquals("invalid input syntax for type uuid: \"" + bad + "\"", e.getMessage());
        }
    }

    @Test
    void dateTimeText() {
        assertEquals(LocalDate.of(2024, 1, 2), Casts.cast("2024-01-02", DataType.DATE));
        assertEquals(LocalDate.of(2024, 1, 2), Casts.cast(" 2024-1-2 ", DataType.DATE));
        assertEquals(LocalDate.of(2024, 1, 2), Casts.cast("2024-01-02 03:04:05", DataType.DATE));
        assertEquals(LocalDate.of(-43, 3, 15), Casts.cast("0044-03-15 BC", DataType.DATE));
        assertEquals(LocalTime.of(3, 4, 5), Casts.cast("03:04:05", DataType.TIME));
        assertEquals(LocalTime.of(3, 4), Casts.cast("3:04", DataType.TIME));
        assertEquals(LocalTime.of(3, 4, 5, 123_000_000), Casts.cast("03:04:05.123", DataType.TIME));
        assertEquals(LocalTime.of(3, 4, 5, 123_456_789), Casts.cast("03:04:05.1234567891", DataType.TIME));
        LocalDateTime ts = LocalDateTime.of(2024, 1, 2, 3, 4, 5);
        assertEquals(ts, Casts.cast("2024-01-02 03:04:05", DataType.TIMESTAMP));
        assertEquals(ts, Casts.cast("2024-01-02T03:04:05", DataType.TIMESTAMP));
        assertEquals(ts.withNano(123_000_000), Casts.cast("2024-01-02 03:04:05.123", DataType.TIMESTAMP));
        assertEquals(ts.withNano(100), Casts.cast("2024-01-02 03:04:05.0000001", DataType.TIMESTAMP));
        assertEquals(LocalDateTime.of(2024, 1, 2, 0, 0), Casts.cast("2024-01-02", DataType.TIMESTAMP));
        assertEquals(ts, Casts.cast("2024-01-02 03:04:05+02", DataType.TIMESTAMP)); // zone ignored, as PostgreSQL
        OffsetDateTime utc = OffsetDateTime.of(ts, ZoneOffset.UTC);
        assertEquals(utc, Casts.cast("2024-01-02 03:04:05", DataType.TIMESTAMP_TZ));
        assertEquals(utc, Casts.cast("2024-01-02T03:04:05Z", DataType.TIMESTAMP_TZ));
        assertEquals(utc, Casts.cast("2024-01-02 03:04:05 UTC", DataType.TIMESTAMP_TZ));
        assertEquals(utc, Casts.cast("2024-01-02 05:04:05+02", DataType.TIMESTAMP_TZ));
        assertEquals(utc, Casts.cast("2024-01-02 05:04:05+02:00", DataType.TIMESTAMP_TZ));
        assertEquals(utc, Casts.cast("2024-01-02 05:34:05+0230", DataType.TIMESTAMP_TZ));
        assertEquals(utc, Casts.cast("2024-01-01 22:04:05-05", DataType.TIMESTAMP_TZ));
        assertEquals(utc, Casts.cast("2024-01-01 22:04:05 -05:00", DataType.TIMESTAMP_TZ));
        OffsetDateTime parsed = (OffsetDateTime) Casts.cast("2024-01-02 05:04:05+02", DataType.TIMESTAMP_TZ);
        assertEquals(ZoneOffset.UTC, parsed.getOffset());
    }

    @Test
    void badDateTimeText() {
        for (String s : new String[] {"", "abc", "2024/01/02", "2024-01", "01-02", "2024-01-02 x", "2024-01-02 03"}) {
            var e = assertSqlState("22007", () -> Casts.cast(s, DataType.DATE));
            assertEquals("invalid input syntax for type date: \"" + s + "\"", e.getMessage());
            assertSqlState("22007", () -> Casts.cast(s, DataType.TIMESTAMP));
            assertSqlState("22007", () -> Casts.cast(s, DataType.TIMESTAMP_TZ));
        }
        for (String s : new String[] {"", "abc", "12", "12:", "12:3x", "2024-01-02"}) {
            assertSqlState("22007", () -> Casts.cast(s, DataType.TIME));
        }
        // well-formed but out of range: 22008, as PostgreSQL
        assertSqlState("22008", () -> Casts.cast("2024-02-30", DataType.DATE));
        assertSqlState("22008", () -> Casts.cast("2024-13-01", DataType.DATE));
        assertSqlState("22008", () -> Casts.cast("0000-01-01 BC", DataType.DATE));
        assertSqlState("22008", () -> Casts.cast("25:00:00", DataType.TIME));
        assertSqlState("22008", () -> Casts.cast("12:60", DataType.TIME));
        assertSqlState("22008", () -> Casts.cast("2024-01-02 24:00:00", DataType.TIMESTAMP));
        assertSqlState("22008", () -> Casts.cast("2024-01-02 10:00:00+19", DataType.TIMESTAMP_TZ));
    }

    @Test
    void betweenDateTimeTypes() {
        LocalDate d = LocalDate.of(2024, 1, 2);
        LocalDateTime ts = LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6);
        OffsetDateTime tz = OffsetDateTime.of(ts, ZoneOffset.UTC);
        assertEquals(d.atStartOfDay(), Casts.cast(d, DataType.TIMESTAMP));
        assertEquals(d.atStartOfDay().atOffset(ZoneOffset.UTC), Casts.cast(d, DataType.TIMESTAMP_TZ));
        assertEquals(d, Casts.cast(ts, DataType.DATE));
        assertEquals(ts.toLocalTime(), Casts.cast(ts, DataType.TIME));
        assertEquals(tz, Casts.cast(ts, DataType.TIMESTAMP_TZ));
        assertEquals(ts, Casts.cast(tz, DataType.TIMESTAMP));
        assertEquals(d, Casts.cast(tz, DataType.DATE));
        assertEquals(ts.toLocalTime(), Casts.cast(tz, DataType.TIME));
        OffsetDateTime plus2 = OffsetDateTime.of(ts.plusHours(2), ZoneOffset.ofHours(2));
        assertEquals(tz, Casts.cast(plus2, DataType.TIMESTAMP_TZ));
        assertEquals(ZoneOffset.UTC, ((OffsetDateTime) Casts.cast(plus2, DataType.TIMESTAMP_TZ)).getOffset());
        assertEquals(ts, Casts.cast(plus2, DataType.TIMESTAMP));
        assertEquals(LocalTime.NOON, Casts.cast(LocalTime.NOON, DataType.TIME));
    }

    @Test
    void dateTimeRoundTripThroughText() {
        Object[] values = {LocalDate.of(2024, 1, 2), LocalDate.of(-43, 3, 15), LocalTime.of(3, 4, 5, 120_000_000),
            LocalTime.MIDNIGHT, LocalDateTime.of(2024, 12, 31, 23, 59, 59, 999_999_999),
            OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 1000, ZoneOffset.UTC), SAMPLE_UUID, 1.5d, 0.1f, 1e-7,
            new BigDecimal("-12.340"), true, Binary.of(new byte[] {0, -1, 127})};
        for (Object v : values) {
            String text = (String) Casts.cast(v, DataType.TEXT);
            assertEquals(v, Casts.cast(text, DataType.of(v)), text);
        }
    }

    @Test
    void canCastImplicitly() {
        Set<TypeId> numeric = Set.of(TypeId.SMALLINT, TypeId.INTEGER, TypeId.BIGINT, TypeId.DECIMAL, TypeId.REAL,
                TypeId.DOUBLE);
        for (DataType from : TARGETS) {
            assertTrue(Casts.canCastImplicitly(DataType.NULL, from));
            for (DataType to : TARGETS) {
                TypeId f = from.id();
                TypeId t = to.id();
                boolean expected = f == t
                        || numeric.contains(f) && numeric.contains(t)
                        || f.isString() && t.isString()
                        || f.isBinary() && t.isBinary()
                        || Set.of(TypeId.DATE, TypeId.TIMESTAMP, TypeId.TIMESTAMP_TZ).containsAll(Set.of(f, t));
                assertEquals(expected, Casts.canCastImplicitly(from, to), from + " -> " + to);
                if (expected) {
                    assertTrue(Casts.canCast(from, to), "implicit implies explicit: " + from + " -> " + to);
                }
            }
        }
        assertFalse(Casts.canCastImplicitly(DataType.VARCHAR, DataType.INTEGER));
        assertFalse(Casts.canCastImplicitly(DataType.INTEGER, DataType.VARCHAR));
        assertFalse(Casts.canCastImplicitly(DataType.TIME, DataType.TIMESTAMP));
        assertFalse(Casts.canCastImplicitly(DataType.BOOLEAN, DataType.INTEGER));
    }

    @Test
    void assignmentOfStrings() {
        assertEquals("abc", Casts.castForAssignment("abc", DataType.varchar(3), "c"));
        assertEquals("abc", Casts.castForAssignment("abc   ", DataType.varchar(3), "c"));
        assertEquals("ab ", Casts.castForAssignment("ab", DataType.charType(3), "c"));
        assertEquals("abc", Casts.castForAssignment("abc  ", DataType.charType(3), "c"));
        var e = assertSqlState("22001", () -> Casts.castForAssignment("abcd", DataType.varchar(3), "c"));
        assertEquals("value too long for type VARCHAR(3)", e.getMessage());
        assertSqlState("22001", () -> Casts.castForAssignment("abc d", DataType.varchar(3), "c"));
        assertSqlState("22001", () -> Casts.castForAssignment("abcd", DataType.charType(3), "c"));
        assertSqlState("22001", () -> Casts.castForAssignment("abc\t", DataType.charType(3), "c"));
        assertEquals("x".repeat(1000), Casts.castForAssignment("x".repeat(1000), DataType.TEXT, "c"));
        assertEquals("x".repeat(1000), Casts.castForAssignment("x".repeat(1000), DataType.VARCHAR, "c"));
        String emoji = "\uD83D\uDE00\uD83D\uDE01";
        assertEquals(emoji, Casts.castForAssignment(emoji, DataType.varchar(2), "c"));
    }

    @Test
    void assignmentOfStringLiteralsToOtherTypes() {
        assertEquals(42, Casts.castForAssignment("42", DataType.INTEGER, "c"));
        assertEquals(new BigDecimal("1.50"), Casts.castForAssignment("1.5", DataType.decimal(4, 2), "c"));
        assertEquals(LocalDate.of(2024, 1, 2), Casts.castForAssignment("2024-01-02", DataType.DATE, "c"));
        assertEquals(true, Casts.castForAssignment("yes", DataType.BOOLEAN, "c"));
        assertEquals(SAMPLE_UUID, Casts.castForAssignment(SAMPLE_UUID.toString(), DataType.UUID, "c"));
        assertEquals(Binary.of(new byte[] {1}), Casts.castForAssignment("\\x01", DataType.varbinary(1), "c"));
        assertSqlState("22001", () -> Casts.castForAssignment("\\x0102", DataType.varbinary(1), "c"));
        assertSqlState("22P02", () -> Casts.castForAssignment("x", DataType.INTEGER, "c"));
        assertSqlState("22003", () -> Casts.castForAssignment("100000", DataType.SMALLINT, "c"));
    }

    @Test
    void assignmentOfOtherValues() {
        assertEquals((short) 5, Casts.castForAssignment(5L, DataType.SMALLINT, "c"));
        assertSqlState("22003", () -> Casts.castForAssignment(40000, DataType.SMALLINT, "c"));
        assertEquals(new BigDecimal("2.35"), Casts.castForAssignment(new BigDecimal("2.345"), DataType.decimal(3, 2), "c"));
        assertSqlState("22003", () -> Casts.castForAssignment(10, DataType.decimal(3, 2), "c"));
        assertEquals(2, Casts.castForAssignment(2.5d, DataType.INTEGER, "c"));
        assertEquals(1.5d, Casts.castForAssignment(1.5f, DataType.DOUBLE, "c"));
        assertEquals(LocalDate.of(2024, 1, 2), Casts.castForAssignment(LocalDateTime.of(2024, 1, 2, 3, 4),
                DataType.DATE, "c"));
        assertEquals(Binary.of(new byte[] {1}), Casts.castForAssignment(Binary.of(new byte[] {1}), DataType.BLOB, "c"));
        assertSqlState("22001", () -> Casts.castForAssignment(Binary.of(new byte[] {1, 2}), DataType.varbinary(1), "c"));
        assertEquals(true, Casts.castForAssignment(true, DataType.BOOLEAN, "c"));

        var e = assertSqlState("42804", () -> Casts.castForAssignment(1, DataType.VARCHAR, "name"));
        assertEquals("column \"name\" is of type VARCHAR but expression is of type INTEGER", e.getMessage());
        assertSqlState("42804", () -> Casts.castForAssignment(1.5, DataType.charType(3), "c"));
        assertSqlState("42804", () -> Casts.castForAssignment(true, DataType.INTEGER, "c"));
        assertSqlState("42804", () -> Casts.castForAssignment(1, DataType.BOOLEAN, "c"));
        assertSqlState("42804", () -> Casts.castForAssignment(LocalDate.of(2024, 1, 2), DataType.VARCHAR, "c"));
        assertSqlState("42804", () -> Casts.castForAssignment(LocalTime.NOON, DataType.TIMESTAMP, "c"));
        assertSqlState("42804", () -> Casts.castForAssignment(SAMPLE_UUID, DataType.VARCHAR, "c"));
        assertSqlState("42804", () -> Casts.castForAssignment(Binary.EMPTY, DataType.TEXT, "c"));
        assertSqlState("42804", () -> Casts.castForAssignment(new Object(), DataType.TEXT, "c"));
    }

    @Test
    void castResultIsExactlyTheTargetClass() {
        for (Object v : SAMPLES) {
            for (DataType to : TARGETS) {
                if (!Casts.canCastImplicitly(DataType.of(v), to) && !(v instanceof String)) {
                    continue;
                }
                try {
                    Object r = Casts.castForAssignment(v, to, "c");
                    assertEquals(to.javaClass(), r.getClass(), v + " -> " + to);
                    if (to.isConstrainedDecimal()) {
                        assertEquals(to.scale(), ((BigDecimal) r).scale());
                    }
                    if (to.id() == TypeId.CHAR) {
                        assertEquals(to.length(), ((String) r).length());
                    }
                } catch (DbException e) {
                    if (!(v instanceof String) && !e.sqlState().equals("22001")) {
                        fail(v + " -> " + to + ": " + e.getMessage());
                    }
                }
            }
        }
    }
}
