package io.rustydb.index.key;

/**
 * A variable-length encoding of a signed 64-bit integer whose unsigned byte order is the numeric order, and which
 * is prefix-free (the first byte gives the length). Small values take one byte, so DATE epoch days and DECIMAL
 * exponents stay short.
 *
 * <pre>
 *  first byte   bytes  value
 *  0x38..0x3F   1+n    v &lt; -64:  n = 0x40 - first (1..8), then the low n bytes of v, big-endian
 *  0x40..0xBF   1      -64 &lt;= v &lt;= 63: first = 0x80 + v
 *  0xC0..0xC7   1+n    v &gt; 63:   n = first - 0xBF (1..8), then the low n bytes of v, big-endian
 * </pre>
 *
 * The writer always picks the smallest n, so a longer positive encoding is a larger value and a longer negative
 * encoding a smaller one; within one length the big-endian bytes (two's complement for negatives) order correctly.
 */
final class OrderedVarint {
    private static final int SMALL_BIAS = 0x80;
    private static final int SMALL_MIN = -64;
    private static final int SMALL_MAX = 63;
    private static final int NEGATIVE_BASE = 0x40;
    private static final int POSITIVE_BASE = 0xBF;

    private OrderedVarint() {
    }

    static void put(KeyWriter out, long v) {
        if (v >= SMALL_MIN && v <= SMALL_MAX) {
            out.put(SMALL_BIAS + (int) v);
        } else if (v > 0) {
            int n = byteLength(v);
            out.put(POSITIVE_BASE + n);
            out.putBigEndian(v, n);
        } else {
            int n = byteLength(~v);
            out.put(NEGATIVE_BASE - n);
            out.putBigEndian(v, n);
        }
    }

    static long get(KeyReader in) {
        int first = in.get();
        if (first >= NEGATIVE_BASE && first <= POSITIVE_BASE) {
            return first - SMALL_BIAS;
        } else if (first > POSITIVE_BASE && first <= POSITIVE_BASE + 8) {
            return in.getBigEndian(first - POSITIVE_BASE);
        } else if (first < NEGATIVE_BASE && first >= NEGATIVE_BASE - 8) {
            int n = NEGATIVE_BASE - first;
            long low = in.getBigEndian(n);
            return n == 8 ? low : low | (-1L << (8 * n)); // sign-extend
        }
        throw in.corrupt("bad varint lead byte 0x" + Integer.toHexString(first));
    }

    /** Bytes needed for a non-negative value. */
    private static int byteLength(long nonNegative) {
        return (64 - Long.numberOfLeadingZeros(nonNegative) + 7) / 8;
    }
}
