package io.rustydb.index.key;

/**
 * REAL (4 bytes) and DOUBLE (8 bytes): the IEEE 754 bits, big-endian, with the sign bit flipped for a positive
 * number and every bit flipped for a negative one, so that the unsigned order of the bits is the numeric order.
 *
 * <p>Before that, the value is made canonical the way {@link io.rustydb.core.type.Values#compare} orders it:
 * {@code -0.0} becomes {@code 0.0} (they are equal), and every NaN becomes the canonical positive quiet NaN, whose
 * flipped bits sort above {@code +Infinity} (NaN equals NaN and is greater than every number). So decoding gives
 * back {@code 0.0} for {@code -0.0} and the canonical NaN for any NaN: equal in SQL, not bit for bit.
 */
final class FloatingEncoder implements ValueEncoder {
    static final FloatingEncoder REAL = new FloatingEncoder(false);
    static final FloatingEncoder DOUBLE = new FloatingEncoder(true);

    private final boolean isDouble;

    private FloatingEncoder(boolean isDouble) {
        this.isDouble = isDouble;
    }

    @Override
    public void encode(Object value, KeyWriter out) {
        if (isDouble) {
            double d = (Double) value;
            long bits = Double.doubleToLongBits(d == 0.0 ? 0.0 : d); // doubleToLongBits folds every NaN into one
            out.putBigEndian(bits ^ (bits >> 63 | Long.MIN_VALUE), 8);
        } else {
            float f = (Float) value;
            int bits = Float.floatToIntBits(f == 0.0f ? 0.0f : f);
            out.putBigEndian(bits ^ (bits >> 31 | Integer.MIN_VALUE), 4);
        }
    }

    @Override
    public Object decode(KeyReader in) {
        if (isDouble) {
            long flipped = in.getBigEndian(8);
            long bits = flipped < 0 ? flipped ^ Long.MIN_VALUE : ~flipped;
            return Double.longBitsToDouble(bits);
        }
        int flipped = (int) in.getBigEndian(4);
        int bits = flipped < 0 ? flipped ^ Integer.MIN_VALUE : ~flipped;
        return Float.intBitsToFloat(bits);
    }
}
