package io.rustydb.jdbc.slt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Renders JDBC values the way sqllogictest prints them, compares rendered values and hashes result lists. */
final class SltValues {
    private SltValues() {
    }

    /** {@code value} (from {@code ResultSet.getObject}) in a column of type letter {@code type}. */
    static String render(Object value, char type, SltDialect dialect) {
        if (value == null) {
            return "NULL";
        }
        return dialect == SltDialect.SQLITE ? renderSqlite(value, type) : renderDuckDb(value);
    }

    private static String renderSqlite(Object value, char type) {
        switch (Character.toUpperCase(type)) {
            case 'I':
                return Long.toString(asLong(value));
            case 'R':
                return String.format(Locale.ROOT, "%.3f", asDouble(value));
            default:
                String text = asText(value);
                return text.isEmpty() ? "(empty)" : printable(text);
        }
    }

    private static String renderDuckDb(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return "nan";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "inf" : "-inf";
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        String text = asText(value);
        return text.isEmpty() ? "(empty)" : text;
    }

    /** Like C's {@code (long long)} of the value: numbers truncate, text is read as {@code atoll} reads it. */
    static long asLong(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof BigDecimal d) {
            return d.longValue();
        }
        if (value instanceof BigInteger d) {
            return d.longValue();
        }
        if (value instanceof Number n) {
            return n instanceof Double || n instanceof Float ? (long) n.doubleValue() : n.longValue();
        }
        String s = asText(value).trim();
        int end = 0;
        if (end < s.length() && (s.charAt(end) == '-' || s.charAt(end) == '+')) {
            end++;
        }
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        try {
            return Long.parseLong(s.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static double asDouble(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(asText(value).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String asText(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    /** Every byte below {@code ' '} or above {@code '~'} of the UTF-8 form becomes {@code @}, as in sqllogictest.c. */
    static String printable(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xff;
            out.append(c < ' ' || c > '~' ? '@' : (char) c);
        }
        return out.toString();
    }

    /** Whether two rendered DuckDB values match: equal text, equal booleans, or equal numbers. */
    static boolean duckDbEquals(String expected, String actual, char type) {
        if (expected.equals(actual)) {
            return true;
        }
        if (expected.equals("NULL") || actual.equals("NULL")) {
            return false;
        }
        if (isBoolean(expected) && isBoolean(actual)) {
            return truth(expected) == truth(actual);
        }
        BigDecimal e = number(expected);
        BigDecimal a = number(actual);
        if (e == null || a == null) {
            return false;
        }
        if (e.compareTo(a) == 0) {
            return true;
        }
        double de = e.doubleValue();
        double da = a.doubleValue();
        return Math.abs(de - da) <= 1e-6 * Math.max(1.0, Math.max(Math.abs(de), Math.abs(da)))
                && (Character.toUpperCase(type) == 'R' || expected.contains(".") || actual.contains("."));
    }

    /** The text a DuckDB value sorts by: numbers in one canonical form, so {@code 4200.000000} sorts as {@code 4200}. */
    static String sortKey(String value) {
        BigDecimal n = number(value);
        return n == null ? value : n.stripTrailingZeros().toPlainString();
    }

    private static boolean isBoolean(String s) {
        return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false") || s.equals("t") || s.equals("f");
    }

    private static boolean truth(String s) {
        return s.equalsIgnoreCase("true") || s.equals("t");
    }

    private static BigDecimal number(String s) {
        if (s.isEmpty() || !(Character.isDigit(s.charAt(0)) || s.charAt(0) == '-' || s.charAt(0) == '+'
                || s.charAt(0) == '.')) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** sqllogictest's hash: MD5 over each value followed by {@code \n}, as lower-case hex. */
    static String md5(List<String> values) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (String v : values) {
                md5.update(v.getBytes(StandardCharsets.UTF_8));
                md5.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
