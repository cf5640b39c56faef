package io.rustydb.sql.expr;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;
import java.util.regex.Pattern;

/**
 * {@code operand [NOT] LIKE|ILIKE pattern}: {@code %} matches any run of characters, {@code _} one character,
 * and a backslash escapes the next character (PostgreSQL's default escape).
 */
public record LikeExpr(Expr operand, Expr pattern, boolean negated, boolean caseInsensitive) implements Expr {
    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        Object v = operand.eval(batch, row, context);
        Object p = pattern.eval(batch, row, context);
        if (v == null || p == null) {
            return null;
        }
        boolean matches = toRegex((String) p, caseInsensitive).matcher((String) v).matches();
        return matches != negated;
    }

    /** Translates a LIKE pattern into an anchored regular expression. */
    static Pattern toRegex(String like, boolean caseInsensitive) {
        StringBuilder regex = new StringBuilder(like.length() + 8);
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = Pattern.DOTALL | (caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags);
    }
}
