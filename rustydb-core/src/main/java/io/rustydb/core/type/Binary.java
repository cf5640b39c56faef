package io.rustydb.core.type;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

import java.util.Arrays;

/**
 * An immutable byte string: the value of VARBINARY and BLOB columns.
 *
 * <p>{@link #of(byte[])} and {@link #toByteArray()} copy, so no caller can change a stored value. Ordering is
 * unsigned lexicographic (as PostgreSQL orders {@code bytea}); {@link #toString()} is PostgreSQL's hex form
 * {@code \x0a1b}.
 */
public final class Binary implements Comparable<Binary> {
    /** The empty byte string. */
    public static final Binary EMPTY = new Binary(new byte[0]);

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] bytes;

    private Binary(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A Binary holding a copy of {@code bytes}. */
    public static Binary of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Binary(bytes.clone());
    }

    /** A Binary holding a copy of {@code bytes[offset, offset + length)}. */
    public static Binary of(byte[] bytes, int offset, int length) {
        return length == 0 ? EMPTY : new Binary(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /** Wraps {@code bytes} without copying; the caller gives up the array. */
    static Binary wrap(byte[] bytes) {
        return new Binary(bytes);
    }

    /**
     * Reads hex digits (upper or lower case, an even number, no prefix), e.g. {@code "0a1B"}; anything else is
     * 22P02.
     */
    public static Binary fromHex(String hex) {
        if ((hex.length() & 1) != 0) {
            throw new DbException(ErrorCode.INVALID_TEXT_REPRESENTATION, "bytea", "\\x" + hex);
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = hexDigit(hex.charAt(2 * i));
            int lo = hexDigit(hex.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                throw new DbException(ErrorCode.INVALID_TEXT_REPRESENTATION, "bytea", "\\x" + hex);
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return wrap(out);
    }

    /** The value of an ASCII hex digit (either case), or -1. */
    static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        } else if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Copies the bytes into {@code dst} at {@code offset}. */
    public void copyTo(byte[] dst, int offset) {
        System.arraycopy(bytes, 0, dst, offset, bytes.length);
    }

    public int length() {
        return bytes.length;
    }

    public byte byteAt(int index) {
        return bytes[index];
    }

    /** The first {@code n} bytes (this Binary itself when it is not longer). */
    public Binary prefix(int n) {
        return n >= bytes.length ? this : of(bytes, 0, n);
    }

    /** Lower-case hex digits without a prefix. */
    public String toHex() {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    @Override
    public int compareTo(Binary other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Binary && Arrays.equals(bytes, ((Binary) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** PostgreSQL's hex output form, e.g. {@code \x0a1b}. */
    @Override
    public String toString() {
        return "\\x" + toHex();
    }
}
