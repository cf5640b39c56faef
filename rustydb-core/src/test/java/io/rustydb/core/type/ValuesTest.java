package io.rustydb.core.type;

import static io.rustydb.core.type.Assertions2.assertSqlState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesTest {

    private static void assertOrdered(Object smaller, Object larger) {
        assertTrue(Values.compare(smaller, larger) < 0, smaller + " < " + larger);
        assertTrue(Values.compare(larger, smaller) > 0, larger + " > " + smaller);
        assertFalse(Values.equal(smaller, larger), smaller + " != " + larger);
    }

    private static void assertSame(Object a, Object b) {
        assertEquals(0, Values.compare(a, b), a + " = " + b);
        assertEquals(0, Values.compare(b, a), b + " = " + a);
        assertTrue(Values.equal(a, b), a + " equal " + b);
        assertTrue(Values.equal(b, a), b + " equal " + a);
        assertEquals(Values.hash(a), Values.hash(b), "hash " + a + " / " + b);
    }

    @Test
    void numbersEqualAcrossClasses() {
        Object[] ones = {(short) 1, 1, 1L, BigDecimal.ONE, new BigDecimal("1.00"), new BigDecimal("0.1E+1"), 1.0f, 1.0d};
        for (Object a : ones) {
            for (Object b : ones) {
                assertSame(a, b);
            }
        }
        assertSame(0.0d, -0.0d);
        assertSame(-0.0f, 0);
        assertSame(new BigDecimal("0.000"), -0.0d);
        assertSame(0.5d, new BigDecimal("0.50"));
        assertSame(0.5f, new BigDecimal("0.5"));
        assertSame(1e20, new BigDecimal("100000000000000000000"));
        assertSame(Long.MAX_VALUE, new BigDecimal(Long.MAX_VALUE).setScale(3));
        assertSame(Long.MIN_VALUE, -0x1p63);
        assertSame(Float.NaN, Double.NaN);
        assertSame(Float.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    @Test
    void numbersOrderAcrossClasses() {
        assertOrdered(1, 2L);
        assertOrdered((short) -1, new BigDecimal("-0.5"));
        assertOrdered(new BigDecimal("0.1"), 0.1d); // the double nearest 0.1 is a little larger than 0.1
        assertOrdered(0.1d, 0.1f); // 0.1f widened exactly is 0.100000001490116..., above the double 0.1
        assertOrdered(Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertOrdered(Long.MAX_VALUE, 0x1p63); // 2^63 as double is above every long
        assertOrdered((1L << 53) + 1, (double) ((1L << 53) + 2));
        assertOrdered((double) (1L << 53), (1L << 53) + 1);
        assertOrdered(Long.MAX_VALUE, new BigDecimal("9223372036854775807.5"));
        assertOrdered(Double.NEGATIVE_INFINITY, Long.MIN_VALUE);
        assertOrdered(Long.MAX_VALUE, Double.POSITIVE_INFINITY);
        assertOrdered(new BigDecimal("-1e37"), -1e30);
    }

    @Test
    void nanIsGreaterThanEverythingAndEqualToItself() {
        Object[] others = {Double.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Double.MAX_VALUE, Long.MAX_VALUE,
            Integer.MAX_VALUE, (short) 1, new BigDecimal("9".repeat(38)), -1.0d, 0.0d};
        for (Object o : others) {
            assertOrdered(o, Double.NaN);
            assertOrdered(o, Float.NaN);
        }
        assertSame(Double.NaN, Double.NaN);
        assertSame(Float.NaN, Float.NaN);
        assertSame(Double.NaN, Double.longBitsToDouble(0x7ff8000000000001L));
    }

    @Test
    void strings() {
        assertOrdered("a", "b");
        assertOrdered("a", "ab");
        assertOrdered("", " ");
        assertOrdered("Z", "a");
        assertSame("x", "x");
        assertOrdered("ab", "ab "); // padding is applied on assignment, not here
    }

    @Test
    void dateTimes() {
        LocalDate d = LocalDate.of(2024, 1, 2);
        LocalDateTime midnight = d.atStartOfDay();
        assertSame(d, midnight);
        assertSame(d, midnight.atOffset(ZoneOffset.UTC));
        assertSame(midnight, midnight.atOffset(ZoneOffset.UTC));
        assertSame(midnight.atOffset(ZoneOffset.UTC), midnight.plusHours(2).atOffset(ZoneOffset.ofHours(2)));
        assertOrdered(d, midnight.plusNanos(1));
        assertOrdered(midnight.minusNanos(1), d);
        assertOrdered(d, d.plusDays(1));
        assertOrdered(d.plusDays(1).atStartOfDay().atOffset(ZoneOffset.ofHours(1)), d.plusDays(1));
        assertOrdered(LocalTime.of(1, 0), LocalTime.of(1, 0, 0, 1));
        assertSame(LocalTime.NOON, LocalTime.of(12, 0));
        var e = assertSqlState("42804", () -> Values.compare(LocalTime.NOON, d));
        assertEquals("cannot compare TIME with DATE", e.getMessage());
    }

    @Test
    void otherTypes() {
        assertOrdered(false, true);
        assertSame(true, true);
        assertOrdered(Binary.of(new byte[] {1}), Binary.of(new byte[] {(byte) 0x80}));
        assertOrdered(Binary.of(new byte[] {1}), Binary.of(new byte[] {1, 0}));
        assertSame(Binary.of(new byte[] {1, 2}), Binary.of(new byte[] {1, 2}));
        // UUIDs compare as unsigned bytes, i.e. like their text
        UUID low = UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff");
        UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
        assertOrdered(low, high);
        assertOrdered(UUID.fromString("00000000-0000-0000-7fff-ffffffffffff"),
                UUID.fromString("00000000-0000-0000-8000-000000000000"));
        assertSame(new UUID(5, 6), new UUID(5, 6));
    }

    @Test
    void incomparable() {
        var e = assertSqlState("42804", () -> Values.compare(1, "1"));
        assertEquals("cannot compare INTEGER with VARCHAR", e.getMessage());
        assertSqlState("42804", () -> Values.compare(true, 1));
        assertSqlState("42804", () -> Values.compare(LocalDate.of(2024, 1, 1), "2024-01-01"));
        assertSqlState("42804", () -> Values.compare(new UUID(1, 1), Binary.EMPTY));
        assertSqlState("42804", () -> Values.equal(1.5d, "1.5"));
        assertSqlState("42804", () -> Values.compare((byte) 1, (byte) 2));
    }

    @Test
    void hashEqualForEqualNonNumbers() {
        List<Object[]> pairs = new ArrayList<>();
        pairs.add(new Object[] {"abc", new String("abc")});
        pairs.add(new Object[] {Binary.of(new byte[] {1}), Binary.of(new byte[] {1})});
        pairs.add(new Object[] {LocalDate.of(2024, 1, 2), LocalDateTime.of(2024, 1, 2, 0, 0)});
        pairs.add(new Object[] {LocalDate.of(2024, 1, 2), OffsetDateTime.of(2024, 1, 2, 1, 0, 0, 0, ZoneOffset.ofHours(1))});
        pairs.add(new Object[] {LocalDateTime.of(2024, 1, 2, 3, 0), OffsetDateTime.of(2024, 1, 2, 3, 0, 0, 0, ZoneOffset.UTC)});
        for (Object[] p : pairs) {
            assertSame(p[0], p[1]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1.0|1", "1.5|1.5", "-1.5|-1.5", "0.1|0.1", "100|100", "1e15|1e+15", "1e14|100000000000000",
        "123456789012345680000|1.2345678901234568e+20", "1e20|1e+20", "1e-4|0.0001", "1e-5|1e-05",
        "1.5e-7|1.5e-07", "1e100|1e+100", "1e-300|1e-300", "0.30000000000000004|0.30000000000000004",
        "4.9e-324|5e-324", "1.7976931348623157e308|1.7976931348623157e+308", "-0.0|-0", "0|0",
        "NaN|NaN", "Infinity|Infinity", "-Infinity|-Infinity", "2e22|2e+22", "123.456|123.456"})
    void doubleText(double d, String expected) {
        assertEquals(expected, Values.toSqlString(d));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1.0|1", "1.5|1.5", "0.1|0.1", "100000|100000", "1e6|1e+06", "1234567|1.234567e+06",
        "3.4028235e38|3.4028235e+38", "1e-4|0.0001", "1e-5|1e-05", "-0.0|-0", "NaN|NaN", "Infinity|Infinity",
        "0.3|0.3", "16777216|1.6777216e+07"})
    void realText(float f, String expected) {
        assertEquals(expected, Values.toSqlString(f));
    }

    @Test
    void doubleTextReadsBackExactly() {
        java.util.Random r = new java.util.Random(42);
        for (int i = 0; i < 2000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (Double.isNaN(d)) {
                continue;
            }
            String s = Values.toSqlString(d);
            assertEquals(d, Casts.cast(s, DataType.DOUBLE), s);
            float f = Float.intBitsToFloat(r.nextInt());
            if (!Float.isNaN(f)) {
                String fs = Values.toSqlString(f);
                assertEquals(f, Casts.cast(fs, DataType.REAL), fs);
            }
        }
    }

    @Test
    void text() {
        assertEquals("NULL", Values.toSqlString(null));
        assertEquals("true", Values.toSqlString(true));
        assertEquals("false", Values.toSqlString(false));
        assertEquals("-5", Values.toSqlString((short) -5));
        assertEquals("42", Values.toSqlString(42));
        assertEquals("9223372036854775807", Values.toSqlString(Long.MAX_VALUE));
        assertEquals("1.50", Values.toSqlString(new BigDecimal("1.50")));
        assertEquals("100000", Values.toSqlString(new BigDecimal("1E+5")));
        assertEquals("0.0000001", Values.toSqlString(new BigDecimal("1E-7")));
        assertEquals("abc ", Values.toSqlString("abc "));
        assertEquals("\\x0a1bff", Values.toSqlString(Binary.of(new byte[] {0x0a, 0x1b, (byte) 0xff})));
        assertEquals("\\x", Values.toSqlString(Binary.EMPTY));
        assertEquals("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                Values.toSqlString(UUID.fromString("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")));
        assertEquals("2024-01-02", Values.toSqlString(LocalDate.of(2024, 1, 2)));
        assertEquals("0044-03-15 BC", Values.toSqlString(LocalDate.of(-43, 3, 15)));
        assertEquals("12345-01-02", Values.toSqlString(LocalDate.of(12345, 1, 2)));
        assertEquals("03:04:05", Values.toSqlString(LocalTime.of(3, 4, 5)));
        assertEquals("03:04:05.12", Values.toSqlString(LocalTime.of(3, 4, 5, 120_000_000)));
        assertEquals("03:04:05.000000001", Values.toSqlString(LocalTime.of(3, 4, 5, 1)));
        assertEquals("00:00:00", Values.toSqlString(LocalTime.MIDNIGHT));
        assertEquals("2024-01-02 03:04:05.123", Values.toSqlString(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000)));
        assertEquals("2024-01-02 00:00:00", Values.toSqlString(LocalDateTime.of(2024, 1, 2, 0, 0)));
        assertEquals("2024-01-02 03:04:05.123+00",
                Values.toSqlString(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000, ZoneOffset.UTC)));
        assertEquals("2024-01-02 03:04:05+05:30",
                Values.toSqlString(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(5, 30))));
        assertEquals("2024-01-02 03:04:05-02",
                Values.toSqlString(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(-2))));
        assertSqlState("42804", () -> Values.toSqlString(new Object()));
    }
}
