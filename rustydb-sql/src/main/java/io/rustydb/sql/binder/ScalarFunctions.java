package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.Arithmetic;
import io.rustydb.core.type.ArithmeticOp;
import io.rustydb.core.type.Casts;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;
import io.rustydb.core.type.TypeRules;
import io.rustydb.core.type.Values;
import io.rustydb.sql.expr.CastExpr;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.FunctionCallExpr;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scalar function library: resolves a call by name and argument types (converting arguments where the
 * function needs it) and returns a typed {@link FunctionCallExpr}; 42883 names a call that matches nothing.
 * Strings: UPPER, LOWER, LENGTH/CHAR_LENGTH, SUBSTR/SUBSTRING, TRIM/LTRIM/RTRIM, CONCAT, REPLACE, LEFT, RIGHT.
 * Math: ABS, ROUND, CEIL/CEILING, FLOOR, MOD, POWER, SQRT, SIGN. Conditionals: COALESCE, NULLIF, GREATEST,
 * LEAST, NVL, NVL2. Time: CURRENT_DATE, CURRENT_TIMESTAMP, NOW, LOCALTIMESTAMP. More string functions are in
 * {@link StringFunctions}, regular expressions in {@link RegexFunctions}, dates in {@link DateTimeFunctions}.
 */
final class ScalarFunctions {
    private ScalarFunctions() {
    }

    static Expr resolve(String name, List<Expr> args) {
        switch (name) {
            case "upper":
                return string1(name, args, s -> s.toUpperCase(Locale.ROOT));
            case "lower":
                return string1(name, args, s -> s.toLowerCase(Locale.ROOT));
            case "length":
            case "char_length":
            case "character_length":
                arity(name, args, 1, 1);
                requireString(name, args.get(0));
                return call(name, args, DataType.INTEGER, true, a -> ((String) a[0]).codePointCount(0, ((String) a[0]).length()));
            case "trim":
            case "btrim":
                return string1(name, args, ScalarFunctions::trimBlanks);
            case "ltrim":
                return string1(name, args, s -> s.replaceAll("^ +", ""));
            case "rtrim":
                return string1(name, args, s -> s.replaceAll(" +$", ""));
            case "substr":
            case "substring":
                return substring(name, args);
            case "left":
            case "right": {
                arity(name, args, 2, 2);
                requireString(name, args.get(0));
                List<Expr> converted = List.of(args.get(0), toType(args.get(1), DataType.INTEGER, name));
                boolean left = name.equals("left");
                return call(name, converted, DataType.VARCHAR, true, a -> {
                    String s = (String) a[0];
                    int n = (Integer) a[1];
                    int len = s.length();
                    int k = n >= 0 ? Math.min(n, len) : Math.max(0, len + n);
                    return left ? s.substring(0, k) : s.substring(len - k);
                });
            }
            case "concat": {
                List<Expr> strings = new ArrayList<>();
                for (Expr e : args) {
                    strings.add(toType(e, DataType.VARCHAR, name));
                }
                return call(name, strings, DataType.VARCHAR, false, a -> {
                    StringBuilder sb = new StringBuilder();
                    for (Object o : a) {
                        if (o != null) {
                            sb.append(o);
                        }
                    }
                    return sb.toString();
                });
            }
            case "replace": {
                arity(name, args, 3, 3);
                List<Expr> strings = List.of(toType(args.get(0), DataType.VARCHAR, name),
                        toType(args.get(1), DataType.VARCHAR, name), toType(args.get(2), DataType.VARCHAR, name));
                return call(name, strings, DataType.VARCHAR, true,
                        a -> ((String) a[1]).isEmpty() ? a[0] : ((String) a[0]).replace((String) a[1], (String) a[2]));
            }
            case "abs":
                arity(name, args, 1, 1);
                requireNumeric(name, args.get(0));
                return call(name, args, args.get(0).type(), true,
                        a -> Values.compare(a[0], 0) < 0 ? Arithmetic.negate(a[0]) : a[0]);
            case "sign":
                arity(name, args, 1, 1);
                requireNumeric(name, args.get(0));
                return call(name, args, DataType.INTEGER, true, a -> Integer.signum(Values.compare(a[0], 0)));
            case "round":
                return round(name, args);
            case "ceil":
            case "ceiling":
            case "floor": {
                arity(name, args, 1, 1);
                requireNumeric(name, args.get(0));
                RoundingMode mode = name.equals("floor") ? RoundingMode.FLOOR : RoundingMode.CEILING;
                DataType t = args.get(0).type();
                if (t.id().isApproximateNumeric()) {
                    return call(name, List.of(toType(args.get(0), DataType.DOUBLE, name)), DataType.DOUBLE, true,
                            a -> mode == RoundingMode.FLOOR ? Math.floor((Double) a[0]) : Math.ceil((Double) a[0]));
                }
                if (t.id() == TypeId.DECIMAL) {
                    return call(name, args, DataType.DECIMAL, true, a -> ((BigDecimal) a[0]).setScale(0, mode));
                }
                return call(name, args, t, true, a -> a[0]);
            }
            case "mod": {
                arity(name, args, 2, 2);
                DataType t = Arithmetic.resultType(ArithmeticOp.MODULO, args.get(0).type(), args.get(1).type());
                return call(name, args, t, true, a -> Arithmetic.apply(ArithmeticOp.MODULO, a[0], a[1], t));
            }
            case "power":
            case "pow":
            case "sqrt": {
                arity(name, args, name.equals("sqrt") ? 1 : 2, name.equals("sqrt") ? 1 : 2);
                List<Expr> doubles = new ArrayList<>();
                for (Expr e : args) {
                    requireNumeric(name, e);
                    doubles.add(toType(e, DataType.DOUBLE, name));
                }
                boolean sqrt = name.equals("sqrt");
                return call(name, doubles, DataType.DOUBLE, true, a -> {
                    double r = sqrt ? Math.sqrt((Double) a[0]) : Math.pow((Double) a[0], (Double) a[1]);
                    if (Double.isNaN(r) && !Double.isNaN((Double) a[0])) {
                        throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid argument for " + name);
                    }
                    return r;
                });
            }
            case "coalesce":
            case "nvl": {
                if (name.equals("nvl")) {
                    arity(name, args, 2, 2);
                } else {
                    arity(name, args, 1, Integer.MAX_VALUE);
                }
                List<Expr> unified = unify(name, args);
                return call(name, unified, unified.get(0).type(), false, a -> {
                    for (Object o : a) {
                        if (o != null) {
                            return o;
                        }
                    }
                    return null;
                });
            }
            case "nvl2": {
                arity(name, args, 3, 3);
                List<Expr> results = unify(name, List.of(args.get(1), args.get(2)));
                List<Expr> all = List.of(args.get(0), results.get(0), results.get(1));
                return call(name, all, results.get(0).type(), false, a -> a[0] != null ? a[1] : a[2]);
            }
            case "nullif": {
                arity(name, args, 2, 2);
                List<Expr> unified = unify(name, args);
                return call(name, unified, unified.get(0).type(), false,
                        a -> a[0] != null && a[1] != null && Values.compare(a[0], a[1]) == 0 ? null : a[0]);
            }
            case "greatest":
            case "least": {
                arity(name, args, 1, Integer.MAX_VALUE);
                List<Expr> unified = unify(name, args);
                boolean greatest = name.equals("greatest");
                return call(name, unified, unified.get(0).type(), false, a -> {
                    Object best = null;
                    for (Object o : a) {
                        if (o != null && (best == null || (greatest ? Values.compare(o, best) > 0 : Values.compare(o, best) < 0))) {
                            best = o;
                        }
                    }
                    return best;
                });
            }
            case "now":
            case "current_timestamp":
                arity(name, args, 0, 0);
                return call(name, args, DataType.TIMESTAMP_TZ, false, a -> OffsetDateTime.now(ZoneOffset.UTC));
            case "localtimestamp":
                arity(name, args, 0, 0);
                return call(name, args, DataType.TIMESTAMP, false, a -> LocalDateTime.now());
            case "current_date":
                arity(name, args, 0, 0);
                return call(name, args, DataType.DATE, false, a -> LocalDate.now());
            default:
                throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + "(" + typeNames(args) + ")");
        }
    }

    /** {@code a || b}: NULL when either side is NULL (unlike CONCAT, which skips NULLs). */
    static Expr concatOperator(Expr left, Expr right) {
        List<Expr> strings = List.of(toType(left, DataType.VARCHAR, "||"), toType(right, DataType.VARCHAR, "||"));
        return call("||", strings, DataType.VARCHAR, true, a -> (String) a[0] + a[1]);
    }

    private static Expr string1(String name, List<Expr> args, java.util.function.UnaryOperator<String> f) {
        arity(name, args, 1, 1);
        requireString(name, args.get(0));
        return call(name, args, DataType.VARCHAR, true, a -> f.apply((String) a[0]));
    }

    private static String trimBlanks(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    /** SUBSTR(s, start [, length]) with 1-based start, as SQL counts (start before 1 eats into the length). */
    private static Expr substring(String name, List<Expr> args) {
        arity(name, args, 2, 3);
        requireString(name, args.get(0));
        List<Expr> converted = new ArrayList<>();
        converted.add(args.get(0));
        for (int i = 1; i < args.size(); i++) {
            converted.add(toType(args.get(i), DataType.INTEGER, name));
        }
        return call(name, converted, DataType.VARCHAR, true, a -> {
            String s = (String) a[0];
            int[] cps = s.codePoints().toArray();
            long start = (Integer) a[1];
            long end = a.length > 2 ? start + (Integer) a[2] : Long.MAX_VALUE;
            if (a.length > 2 && (Integer) a[2] < 0) {
                throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "negative substring length not allowed");
            }
            int from = (int) Math.max(1, start) - 1;
            int to = (int) Math.min(cps.length, Math.max(0, end - 1));
            return from >= to ? "" : new String(cps, from, to - from);
        });
    }

    private static Expr round(String name, List<Expr> args) {
        arity(name, args, 1, 2);
        requireNumeric(name, args.get(0));
        Expr value = args.get(0);
        Expr places = args.size() > 1 ? toType(args.get(1), DataType.INTEGER, name) : null;
        if (value.type().id().isApproximateNumeric()) {
            List<Expr> list = places == null ? List.of(toType(value, DataType.DOUBLE, name))
                    : List.of(toType(value, DataType.DOUBLE, name), places);
            return call(name, list, DataType.DOUBLE, true, a -> {
                int n = a.length > 1 ? (Integer) a[1] : 0;
                return new BigDecimal((Double) a[0]).setScale(n, RoundingMode.HALF_EVEN).doubleValue();
            });
        }
        Expr decimal = toType(value, DataType.DECIMAL, name);
        List<Expr> list = places == null ? List.of(decimal) : List.of(decimal, places);
        return call(name, list, DataType.DECIMAL, true, a -> {
            int n = a.length > 1 ? (Integer) a[1] : 0;
            BigDecimal r = ((BigDecimal) a[0]).setScale(n, RoundingMode.HALF_UP);
            return n < 0 ? r.setScale(0, RoundingMode.UNNECESSARY) : r;
        });
    }

    /** The arguments converted to their common type (42804 if they have none). */
    private static List<Expr> unify(String name, List<Expr> args) {
        DataType common = DataType.NULL;
        for (Expr e : args) {
            common = TypeRules.commonType(common, e.type());
        }
        if (common.equals(DataType.NULL)) {
            common = DataType.VARCHAR;
        }
        List<Expr> result = new ArrayList<>();
        for (Expr e : args) {
            result.add(toType(e, common, name));
        }
        return result;
    }

    static Expr toType(Expr e, DataType type, String function) {
        if (e.type().equals(type) || e.type().id() == TypeId.NULL && !(e instanceof io.rustydb.sql.expr.ParameterRef)) {
            return e.type().id() == TypeId.NULL ? new io.rustydb.sql.expr.Literal(null, type) : e;
        }
        if (e instanceof io.rustydb.sql.expr.Literal lit) {
            return new io.rustydb.sql.expr.Literal(Casts.cast(lit.value(), type), type);
        }
        if (!Casts.canCast(e.type(), type)) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, function + " with an argument of type " + e.type().sqlName());
        }
        return new CastExpr(e, type);
    }

    static Expr call(String name, List<Expr> args, DataType type, boolean strict,
                             FunctionCallExpr.Implementation impl) {
        boolean constant = !name.equals("now") && !name.equals("current_timestamp") && !name.equals("current_date")
                && !name.equals("localtimestamp");
        for (Expr e : args) {
            constant &= e instanceof io.rustydb.sql.expr.Literal;
        }
        FunctionCallExpr call = new FunctionCallExpr(name, args, type, strict, impl);
        if (constant) {
            return new io.rustydb.sql.expr.Literal(call.eval(null, 0, null), type);
        }
        return call;
    }

    static void arity(String name, List<Expr> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + "(" + typeNames(args) + ")");
        }
    }

    private static void requireString(String name, Expr e) {
        if (!e.type().id().isString() && e.type().id() != TypeId.NULL) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + "(" + e.type().sqlName() + ")");
        }
    }

    private static void requireNumeric(String name, Expr e) {
        if (!e.type().id().isNumeric() && e.type().id() != TypeId.NULL) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + "(" + e.type().sqlName() + ")");
        }
    }

    private static String typeNames(List<Expr> args) {
        List<String> names = new ArrayList<>();
        for (Expr e : args) {
            names.add(e.type().sqlName());
        }
        return String.join(", ", names);
    }
}
