package io.rustydb.sql.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites PostgreSQL's JSON operators into function calls that JSqlParser parses and the binder resolves.
 *
 * <p>JSqlParser 5.4 reads {@code ->}, {@code ->>}, {@code @>}, {@code <@} and {@code ?} but with the wrong precedence
 * ({@code j->>'a' = 'x'} comes back as {@code j ->> ('a' = 'x')}, {@code (j->'a')->'b'} as a lambda) and cannot
 * read {@code #>}, {@code #>>} or {@code #-} at all. So before parsing, every chain of these operators is rewritten
 * with PostgreSQL's precedence: they (and {@code ||}) are "other" operators, all of one level, left-associative,
 * binding looser than arithmetic, casts and subscripts and tighter than comparisons, LIKE, IS, IN, BETWEEN, NOT,
 * AND and OR:
 * <pre>
 *   j -> 'a' ->> 0 = 'x'     becomes   json_op_arrow_text(json_op_arrow(j, 'a'), 0) = 'x'
 *   j #> '{a,b}' || k        becomes   (json_op_path(j, '{a,b}') || k)
 *   a - 'k' @> b::jsonb      becomes   jsonb_contains(a - 'k', b::jsonb)
 * </pre>
 * {@link #FUNCTIONS} names the function of each operator. A {@code ?} right after an operand is the key-exists
 * operator; anywhere else it is a JDBC parameter. {@code ??} is always the operator (PostgreSQL's JDBC driver
 * spells it so in prepared statements). A chain without a JSON operator (plain {@code a || b}) is left alone, and
 * so is a statement without any.
 *
 * <p>A small lexer skips string literals, quoted identifiers and comments; an operand is what a sign's operand is in
 * {@link UnarySigns} (a literal, parameter, name, call, parenthesized group, CASE ... END, with {@code ::type}
 * casts and {@code [..]} subscripts), or several joined by arithmetic operators.
 */
public final class JsonOperators {
    private JsonOperators() {
    }

    /** The function each JSON operator becomes. */
    public static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("->", "json_op_arrow"), Map.entry("->>", "json_op_arrow_text"),
            Map.entry("#>", "json_op_path"), Map.entry("#>>", "json_op_path_text"),
            Map.entry("#-", "jsonb_delete_path"), Map.entry("@>", "jsonb_contains"),
            Map.entry("<@", "jsonb_contained"), Map.entry("?", "jsonb_exists"), Map.entry("??", "jsonb_exists"),
            Map.entry("?|", "jsonb_exists_any"), Map.entry("?&", "jsonb_exists_all"));

    /** The operator a function of {@link #FUNCTIONS} stands for, for messages; null if it is none. */
    public static String operatorOf(String function) {
        for (Map.Entry<String, String> e : FUNCTIONS.entrySet()) {
            if (e.getValue().equals(function) && !e.getKey().equals("??")) {
                return e.getKey();
            }
        }
        return null;
    }

    private record Token(int start, int end, String text) {
        boolean is(String s) {
            return text.equals(s);
        }
    }

    /** Words that cannot start an operand: they end or join expressions. */
    private static final Set<String> CLAUSE_WORDS = Set.of("SELECT", "FROM", "WHERE", "GROUP", "ORDER", "HAVING",
            "LIMIT", "OFFSET", "AS", "AND", "OR", "NOT", "WHEN", "THEN", "ELSE", "END", "ON", "JOIN", "UNION", "EXCEPT",
            "INTERSECT", "IS", "IN", "BETWEEN", "LIKE", "ILIKE", "SIMILAR", "BY", "SET", "VALUES", "RETURNING",
            "DISTINCT", "ALL", "ANY", "SOME", "INTO", "USING", "WITH", "LEFT", "RIGHT", "INNER", "OUTER", "FULL",
            "CROSS", "NATURAL", "ASC", "DESC", "NULLS", "FETCH", "FIRST", "NEXT", "ROWS", "ONLY", "ESCAPE", "COLLATE",
            "DEFAULT", "CHECK", "UPDATE", "DELETE", "INSERT", "TABLE", "LATERAL", "WINDOW", "PARTITION", "OVER",
            "FILTER", "RANGE", "TO", "FOR", "DO", "CONFLICT", "CONSTRAINT", "REFERENCES", "WITHIN", "RECURSIVE");

    /** Type names that, followed by a string literal, make a typed literal ({@code jsonb '{}'}). */
    private static final Set<String> LITERAL_TYPES = Set.of("DATE", "TIME", "TIMESTAMP", "TIMESTAMPTZ", "INTERVAL",
            "JSON", "JSONB", "TEXT", "VARCHAR", "UUID", "BOOLEAN", "INTEGER", "INT", "BIGINT", "NUMERIC", "DECIMAL");

    private static final Set<String> JSON_OPERATORS = FUNCTIONS.keySet();

    /** {@code sql} with its JSON operators rewritten, or null if it has none. */
    public static String rewrite(String sql) {
        if (!mayContainOperator(sql)) {
            return null;
        }
        List<Token> tokens = tokenize(sql);
        if (tokens == null || !hasOperator(tokens)) {
            return null;
        }
        JsonOperators.Rewriter r = new Rewriter(sql, tokens);
        String out = r.emit(0, tokens.size());
        return r.changed ? sql.substring(0, tokens.isEmpty() ? 0 : tokens.get(0).start()) + out
                + sql.substring(tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end()) : null;
    }

    /** Whether a JSON operator token is there: {@code ?} counts only right after what can end an operand. */
    private static boolean hasOperator(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("?")) {
                if (i > 0 && endsOperand(tokens.get(i - 1))) {
                    return true;
                }
            } else if (JSON_OPERATORS.contains(t.text())) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsOperand(Token t) {
        char c = t.text().charAt(0);
        return t.is(")") || t.is("]") || c == '\'' || c == '"' || Character.isDigit(c)
                || isWord(t) && !CLAUSE_WORDS.contains(t.text()) || t.text().length() > 1 && t.text().charAt(1) == '\'';
    }

    private static boolean mayContainOperator(String sql) {
        return sql.contains("->") || sql.contains("#") || sql.contains("@>") || sql.contains("<@")
                || sql.indexOf('?') >= 0;
    }

    private static final class Rewriter {
        private final String sql;
        private final List<Token> tokens;
        private boolean changed;

        Rewriter(String sql, List<Token> tokens) {
            this.sql = sql;
            this.tokens = tokens;
        }

        /** The text of tokens [lo, hi), from the first token's start to the last one's end, chains rewritten. */
        String emit(int lo, int hi) {
            if (lo >= hi) {
                return "";
            }
            StringBuilder out = new StringBuilder();
            int pos = tokens.get(lo).start();
            int i = lo;
            while (i < hi) {
                int end = operandEnd(i, hi);
                if (end > 0 && end < hi && isChainOperator(tokens.get(end))) {
                    List<int[]> operands = new ArrayList<>();
                    List<String> operators = new ArrayList<>();
                    operands.add(new int[] {i, end});
                    boolean json = false;
                    int k = end;
                    while (k < hi && isChainOperator(tokens.get(k))) {
                        int next = operandEnd(k + 1, hi);
                        if (next < 0) {
                            break;
                        }
                        operators.add(tokens.get(k).text());
                        json |= JSON_OPERATORS.contains(tokens.get(k).text());
                        operands.add(new int[] {k + 1, next});
                        k = next;
                    }
                    if (json) {
                        out.append(sql, pos, tokens.get(i).start());
                        String acc = emit(operands.get(0)[0], operands.get(0)[1]);
                        for (int o = 0; o < operators.size(); o++) {
                            String rhs = emit(operands.get(o + 1)[0], operands.get(o + 1)[1]);
                            String op = operators.get(o);
                            acc = op.equals("||") ? "(" + acc + " || " + rhs + ")"
                                    : FUNCTIONS.get(op) + "(" + acc + ", " + rhs + ")";
                        }
                        out.append(acc);
                        pos = tokens.get(k - 1).end();
                        i = k;
                        changed = true;
                        continue;
                    }
                }
                i++;
            }
            out.append(sql, pos, tokens.get(hi - 1).end());
            return out.toString();
        }

        private boolean isChainOperator(Token t) {
            return JSON_OPERATORS.contains(t.text()) || t.is("||");
        }

        /** The index after the operand that starts at token {@code i}, or -1 if none starts there. */
        private int operandEnd(int i, int hi) {
            int j = i;
            while (true) {
                while (j < hi && (tokens.get(j).is("+") || tokens.get(j).is("-"))) {
                    j++;
                }
                j = primaryEnd(j, hi);
                if (j < 0) {
                    return -1;
                }
                while (j < hi && (tokens.get(j).is("::") || tokens.get(j).is("["))) {
                    if (tokens.get(j).is("[")) {
                        j = matching(j, hi, "[", "]");
                        if (j < 0) {
                            return -1;
                        }
                        continue;
                    }
                    j++; // the type: words, then (args) and [] suffixes
                    while (j < hi && isWord(tokens.get(j)) && !CLAUSE_WORDS.contains(tokens.get(j).text())) {
                        j++;
                    }
                    if (j < hi && tokens.get(j).is("(")) {
                        j = matching(j, hi, "(", ")");
                        if (j < 0) {
                            return -1;
                        }
                    }
                }
                if (j < hi && isArithmetic(tokens.get(j))) {
                    j++;
                    continue;
                }
                return j;
            }
        }

        private int primaryEnd(int j, int hi) {
            if (j >= hi) {
                return -1;
            }
            Token t = tokens.get(j);
            char c = t.text().charAt(0);
            if (t.is("(")) {
                return matching(j, hi, "(", ")");
            }
            if (c == '\'' || Character.isDigit(c) || c == '.' && t.text().length() > 1 || t.is("?")
                    || c == '"' || c == '`' || t.text().length() > 1 && t.text().charAt(1) == '\'') {
                if (c == '"' || c == '`') {
                    return nameEnd(j, hi);
                }
                return j + 1;
            }
            if (!isWord(t) || CLAUSE_WORDS.contains(t.text())) {
                return -1;
            }
            if (t.is("CASE")) {
                return matching(j, hi, "CASE", "END");
            }
            if (t.is("ARRAY") && j + 1 < hi && tokens.get(j + 1).is("[")) {
                return matching(j + 1, hi, "[", "]");
            }
            if (LITERAL_TYPES.contains(t.text()) && j + 1 < hi && tokens.get(j + 1).text().startsWith("'")) {
                return j + 2;
            }
            return nameEnd(j, hi);
        }

        /** A possibly qualified name, and the argument list (with FILTER/OVER/WITHIN GROUP) if it is a call. */
        private int nameEnd(int j, int hi) {
            int end = j + 1;
            while (end + 1 < hi && tokens.get(end).is(".") && (isWord(tokens.get(end + 1))
                    || tokens.get(end + 1).text().startsWith("\""))) {
                end += 2;
            }
            if (end < hi && tokens.get(end).is("(")) {
                end = matching(end, hi, "(", ")");
                while (end > 0 && end + 1 < hi && (tokens.get(end).is("FILTER") || tokens.get(end).is("OVER"))
                        && tokens.get(end + 1).is("(")) {
                    end = matching(end + 1, hi, "(", ")");
                }
                if (end > 0 && end + 2 < hi && tokens.get(end).is("WITHIN") && tokens.get(end + 1).is("GROUP")) {
                    end = matching(end + 2, hi, "(", ")");
                }
            }
            return end;
        }

        /** The index after the token closing the group opened at {@code i}, or -1 if it is not closed before hi. */
        private int matching(int i, int hi, String open, String close) {
            int depth = 0;
            for (int k = i; k < hi; k++) {
                if (tokens.get(k).is(open)) {
                    depth++;
                } else if (tokens.get(k).is(close) && --depth == 0) {
                    return k + 1;
                }
            }
            return -1;
        }
    }

    private static boolean isWord(Token t) {
        char c = t.text().charAt(0);
        return (Character.isLetter(c) || c == '_') && t.text().indexOf('\'') < 0;
    }

    private static boolean isArithmetic(Token t) {
        return t.is("+") || t.is("-") || t.is("*") || t.is("/") || t.is("%") || t.is("^");
    }

    /** The tokens of {@code sql} (no whitespace or comments), or null if a literal or comment is unterminated. */
    private static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int n = sql.length();
        int p = 0;
        while (p < n) {
            char c = sql.charAt(p);
            int start = p;
            if (Character.isWhitespace(c)) {
                p++;
                continue;
            }
            if (c == '-' && sql.startsWith("--", p)) {
                int nl = sql.indexOf('\n', p);
                p = nl < 0 ? n : nl + 1;
                continue;
            }
            if (c == '/' && sql.startsWith("/*", p)) {
                int close = sql.indexOf("*/", p + 2);
                if (close < 0) {
                    return null;
                }
                p = close + 2;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                p = SqlScanning.quotedEnd(sql, p, c, false);
            } else if (Character.isDigit(c) || c == '.' && p + 1 < n && Character.isDigit(sql.charAt(p + 1))) {
                p = SqlScanning.numberEnd(sql, p);
            } else if (Character.isLetter(c) || c == '_') {
                while (p < n && (Character.isLetterOrDigit(sql.charAt(p)) || sql.charAt(p) == '_'
                        || sql.charAt(p) == '$')) {
                    p++;
                }
                if (p < n && sql.charAt(p) == '\'' && p - start == 1) { // E'...', X'...', B'...', N'...'
                    p = SqlScanning.quotedEnd(sql, p, '\'', c == 'E' || c == 'e');
                }
            } else {
                p += operatorLength(sql, p);
            }
            if (p < 0) {
                return null;
            }
            String text = sql.substring(start, p);
            tokens.add(new Token(start, p, isWordStart(c) ? text.toUpperCase(Locale.ROOT) : text));
        }
        return tokens;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static final String[] OPERATORS = {"->>", "#>>", "->", "#>", "#-", "@>", "<@", "??", "?|", "?&", "||",
        "::", "<=", ">=", "<>", "!=", "=>"};

    private static int operatorLength(String sql, int p) {
        for (String op : OPERATORS) {
            if (sql.startsWith(op, p)) {
                if ((op.equals("?|") || op.equals("?&")) && sql.startsWith(op + op.charAt(1), p)) {
                    continue; // "? ||" : a parameter, then a concatenation
                }
                return op.length();
            }
        }
        return 1;
    }
}
