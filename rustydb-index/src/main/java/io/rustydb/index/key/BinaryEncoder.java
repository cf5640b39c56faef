package io.rustydb.index.key;

import io.rustydb.core.type.Binary;

import java.util.Arrays;

/**
 * VARBINARY, BLOB: the bytes themselves in {@link EscapedBytes} framing. Unsigned byte order is the order of
 * {@link Binary#compareTo} (and so of {@link io.rustydb.core.type.Values#compare}).
 */
final class BinaryEncoder implements ValueEncoder {
    static final BinaryEncoder INSTANCE = new BinaryEncoder();

    private BinaryEncoder() {
    }

    @Override
    public void encode(Object value, KeyWriter out) {
        Binary v = (Binary) value;
        for (int i = 0, n = v.length(); i < n; i++) {
            EscapedBytes.put(out, v.byteAt(i));
        }
        EscapedBytes.putTerminator(out);
    }

    @Override
    public Object decode(KeyReader in) {
        byte[] bytes = new byte[16];
        int n = 0;
        for (int b = EscapedBytes.get(in); b >= 0; b = EscapedBytes.get(in)) {
            if (n == bytes.length) {
                bytes = Arrays.copyOf(bytes, 2 * n);
            }
            bytes[n++] = (byte) b;
        }
        return Binary.of(bytes, 0, n);
    }
}
