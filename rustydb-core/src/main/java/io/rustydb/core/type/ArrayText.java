package io.rustydb.core.type;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's text form of a one-dimensional array, read by {@code CAST('{1,2}' AS INTEGER[])} and written by
 * {@link Values#toSqlString}.
 *
 * <pre>
 * array    := ws '{' ws [ element ws ( ',' ws element ws )* ] '}' ws
 * element  := NULL                          (unquoted, any case: SQL NULL)
 *           | '"' ( char | '\' any )* '"'   (quoted: may hold anything; \ escapes the next character)
 *           | ( char | '\' any )+           (unquoted: no {, }, ", or ',', surrounding whitespace dropped)
 * </pre>
 * Output quotes an element when it is empty, is {@code NULL} in any case, has leading or trailing whitespace or
 * contains {@code { } , " \} or whitespace, escaping {@code "} and {@code \} with a backslash; BOOLEAN elements are
 * written {@code t}/{@code f} as PostgreSQL does. An element that is itself {@code {...}} (a multidimensional
 * array) or a leading dimension decoration ({@code [1:2]={...}}) is 0A000; anything else malformed is 22P02
 * "malformed array literal".
 */
public final class ArrayText {
    private ArrayText() {
    }

    /** The text form of {@code array}. */
    public static String format(SqlArray array) {
        StringBuilder out = new StringBuilder().append('{');
        List<Object> elements = array.elements();
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object e = elements.get(i);
            if (e == null) {
                out.append("NULL");
            } else if (e instanceof Boolean b) {
                out.append(b ? 't' : 'f');
            } else {
                appendElement(out, Values.toSqlString(e));
            }
        }
        return out.append('}').toString();
    }

    private static void appendElement(StringBuilder out, String text) {
        if (!needsQuotes(text)) {
            out.append(text);
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static boolean needsQuotes(String text) {
        if (text.isEmpty() || text.equalsIgnoreCase("NULL")) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the text form into its elements as strings ({@code null} for NULL); the caller casts them to the
     * element type.
     */
    public static List<String> parse(String text) {
        List<String> elements = new ArrayList<>();
        int n = text.length();
        int i = skipSpace(text, 0);
        if (i < n && text.charAt(i) == '[') {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "array literal with explicit bounds: " + text);
        }
        if (i >= n || text.charAt(i) != '{') {
            throw malformed(text, "Array value must start with \"{\"");
        }
        i = skipSpace(text, i + 1);
        if (i < n && text.charAt(i) == '}') {
            i++;
        } else {
            while (true) {
                if (i >= n) {
                    throw malformed(text, "Unexpected end of input");
                }
                char c = text.charAt(i);
                if (c == '{') {
                    throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                            "multidimensional arrays (only one-dimensional arrays are supported): " + text);
                }
                StringBuilder value = new StringBuilder();
                boolean quoted = c == '"';
                if (quoted) {
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw malformed(text, "Unexpected end of input");
                        }
                        c = text.charAt(i++);
                        if (c == '"') {
                            break;
                        }
                        if (c == '\\') {
                            if (i >= n) {
                                throw malformed(text, "Unexpected end of input");
                            }
                            c = text.charAt(i++);
                        }
                        value.append(c);
                    }
                    i = skipSpace(text, i);
                    elements.add(value.toString());
                } else {
                    int lastKept = 0; // length of value up to its last escaped or non-blank character
                    boolean escaped = false;
                    while (i < n) {
                        c = text.charAt(i);
                        if (c == ',' || c == '}') {
                            break;
                        }
                        if (c == '{' || c == '"') {
                            throw malformed(text, "Unexpected \"" + c + "\" character");
                        }
                        i++;
                        if (c == '\\') {
                            if (i >= n) {
                                throw malformed(text, "Unexpected end of input");
                            }
                            value.append(text.charAt(i++));
                            escaped = true;
                            lastKept = value.length();
                        } else {
                            value.append(c);
                            if (!Character.isWhitespace(c)) {
                                lastKept = value.length();
                            }
                        }
                    }
                    value.setLength(lastKept);
                    if (value.length() == 0) {
                        throw malformed(text, "Unexpected \"" + (i < n ? text.charAt(i) : ' ') + "\" character");
                    }
                    String s = value.toString();
                    elements.add(!escaped && s.equalsIgnoreCase("NULL") ? null : s);
                }
                if (i >= n) {
                    throw malformed(text, "Unexpected end of input");
                }
                c = text.charAt(i++);
                if (c == '}') {
                    break;
                }
                if (c != ',') {
                    throw malformed(text, "Unexpected \"" + c + "\" character");
                }
                i = skipSpace(text, i);
            }
        }
        if (skipSpace(text, i) != n) {
            throw malformed(text, "Junk after closing right brace");
        }
        return elements;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static DbException malformed(String text, String detail) {
        return new DbException(ErrorCode.MALFORMED_ARRAY_LITERAL, text, detail);
    }
}
