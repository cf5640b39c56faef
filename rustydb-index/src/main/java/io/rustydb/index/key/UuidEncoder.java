package io.rustydb.index.key;

import java.util.UUID;

/**
 * UUID: its 16 bytes big-endian (most significant half first). Unsigned byte order is the order
 * {@link io.rustydb.core.type.Values#compare} uses (PostgreSQL's, not the signed {@link UUID#compareTo}).
 */
final class UuidEncoder implements ValueEncoder {
    static final UuidEncoder INSTANCE = new UuidEncoder();

    private UuidEncoder() {
    }

    @Override
    public void encode(Object value, KeyWriter out) {
        UUID u = (UUID) value;
        out.putBigEndian(u.getMostSignificantBits(), 8);
        out.putBigEndian(u.getLeastSignificantBits(), 8);
    }

    @Override
    public Object decode(KeyReader in) {
        long msb = in.getBigEndian(8);
        return new UUID(msb, in.getBigEndian(8));
    }
}
