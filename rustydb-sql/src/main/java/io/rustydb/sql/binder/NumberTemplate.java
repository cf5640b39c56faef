package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PostgreSQL numeric template, as {@code TO_CHAR(number, template)} reads it. Compiled once per template text;
 * immutable.
 *
 * <p>Patterns:
 * <pre>
 * 9      a digit; a leading zero prints as a blank        0      a digit, leading zeros printed (from here on)
 * . D    the decimal point                                , G    a group separator (blank before the first digit)
 * S      the sign (+ or -), next to the number            MI     '-' if negative, else a blank
 * PL     '+' if positive, else a blank                    SG     '+' or '-'
 * PR     a negative value in angle brackets              FM     fill mode: no padding blanks, no trailing zeros
 *                                                                from 9s after the point
 * "text" copied; any other character is copied
 * </pre>
 * Without S, MI, PL, SG or PR a place for the sign comes first: a blank, or '-' just before the first digit. The
 * value is rounded half up to the digits after the point; one with more integer digits than the template has
 * prints every digit as {@code #}. {@code EEEE}, {@code V}, {@code RN}, {@code L} and {@code TH} are 0A000.
 */
final class NumberTemplate {
    private enum Kind { DIGIT9, DIGIT0, POINT, GROUP, S, MI, PL, SG, PR, LITERAL }

    private record Item(Kind kind, String text) {
    }

    private final List<Item> items;
    private final boolean fill;
    private final int integerDigits;
    private final int fractionDigits;
    /** Index, among the integer digit places, of the first '0' (zeros are printed from there); -1 if none. */
    private final int zeroFrom;
    /** Index, among the fraction places, of the last '0' (FM keeps zeros up to there); -1 if none. */
    private final int lastFractionZero;
    private final boolean explicitSign;
    /** An S before every digit: the sign floats next to the number, '+' included. */
    private final boolean leadingS;

    private NumberTemplate(List<Item> items, boolean fill, boolean leadingS) {
        this.items = items;
        this.fill = fill;
        this.leadingS = leadingS;
        int ints = 0;
        int fracs = 0;
        int zero = -1;
        int lastZero = -1;
        boolean afterPoint = false;
        boolean sign = false;
        for (Item item : items) {
            switch (item.kind) {
                case POINT -> afterPoint = true;
                case DIGIT9, DIGIT0 -> {
                    if (afterPoint) {
                        if (item.kind == Kind.DIGIT0) {
                            lastZero = fracs;
                        }
                        fracs++;
                    } else {
                        if (item.kind == Kind.DIGIT0 && zero < 0) {
                            zero = ints;
                        }
                        ints++;
                    }
                }
                case S, MI, PL, SG, PR -> sign = true;
                default -> {
                }
            }
        }
        this.integerDigits = ints;
        this.fractionDigits = fracs;
        this.zeroFrom = zero;
        this.lastFractionZero = lastZero;
        this.explicitSign = sign;
    }

    /** Compiles a template; 0A000 for the patterns not supported (see the class comment). */
    static NumberTemplate compile(String template) {
        List<Item> items = new ArrayList<>();
        boolean fill = false;
        boolean point = false;
        boolean leadingS = false;
        String upper = template.toUpperCase(Locale.ROOT);
        int i = 0;
        while (i < template.length()) {
            char c = upper.charAt(i);
            if (c == '"') {
                int end = template.indexOf('"', i + 1);
                end = end < 0 ? template.length() : end;
                items.add(new Item(Kind.LITERAL, template.substring(i + 1, end)));
                i = end + 1;
                continue;
            }
            if (upper.startsWith("FM", i)) {
                fill = true;
                i += 2;
                continue;
            }
            for (String unsupported : new String[] {"EEEE", "RN", "TH", "V", "L"}) {
                if (upper.startsWith(unsupported, i)) {
                    throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "\"" + unsupported + "\" in to_char");
                }
            }
            Kind kind;
            int length = 1;
            if (c == '9') {
                kind = Kind.DIGIT9;
            } else if (c == '0') {
                kind = Kind.DIGIT0;
            } else if (c == '.' || c == 'D') {
                if (point) {
                    throw new DbException(ErrorCode.SYNTAX_ERROR, "multiple decimal points in \"" + template + "\"");
                }
                point = true;
                kind = Kind.POINT;
            } else if (c == ',' || c == 'G') {
                kind = Kind.GROUP;
            } else if (upper.startsWith("MI", i)) {
                kind = Kind.MI;
                length = 2;
            } else if (upper.startsWith("PL", i)) {
                kind = Kind.PL;
                length = 2;
            } else if (upper.startsWith("SG", i)) {
                kind = Kind.SG;
                length = 2;
            } else if (upper.startsWith("PR", i)) {
                kind = Kind.PR;
                length = 2;
            } else if (c == 'S') {
                if (items.stream().noneMatch(x -> x.kind == Kind.DIGIT9 || x.kind == Kind.DIGIT0
                        || x.kind == Kind.POINT)) {
                    leadingS = true;
                    i++;
                    continue;
                }
                kind = Kind.S;
            } else {
                kind = Kind.LITERAL;
            }
            items.add(new Item(kind, template.substring(i, i + length)));
            i += length;
        }
        return new NumberTemplate(List.copyOf(items), fill, leadingS);
    }

    /** {@code TO_CHAR(value, template)}. */
    String format(BigDecimal value) {
        BigDecimal rounded = value.setScale(fractionDigits, RoundingMode.HALF_UP);
        boolean negative = rounded.signum() < 0;
        String plain = rounded.abs().toPlainString();
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        String fracPart = dot < 0 ? "" : plain.substring(dot + 1);
        if (intPart.equals("0") && fractionDigits > 0) {
            intPart = ""; // the zero before the point of a number below 1 is not a significant digit
        }
        boolean overflow = intPart.length() > integerDigits;
        int lastFraction = fractionDigits - 1;
        if (fill) { // trailing zeros of 9 places after the point go
            while (lastFraction > lastFractionZero && fracPart.charAt(lastFraction) == '0') {
                lastFraction--;
            }
        }
        // the floating sign: '-' (or '+' for a leading S) just before the first digit or the point
        String floating = explicitSign && !leadingS ? null
                : negative ? "-" : leadingS ? "+" : fill ? "" : " ";
        StringBuilder sb = new StringBuilder();
        int intPlace = 0;
        int fracPlace = 0;
        boolean afterPoint = false;
        boolean digitPrinted = false;
        for (Item item : items) {
            switch (item.kind) {
                case DIGIT9, DIGIT0 -> {
                    if (afterPoint) {
                        if (fracPlace <= lastFraction) {
                            sb.append(overflow ? '#' : fracPart.charAt(fracPlace));
                        }
                        fracPlace++;
                        continue;
                    }
                    int digitIndex = intPlace - (integerDigits - intPart.length());
                    boolean forced = zeroFrom >= 0 && intPlace >= zeroFrom;
                    if (overflow || digitIndex >= 0 || forced) {
                        if (floating != null) {
                            sb.append(floating);
                            floating = null;
                        }
                        sb.append(overflow ? '#' : digitIndex >= 0 ? intPart.charAt(digitIndex) : '0');
                        digitPrinted = true;
                    } else if (!fill) {
                        sb.append(' ');
                    }
                    intPlace++;
                }
                case POINT -> {
                    if (floating != null) {
                        sb.append(floating);
                        floating = null;
                    }
                    afterPoint = true;
                    sb.append('.');
                }
                case GROUP -> {
                    if (digitPrinted) {
                        sb.append(',');
                    } else if (!fill) {
                        sb.append(' ');
                    }
                }
                case S, SG -> sb.append(negative ? '-' : '+');
                case MI -> sb.append(negative ? "-" : fill ? "" : " ");
                case PL -> sb.append(negative ? (fill ? "" : " ") : "+");
                case PR -> {
                    if (negative) {
                        sb.insert(0, '<').append('>');
                    } else if (!fill) {
                        sb.insert(0, ' ').append(' ');
                    }
                }
                case LITERAL -> sb.append(item.text);
            }
        }
        return sb.toString();
    }
}
