package io.rustydb.sql.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites chains of unary signs that JSqlParser cannot parse ({@code - + 26}, {@code + - CAST(x AS INT)},
 * {@code - - col}, {@code CASE - x WHEN ...}) into the equivalent parenthesized form it can ({@code - (+ 26)}):
 * every sign that directly follows another sign (or CASE) is unary, so it and its operand are wrapped in
 * parentheses. The meaning is unchanged —
 * unary signs bind tighter than any other operator, and the operand is exactly one primary expression.
 *
 * <p>Used only when a statement failed to parse, so statements that parse are never touched. A small lexer skips
 * string literals, quoted identifiers and comments; an operand is a literal, a (qualified) name, a function call
 * or parenthesized group, or a CASE ... END, optionally followed by {@code ::type} casts.
 */
final class UnarySigns {
    private UnarySigns() {
    }

    /** One token: its text span in the statement. */
    private record Token(int start, int end, String text) {
        boolean is(String s) {
            return text.equalsIgnoreCase(s);
        }

        boolean sign() {
            return text.equals("+") || text.equals("-");
        }
    }

    /** The statement with every sign that follows a sign parenthesized with its operand, or null if none does. */
    static String parenthesize(String sql) {
        List<Token> tokens = tokenize(sql);
        if (tokens == null) {
            return null;
        }
        int[] opens = new int[sql.length() + 1];
        int[] closes = new int[sql.length() + 1];
        boolean changed = false;
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).sign() && (tokens.get(i - 1).sign() || tokens.get(i - 1).is("CASE"))) {
                int end = operandEnd(tokens, i + 1);
                if (end < 0) {
                    return null;
                }
                opens[tokens.get(i).start()]++;
                closes[tokens.get(end).end()]++;
                changed = true;
            }
        }
        if (!changed) {
            return null;
        }
        StringBuilder out = new StringBuilder(sql.length() + 16);
        for (int p = 0; p <= sql.length(); p++) {
            out.append(")".repeat(closes[p]));
            out.append("(".repeat(opens[p]));
            if (p < sql.length()) {
                out.append(sql.charAt(p));
            }
        }
        return out.toString();
    }

    /** The index of the last token of the operand starting at token {@code i}, or -1 if there is none. */
    private static int operandEnd(List<Token> tokens, int i) {
        if (i >= tokens.size()) {
            return -1;
        }
        Token t = tokens.get(i);
        if (t.sign()) {
            return operandEnd(tokens, i + 1);
        }
        int end;
        if (t.is("(")) {
            end = matching(tokens, i, "(", ")");
        } else if (t.is("CASE")) {
            end = matching(tokens, i, "CASE", "END");
        } else if (t.is(")") || t.is(",") || isOperator(t.text()) || CLAUSE_WORDS.contains(t.text())) {
            return -1;
        } else {
            end = i;
            // qualified names: a.b.c
            while (end + 2 < tokens.size() && tokens.get(end + 1).is(".")) {
                end += 2;
            }
            // a function call or a keyword with arguments: f(...), CAST(...)
            if (end + 1 < tokens.size() && tokens.get(end + 1).is("(")) {
                end = matching(tokens, end + 1, "(", ")");
            }
        }
        // postfix casts: x::type, x::type(p, s)
        while (end >= 0 && end + 2 < tokens.size() && tokens.get(end + 1).is("::")) {
            end += 2;
            if (end + 1 < tokens.size() && tokens.get(end + 1).is("(")) {
                end = matching(tokens, end + 1, "(", ")");
            }
        }
        return end;
    }

    /** The index of the token closing the group opened at {@code i}, or -1 if it is never closed. */
    private static int matching(List<Token> tokens, int i, String open, String close) {
        int depth = 0;
        for (int k = i; k < tokens.size(); k++) {
            if (tokens.get(k).is(open)) {
                depth++;
            } else if (tokens.get(k).is(close) && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /** Words that end an expression, so they cannot be a sign's operand. */
    private static final java.util.Set<String> CLAUSE_WORDS = java.util.Set.of("FROM", "WHERE", "GROUP", "ORDER",
            "HAVING", "LIMIT", "OFFSET", "AS", "AND", "OR", "WHEN", "THEN", "ELSE", "END", "ON", "JOIN", "UNION",
            "EXCEPT", "INTERSECT", "IS", "IN", "BETWEEN", "LIKE");

    private static boolean isOperator(String text) {
        return !text.isEmpty() && "*/%<>=!|&^~:;".indexOf(text.charAt(0)) >= 0;
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
            if (c == '-' && p + 1 < n && sql.charAt(p + 1) == '-') {
                int nl = sql.indexOf('\n', p);
                p = nl < 0 ? n : nl + 1;
                continue;
            }
            if (c == '/' && p + 1 < n && sql.charAt(p + 1) == '*') {
                int close = sql.indexOf("*/", p + 2);
                if (close < 0) {
                    return null;
                }
                p = close + 2;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                p = SqlScanning.quotedEnd(sql, p, c, false);
                if (p < 0) {
                    return null;
                }
            } else if (Character.isDigit(c) || (c == '.' && p + 1 < n && Character.isDigit(sql.charAt(p + 1)))) {
                p = SqlScanning.numberEnd(sql, p);
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                while (p < n && (Character.isLetterOrDigit(sql.charAt(p)) || sql.charAt(p) == '_'
                        || sql.charAt(p) == '$')) {
                    p++;
                }
                if (p < n && sql.charAt(p) == '\'' && (p - start == 1)) {
                    p = SqlScanning.quotedEnd(sql, p, '\'', false); // E'...', X'...', B'...', N'...'
                    if (p < 0) {
                        return null;
                    }
                }
            } else if (c == '-' && sql.startsWith("->", p)) {
                p += sql.startsWith("->>", p) ? 3 : 2;
            } else if (c == ':' && sql.startsWith("::", p)) {
                p += 2;
            } else {
                p++;
            }
            tokens.add(new Token(start, p, sql.substring(start, p).toUpperCase(Locale.ROOT)));
        }
        return tokens;
    }
}
