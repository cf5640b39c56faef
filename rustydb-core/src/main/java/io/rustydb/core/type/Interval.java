package io.rustydb.core.type;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

import java.time.Duration;
import java.time.Period;

/**
 * A value of SQL type {@code INTERVAL}, held as PostgreSQL holds it: three independent fields, months (i32), days
 * (i32) and microseconds (i64), because a month is not a fixed number of days and (in time zones with daylight
 * saving) a day is not a fixed number of hours. Adding {@code 1 mon} to a timestamp moves it to the same day of the
 * next month; adding {@code 30 days} moves it 30 calendar days.
 *
 * <p>Comparison, equality and hashing (PostgreSQL's {@code interval_cmp}) use one "span" per value, counting a
 * month as 30 days and a day as 24 hours: {@code span = (months * 30 + days) * 86_400_000_000 + micros}, a 96-bit
 * number held here as the pair {@code (spanDays, spanMicros)} with {@code 0 <= spanMicros < 86_400_000_000}. So
 * {@code 1 mon} equals {@code 30 days} and {@code 1 day} equals {@code 24:00:00}, while each keeps its own fields
 * (and text) as stored. {@code equals} follows that SQL equality, like {@link java.math.BigDecimal} does not.
 *
 * <p>Arithmetic between intervals ({@link #plus}, {@link #minus}, {@link #negate}) is field by field; a field
 * outside its range is 22008 "interval out of range". {@link #multiply}/{@link #divide} by a number cascade the
 * fractions of months into days and of days into microseconds (30-day months, 24-hour days), as PostgreSQL's
 * {@code interval_mul}/{@code interval_div} do. Text: {@link IntervalText}; date/time arithmetic:
 * {@link IntervalArithmetic}. Immutable.
 */
public final class Interval implements Comparable<Interval> {
    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    public static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    public static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;
    /** Days per month when a month must be a number of days (comparison, justify_days, fraction cascading). */
    public static final int DAYS_PER_MONTH = 30;
    public static final int MONTHS_PER_YEAR = 12;

    /** {@code 00:00:00}. */
    public static final Interval ZERO = new Interval(0, 0, 0);

    private final int months;
    private final int days;
    private final long micros;

    private Interval(int months, int days, long micros) {
        this.months = months;
        this.days = days;
        this.micros = micros;
    }

    /** An interval of the three fields. */
    public static Interval of(int months, int days, long micros) {
        return months == 0 && days == 0 && micros == 0 ? ZERO : new Interval(months, days, micros);
    }

    /** An interval of the three fields given wider; 22008 if months or days do not fit an int. */
    public static Interval ofChecked(long months, long days, long micros) {
        if (months != (int) months || days != (int) days) {
            throw outOfRange();
        }
        return of((int) months, (int) days, micros);
    }

    /** Reads interval text (PostgreSQL, SQL standard or ISO 8601 form); see {@link IntervalText}. */
    public static Interval parse(String text) {
        return IntervalText.parse(text);
    }

    /** A {@link Duration} as days and microseconds (sub-microsecond digits are dropped); 22008 if too long. */
    public static Interval of(Duration d) {
        long seconds = d.getSeconds();
        long wholeDays = Math.floorDiv(seconds, 86_400L);
        long rest = Math.floorMod(seconds, 86_400L) * MICROS_PER_SECOND + d.getNano() / 1000;
        return ofChecked(0, wholeDays, rest).justifyHours();
    }

    /** A {@link Period} as months ({@code years * 12 + months}) and days; 22008 if too long. */
    public static Interval of(Period p) {
        try {
            return ofChecked(p.toTotalMonths(), p.getDays(), 0);
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    public int months() {
        return months;
    }

    public int days() {
        return days;
    }

    public long micros() {
        return micros;
    }

    /** Field-wise sum; 22008 on overflow. */
    public Interval plus(Interval o) {
        try {
            return of(Math.addExact(months, o.months), Math.addExact(days, o.days), Math.addExact(micros, o.micros));
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    /** Field-wise difference; 22008 on overflow. */
    public Interval minus(Interval o) {
        try {
            return of(Math.subtractExact(months, o.months), Math.subtractExact(days, o.days),
                    Math.subtractExact(micros, o.micros));
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    /** Every field negated; 22008 for a field at its minimum. */
    public Interval negate() {
        try {
            return of(Math.negateExact(months), Math.negateExact(days), Math.negateExact(micros));
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    /** {@code this * factor} with PostgreSQL's fraction cascading (see the class comment); 22008 on overflow. */
    public Interval multiply(double factor) {
        return scale(factor, false);
    }

    /** {@code this / divisor}; 22012 for a zero divisor, 22008 on overflow. */
    public Interval divide(double divisor) {
        if (divisor == 0) {
            throw new DbException(ErrorCode.DIVISION_BY_ZERO);
        }
        return scale(divisor, true);
    }

    private Interval scale(double f, boolean divide) {
        if (Double.isNaN(f) || Double.isInfinite(f)) {
            throw outOfRange();
        }
        double m = divide ? months / f : months * f;
        double d = divide ? days / f : days * f;
        if (!fitsInt(m) || !fitsInt(d)) {
            throw outOfRange();
        }
        int newMonths = (int) m;
        int newDays = (int) d;
        double monthRemainderDays = roundToMicro((m - newMonths) * DAYS_PER_MONTH);
        double secRemainder = roundToMicro((d - newDays + monthRemainderDays - (int) monthRemainderDays) * 86_400.0);
        if (Math.abs(secRemainder) >= 86_400.0) {
            int whole = (int) (secRemainder / 86_400.0);
            newDays = addDays(newDays, whole);
            secRemainder -= whole * 86_400.0;
        }
        newDays = addDays(newDays, (int) monthRemainderDays);
        double t = Math.rint((divide ? micros / f : micros * f) + secRemainder * MICROS_PER_SECOND);
        if (Double.isNaN(t) || t < -0x1p63 || t >= 0x1p63) {
            throw outOfRange();
        }
        return of(newMonths, newDays, (long) t);
    }

    private static boolean fitsInt(double v) {
        return !Double.isNaN(v) && v > Integer.MIN_VALUE - 1.0 && v < Integer.MAX_VALUE + 1.0;
    }

    private static double roundToMicro(double v) {
        return Math.rint(v * 1e6) / 1e6;
    }

    private static int addDays(int a, int b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    /** {@code justify_hours}: whole 24-hour periods of the time move into days; time and days get one sign. */
    public Interval justifyHours() {
        long wholeDays = micros / MICROS_PER_DAY;
        long time = micros - wholeDays * MICROS_PER_DAY;
        long d = days + wholeDays;
        if (d > 0 && time < 0) {
            time += MICROS_PER_DAY;
            d--;
        } else if (d < 0 && time > 0) {
            time -= MICROS_PER_DAY;
            d++;
        }
        return ofChecked(months, d, time);
    }

    /** {@code justify_days}: whole 30-day periods move into months; days and months get one sign. */
    public Interval justifyDays() {
        long wholeMonths = days / DAYS_PER_MONTH;
        long d = days - wholeMonths * DAYS_PER_MONTH;
        long m = months + wholeMonths;
        if (m > 0 && d < 0) {
            d += DAYS_PER_MONTH;
            m--;
        } else if (m < 0 && d > 0) {
            d -= DAYS_PER_MONTH;
            m++;
        }
        return ofChecked(m, d, micros);
    }

    /** {@code justify_interval}: both justifications, with one sign for all three fields. */
    public Interval justifyInterval() {
        long wholeDays = micros / MICROS_PER_DAY;
        long time = micros - wholeDays * MICROS_PER_DAY;
        long d = days + wholeDays;
        long wholeMonths = d / DAYS_PER_MONTH;
        d -= wholeMonths * DAYS_PER_MONTH;
        long m = months + wholeMonths;
        if (m > 0 && (d < 0 || d == 0 && time < 0)) {
            d += DAYS_PER_MONTH;
            m--;
        } else if (m < 0 && (d > 0 || d == 0 && time > 0)) {
            d -= DAYS_PER_MONTH;
            m++;
        }
        if (d > 0 && time < 0) {
            time += MICROS_PER_DAY;
            d--;
        } else if (d < 0 && time > 0) {
            time -= MICROS_PER_DAY;
            d++;
        }
        return ofChecked(m, d, time);
    }

    /** Whole days of the comparison span (see the class comment); may be negative. */
    public long spanDays() {
        return (long) months * DAYS_PER_MONTH + days + Math.floorDiv(micros, MICROS_PER_DAY);
    }

    /** Microseconds of the comparison span after {@link #spanDays()}: 0 to 86_399_999_999. */
    public long spanMicros() {
        return Math.floorMod(micros, MICROS_PER_DAY);
    }

    /**
     * The interval of a span ({@link #spanDays()}, {@link #spanMicros()}): as many 30-day months as fit an int,
     * then days, then microseconds. Equal (in SQL) to every interval of that span.
     */
    public static Interval ofSpan(long spanDays, long spanMicros) {
        long m = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, spanDays / DAYS_PER_MONTH));
        long rest = spanDays - m * DAYS_PER_MONTH;
        long d = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, rest));
        long extraDays = rest - d;
        long micros = spanMicros;
        if (extraDays < 0 && micros > 0) { // keep the product in range at the negative extreme
            extraDays++;
            micros -= MICROS_PER_DAY;
        }
        try {
            return of((int) m, (int) d, Math.addExact(Math.multiplyExact(extraDays, MICROS_PER_DAY), micros));
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    /** This interval as a {@link Duration} (days of 24 hours); 22008 if it has months (no fixed length). */
    public Duration toDuration() {
        if (months != 0) {
            throw new DbException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                    "interval " + this + " has months, which have no fixed length");
        }
        return Duration.ofDays(days).plus(Duration.of(micros, java.time.temporal.ChronoUnit.MICROS));
    }

    /** This interval as a {@link Period}; 22008 if it has a time part (a Period has only years, months, days). */
    public Period toPeriod() {
        if (micros != 0) {
            throw new DbException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                    "interval " + this + " has a time part, which a Period cannot hold");
        }
        return Period.of(months / MONTHS_PER_YEAR, months % MONTHS_PER_YEAR, days);
    }

    @Override
    public int compareTo(Interval o) {
        int c = Long.compare(spanDays(), o.spanDays());
        return c != 0 ? c : Long.compare(spanMicros(), o.spanMicros());
    }

    /** SQL equality: the same span (so {@code 1 mon} equals {@code 30 days}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Interval i && spanDays() == i.spanDays() && spanMicros() == i.spanMicros();
    }

    /** Whether the three fields are the same (stricter than {@link #equals}). */
    public boolean identical(Interval o) {
        return months == o.months && days == o.days && micros == o.micros;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(spanDays()) * 31 + Long.hashCode(spanMicros());
    }

    /** PostgreSQL's default output ({@code IntervalStyle = postgres}), e.g. {@code 1 year 2 mons 3 days 04:05:06}. */
    @Override
    public String toString() {
        return IntervalText.format(this);
    }

    /** 22008 "interval out of range". */
    static DbException outOfRange() {
        return new DbException(ErrorCode.DATETIME_FIELD_OVERFLOW, "interval out of range");
    }
}
