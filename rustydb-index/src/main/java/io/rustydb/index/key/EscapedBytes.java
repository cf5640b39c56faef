package io.rustydb.index.key;

/**
 * The framing shared by variable-length bodies (strings, binaries): content bytes with {@code 0x00} escaped, then a
 * terminator.
 *
 * <pre>
 *  content byte 0x00      -&gt;  0x00 0xFF
 *  content byte 0x01-0xFF -&gt;  itself
 *  end of value           -&gt;  0x00 0x01
 * </pre>
 *
 * The terminator sorts below every content byte (and below an escaped zero), so a value sorts before every longer
 * value it is a prefix of, and the body is prefix-free. Complemented for DESC, the terminator becomes
 * {@code 0xFF 0xFE} and an escaped zero {@code 0xFF 0x00}; readers see the ascending form through
 * {@link KeyReader}'s mask, so the framing still finds the end.
 */
final class EscapedBytes {
    static final int ESCAPE = 0x00;
    static final int ESCAPED_ZERO = 0xFF;
    static final int TERMINATOR = 0x01;

    private EscapedBytes() {
    }

    /** Appends one content byte. */
    static void put(KeyWriter out, int b) {
        if ((b & 0xFF) == ESCAPE) {
            out.put(ESCAPE);
            out.put(ESCAPED_ZERO);
        } else {
            out.put(b);
        }
    }

    static void putTerminator(KeyWriter out) {
        out.put(ESCAPE);
        out.put(TERMINATOR);
    }

    /** Reads one content byte (0..255), or -1 at the terminator. */
    static int get(KeyReader in) {
        int b = in.get();
        if (b != ESCAPE) {
            return b;
        }
        int next = in.get();
        if (next == ESCAPED_ZERO) {
            return 0;
        } else if (next == TERMINATOR) {
            return -1;
        }
        throw in.corrupt("bad escape 0x00 0x" + Integer.toHexString(next));
    }
}
