package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.Casts;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.FunctionCallExpr;
import io.rustydb.sql.expr.Literal;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The date/time function library, with PostgreSQL's meaning:
 * <ul>
 *   <li>{@code EXTRACT(field FROM source)}: NUMERIC (as PostgreSQL 14+), for DATE, TIME, TIMESTAMP and TIMESTAMP WITH
 *       TIME ZONE sources. Fields: {@code millennium century decade year isoyear quarter month week day dow isodow
 *       doy hour minute second milliseconds microseconds epoch timezone timezone_hour timezone_minute} (plural and
 *       a few abbreviated spellings accepted). {@code second} keeps the fraction (scale 6); a field the source
 *       does not have (the hour of a DATE, the year of a TIME) is 0A000; an unknown field 22023.</li>
 *   <li>{@code DATE_PART('field', source)}: the same value as DOUBLE PRECISION.</li>
 *   <li>{@code DATE_TRUNC('field', source)}: the source cut down to {@code microseconds ... millennium} ({@code week}
 *       starts on Monday). A TIMESTAMP [WITH TIME ZONE] keeps its type; a DATE becomes a TIMESTAMP.</li>
 *   <li>{@code MAKE_DATE(year, month, day)}, {@code MAKE_TIMESTAMP(year, month, day, hour, minute, second)}: 22008 for
 *       a date or time that does not exist.</li>
 * </ul>
 * EXTRACT and DATE_PART of an INTERVAL are {@link IntervalFunctions}' (a hook at the top of each).
 * Values WITH TIME ZONE are held normalized to UTC, so their fields are UTC fields (timezone is 0).
 */
final class DateTimeFunctions {
    private static final Set<String> NAMES = Set.of("date_part", "datepart", "date_trunc", "make_date",
            "make_timestamp");

    private DateTimeFunctions() {
    }

    /** Whether {@code name} (lower case) is one of the functions here. */
    static boolean handles(String name) {
        return NAMES.contains(name);
    }

    /** Resolves a call of one of {@link #handles}' functions. */
    static Expr resolve(String name, List<Expr> args) {
        switch (name) {
            case "date_part":
            case "datepart": {
                arity(name, args, 2);
                Field field = Field.of(constantText(name, args.get(0)));
                if (args.get(1).type().id() == TypeId.INTERVAL) {
                    return IntervalFunctions.datePart(field, args.get(1));
                }
                Expr source = dateTimeArgument(name, args.get(1));
                field.checkApplies(source.type());
                return call(name, List.of(source), DataType.DOUBLE, a -> field.value(a[0]).doubleValue());
            }
            case "date_trunc": {
                arity(name, args, 2);
                Truncation unit = Truncation.of(constantText(name, args.get(0)));
                Expr source = dateTimeArgument(name, args.get(1));
                if (source.type().id() == TypeId.TIME) {
                    throw new DbException(ErrorCode.UNDEFINED_FUNCTION, "date_trunc(" + source.type().sqlName() + ")");
                }
                DataType type = source.type().id() == TypeId.TIMESTAMP_TZ ? DataType.TIMESTAMP_TZ : DataType.TIMESTAMP;
                return call(name, List.of(source), type, a -> unit.apply(a[0]));
            }
            case "make_date": {
                arity(name, args, 3);
                return call(name, integers(name, args), DataType.DATE,
                        a -> date((Integer) a[0], (Integer) a[1], (Integer) a[2]));
            }
            case "make_timestamp": {
                arity(name, args, 6);
                List<Expr> converted = new java.util.ArrayList<>(integers(name, args.subList(0, 5)));
                converted.add(convert(args.get(5), DataType.DOUBLE, name));
                return call(name, converted, DataType.TIMESTAMP, a -> {
                    double seconds = (Double) a[5];
                    long nanos = Math.round(seconds * 1e9);
                    if (seconds < 0 || nanos >= 60_000_000_000L) {
                        throw new DbException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                                "time field value out of range: " + a[3] + ":" + a[4] + ":" + seconds);
                    }
                    try {
                        LocalTime time = LocalTime.of((Integer) a[3], (Integer) a[4]).plusNanos(nanos);
                        return LocalDateTime.of(date((Integer) a[0], (Integer) a[1], (Integer) a[2]), time);
                    } catch (java.time.DateTimeException e) {
                        throw new DbException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                                "time field value out of range: " + a[3] + ":" + a[4] + ":" + seconds);
                    }
                });
            }
            default:
                throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name);
        }
    }

    /** {@code EXTRACT(field FROM source)}. */
    static Expr extract(String fieldName, Expr source) {
        Field field = Field.of(fieldName);
        if (source.type().id() == TypeId.INTERVAL) {
            return IntervalFunctions.extract(field, source);
        }
        Expr value = dateTimeArgument("extract", source);
        field.checkApplies(value.type());
        return call("extract", List.of(value), DataType.DECIMAL, a -> field.value(a[0]));
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year < 0 ? year + 1 : year, month, day); // PostgreSQL's year -1 is 1 BC, ISO year 0
        } catch (java.time.DateTimeException e) {
            throw new DbException(ErrorCode.DATETIME_FIELD_OVERFLOW,
                    "date field value out of range: " + year + "-" + month + "-" + day);
        }
    }

    /** The fields EXTRACT and DATE_PART know, and how each is computed. */
    enum Field {
        MILLENNIUM(true, false), CENTURY(true, false), DECADE(true, false), YEAR(true, false),
        ISOYEAR(true, false), QUARTER(true, false), MONTH(true, false), WEEK(true, false), DAY(true, false),
        DOW(true, false), ISODOW(true, false), DOY(true, false),
        HOUR(false, true), MINUTE(false, true), SECOND(false, true), MILLISECONDS(false, true),
        MICROSECONDS(false, true), EPOCH(true, true), TIMEZONE(false, false), TIMEZONE_HOUR(false, false),
        TIMEZONE_MINUTE(false, false);

        /** Whether a DATE (and TIMESTAMPs) have it; whether a TIME (and TIMESTAMPs) have it. */
        private final boolean dateField;
        private final boolean timeField;

        Field(boolean dateField, boolean timeField) {
            this.dateField = dateField;
            this.timeField = timeField;
        }

        static Field of(String text) {
            String name = text.trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "millennia": case "millenniums": case "mil": case "mils": return MILLENNIUM;
                case "centuries": case "c": return CENTURY;
                case "decades": case "dec": case "decs": return DECADE;
                case "years": case "y": case "yr": case "yrs": return YEAR;
                case "quarters": case "qtr": return QUARTER;
                case "months": case "mon": case "mons": return MONTH;
                case "weeks": case "w": return WEEK;
                case "days": case "d": return DAY;
                case "hours": case "h": case "hr": case "hrs": return HOUR;
                case "minutes": case "m": case "min": case "mins": return MINUTE;
                case "seconds": case "s": case "sec": case "secs": return SECOND;
                case "millisecond": case "ms": case "msec": case "msecs": case "milliseconds": return MILLISECONDS;
                case "microsecond": case "us": case "usec": case "usecs": case "microseconds": return MICROSECONDS;
                default:
                    for (Field f : values()) {
                        if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
                            return f;
                        }
                    }
                    throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "unit \"" + text + "\" not recognized");
            }
        }

        /** 0A000 when {@code source} has no such field (the hour of a DATE, the year of a TIME). */
        void checkApplies(DataType source) {
            boolean ok = switch (source.id()) {
                case DATE -> dateField;
                case TIME -> timeField;
                case TIMESTAMP -> dateField || timeField;
                default -> true; // TIMESTAMP WITH TIME ZONE has every field
            };
            if (!ok) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "unit \"" + name().toLowerCase(Locale.ROOT)
                        + "\" for type " + source.sqlName());
            }
        }

        BigDecimal value(Object v) {
            if (v instanceof LocalDate d) {
                return this == EPOCH ? BigDecimal.valueOf(d.toEpochDay() * 86_400L) : dateValue(d);
            }
            if (v instanceof LocalTime t) {
                return timeValue(t, BigDecimal.valueOf(t.toNanoOfDay(), 9).setScale(6, java.math.RoundingMode.DOWN));
            }
            LocalDateTime ts = v instanceof OffsetDateTime o ? o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                    : (LocalDateTime) v;
            if (this == EPOCH) {
                long seconds = ts.toEpochSecond(ZoneOffset.UTC);
                return BigDecimal.valueOf(seconds).add(BigDecimal.valueOf(ts.getNano() / 1000, 6));
            }
            if (this == TIMEZONE || this == TIMEZONE_HOUR || this == TIMEZONE_MINUTE) {
                return BigDecimal.ZERO;
            }
            return dateField ? dateValue(ts.toLocalDate()) : timeValue(ts.toLocalTime(), null);
        }

        private BigDecimal dateValue(LocalDate d) {
            int year = d.getYear() <= 0 ? d.getYear() - 1 : d.getYear(); // no year 0: 1 BC is -1
            long value = switch (this) {
                case MILLENNIUM -> year > 0 ? (year + 999) / 1000 : -((999 - year) / 1000);
                case CENTURY -> year > 0 ? (year + 99) / 100 : -((99 - year) / 100);
                case DECADE -> Math.floorDiv(d.getYear(), 10);
                case YEAR -> year;
                case ISOYEAR -> d.get(IsoFields.WEEK_BASED_YEAR);
                case QUARTER -> (d.getMonthValue() - 1) / 3 + 1;
                case MONTH -> d.getMonthValue();
                case WEEK -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                case DAY -> d.getDayOfMonth();
                case DOW -> d.getDayOfWeek().getValue() % 7;
                case ISODOW -> d.getDayOfWeek().getValue();
                case DOY -> d.getDayOfYear();
                default -> throw DbException.internal("not a date field: " + this);
            };
            return BigDecimal.valueOf(value);
        }

        private BigDecimal timeValue(LocalTime t, BigDecimal epochOfDay) {
            BigDecimal micros = BigDecimal.valueOf(t.getSecond() * 1_000_000L + t.getNano() / 1000);
            return switch (this) {
                case HOUR -> BigDecimal.valueOf(t.getHour());
                case MINUTE -> BigDecimal.valueOf(t.getMinute());
                case SECOND -> micros.movePointLeft(6).setScale(6);
                case MILLISECONDS -> micros.movePointLeft(3).setScale(3);
                case MICROSECONDS -> micros;
                case EPOCH -> epochOfDay;
                default -> BigDecimal.ZERO; // time zone fields of a value without a zone are never reached
            };
        }
    }

    /** The units DATE_TRUNC knows. */
    private enum Truncation {
        MICROSECONDS, MILLISECONDS, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR, DECADE, CENTURY,
        MILLENNIUM;

        static Truncation of(String text) {
            Field f = Field.of(text);
            try {
                return valueOf(f.name());
            } catch (IllegalArgumentException e) {
                throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "unit \"" + text + "\" not supported by date_trunc");
            }
        }

        Object apply(Object v) {
            if (v instanceof OffsetDateTime o) {
                return truncate(o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()).atOffset(ZoneOffset.UTC);
            }
            return truncate(v instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) v);
        }

        private LocalDateTime truncate(LocalDateTime t) {
            LocalDate d = t.toLocalDate();
            return switch (this) {
                case MICROSECONDS -> t.truncatedTo(ChronoUnit.MICROS);
                case MILLISECONDS -> t.truncatedTo(ChronoUnit.MILLIS);
                case SECOND -> t.truncatedTo(ChronoUnit.SECONDS);
                case MINUTE -> t.truncatedTo(ChronoUnit.MINUTES);
                case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
                case DAY -> d.atStartOfDay();
                case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
                case MONTH -> d.withDayOfMonth(1).atStartOfDay();
                case QUARTER -> d.withDayOfMonth(1).withMonth((d.getMonthValue() - 1) / 3 * 3 + 1).atStartOfDay();
                case YEAR -> d.withDayOfYear(1).atStartOfDay();
                case DECADE -> LocalDate.of(Math.floorDiv(d.getYear(), 10) * 10, 1, 1).atStartOfDay();
                case CENTURY -> LocalDate.of(firstYear(d.getYear(), 100), 1, 1).atStartOfDay();
                case MILLENNIUM -> LocalDate.of(firstYear(d.getYear(), 1000), 1, 1).atStartOfDay();
            };
        }

        /** The first year of the century/millennium (of {@code span} years) holding ISO year {@code year > 0}. */
        private static int firstYear(int year, int span) {
            return year > 0 ? (year - 1) / span * span + 1 : -((-year) / span * span) - span + 1;
        }
    }

    static Expr dateTimeArgument(String name, Expr e) {
        if (e.type().id() == TypeId.NULL) {
            return new Literal(null, DataType.TIMESTAMP);
        }
        if (e instanceof Literal lit && lit.value() instanceof String s) {
            return new Literal(Casts.cast(s, DataType.TIMESTAMP), DataType.TIMESTAMP); // an untyped literal
        }
        if (!e.type().id().isDateTime()) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + "(" + e.type().sqlName() + ")");
        }
        return e;
    }

    static String constantText(String name, Expr e) {
        if (e instanceof Literal lit && lit.value() instanceof String s) {
            return s;
        }
        throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, name + " with a unit that is not a string constant");
    }

    private static List<Expr> integers(String name, List<Expr> args) {
        List<Expr> out = new java.util.ArrayList<>();
        for (Expr e : args) {
            if (!e.type().id().isNumeric() && e.type().id() != TypeId.NULL) {
                throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + "(" + e.type().sqlName() + ")");
            }
            out.add(convert(e, DataType.INTEGER, name));
        }
        return out;
    }

    static Expr convert(Expr e, DataType type, String name) {
        if (e.type().equals(type)) {
            return e;
        }
        if (e instanceof Literal lit) {
            return new Literal(Casts.cast(lit.value(), type), type);
        }
        if (!Casts.canCast(e.type(), type)) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + " with an argument of type " + e.type().sqlName());
        }
        return new io.rustydb.sql.expr.CastExpr(e, type);
    }

    static void arity(String name, List<Expr> args, int n) {
        if (args.size() != n) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + " with " + args.size() + " arguments");
        }
    }

    /** A strict call, folded to a literal when every argument is one. */
    static Expr call(String name, List<Expr> args, DataType type, FunctionCallExpr.Implementation impl) {
        FunctionCallExpr call = new FunctionCallExpr(name, args, type, true, impl);
        if (args.stream().allMatch(a -> a instanceof Literal)) {
            return new Literal(call.eval(null, 0, null), type);
        }
        return call;
    }
}
