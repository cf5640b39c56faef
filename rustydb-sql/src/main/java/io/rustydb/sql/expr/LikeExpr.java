package io.rustydb.sql.expr;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;
import java.util.regex.Pattern;

/**
 * {@code operand [NOT] LIKE|ILIKE pattern [ESCAPE escape]}: {@code %} matches any run of characters, {@code _} one
 * character, and the escape character (a backslash unless ESCAPE names another; {@code ESCAPE ''} means none) makes
 * the next character literal. As in PostgreSQL, an escape string longer than one character, or a pattern that ends
 * with the escape character, is 22025.
 *
 * @param escape the ESCAPE expression, or null for the default backslash
 */
public record LikeExpr(Expr operand, Expr pattern, Expr escape, boolean negated, boolean caseInsensitive)
        implements Expr {
    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        Object v = operand.eval(batch, row, context);
        Object p = pattern.eval(batch, row, context);
        Object e = escape == null ? "\\" : escape.eval(batch, row, context);
        if (v == null || p == null || e == null) {
            return null;
        }
        boolean matches = compiled((String) p, escapeChar((String) e), caseInsensitive).matcher((String) v).matches();
        return matches != negated;
    }

    /** A pattern, its escape character and case rule: the key of a compiled regular expression. */
    private record PatternKey(String like, int escape, boolean caseInsensitive) {
    }

    /**
     * Compiled patterns, shared by all LIKE expressions (the pattern is usually a constant or a parameter, so one
     * compilation serves every row), bounded so that patterns computed per row cannot grow it without limit.
     */
    private static final com.github.benmanes.caffeine.cache.Cache<PatternKey, Pattern> COMPILED =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(4096).build();

    private static Pattern compiled(String like, int escape, boolean caseInsensitive) {
        return COMPILED.get(new PatternKey(like, escape, caseInsensitive),
                k -> toRegex(k.like(), k.escape(), k.caseInsensitive()));
    }

    /** The escape character of an ESCAPE string: its only character, or -1 for the empty string (no escape). */
    static int escapeChar(String escape) {
        if (escape.isEmpty()) {
            return -1;
        }
        if (escape.codePointCount(0, escape.length()) != 1) {
            throw new DbException(ErrorCode.INVALID_ESCAPE_SEQUENCE, "invalid escape string: must be empty or one character");
        }
        return escape.codePointAt(0);
    }

    /** Translates a LIKE pattern into an anchored regular expression ({@code escape} -1: none). */
    static Pattern toRegex(String like, int escape, boolean caseInsensitive) {
        StringBuilder regex = new StringBuilder(like.length() + 8);
        for (int i = 0; i < like.length(); ) {
            int c = like.codePointAt(i);
            i += Character.charCount(c);
            if (c == escape) {
                if (i >= like.length()) {
                    throw new DbException(ErrorCode.INVALID_ESCAPE_SEQUENCE,
                            "LIKE pattern must not end with escape character");
                }
                int next = like.codePointAt(i);
                i += Character.charCount(next);
                regex.append(Pattern.quote(new String(Character.toChars(next))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(new String(Character.toChars(c))));
            }
        }
        int flags = Pattern.DOTALL | (caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(regex.toString(), flags);
    }
}
