package io.rustydb.core.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.DbException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Interval}, {@link IntervalText} and {@link IntervalArithmetic}: text read and written as PostgreSQL 15
 * does, a seeded randomized check of order, equality and hashing against a model (the span as a BigInteger), the
 * round trip of random values through their text, and the arithmetic edge cases. Rerun a failure with
 * {@code -Drustydb.test.seed=N} (the seed is in every message).
 */
class IntervalTest {
    private static final long SEED = Long.getLong("rustydb.test.seed", System.nanoTime());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
        "1 day 2 hours => 1 day 02:00:00",
        "1 year 2 mons 3 days 04:05:06 => 1 year 2 mons 3 days 04:05:06",
        "-1 year -2 mons +3 days -04:05:06 => -1 years -2 mons +3 days -04:05:06",
        "1 day -1 hour => 1 day -01:00:00",
        "-1 days 1 hour => -1 days +01:00:00",
        "\"  @ 1 DAY AGO  \" => -1 days",
        "2 hours 30 minutes ago => -02:30:00",
        "1.5 years => 1 year 6 mons",
        "1.5 months => 1 mon 15 days",
        "1.5 days => 1 day 12:00:00",
        "1.5 weeks => 10 days 12:00:00",
        "-1.5 days => -1 days -12:00:00",
        "0.5 seconds => 00:00:00.5",
        "1 millisecond => 00:00:00.001",
        "1 microsecond => 00:00:00.000001",
        "2 decades 1 century 1 millennium => 1120 years",
        "1d 2h 3m 4s => 1 day 02:03:04",
        "1day => 1 day",
        "90 => 00:01:30",
        "-90.5 => -00:01:30.5",
        "01:02 => 01:02:00",
        "1:2.5 => 00:01:02.5",
        "100:00:00 => 100:00:00",
        "3 4:05:06 => 3 days 04:05:06",
        "1-2 => 1 year 2 mons",
        "-1-2 => -1 years -2 mons",
        "1-2 3 4:05:06 => 1 year 2 mons 3 days 04:05:06",
        "P1Y2M3DT4H5M6S => 1 year 2 mons 3 days 04:05:06",
        "P1W => 7 days",
        "PT1.5S => 00:00:01.5",
        "P-1Y => -1 years",
        "pt36h => 36:00:00",
        "0 => 00:00:00",
        "1 mon 0 days => 1 mon",
    })
    void readsAndWritesPostgresText(String input, String expected) {
        assertEquals(expected, IntervalText.parse(input).toString());
        assertTrue(IntervalText.parse(expected).identical(IntervalText.parse(input)), "text reads back: " + expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
        "\"\" => 22007", "\"   \" => 22007", "abc => 22007", "1 fortnight => 22007", "day => 22007", "1 day day => 22007",
        "1 day 2 days => 22007", "1 ago 2 => 22007", "1:2:3:4 => 22007", "1.2.3 days => 22007", "P => 22007",
        "PT => 22007", "P1 => 22007", "P1H => 22007", "PT1D => 22007", "P1Y1Y => 22007", "1 day $ => 22007",
        "01:02 03:04 => 22007", "- day => 22007",
        "10:60:00 => 22008", "1:00:61 => 22008", "1-12 => 22008", "2147483648 days => 22008",
        "178956971 years => 22008", "9223372036854775807 hours => 22008", "99999999999999999999 seconds => 22008",
    })
    void rejectsBadText(String input, String state) {
        DbException e = assertThrows(DbException.class, () -> IntervalText.parse(input));
        assertEquals(state, e.sqlState(), input + ": " + e.getMessage());
    }

    @Test
    void qualifierPicksTheUnitAndTruncates() {
        assertEquals("3 days", IntervalText.parse("3", IntervalQualifier.of("day", null)).toString());
        assertEquals("3 years", IntervalText.parse("3", IntervalQualifier.of("year", null)).toString());
        assertEquals("1 mon", IntervalText.parse("1", IntervalQualifier.of("year", "month")).toString());
        assertEquals("1 year", IntervalText.parse("1 year 5 mons", IntervalQualifier.of("year", null)).toString());
        assertEquals("1 day 02:00:00",
                IntervalText.parse("1 day 02:03:04", IntervalQualifier.of("day", "hour")).toString());
        assertEquals("00:01:02", IntervalText.parse("01:02", IntervalQualifier.of("minute", "second")).toString());
        assertEquals("-00:00:01.24",
                IntervalText.parse("-1.2351", IntervalQualifier.of("second(2)", null)).toString());
        assertEquals("42601", assertThrows(DbException.class, () -> IntervalQualifier.of("day", "year")).sqlState());
        assertEquals("42601", assertThrows(DbException.class, () -> IntervalQualifier.of("week", null)).sqlState());
        assertEquals("42601", assertThrows(DbException.class, () -> IntervalQualifier.of("month", "day")).sqlState());
    }

    /** The comparison span as an exact number: the model the order, equality and hash must agree with. */
    private static BigInteger span(Interval i) {
        return BigInteger.valueOf(i.months()).multiply(BigInteger.valueOf(30)).add(BigInteger.valueOf(i.days()))
                .multiply(BigInteger.valueOf(Interval.MICROS_PER_DAY)).add(BigInteger.valueOf(i.micros()));
    }

    private static Interval random(Random r) {
        int[] ints = {0, 1, -1, 12, 30, -30, Integer.MAX_VALUE, Integer.MIN_VALUE};
        long[] longs = {0, 1, -1, Interval.MICROS_PER_DAY, -Interval.MICROS_PER_DAY, Long.MAX_VALUE, Long.MIN_VALUE};
        switch (r.nextInt(4)) {
            case 0:
                return Interval.of(ints[r.nextInt(ints.length)], ints[r.nextInt(ints.length)],
                        longs[r.nextInt(longs.length)]);
            case 1: { // one span written three ways
                int k = r.nextInt(7) - 3;
                return switch (r.nextInt(3)) {
                    case 0 -> Interval.of(k, 0, 0);
                    case 1 -> Interval.of(0, 30 * k, 0);
                    default -> Interval.of(0, 0, 30 * k * Interval.MICROS_PER_DAY);
                };
            }
            case 2:
                return Interval.of(r.nextInt(25) - 12, r.nextInt(61) - 30,
                        (r.nextInt(49) - 24) * Interval.MICROS_PER_HOUR + r.nextInt(3) - 1);
            default:
                return Interval.of(r.nextInt(), r.nextInt(), r.nextLong());
        }
    }

    @Test
    void orderEqualityAndHashAgreeWithTheSpanModel() {
        Random r = new Random(SEED);
        List<Interval> values = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            values.add(random(r));
        }
        int equalPairs = 0;
        for (Interval a : values) {
            for (Interval b : values) {
                String what = "seed=" + SEED + " a=" + fields(a) + " b=" + fields(b);
                int expected = span(a).compareTo(span(b));
                assertEquals(expected, Integer.signum(a.compareTo(b)), what);
                assertEquals(expected, Integer.signum(Values.compare(a, b)), what);
                assertEquals(expected == 0, a.equals(b), what);
                assertEquals(expected == 0, Values.equal(a, b), what);
                if (expected == 0) {
                    equalPairs++;
                    assertEquals(a.hashCode(), b.hashCode(), what);
                    assertEquals(Values.hash(a), Values.hash(b), what);
                }
            }
            Interval canonical = Interval.ofSpan(a.spanDays(), a.spanMicros());
            assertEquals(span(a), span(canonical), "ofSpan keeps the span, seed=" + SEED + " " + fields(a));
        }
        assertTrue(equalPairs > values.size() * 2, "the generator makes equal pairs of different fields");
    }

    @Test
    void randomValuesRoundTripThroughTheirText() {
        Random r = new Random(SEED);
        for (int i = 0; i < 5000; i++) {
            Interval v = random(r);
            if (v.micros() == Long.MIN_VALUE) {
                continue; // its text has -(Long.MIN_VALUE) microseconds, which no interval can hold
            }
            String text = v.toString();
            Interval back = IntervalText.parse(text);
            assertTrue(v.identical(back), "seed=" + SEED + " " + fields(v) + " -> '" + text + "' -> " + fields(back));
        }
    }

    @Test
    void arithmetic() {
        Interval day = Interval.parse("1 day");
        assertEquals("1 day 24:00:00", day.plus(Interval.parse("24 hours")).toString());
        assertEquals("1 day -02:00:00", day.minus(Interval.parse("2 hours")).toString());
        assertEquals("-1 days", day.negate().toString());
        assertEquals("02:30:00", Interval.parse("1 hour").multiply(2.5).toString());
        assertEquals("15 days", Interval.parse("1 mon").divide(2).toString());
        assertEquals("1 mon 15 days", Interval.parse("3 mons").divide(2).toString());
        assertEquals("15 days 12:00:00", Interval.parse("1 mon 1 day").divide(2).toString());
        assertEquals("1 mon 4 days 02:24:00", Interval.parse("1 mon 1 day").multiply(1.1).toString());
        assertEquals("08:00:00", day.divide(3).toString());
        assertEquals("22012", assertThrows(DbException.class, () -> day.divide(0)).sqlState());
        assertEquals("22008", assertThrows(DbException.class,
                () -> Interval.of(Integer.MAX_VALUE, 0, 0).plus(Interval.parse("1 mon"))).sqlState());
        assertEquals("22008", assertThrows(DbException.class, () -> Interval.of(0, Integer.MIN_VALUE, 0).negate())
                .sqlState());
        assertEquals("22008", assertThrows(DbException.class, () -> Interval.parse("1 mon").multiply(1e10)).sqlState());
        assertEquals("22008", assertThrows(DbException.class, () -> Interval.parse("1 mon").multiply(Double.NaN))
                .sqlState());
    }

    @Test
    void justify() {
        assertEquals("1 mon 5 days", Interval.parse("35 days").justifyDays().toString());
        assertEquals("-1 mons -5 days", Interval.parse("-35 days").justifyDays().toString());
        assertEquals("29 days", Interval.parse("1 mon -1 day").justifyDays().toString());
        assertEquals("1 day 03:00:00", Interval.parse("27 hours").justifyHours().toString());
        assertEquals("-1 days -03:00:00", Interval.parse("-27 hours").justifyHours().toString());
        assertEquals("23:00:00", Interval.parse("1 day -1 hour").justifyHours().toString());
        assertEquals("29 days 23:00:00", Interval.parse("1 mon -1 hour").justifyInterval().toString());
        assertEquals("1 mon 6 days 03:00:00", Interval.parse("35 days 27 hours").justifyInterval().toString());
        Random r = new Random(SEED);
        for (int i = 0; i < 2000; i++) {
            Interval v = Interval.of(r.nextInt(2001) - 1000, r.nextInt(2001) - 1000,
                    r.nextLong() % (1000 * Interval.MICROS_PER_DAY));
            for (Interval j : List.of(v.justifyDays(), v.justifyHours(), v.justifyInterval())) {
                assertEquals(v, j, "justification keeps the span, seed=" + SEED + " " + fields(v));
            }
            Interval j = v.justifyInterval();
            assertTrue(Math.abs(j.days()) < 30 && Math.abs(j.micros()) < Interval.MICROS_PER_DAY, fields(j));
            assertFalse(j.months() > 0 && (j.days() < 0 || j.micros() < 0) || j.months() < 0 && (j.days() > 0
                    || j.micros() > 0) || j.days() > 0 && j.micros() < 0 || j.days() < 0 && j.micros() > 0,
                    "one sign: seed=" + SEED + " " + fields(j));
        }
    }

    @Test
    void dateTimeArithmetic() {
        LocalDateTime jan31 = LocalDateTime.of(2024, 1, 31, 10, 0);
        assertEquals(LocalDateTime.of(2024, 2, 29, 10, 0), IntervalArithmetic.plus(jan31, Interval.parse("1 mon")));
        assertEquals(LocalDateTime.of(2024, 3, 1, 11, 0),
                IntervalArithmetic.plus(jan31, Interval.parse("1 mon 1 day 1 hour")));
        assertEquals("28 days 12:00:00", IntervalArithmetic.between(LocalDateTime.of(2024, 3, 1, 0, 0),
                LocalDateTime.of(2024, 2, 1, 12, 0)).toString());
        assertEquals("43 years 9 mons 27 days", IntervalArithmetic.age(LocalDateTime.of(2001, 4, 10, 0, 0),
                LocalDateTime.of(1957, 6, 13, 0, 0)).toString());
        assertEquals("1 mon 1 day", IntervalArithmetic.age(LocalDateTime.of(2024, 3, 1, 0, 0),
                LocalDateTime.of(2024, 1, 31, 0, 0)).toString());
        assertEquals("-1 days -23:00:00", IntervalArithmetic.age(LocalDateTime.of(2024, 1, 1, 1, 0),
                LocalDateTime.of(2024, 1, 3, 0, 0)).toString());
        assertEquals("22008", assertThrows(DbException.class,
                () -> IntervalArithmetic.plus(LocalDateTime.MAX, Interval.parse("1 day"))).sqlState());
        Random r = new Random(SEED);
        for (int i = 0; i < 2000; i++) { // a - b then b + (a - b) lands on a (no months in a difference)
            LocalDateTime a = LocalDateTime.of(1900 + r.nextInt(200), 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1_000_000) * 1000);
            LocalDateTime b = a.plusSeconds(r.nextInt() * 100L).plusNanos(r.nextInt(1_000_000) * 1000L);
            Interval d = IntervalArithmetic.between(a, b);
            assertEquals(a, IntervalArithmetic.plus(b, d), "seed=" + SEED + " a=" + a + " b=" + b + " d=" + d);
            assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(d.compareTo(Interval.ZERO)), "seed=" + SEED);
        }
    }

    @Test
    void javaTimeConversions() {
        assertEquals(Duration.ofHours(26), Interval.parse("1 day 2 hours").toDuration());
        assertEquals(Period.of(1, 2, 3), Interval.parse("1 year 2 mons 3 days").toPeriod());
        assertEquals("1 day 02:00:00", Interval.of(Duration.ofHours(26)).toString());
        assertEquals("-01:00:00.5", Interval.of(Duration.ofMillis(-3_600_500)).toString());
        assertEquals("1 year 2 mons 3 days", Interval.of(Period.of(1, 2, 3)).toString());
        assertEquals("22008", assertThrows(DbException.class, () -> Interval.parse("1 mon").toDuration()).sqlState());
        assertEquals("22008", assertThrows(DbException.class, () -> Interval.parse("1 sec").toPeriod()).sqlState());
    }

    @Test
    void castsAndTypes() {
        assertEquals(Interval.parse("1 day"), Casts.cast("24 hours", DataType.INTERVAL));
        assertEquals("1 day", Casts.cast(Interval.parse("1 day"), DataType.VARCHAR));
        assertEquals(Interval.parse("10:20:30"), Casts.cast(java.time.LocalTime.of(10, 20, 30), DataType.INTERVAL));
        assertEquals(java.time.LocalTime.of(2, 0), Casts.cast(Interval.parse("1 day 02:00"), DataType.TIME));
        assertEquals(java.time.LocalTime.of(22, 0), Casts.cast(Interval.parse("-02:00"), DataType.TIME));
        assertEquals("42804", assertThrows(DbException.class, () -> Casts.cast(1, DataType.INTERVAL)).sqlState());
        assertEquals(DataType.INTERVAL, DataType.parse("INTERVAL"));
        assertEquals(DataType.INTERVAL, DataType.parse("interval day to second(3)"));
        assertEquals(DataType.INTERVAL, DataType.parse("INTERVAL(6)"));
        assertEquals("22023", assertThrows(DbException.class, () -> DataType.parse("INTERVAL(7)")).sqlState());
        assertEquals("42601", assertThrows(DbException.class, () -> DataType.parse("INTERVAL DAY TO YEAR")).sqlState());
        assertEquals(DataType.TIMESTAMP, Arithmetic.resultType(ArithmeticOp.ADD, DataType.DATE, DataType.INTERVAL));
        assertEquals(DataType.INTERVAL,
                Arithmetic.resultType(ArithmeticOp.SUBTRACT, DataType.TIMESTAMP_TZ, DataType.TIMESTAMP));
        assertEquals(DataType.INTEGER, Arithmetic.resultType(ArithmeticOp.SUBTRACT, DataType.DATE, DataType.DATE));
        assertEquals("42883", assertThrows(DbException.class,
                () -> Arithmetic.resultType(ArithmeticOp.DIVIDE, DataType.INTEGER, DataType.INTERVAL)).sqlState());
        assertEquals("42883", assertThrows(DbException.class,
                () -> Arithmetic.resultType(ArithmeticOp.MODULO, DataType.INTERVAL, DataType.INTEGER)).sqlState());
    }

    private static String fields(Interval i) {
        return "(" + i.months() + ", " + i.days() + ", " + i.micros() + ")";
    }
}
