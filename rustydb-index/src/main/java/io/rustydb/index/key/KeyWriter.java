package io.rustydb.index.key;

import java.util.Arrays;

/** A growable byte buffer that key encoders append to; big-endian multi-byte writes. Not thread-safe. */
final class KeyWriter {
    private byte[] buf;
    private int size;

    KeyWriter(int initialCapacity) {
        buf = new byte[Math.max(initialCapacity, 8)];
    }

    /** The number of bytes written so far: the offset the next byte goes to. */
    int size() {
        return size;
    }

    /** Appends the low 8 bits of {@code b}. */
    void put(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    /** Appends the low {@code n} bytes of {@code v}, most significant first; 1 &lt;= n &lt;= 8. */
    void putBigEndian(long v, int n) {
        ensure(n);
        for (int shift = 8 * (n - 1); shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
    }

    /** Replaces every byte from {@code from} to the end by its complement ({@code b -> 0xFF - b}). */
    void invertFrom(int from) {
        for (int i = from; i < size; i++) {
            buf[i] = (byte) ~buf[i];
        }
    }

    /** A copy of the bytes written. */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
