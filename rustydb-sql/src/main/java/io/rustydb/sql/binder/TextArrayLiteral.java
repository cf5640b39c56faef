package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads PostgreSQL's text form of a one-dimensional {@code text[]}: {@code {a,b,"c d",NULL}}. Elements are
 * separated by commas; an element may be double-quoted (then backslash escapes any character), an unquoted
 * element has its surrounding blanks removed, and an unquoted {@code NULL} (any case) is a NULL element. Anything
 * else is 22P02 "malformed array literal". Used for JSON paths and key lists until RustyDB has array types.
 */
final class TextArrayLiteral {
    private TextArrayLiteral() {
    }

    static List<String> parse(String text) {
        String s = text.strip();
        if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
            throw malformed(text, "array value must start with \"{\" and end with \"}\"");
        }
        List<String> out = new ArrayList<>();
        String body = s.substring(1, s.length() - 1);
        if (body.isBlank()) {
            return out;
        }
        int i = 0;
        int n = body.length();
        while (true) {
            while (i < n && Character.isWhitespace(body.charAt(i))) {
                i++;
            }
            if (i < n && body.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n && body.charAt(i) != '"') {
                    if (body.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    sb.append(body.charAt(i++));
                }
                if (i >= n) {
                    throw malformed(text, "unterminated quoted element");
                }
                i++;
                out.add(sb.toString());
                while (i < n && Character.isWhitespace(body.charAt(i))) {
                    i++;
                }
            } else {
                int start = i;
                while (i < n && body.charAt(i) != ',') {
                    char c = body.charAt(i);
                    if (c == '{' || c == '}' || c == '"') {
                        throw malformed(text, "unexpected \"" + c + "\" (nested arrays are not supported here)");
                    }
                    i++;
                }
                String element = body.substring(start, i).strip();
                if (element.isEmpty()) {
                    throw malformed(text, "empty element");
                }
                out.add(element.equalsIgnoreCase("NULL") ? null : element);
            }
            if (i >= n) {
                return out;
            }
            if (body.charAt(i) != ',') {
                throw malformed(text, "unexpected character \"" + body.charAt(i) + "\"");
            }
            i++;
        }
    }

    private static DbException malformed(String text, String detail) {
        return new DbException(ErrorCode.INVALID_TEXT_REPRESENTATION, "text[] (malformed array literal: " + detail + ")",
                text);
    }
}
