package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.FunctionCallExpr;
import io.rustydb.sql.expr.Literal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The standard's function calls with keywords between their arguments: {@code SUBSTRING(s FROM start [FOR
 * length])} (the same as {@code SUBSTRING(s, start [, length])}) and {@code POSITION(sub IN s)} (the 1-based code
 * point index of the first {@code sub} in {@code s}, 0 if absent). Others ({@code OVERLAY}, ...) are 0A000.
 */
final class KeywordCalls {
    private KeywordCalls() {
    }

    /**
     * @param keywords the keyword before each argument, lower or upper case ("" before the first)
     * @param args     the bound arguments
     */
    static Expr bind(String name, List<String> keywords, List<Expr> args) {
        String shape = name + "(" + String.join(" ", keywords).trim().toLowerCase(Locale.ROOT) + ")";
        switch (shape) {
            case "substring(from)":
            case "substring(from for)":
                return ScalarFunctions.resolve("substring", args);
            case "position(in)":
                return position(args.get(0), args.get(1));
            default:
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, shape.replace("(", " with ").replace(")", ""));
        }
    }

    private static Expr position(Expr needle, Expr haystack) {
        for (Expr e : List.of(needle, haystack)) {
            if (!e.type().id().isString() && e.type().id() != TypeId.NULL) {
                throw new DbException(ErrorCode.UNDEFINED_FUNCTION, "position(" + e.type().sqlName() + ")");
            }
        }
        List<Expr> args = new ArrayList<>(List.of(needle, haystack));
        FunctionCallExpr call = new FunctionCallExpr("position", args, DataType.INTEGER, true, a -> {
            String s = (String) a[1];
            int at = s.indexOf((String) a[0]);
            return at < 0 ? 0 : s.codePointCount(0, at) + 1;
        });
        if (needle instanceof Literal && haystack instanceof Literal) {
            return new Literal(call.eval(null, 0, null), DataType.INTEGER);
        }
        return call;
    }
}
