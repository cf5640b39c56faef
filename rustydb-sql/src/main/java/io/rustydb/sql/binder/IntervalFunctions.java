package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.Casts;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.Interval;
import io.rustydb.core.type.IntervalArithmetic;
import io.rustydb.core.type.TypeId;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.Literal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Functions over {@link Interval}s, with PostgreSQL's meaning:
 * <ul>
 *   <li>{@code JUSTIFY_DAYS(i)}, {@code JUSTIFY_HOURS(i)}, {@code JUSTIFY_INTERVAL(i)}: see {@link Interval}.</li>
 *   <li>{@code MAKE_INTERVAL([years [, months [, weeks [, days [, hours [, mins [, secs]]]]]]])}: integers but the
 *       seconds (DOUBLE); 22008 when a field overflows.</li>
 *   <li>{@code AGE(a, b)}: {@code a - b} in years, months and days ({@link IntervalArithmetic#age});
 *       {@code AGE(t)} is {@code AGE(CURRENT_DATE, t)}. Arguments are TIMESTAMPs (a DATE is its midnight, a
 *       TIMESTAMP WITH TIME ZONE its UTC time).</li>
 *   <li>{@code EXTRACT(field FROM i)} (NUMERIC) and {@code DATE_PART('field', i)} (DOUBLE): {@code microseconds},
 *       {@code milliseconds} and {@code second} of the minute (with the fraction), {@code minute}, {@code hour}
 *       (not reduced modulo 24), {@code day}, {@code month} (0..11), {@code quarter}, {@code year},
 *       {@code decade}, {@code century}, {@code millennium}, and {@code epoch}: seconds with a year of 365.25
 *       days and a month of 30. Other fields are 0A000.</li>
 * </ul>
 * A function of the wrong argument type is 42883.
 */
final class IntervalFunctions {
    private static final Set<String> NAMES = Set.of("justify_days", "justify_hours", "justify_interval",
            "make_interval", "age");

    private IntervalFunctions() {
    }

    /** Whether {@code name} (lower case) is one of the functions here. */
    static boolean handles(String name) {
        return NAMES.contains(name);
    }

    /** Resolves a call of one of {@link #handles}' functions. */
    static Expr resolve(String name, List<Expr> args) {
        switch (name) {
            case "justify_days":
            case "justify_hours":
            case "justify_interval": {
                DateTimeFunctions.arity(name, args, 1);
                Expr i = intervalArgument(name, args.get(0));
                return DateTimeFunctions.call(name, List.of(i), DataType.INTERVAL, a -> {
                    Interval v = (Interval) a[0];
                    return name.equals("justify_days") ? v.justifyDays()
                            : name.equals("justify_hours") ? v.justifyHours() : v.justifyInterval();
                });
            }
            case "make_interval":
                return makeInterval(args);
            case "age":
                return age(args);
            default:
                throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name);
        }
    }

    private static Expr makeInterval(List<Expr> args) {
        if (args.size() > 7) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, "make_interval with " + args.size() + " arguments");
        }
        List<Expr> converted = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Expr e = args.get(i);
            if (!e.type().id().isNumeric() && e.type().id() != TypeId.NULL) {
                throw new DbException(ErrorCode.UNDEFINED_FUNCTION, "make_interval(" + e.type().sqlName() + ")");
            }
            converted.add(DateTimeFunctions.convert(e, i == 6 ? DataType.DOUBLE : DataType.INTEGER, "make_interval"));
        }
        return DateTimeFunctions.call("make_interval", converted, DataType.INTERVAL, a -> {
            long[] f = new long[6];
            for (int i = 0; i < Math.min(6, a.length); i++) {
                f[i] = (Integer) a[i];
            }
            double secs = a.length == 7 ? (Double) a[6] : 0;
            try {
                long months = Math.addExact(Math.multiplyExact(f[0], 12), f[1]);
                long days = Math.addExact(Math.multiplyExact(f[2], 7), f[3]);
                double secMicros = Math.rint(secs * Interval.MICROS_PER_SECOND);
                if (Double.isNaN(secMicros) || Math.abs(secMicros) >= 0x1p63) {
                    throw new ArithmeticException();
                }
                long micros = Math.addExact(Math.addExact(Math.multiplyExact(f[4], Interval.MICROS_PER_HOUR),
                        Math.multiplyExact(f[5], Interval.MICROS_PER_MINUTE)), (long) secMicros);
                return Interval.ofChecked(months, days, micros);
            } catch (ArithmeticException e) {
                throw new DbException(ErrorCode.DATETIME_FIELD_OVERFLOW, "interval out of range");
            }
        });
    }

    private static Expr age(List<Expr> args) {
        if (args.isEmpty() || args.size() > 2) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, "age with " + args.size() + " arguments");
        }
        List<Expr> stamps = new ArrayList<>();
        for (Expr e : args) {
            stamps.add(DateTimeFunctions.dateTimeArgument("age", e));
            if (e.type().id() == TypeId.TIME) {
                throw new DbException(ErrorCode.UNDEFINED_FUNCTION, "age(" + e.type().sqlName() + ")");
            }
        }
        if (stamps.size() == 1) {
            return new io.rustydb.sql.expr.FunctionCallExpr("age", stamps, DataType.INTERVAL, true,
                    a -> IntervalArithmetic.age(LocalDate.now().atStartOfDay(), toTimestamp(a[0])));
        }
        return DateTimeFunctions.call("age", stamps, DataType.INTERVAL,
                a -> IntervalArithmetic.age(toTimestamp(a[0]), toTimestamp(a[1])));
    }

    private static LocalDateTime toTimestamp(Object v) {
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return (LocalDateTime) v;
    }

    /** {@code EXTRACT(field FROM interval)}: NUMERIC. */
    static Expr extract(DateTimeFunctions.Field field, Expr source) {
        Expr i = intervalArgument("extract", source);
        checkApplies(field);
        return DateTimeFunctions.call("extract", List.of(i), DataType.DECIMAL, a -> value(field, (Interval) a[0]));
    }

    /** {@code DATE_PART('field', interval)}: DOUBLE PRECISION. */
    static Expr datePart(DateTimeFunctions.Field field, Expr source) {
        Expr i = intervalArgument("date_part", source);
        checkApplies(field);
        return DateTimeFunctions.call("date_part", List.of(i), DataType.DOUBLE,
                a -> value(field, (Interval) a[0]).doubleValue());
    }

    private static void checkApplies(DateTimeFunctions.Field field) {
        switch (field) {
            case MICROSECONDS, MILLISECONDS, SECOND, MINUTE, HOUR, DAY, MONTH, QUARTER, YEAR, DECADE, CENTURY,
                    MILLENNIUM, EPOCH -> {
            }
            default -> throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "unit \"" + field.name().toLowerCase(Locale.ROOT) + "\" for type interval");
        }
    }

    private static BigDecimal value(DateTimeFunctions.Field field, Interval v) {
        long micros = v.micros();
        long ofMinute = micros % Interval.MICROS_PER_MINUTE;
        int years = v.months() / Interval.MONTHS_PER_YEAR;
        return switch (field) {
            case MICROSECONDS -> BigDecimal.valueOf(ofMinute);
            case MILLISECONDS -> BigDecimal.valueOf(ofMinute, 3);
            case SECOND -> BigDecimal.valueOf(ofMinute, 6);
            case MINUTE -> BigDecimal.valueOf(micros % Interval.MICROS_PER_HOUR / Interval.MICROS_PER_MINUTE);
            case HOUR -> BigDecimal.valueOf(micros / Interval.MICROS_PER_HOUR);
            case DAY -> BigDecimal.valueOf(v.days());
            case MONTH -> BigDecimal.valueOf(v.months() % Interval.MONTHS_PER_YEAR);
            case QUARTER -> BigDecimal.valueOf(v.months() % Interval.MONTHS_PER_YEAR / 3 + 1);
            case YEAR -> BigDecimal.valueOf(years);
            case DECADE -> BigDecimal.valueOf(years / 10);
            case CENTURY -> BigDecimal.valueOf(years / 100);
            case MILLENNIUM -> BigDecimal.valueOf(years / 1000);
            case EPOCH -> {
                // a year is 365.25 days: count quarter days so that the sum stays an integer
                long quarterDays = 1461L * years + 120L * (v.months() % Interval.MONTHS_PER_YEAR) + 4L * v.days();
                yield BigDecimal.valueOf(quarterDays * (86_400L / 4)).add(BigDecimal.valueOf(micros, 6));
            }
            default -> throw DbException.internal("not an interval field: " + field);
        };
    }

    /** An INTERVAL argument: an INTERVAL expression, NULL, or an untyped string literal read as one; else 42883. */
    static Expr intervalArgument(String name, Expr e) {
        if (e instanceof io.rustydb.sql.expr.ParameterRef && e.type().id() == TypeId.NULL) {
            return new io.rustydb.sql.expr.CastExpr(e, DataType.INTERVAL); // an untyped parameter: read as one
        }
        if (e.type().id() == TypeId.NULL) {
            return new Literal(null, DataType.INTERVAL);
        }
        if (e instanceof Literal lit && lit.value() instanceof String s) {
            return new Literal(Casts.cast(s, DataType.INTERVAL), DataType.INTERVAL);
        }
        if (e.type().id() != TypeId.INTERVAL) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + "(" + e.type().sqlName() + ")");
        }
        return e;
    }
}
