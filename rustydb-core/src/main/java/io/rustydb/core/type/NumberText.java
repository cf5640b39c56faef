package io.rustydb.core.type;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Text forms of numbers: PostgreSQL's output format for REAL/DOUBLE and the input rules for every numeric type.
 *
 * <p>Output of floats follows PostgreSQL 12+: the shortest decimal that reads back as the same value; plain
 * notation when the decimal exponent is in -4..14 (DOUBLE) or -4..5 (REAL), else {@code 1.5e+20} style with at
 * least two exponent digits; integral values print without a fraction ({@code 1}, not {@code 1.0}); specials are
 * {@code NaN}, {@code Infinity}, {@code -Infinity}.
 *
 * <p>Input trims surrounding whitespace. Integers: optional sign and decimal digits. DECIMAL: optional sign,
 * digits with an optional point, optional exponent. REAL/DOUBLE: the same, or NaN, [+-]Infinity, [+-]inf
 * (case-insensitive). Bad text is 22P02; values outside the type are 22003.
 */
final class NumberText {
    private NumberText() {
    }

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        } else if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        } else if (d == 0) {
            return (Double.doubleToRawLongBits(d) < 0) ? "-0" : "0";
        }
        return format(shortestDecimal(d), 14);
    }

    static String formatFloat(float f) {
        if (Float.isNaN(f)) {
            return "NaN";
        } else if (Float.isInfinite(f)) {
            return f > 0 ? "Infinity" : "-Infinity";
        } else if (f == 0) {
            return (Float.floatToRawIntBits(f) < 0) ? "-0" : "0";
        }
        return format(shortestDecimal(f), 5);
    }

    /** The decimal with fewest significant digits that reads back as {@code d} (closest one among those). */
    static BigDecimal shortestDecimal(double d) {
        if (d == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                return strip(r);
            }
        }
        return strip(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    /** The decimal with fewest significant digits that reads back as {@code f}. */
    static BigDecimal shortestDecimal(float f) {
        if (f == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = new BigDecimal(f);
        for (int digits = 1; digits < 9; digits++) {
            BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (r.floatValue() == f) {
                return strip(r);
            }
        }
        return strip(exact.round(new MathContext(9, RoundingMode.HALF_EVEN)));
    }

    private static BigDecimal strip(BigDecimal v) {
        return v.stripTrailingZeros();
    }

    /** {@code v} (non-zero, stripped) in plain notation when its exponent is in -4..maxPlainExponent, else d.ddde+XX. */
    private static String format(BigDecimal v, int maxPlainExponent) {
        int exponent = v.precision() - v.scale() - 1;
        if (exponent >= -4 && exponent <= maxPlainExponent) {
            BigDecimal plain = v.scale() < 0 ? v.setScale(0) : v;
            return plain.toPlainString();
        }
        String digits = v.unscaledValue().abs().toString();
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (v.signum() < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            sb.append('0');
        }
        return sb.append(abs).toString();
    }

    /** Reads a SMALLINT/INTEGER/BIGINT from text. */
    static Object parseIntegral(String text, TypeId target) {
        String t = text.strip();
        if (!INTEGER.matcher(t).matches()) {
            throw new DbException(ErrorCode.INVALID_TEXT_REPRESENTATION, typeName(target), text);
        }
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw Numbers.outOfRange(target);
        }
        return Numbers.narrow(v, target);
    }

    /** Reads a DECIMAL from text, not yet fitted to a precision and scale (the result may have a negative scale). */
    static BigDecimal parseDecimal(String text) {
        String t = text.strip();
        if (!DECIMAL.matcher(t).matches()) {
            throw new DbException(ErrorCode.INVALID_TEXT_REPRESENTATION, "numeric", text);
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException | ArithmeticException e) { // exponent beyond int range
            throw new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
        }
    }

    /** Reads a DOUBLE from text; finite text that overflows or underflows to zero is 22003, as in PostgreSQL. */
    static double parseDouble(String text) {
        String t = text.strip();
        Double special = special(t);
        if (special != null) {
            return special;
        }
        if (!DECIMAL.matcher(t).matches()) {
            throw new DbException(ErrorCode.INVALID_TEXT_REPRESENTATION, "double precision", text);
        }
        double d = Double.parseDouble(t);
        if (Double.isInfinite(d) || d == 0 && hasNonZeroDigit(t)) {
            throw new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "\"" + t + "\" is out of range for type double precision");
        }
        return d;
    }

    /** Reads a REAL from text; see {@link #parseDouble(String)}. */
    static float parseFloat(String text) {
        String t = text.strip();
        Double special = special(t);
        if (special != null) {
            return special.floatValue();
        }
        if (!DECIMAL.matcher(t).matches()) {
            throw new DbException(ErrorCode.INVALID_TEXT_REPRESENTATION, "real", text);
        }
        float f = Float.parseFloat(t);
        if (Float.isInfinite(f) || f == 0 && hasNonZeroDigit(t)) {
            throw new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "\"" + t + "\" is out of range for type real");
        }
        return f;
    }

    private static Double special(String t) {
        switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "nan": return Double.NaN;
            case "infinity":
            case "+infinity":
            case "inf":
            case "+inf": return Double.POSITIVE_INFINITY;
            case "-infinity":
            case "-inf": return Double.NEGATIVE_INFINITY;
            default: return null;
        }
    }

    /** Whether the mantissa (the part before any exponent) has a digit 1-9. */
    private static boolean hasNonZeroDigit(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL's lower-case name of a numeric type, as used in its input-syntax messages. */
    static String typeName(TypeId id) {
        switch (id) {
            case SMALLINT: return "smallint";
            case INTEGER: return "integer";
            case BIGINT: return "bigint";
            case DECIMAL: return "numeric";
            case REAL: return "real";
            case DOUBLE: return "double precision";
            default: return id.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
