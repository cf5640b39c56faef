package io.rustydb.index.key;

/**
 * CHAR, VARCHAR, TEXT: the string's UTF-16 code units, each written as UTF-8 writes a code point of that value
 * (1 to 3 bytes; this is CESU-8), in {@link EscapedBytes} framing.
 *
 * <p>Why not plain UTF-8: {@link io.rustydb.core.type.Values#compare} orders strings with
 * {@link String#compareTo}, by UTF-16 code unit, and there a supplementary character (a surrogate pair,
 * {@code 0xD800-0xDFFF}) sorts <em>below</em> {@code U+E000..U+FFFF}, while UTF-8 would put it above. Encoding each
 * unit separately keeps the unit order (UTF-8's byte order is the order of the values it encodes) and also
 * round-trips unpaired surrogates, which are legal in a Java string. Only U+0000 yields a {@code 0x00} byte; no
 * unit yields {@code 0xFF}.
 *
 * <p>CHAR gets no special treatment: RustyDB pads CHAR(n) values with blanks when they are assigned or cast, and
 * compares them as they are (see {@link io.rustydb.core.type.Values}), so the padding is part of the key.
 */
final class StringEncoder implements ValueEncoder {
    static final StringEncoder INSTANCE = new StringEncoder();

    private StringEncoder() {
    }

    @Override
    public void encode(Object value, KeyWriter out) {
        String s = (String) value;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                EscapedBytes.put(out, c);
            } else if (c < 0x800) {
                out.put(0xC0 | (c >>> 6));
                out.put(0x80 | (c & 0x3F));
            } else {
                out.put(0xE0 | (c >>> 12));
                out.put(0x80 | ((c >>> 6) & 0x3F));
                out.put(0x80 | (c & 0x3F));
            }
        }
        EscapedBytes.putTerminator(out);
    }

    @Override
    public Object decode(KeyReader in) {
        StringBuilder sb = new StringBuilder();
        for (int b = EscapedBytes.get(in); b >= 0; b = EscapedBytes.get(in)) {
            if (b < 0x80) {
                sb.append((char) b);
            } else if ((b & 0xE0) == 0xC0) {
                sb.append((char) ((b & 0x1F) << 6 | continuation(in)));
            } else if ((b & 0xF0) == 0xE0) {
                int mid = continuation(in);
                sb.append((char) ((b & 0x0F) << 12 | mid << 6 | continuation(in)));
            } else {
                throw in.corrupt("bad string lead byte 0x" + Integer.toHexString(b));
            }
        }
        return sb.toString();
    }

    private static int continuation(KeyReader in) {
        int b = in.get();
        if ((b & 0xC0) != 0x80) {
            throw in.corrupt("bad string continuation byte 0x" + Integer.toHexString(b));
        }
        return b & 0x3F;
    }
}
