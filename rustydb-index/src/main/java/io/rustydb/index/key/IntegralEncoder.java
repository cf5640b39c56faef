package io.rustydb.index.key;

import io.rustydb.core.type.TypeId;

/**
 * SMALLINT, INTEGER, BIGINT: the two's complement value in 2, 4 or 8 bytes, big-endian, with the sign bit flipped so
 * that negative numbers sort below positive ones.
 */
final class IntegralEncoder implements ValueEncoder {
    private static final IntegralEncoder SMALLINT = new IntegralEncoder(2);
    private static final IntegralEncoder INTEGER = new IntegralEncoder(4);
    private static final IntegralEncoder BIGINT = new IntegralEncoder(8);

    private final int width;
    private final long signBit;

    private IntegralEncoder(int width) {
        this.width = width;
        this.signBit = 1L << (8 * width - 1);
    }

    static IntegralEncoder of(TypeId id) {
        switch (id) {
            case SMALLINT: return SMALLINT;
            case INTEGER: return INTEGER;
            case BIGINT: return BIGINT;
            default: throw new IllegalArgumentException(id.name());
        }
    }

    @Override
    public void encode(Object value, KeyWriter out) {
        out.putBigEndian(((Number) value).longValue() ^ signBit, width);
    }

    @Override
    public Object decode(KeyReader in) {
        long flipped = in.getBigEndian(width) ^ signBit;
        switch (width) {
            case 2: return (short) flipped;
            case 4: return (int) flipped;
            default: return flipped;
        }
    }
}
