package io.rustydb.sql.parser;

/**
 * The small lexical steps the SQL pre-parsers ({@link UnarySigns}, {@link JsonOperators}) share: skipping a quoted
 * literal or identifier, and a numeric literal.
 */
final class SqlScanning {
    private SqlScanning() {
    }

    /**
     * The position after the literal or quoted name opened by {@code quote} at {@code p} (a doubled quote is
     * escaped; with {@code backslashes}, as in {@code E'...'}, a backslash escapes the next character), or -1.
     */
    static int quotedEnd(String sql, int p, char quote, boolean backslashes) {
        int k = p + 1;
        while (k < sql.length()) {
            char c = sql.charAt(k);
            if (backslashes && c == '\\') {
                k += 2;
                continue;
            }
            if (c == quote) {
                if (k + 1 < sql.length() && sql.charAt(k + 1) == quote) {
                    k += 2;
                    continue;
                }
                return k + 1;
            }
            k++;
        }
        return -1;
    }

    /** The position after the numeric literal starting at {@code p} (digits, a point, an exponent). */
    static int numberEnd(String sql, int p) {
        int n = sql.length();
        while (p < n && (Character.isDigit(sql.charAt(p)) || sql.charAt(p) == '.')) {
            p++;
        }
        if (p < n && (sql.charAt(p) == 'e' || sql.charAt(p) == 'E')) {
            int k = p + 1;
            if (k < n && (sql.charAt(k) == '+' || sql.charAt(k) == '-')) {
                k++;
            }
            if (k < n && Character.isDigit(sql.charAt(k))) {
                p = k;
                while (p < n && Character.isDigit(sql.charAt(p))) {
                    p++;
                }
            }
        }
        return p;
    }
}
