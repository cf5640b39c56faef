package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.Literal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Conversions through templates, with PostgreSQL's meaning:
 * <ul>
 *   <li>{@code TO_CHAR(timestamp | timestamptz | date, template)}: {@link DateTimeTemplate};
 *       {@code TO_CHAR(number, template)}: {@link NumberTemplate}.</li>
 *   <li>{@code TO_DATE(text, template)}: DATE; {@code TO_TIMESTAMP(text, template)}: TIMESTAMP WITH TIME ZONE
 *       (read in UTC, the session time zone); {@code TO_TIMESTAMP(seconds)}: the instant that many seconds after
 *       1970-01-01 00:00 UTC.</li>
 * </ul>
 * A constant template is compiled once, when the call is bound. Wrong argument types are 42883.
 */
final class FormattingFunctions {
    private FormattingFunctions() {
    }

    /** Whether {@code name} (lower case) is one of the functions here. */
    static boolean handles(String name) {
        return name.equals("to_char") || name.equals("to_date") || name.equals("to_timestamp");
    }

    /** Resolves a call of one of {@link #handles}' functions. */
    static Expr resolve(String name, List<Expr> args) {
        if (name.equals("to_timestamp") && args.size() == 1) {
            Expr seconds = args.get(0);
            if (!seconds.type().id().isNumeric() && seconds.type().id() != TypeId.NULL) {
                throw new DbException(ErrorCode.UNDEFINED_FUNCTION, "to_timestamp(" + seconds.type().sqlName() + ")");
            }
            return DateTimeFunctions.call(name, List.of(DateTimeFunctions.convert(seconds, DataType.DECIMAL, name)),
                    DataType.TIMESTAMP_TZ, a -> fromEpoch((BigDecimal) a[0]));
        }
        DateTimeFunctions.arity(name, args, 2);
        Expr template = text(name, args.get(1));
        switch (name) {
            case "to_char": {
                Expr source = args.get(0);
                TypeId t = source.type().id();
                if (t.isNumeric()) {
                    Function<Object, NumberTemplate> compile = cached(template, NumberTemplate::compile);
                    return DateTimeFunctions.call(name, List.of(DateTimeFunctions.convert(source, DataType.DECIMAL, name),
                            template), DataType.VARCHAR, a -> compile.apply(a[1]).format((BigDecimal) a[0]));
                }
                if (t == TypeId.INTERVAL || t == TypeId.TIME) {
                    throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "to_char(" + source.type().sqlName() + ")");
                }
                Expr stamp = DateTimeFunctions.dateTimeArgument(name, source);
                Function<Object, DateTimeTemplate> compile = cached(template, DateTimeTemplate::compile);
                return DateTimeFunctions.call(name, List.of(stamp, template), DataType.VARCHAR,
                        a -> compile.apply(a[1]).format(toLocal(a[0]), a[0] instanceof OffsetDateTime));
            }
            case "to_date":
            case "to_timestamp": {
                Expr input = text(name, args.get(0));
                Function<Object, DateTimeTemplate> compile = cached(template, DateTimeTemplate::compile);
                boolean date = name.equals("to_date");
                return DateTimeFunctions.call(name, List.of(input, template), date ? DataType.DATE : DataType.TIMESTAMP_TZ,
                        a -> {
                            LocalDateTime t = compile.apply(a[1]).parse((String) a[0]);
                            return date ? t.toLocalDate() : t.atOffset(ZoneOffset.UTC);
                        });
            }
            default:
                throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name);
        }
    }

    /** Compiles a constant template once; a template from a column or parameter is compiled per value. */
    private static <T> Function<Object, T> cached(Expr template, Function<String, T> compile) {
        if (template instanceof Literal lit && lit.value() instanceof String s) {
            T compiled = compile.apply(s);
            return ignored -> compiled;
        }
        return v -> compile.apply((String) v);
    }

    private static Expr text(String name, Expr e) {
        if (e instanceof io.rustydb.sql.expr.ParameterRef && e.type().id() == TypeId.NULL) {
            return new io.rustydb.sql.expr.CastExpr(e, DataType.VARCHAR); // an untyped parameter: read as text
        }
        if (e.type().id() == TypeId.NULL) {
            return new Literal(null, DataType.VARCHAR);
        }
        if (!e.type().id().isString()) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + " with an argument of type " + e.type().sqlName());
        }
        return e;
    }

    private static LocalDateTime toLocal(Object v) {
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return (LocalDateTime) v;
    }

    private static OffsetDateTime fromEpoch(BigDecimal seconds) {
        try {
            BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
            long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, java.math.RoundingMode.HALF_UP)
                    .longValueExact();
            return OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(whole.longValueExact(), nanos),
                    ZoneOffset.UTC);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new DbException(ErrorCode.DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"" + seconds + "\"");
        }
    }
}
