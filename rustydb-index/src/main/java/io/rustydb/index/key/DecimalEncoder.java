package io.rustydb.index.key;

import io.rustydb.core.type.DataType;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * DECIMAL of any precision: sign, decimal exponent, then the significant digits two per byte.
 *
 * <pre>
 *  zero      0x02
 *  positive  0x03 | varint(E)  | d1d2 | d3d4 | ... | dk-1dk
 *  negative  0x01 | ~( varint(E) | d1d2 | ... )          (every byte after the tag complemented)
 *
 *  |value| = 0.d1d2...dk x 10^E  with d1 != 0 and dk != 0 (trailing zeros stripped; an odd k is padded with a 0)
 *  varint  = {@link OrderedVarint}
 *  a digit pair p (0..99) is the byte 2p+1 when more pairs follow and 2p for the last pair (never 0x00)
 * </pre>
 *
 * Trailing zeros are stripped first, so values equal by {@link BigDecimal#compareTo} (the comparison
 * {@link io.rustydb.core.type.Values#compare} uses for DECIMAL), such as {@code 1.0} and {@code 1.00}, get the same
 * bytes. For positive numbers a larger exponent is a larger number, then the digits compare as a fraction; the low
 * bit of each digit byte marks "more follows", which makes the body prefix-free and lets a shorter fraction sort
 * first ({@code 0.5 < 0.51}). Negative numbers complement the same bytes, which reverses their order.
 *
 * <p>The encoding cannot keep the scale, so decoding gives the smallest scale that holds the value, raised to the
 * column's declared scale for {@code DECIMAL(p,s)} (a stored value has exactly that scale, so it round-trips
 * exactly) and to 0 for unconstrained DECIMAL (whose scales are never negative): {@code 1.50} in an unconstrained
 * column comes back as {@code 1.5}, {@code 100} as {@code 100}.
 */
final class DecimalEncoder implements ValueEncoder {
    private static final int NEGATIVE = 0x01;
    private static final int ZERO = 0x02;
    private static final int POSITIVE = 0x03;
    /** Largest digit byte: the pair 99 followed by more pairs, 2 * 99 + 1. */
    private static final int MAX_DIGIT_BYTE = 199;

    private final int minScale;

    DecimalEncoder(DataType type) {
        this.minScale = type.isConstrainedDecimal() ? type.scale() : 0;
    }

    @Override
    public void encode(Object value, KeyWriter out) {
        BigDecimal v = (BigDecimal) value;
        int sign = v.signum();
        if (sign == 0) {
            out.put(ZERO);
            return;
        }
        BigDecimal stripped = v.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        int k = digits.length();
        out.put(sign > 0 ? POSITIVE : NEGATIVE);
        int bodyStart = out.size();
        OrderedVarint.put(out, (long) k - stripped.scale());
        for (int i = 0; i < k; i += 2) {
            int pair = 10 * (digits.charAt(i) - '0') + (i + 1 < k ? digits.charAt(i + 1) - '0' : 0);
            out.put(i + 2 < k ? 2 * pair + 1 : 2 * pair);
        }
        if (sign < 0) {
            out.invertFrom(bodyStart);
        }
    }

    @Override
    public Object decode(KeyReader in) {
        int tag = in.get();
        if (tag == ZERO) {
            return BigDecimal.ZERO.setScale(minScale);
        } else if (tag != POSITIVE && tag != NEGATIVE) {
            throw in.corrupt("bad DECIMAL tag 0x" + Integer.toHexString(tag));
        }
        boolean negative = tag == NEGATIVE;
        if (negative) {
            in.flipMask();
        }
        long exponent = OrderedVarint.get(in);
        StringBuilder digits = new StringBuilder();
        int b;
        do {
            b = in.get();
            if (b > MAX_DIGIT_BYTE || b == 0) {
                throw in.corrupt("bad DECIMAL digit byte 0x" + Integer.toHexString(b));
            }
            int pair = b >>> 1;
            digits.append((char) ('0' + pair / 10)).append((char) ('0' + pair % 10));
        } while ((b & 1) != 0);
        if (negative) {
            in.flipMask();
        }
        if (digits.charAt(digits.length() - 1) == '0') {
            digits.setLength(digits.length() - 1); // padding of an odd digit count
        }
        long scale = digits.length() - exponent;
        if (scale != (int) scale) {
            throw in.corrupt("DECIMAL exponent " + exponent + " out of range");
        }
        BigInteger unscaled = new BigInteger(digits.toString());
        BigDecimal v = new BigDecimal(negative ? unscaled.negate() : unscaled, (int) scale);
        return v.scale() < minScale ? v.setScale(minScale) : v;
    }
}
