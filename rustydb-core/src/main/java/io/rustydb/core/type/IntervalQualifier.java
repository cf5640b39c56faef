package io.rustydb.core.type;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

import java.util.Locale;

/**
 * The field range written after an interval literal, as in {@code INTERVAL '3' DAY} or
 * {@code INTERVAL '1-2' YEAR TO MONTH}: it says which unit a bare number has (the range's last field) and which
 * fields the value keeps (those below the last field are dropped, as PostgreSQL's {@code AdjustIntervalForTypmod}
 * does). A leading-field precision ({@code DAY(3)}) is accepted and ignored; a seconds precision
 * ({@code SECOND(3)}) rounds the fraction of a second.
 *
 * @param leading          the first field of the range
 * @param trailing         the last field; the same as {@code leading} for a single field
 * @param secondsPrecision fraction digits kept (0..6) when the range ends in SECOND, or -1 for all
 */
public record IntervalQualifier(Unit leading, Unit trailing, int secondsPrecision) {
    /** The fields a qualifier may name, largest first. */
    public enum Unit { YEAR, MONTH, DAY, HOUR, MINUTE, SECOND }

    public IntervalQualifier {
        if (trailing.compareTo(leading) < 0 || leading == Unit.YEAR && trailing != Unit.YEAR && trailing != Unit.MONTH
                || leading == Unit.MONTH && trailing != Unit.MONTH) {
            throw new DbException(ErrorCode.SYNTAX_ERROR,
                    "invalid interval qualifier " + leading + " TO " + trailing);
        }
        if (secondsPrecision < -1 || secondsPrecision > 6) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "interval seconds precision must be between 0 and 6, not " + secondsPrecision);
        }
    }

    /**
     * A qualifier from its words: {@code leading} such as {@code "day"} or {@code "day(3)"}, {@code trailing}
     * such as {@code "second(3)"} or {@code null}. Unknown words are 42601.
     */
    public static IntervalQualifier of(String leading, String trailing) {
        Unit first = unit(leading);
        Unit last = trailing == null ? first : unit(trailing);
        int precision = -1;
        String secondsWord = trailing == null ? leading : trailing;
        if (last == Unit.SECOND && secondsWord.indexOf('(') >= 0) {
            String digits = secondsWord.substring(secondsWord.indexOf('(') + 1, secondsWord.lastIndexOf(')')).trim();
            if (trailing == null && digits.contains(",")) { // SECOND(leading precision, fraction precision)
                digits = digits.substring(digits.indexOf(',') + 1).trim();
            }
            try {
                precision = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw new DbException(ErrorCode.SYNTAX_ERROR, "invalid interval precision \"" + digits + "\"");
            }
        }
        return new IntervalQualifier(first, last, precision);
    }

    private static Unit unit(String word) {
        String w = word.trim();
        int paren = w.indexOf('(');
        if (paren >= 0) {
            w = w.substring(0, paren).trim();
        }
        try {
            return Unit.valueOf(w.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "invalid interval field \"" + word + "\"");
        }
    }

    /** The value with the fields below {@link #trailing()} dropped (and seconds rounded to the precision). */
    public Interval truncate(Interval v) {
        switch (trailing) {
            case YEAR:
                return Interval.of(v.months() / Interval.MONTHS_PER_YEAR * Interval.MONTHS_PER_YEAR, 0, 0);
            case MONTH:
                return Interval.of(v.months(), 0, 0);
            case DAY:
                return Interval.of(v.months(), v.days(), 0);
            case HOUR:
                return Interval.of(v.months(), v.days(), v.micros() / Interval.MICROS_PER_HOUR * Interval.MICROS_PER_HOUR);
            case MINUTE:
                return Interval.of(v.months(), v.days(),
                        v.micros() / Interval.MICROS_PER_MINUTE * Interval.MICROS_PER_MINUTE);
            default:
                if (secondsPrecision < 0 || secondsPrecision == 6) {
                    return v;
                }
                long unit = 1;
                for (int i = secondsPrecision; i < 6; i++) {
                    unit *= 10;
                }
                long m = v.micros();
                long q = m / unit;
                if (Math.abs(m % unit) * 2 >= unit) {
                    q += Long.signum(m); // half away from zero, as rint() of PostgreSQL's AdjustIntervalForTypmod
                }
                long rounded;
                try {
                    rounded = Math.multiplyExact(q, unit);
                } catch (ArithmeticException e) {
                    throw Interval.outOfRange();
                }
                return Interval.of(v.months(), v.days(), rounded);
        }
    }

    @Override
    public String toString() {
        String p = secondsPrecision >= 0 ? "(" + secondsPrecision + ")" : "";
        return leading == trailing ? leading + p : leading + " TO " + trailing + p;
    }
}
