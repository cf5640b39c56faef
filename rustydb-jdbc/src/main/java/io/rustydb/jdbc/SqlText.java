package io.rustydb.jdbc;

/**
 * Reading SQL text the way the driver must before handing it to the engine (JDBC escapes, splitting several
 * statements): where string literals ({@code '...'}, {@code E'...'} with backslash escapes), quoted identifiers,
 * dollar-quoted strings ({@code $$...$$}, {@code $tag$...$tag$}) and comments ({@code --}, {@code /* *}{@code /})
 * end, so that braces and semicolons inside them are left alone.
 */
final class SqlText {
    private SqlText() {
    }

    /** The index after the literal, quoted identifier or comment starting at {@code i}, or {@code i} if none does. */
    static int skipQuoted(String sql, int i) {
        char c = sql.charAt(i);
        char next = i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
        if (c == '\'' || c == '"') {
            boolean backslashes = c == '\'' && i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                    && (i < 2 || !Character.isLetterOrDigit(sql.charAt(i - 2)));
            int j = i + 1;
            while (j < sql.length()) {
                char d = sql.charAt(j);
                if (backslashes && d == '\\') {
                    j += 2;
                } else if (d == c) {
                    if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
                        j += 2; // doubled quote
                    } else {
                        return j + 1;
                    }
                } else {
                    j++;
                }
            }
            return sql.length();
        }
        if (c == '-' && next == '-') {
            int end = sql.indexOf('\n', i);
            return end < 0 ? sql.length() : end + 1;
        }
        if (c == '/' && next == '*') {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        if (c == '$') {
            int tagEnd = sql.indexOf('$', i + 1);
            if (tagEnd > i && sql.substring(i + 1, tagEnd).matches("([A-Za-z_][A-Za-z_0-9]*)?")
                    && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
                String tag = sql.substring(i, tagEnd + 1);
                int end = sql.indexOf(tag, tagEnd + 1);
                return end < 0 ? sql.length() : end + tag.length();
            }
        }
        return i;
    }

    /** Whether {@code sql} holds nothing but whitespace and comments. */
    static boolean isBlankOrComments(String sql) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            boolean comment = sql.startsWith("--", i) || sql.startsWith("/*", i);
            if (comment) {
                i = skipQuoted(sql, i);
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                return false;
            }
        }
        return true;
    }
}
