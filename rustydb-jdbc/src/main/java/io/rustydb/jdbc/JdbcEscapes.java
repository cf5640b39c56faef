package io.rustydb.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Translates JDBC escape syntax (JDBC 4.3, section 13.4) into RustyDB's SQL:
 * <ul>
 *   <li>{@code {d 'yyyy-mm-dd'}}, {@code {t 'hh:mm:ss'}}, {@code {ts 'yyyy-mm-dd hh:mm:ss.f'}} → typed literals;</li>
 *   <li>{@code {fn name(args)}} → the function, with the Open Group names that differ mapped (UCASE → UPPER,
 *       IFNULL → COALESCE, CURDATE() → CURRENT_DATE, CONVERT(v, SQL_INTEGER) → CAST(v AS INTEGER), ...);</li>
 *   <li>{@code {escape 'c'}} → {@code ESCAPE 'c'}; {@code {oj ...}} → its outer join;
 *       {@code {limit n [offset m]}} → {@code LIMIT n [OFFSET m]};</li>
 *   <li>{@code {call f(args)}} and {@code {? = call f(args)}} → {@code SELECT f(args)} (functions are what
 *       {@link java.sql.CallableStatement} calls: RustyDB has no stored procedures).</li>
 * </ul>
 * Braces inside string literals, quoted identifiers, dollar-quoted strings and comments are left alone; escapes
 * nest ({@code {fn ucase({fn concat(a, b)})}}). SQL without a brace outside those is returned unchanged, so the
 * common case costs one scan.
 */
final class JdbcEscapes {
    /** Open Group / ODBC scalar function names that RustyDB spells differently (upper-case keys). */
    private static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("UCASE", "UPPER"), Map.entry("LCASE", "LOWER"), Map.entry("IFNULL", "COALESCE"),
            Map.entry("CEILING", "CEIL"), Map.entry("LOG", "LN"), Map.entry("TRUNCATE", "TRUNC"),
            Map.entry("CHAR", "CHR"), Map.entry("CHAR_LENGTH", "LENGTH"), Map.entry("CHARACTER_LENGTH", "LENGTH"),
            Map.entry("USER", "CURRENT_USER"), Map.entry("DAYOFMONTH", "DAY"));
    /** Functions of no arguments that are SQL keywords without parentheses. */
    private static final Map<String, String> NILADIC = Map.of(
            "CURDATE", "CURRENT_DATE", "CURRENT_DATE", "CURRENT_DATE", "CURTIME", "CURRENT_TIME",
            "CURRENT_TIME", "CURRENT_TIME", "NOW", "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP",
            "USER", "CURRENT_USER", "DATABASE", "CURRENT_CATALOG");
    /** The {@code SQL_xxx} type names of {@code {fn convert(v, SQL_xxx)}} and the SQL types they cast to. */
    private static final Map<String, String> CONVERT_TYPES = Map.ofEntries(
            Map.entry("SQL_BIGINT", "BIGINT"), Map.entry("SQL_INTEGER", "INTEGER"), Map.entry("SQL_SMALLINT", "SMALLINT"),
            Map.entry("SQL_TINYINT", "SMALLINT"), Map.entry("SQL_DECIMAL", "DECIMAL"), Map.entry("SQL_NUMERIC", "NUMERIC"),
            Map.entry("SQL_REAL", "REAL"), Map.entry("SQL_FLOAT", "DOUBLE PRECISION"),
            Map.entry("SQL_DOUBLE", "DOUBLE PRECISION"), Map.entry("SQL_CHAR", "CHAR"), Map.entry("SQL_VARCHAR", "VARCHAR"),
            Map.entry("SQL_LONGVARCHAR", "TEXT"), Map.entry("SQL_BOOLEAN", "BOOLEAN"), Map.entry("SQL_BIT", "BOOLEAN"),
            Map.entry("SQL_DATE", "DATE"), Map.entry("SQL_TIME", "TIME"), Map.entry("SQL_TIMESTAMP", "TIMESTAMP"),
            Map.entry("SQL_VARBINARY", "VARBINARY"), Map.entry("SQL_BINARY", "VARBINARY"),
            Map.entry("SQL_LONGVARBINARY", "BLOB"));

    /** The functions {@code {fn ...}} accepts, by the categories of DatabaseMetaData.get*Functions. */
    static final String NUMERIC_FUNCTIONS = "ABS,CEILING,FLOOR,LOG,MOD,POWER,ROUND,SIGN,SQRT,TRUNCATE";
    static final String STRING_FUNCTIONS = "CHAR,CHAR_LENGTH,CHARACTER_LENGTH,CONCAT,LCASE,LENGTH,LTRIM,REPLACE,"
            + "RTRIM,SUBSTRING,UCASE";
    static final String TIME_DATE_FUNCTIONS = "CURDATE,CURRENT_DATE,CURRENT_TIME,CURRENT_TIMESTAMP,CURTIME,"
            + "DAYOFMONTH,NOW";
    static final String SYSTEM_FUNCTIONS = "DATABASE,IFNULL,USER";

    private JdbcEscapes() {
    }

    /** The result of translating a {@code {call ...}} or {@code {? = call ...}}. */
    record Call(String sql, boolean hasReturnParameter) {
    }

    /** {@code sql} with every escape translated; {@code sql} itself when it has none. */
    static String translate(String sql) throws SQLException {
        if (sql.indexOf('{') < 0) {
            return sql;
        }
        List<int[]> escapes = topLevelEscapes(sql);
        if (escapes.isEmpty()) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length());
        int done = 0;
        for (int[] range : escapes) {
            out.append(sql, done, range[0]);
            out.append(translateEscape(sql.substring(range[0] + 1, range[1] - 1)));
            done = range[1];
        }
        return out.append(sql, done, sql.length()).toString();
    }

    /**
     * Translates the SQL of a {@link java.sql.CallableStatement}: {@code {call f(args)}} or
     * {@code {? = call f(args)}}; any other SQL is translated as {@link #translate} does and has no return
     * parameter.
     */
    static Call translateCall(String sql) throws SQLException {
        String trimmed = sql.strip();
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
            List<int[]> escapes = topLevelEscapes(trimmed);
            if (escapes.size() == 1 && escapes.get(0)[0] == 0 && escapes.get(0)[1] == trimmed.length()) {
                String body = trimmed.substring(1, trimmed.length() - 1).strip();
                boolean returns = false;
                if (body.startsWith("?")) {
                    String rest = body.substring(1).strip();
                    if (!rest.startsWith("=")) {
                        throw syntax("expected '=' after '?' in " + sql);
                    }
                    body = rest.substring(1).strip();
                    returns = true;
                }
                if (keywordAt(body, 0, "call")) {
                    return new Call(callToSelect(translate(body.substring(4).strip()), sql), returns);
                }
                if (returns) {
                    throw syntax("expected CALL after '? =' in " + sql);
                }
            }
        }
        return new Call(translate(sql), false);
    }

    private static String callToSelect(String call, String original) throws SQLException {
        if (call.isEmpty()) {
            throw syntax("CALL names no function: " + original);
        }
        return call.indexOf('(') < 0 ? "SELECT " + call + "()" : "SELECT " + call;
    }

    private static String translateEscape(String body) throws SQLException {
        String text = body.strip();
        String keyword = leadingWord(text).toLowerCase(Locale.ROOT);
        String rest = text.substring(keyword.length()).strip();
        String inner = translate(rest);
        switch (keyword) {
            case "d":
                return "DATE " + inner;
            case "t":
                return "TIME " + inner;
            case "ts":
                return "TIMESTAMP " + inner;
            case "escape":
                return "ESCAPE " + inner;
            case "oj":
                return inner;
            case "limit":
                return "LIMIT " + inner.replaceFirst("(?i)\\boffset\\b", "OFFSET");
            case "fn":
                return function(inner);
            case "call":
                throw syntax("{call ...} is only allowed as a whole CallableStatement: {" + body + "}");
            default:
                throw syntax("unknown JDBC escape {" + body + "}");
        }
    }

    /** {@code name(args)} with Open Group names mapped to RustyDB's. */
    private static String function(String call) throws SQLException {
        String name = leadingWord(call);
        if (name.isEmpty()) {
            throw syntax("{fn} names no function: {fn " + call + "}");
        }
        String upper = name.toUpperCase(Locale.ROOT);
        String args = call.substring(name.length()).strip();
        if (args.matches("\\(\\s*\\)") && NILADIC.containsKey(upper)) {
            return NILADIC.get(upper);
        }
        if (upper.equals("CONVERT")) {
            return convert(args, call);
        }
        return RENAMED.getOrDefault(upper, name) + args;
    }

    private static String convert(String args, String call) throws SQLException {
        if (!args.startsWith("(") || !args.endsWith(")")) {
            throw syntax("CONVERT needs (value, SQL_type): {fn " + call + "}");
        }
        String inside = args.substring(1, args.length() - 1);
        int comma = inside.lastIndexOf(',');
        if (comma < 0) {
            throw syntax("CONVERT needs (value, SQL_type): {fn " + call + "}");
        }
        String typeName = inside.substring(comma + 1).strip().toUpperCase(Locale.ROOT);
        String type = CONVERT_TYPES.get(typeName);
        if (type == null) {
            throw syntax("CONVERT to unknown type " + typeName);
        }
        return "CAST(" + inside.substring(0, comma).strip() + " AS " + type + ")";
    }

    private static String leadingWord(String text) {
        int end = 0;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
            end++;
        }
        return text.substring(0, end);
    }

    private static boolean keywordAt(String text, int at, String keyword) {
        int end = at + keyword.length();
        return text.regionMatches(true, at, keyword, 0, keyword.length())
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '_');
    }

    /** [start, end) of each outermost {...} outside literals and comments. */
    private static List<int[]> topLevelEscapes(String sql) throws SQLException {
        List<int[]> ranges = new ArrayList<>();
        int depth = 0;
        int start = -1;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int skipped = SqlText.skipQuoted(sql, i);
            if (skipped > i) {
                i = skipped;
                continue;
            }
            if (c == '{') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (c == '}') {
                if (depth == 0) {
                    throw syntax("unbalanced '}' at position " + (i + 1));
                }
                if (--depth == 0) {
                    ranges.add(new int[] {start, i + 1});
                }
            }
            i++;
        }
        if (depth != 0) {
            throw syntax("unterminated JDBC escape starting at position " + (start + 1));
        }
        return ranges;
    }

    private static SQLException syntax(String message) {
        return new java.sql.SQLSyntaxErrorException(message, "42601");
    }
}
