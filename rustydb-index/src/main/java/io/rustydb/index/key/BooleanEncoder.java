package io.rustydb.index.key;

/** BOOLEAN: one byte, {@code 0x00} false, {@code 0x01} true. */
final class BooleanEncoder implements ValueEncoder {
    static final BooleanEncoder INSTANCE = new BooleanEncoder();

    private BooleanEncoder() {
    }

    @Override
    public void encode(Object value, KeyWriter out) {
        out.put((Boolean) value ? 1 : 0);
    }

    @Override
    public Object decode(KeyReader in) {
        int b = in.get();
        if (b > 1) {
            throw in.corrupt("bad BOOLEAN byte 0x" + Integer.toHexString(b));
        }
        return b == 1;
    }
}
