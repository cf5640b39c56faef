package io.rustydb.core.type;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The operators that take or give an {@link Interval} (PostgreSQL's), for {@link Arithmetic}:
 * <pre>
 * TIMESTAMP [WITH TIME ZONE] +/- INTERVAL, INTERVAL + TIMESTAMP   same timestamp type
 * DATE +/- INTERVAL, INTERVAL + DATE                               TIMESTAMP (the date's midnight moved)
 * TIME +/- INTERVAL, INTERVAL + TIME                               TIME (only the time part, wrapping at midnight)
 * INTERVAL +/- INTERVAL                                            INTERVAL, field by field
 * INTERVAL * number, number * INTERVAL, INTERVAL / number          INTERVAL ({@link Interval#multiply})
 * TIMESTAMP - TIMESTAMP (either may be DATE or WITH TIME ZONE)     INTERVAL: days and time ({@code justify_hours})
 * TIME - TIME                                                      INTERVAL (time only)
 * </pre>
 * Moving a timestamp adds the months first (the day of month is clamped to the month's last day:
 * {@code 2024-01-31 + 1 mon = 2024-02-29}), then the days, then the microseconds; WITH TIME ZONE values move in
 * UTC, the session time zone. A result outside the timestamp range is 22008.
 */
public final class IntervalArithmetic {
    private IntervalArithmetic() {
    }

    /** The result type of {@code left op right} when one side is an INTERVAL or both are timestamps; else null. */
    static DataType resultType(ArithmeticOp op, TypeId x, TypeId y) {
        boolean li = x == TypeId.INTERVAL;
        boolean ri = y == TypeId.INTERVAL;
        switch (op) {
            case ADD:
                if (li && ri) {
                    return DataType.INTERVAL;
                }
                if (li || ri) {
                    TypeId other = li ? y : x;
                    return moved(other);
                }
                return null;
            case SUBTRACT:
                if (li && ri) {
                    return DataType.INTERVAL;
                }
                if (ri) {
                    return moved(x);
                }
                if (!li && isTimeLine(x) && isTimeLine(y) && !(x == TypeId.DATE && y == TypeId.DATE)
                        || x == TypeId.TIME && y == TypeId.TIME) {
                    return DataType.INTERVAL;
                }
                return null;
            case MULTIPLY:
                return li && y.isNumeric() || ri && x.isNumeric() ? DataType.INTERVAL : null;
            case DIVIDE:
                return li && y.isNumeric() ? DataType.INTERVAL : null;
            default:
                return null;
        }
    }

    /** The type of a date/time value moved by an interval, or null if it cannot be. */
    private static DataType moved(TypeId t) {
        switch (t) {
            case DATE:
            case TIMESTAMP:
                return DataType.TIMESTAMP;
            case TIMESTAMP_TZ:
                return DataType.TIMESTAMP_TZ;
            case TIME:
                return DataType.TIME;
            case NULL:
                return DataType.INTERVAL;
            default:
                return null;
        }
    }

    private static boolean isTimeLine(TypeId t) {
        return t == TypeId.DATE || t == TypeId.TIMESTAMP || t == TypeId.TIMESTAMP_TZ;
    }

    /** Evaluates one of the operators of the class comment on non-null values; null if none applies. */
    static Object apply(ArithmeticOp op, Object left, Object right) {
        if (left instanceof Interval a && right instanceof Interval b) {
            return op == ArithmeticOp.ADD ? a.plus(b) : op == ArithmeticOp.SUBTRACT ? a.minus(b) : null;
        }
        if (right instanceof Interval i) {
            switch (op) {
                case ADD:
                    return move(left, i);
                case SUBTRACT:
                    return move(left, i.negate());
                case MULTIPLY:
                    return Numbers.isNumber(left) ? i.multiply(factor(left)) : null;
                default:
                    return null;
            }
        }
        if (left instanceof Interval i) {
            switch (op) {
                case ADD:
                    return move(right, i);
                case MULTIPLY:
                    return Numbers.isNumber(right) ? i.multiply(factor(right)) : null;
                case DIVIDE:
                    return Numbers.isNumber(right) ? i.divide(factor(right)) : null;
                default:
                    return null;
            }
        }
        if (op == ArithmeticOp.SUBTRACT) {
            if (left instanceof LocalTime a && right instanceof LocalTime b) {
                return Interval.of(0, 0, ChronoUnit.MICROS.between(b, a));
            }
            if (isTimeLine(left) && isTimeLine(right) && !(left instanceof LocalDate && right instanceof LocalDate)) {
                return between(Values.toUtcDateTime(left), Values.toUtcDateTime(right));
            }
        }
        return null;
    }

    private static boolean isTimeLine(Object v) {
        return v instanceof LocalDate || v instanceof LocalDateTime || v instanceof OffsetDateTime;
    }

    private static double factor(Object n) {
        return n instanceof BigDecimal d ? d.doubleValue() : ((Number) n).doubleValue();
    }

    /** A DATE, TIMESTAMP, TIMESTAMP WITH TIME ZONE or TIME moved by {@code i}; null for another class. */
    private static Object move(Object v, Interval i) {
        if (v instanceof LocalDateTime t) {
            return plus(t, i);
        }
        if (v instanceof LocalDate d) {
            return plus(d.atStartOfDay(), i);
        }
        if (v instanceof OffsetDateTime t) {
            return plus(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(), i).atOffset(ZoneOffset.UTC);
        }
        if (v instanceof LocalTime t) {
            long nanos = Math.floorMod(i.micros(), Interval.MICROS_PER_DAY) * 1000L;
            return t.plusNanos(nanos);
        }
        return null;
    }

    /** {@code t + i}: months, then days, then microseconds; 22008 out of range. */
    public static LocalDateTime plus(LocalDateTime t, Interval i) {
        try {
            return t.plusMonths(i.months()).plusDays(i.days()).plus(i.micros(), ChronoUnit.MICROS);
        } catch (DateTimeException | ArithmeticException e) {
            throw new DbException(ErrorCode.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
    }

    /** {@code a - b} as days and time of one sign (PostgreSQL's {@code timestamp_mi}); sub-microseconds dropped. */
    public static Interval between(LocalDateTime a, LocalDateTime b) {
        long micros;
        try {
            micros = ChronoUnit.MICROS.between(b, a);
        } catch (ArithmeticException e) {
            throw Interval.outOfRange();
        }
        return Interval.of(0, 0, micros).justifyHours();
    }

    /**
     * {@code age(a, b)}: the difference in years, months, days and time, field by field, borrowing from the next
     * larger field where one goes negative (a month borrowed is as long as the month of the earlier timestamp),
     * as PostgreSQL's {@code timestamp_age}.
     */
    public static Interval age(LocalDateTime a, LocalDateTime b) {
        boolean flip = a.isBefore(b);
        long usec = a.getNano() / 1000 - b.getNano() / 1000;
        long sec = a.getSecond() - b.getSecond();
        long min = a.getMinute() - b.getMinute();
        long hour = a.getHour() - b.getHour();
        long day = a.getDayOfMonth() - b.getDayOfMonth();
        long mon = a.getMonthValue() - b.getMonthValue();
        long year = (long) a.getYear() - b.getYear();
        if (flip) {
            usec = -usec;
            sec = -sec;
            min = -min;
            hour = -hour;
            day = -day;
            mon = -mon;
            year = -year;
        }
        while (usec < 0) {
            usec += Interval.MICROS_PER_SECOND;
            sec--;
        }
        while (sec < 0) {
            sec += 60;
            min--;
        }
        while (min < 0) {
            min += 60;
            hour--;
        }
        while (hour < 0) {
            hour += 24;
            day--;
        }
        LocalDateTime earlier = flip ? a : b;
        while (day < 0) {
            day += earlier.toLocalDate().lengthOfMonth();
            mon--;
        }
        while (mon < 0) {
            mon += 12;
            year--;
        }
        long months = year * 12 + mon;
        long micros = ((hour * 60 + min) * 60 + sec) * Interval.MICROS_PER_SECOND + usec;
        return flip ? Interval.ofChecked(-months, -day, -micros) : Interval.ofChecked(months, day, micros);
    }
}
