package io.rustydb.index.key;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

/**
 * A cursor over an encoded key. Every byte read is XORed with a mask: {@code 0x00} for an ascending column,
 * {@code 0xFF} while a descending column (whose bytes were complemented) is decoded, so the per-type decoders only
 * ever see the ascending form. Reading past the end is a {@link ErrorCode#DATA_CORRUPTED} error.
 */
final class KeyReader {
    private final byte[] buf;
    private final int start;
    private final int end;
    private int pos;
    private int mask;

    KeyReader(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > buf.length) {
            throw new IndexOutOfBoundsException("key range [" + offset + ", " + (offset + length)
                    + ") outside an array of " + buf.length + " bytes");
        }
        this.buf = buf;
        this.start = offset;
        this.end = offset + length;
        this.pos = offset;
    }

    boolean hasRemaining() {
        return pos < end;
    }

    /** Reads the next byte without the mask (the column header byte, which is never complemented). */
    int getRaw() {
        check(1);
        return buf[pos++] & 0xFF;
    }

    /** Reads the next byte, unmasked to its ascending form, as 0..255. */
    int get() {
        check(1);
        return (buf[pos++] ^ mask) & 0xFF;
    }

    /** Reads {@code n} bytes (1..8), unmasked, as a big-endian unsigned number. */
    long getBigEndian(int n) {
        check(n);
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | ((buf[pos++] ^ mask) & 0xFF);
        }
        return v;
    }

    /** Sets the mask for a column: complemented bytes when {@code descending}. */
    void setDescending(boolean descending) {
        mask = descending ? 0xFF : 0;
    }

    /** Complements the mask: for bodies (negative DECIMALs) that are stored complemented within a column. */
    void flipMask() {
        mask ^= 0xFF;
    }

    /** A {@link ErrorCode#DATA_CORRUPTED} error naming the current offset within the key. */
    DbException corrupt(String detail) {
        return new DbException(ErrorCode.DATA_CORRUPTED,
                "index key corrupted at byte " + (pos - start) + " of " + (end - start) + ": " + detail);
    }

    private void check(int n) {
        if (end - pos < n) {
            throw corrupt("truncated (" + n + " more bytes expected)");
        }
    }
}
