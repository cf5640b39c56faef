package io.rustydb.index.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * XXH64 (Yann Collet's xxHash, 64-bit variant) of a key's bytes with a seed: the hash a {@link HashIndex} places
 * its keys by. Part of the file format: a stored index is only readable with the same function and seed (the seed
 * is kept in the index's meta page).
 *
 * <p>Why XXH64 rather than {@code Arrays.hashCode} mixed by a finalizer: {@code Arrays.hashCode} is a 32-bit
 * polynomial in base 31, so distinct short keys collide outright ({@code "Aa"} and {@code "BB"}, and every key
 * built from such pairs), and no finalizer can separate keys whose 32-bit sums are already equal; at a few
 * hundred thousand keys, 32-bit sums also collide by the birthday bound alone. XXH64 keeps 64 bits of state,
 * passes SMHasher's avalanche and distribution tests, and costs one multiply-rotate per 8 input bytes, about as
 * much as {@code Arrays.hashCode} for the 8 to 30-byte keys an index typically holds. A random seed per index
 * (see {@link HashIndex#create(io.rustydb.storage.buffer.BufferPool)}) keeps keys chosen to collide under one
 * seed from colliding in every database.
 *
 * <p>Little-endian 8-byte and 4-byte lanes are read through a {@link VarHandle} over the {@code byte[]}: no copy,
 * no allocation. Verified against the reference implementation's published vectors ({@code KeyHashTest}).
 */
final class KeyHash {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private KeyHash() {
    }

    /** XXH64 of {@code key} with {@code seed}. */
    static long xxh64(byte[] key, long seed) {
        int length = key.length;
        int p = 0;
        long h;
        if (length >= 32) {
            long v1 = seed + P1 + P2;
            long v2 = seed + P2;
            long v3 = seed;
            long v4 = seed - P1;
            int limit = length - 32;
            do {
                v1 = round(v1, (long) LONGS.get(key, p));
                v2 = round(v2, (long) LONGS.get(key, p + 8));
                v3 = round(v3, (long) LONGS.get(key, p + 16));
                v4 = round(v4, (long) LONGS.get(key, p + 24));
                p += 32;
            } while (p <= limit);
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = seed + P5;
        }
        h += length;
        for (; p + 8 <= length; p += 8) {
            h ^= round(0, (long) LONGS.get(key, p));
            h = Long.rotateLeft(h, 27) * P1 + P4;
        }
        if (p + 4 <= length) {
            h ^= ((int) INTS.get(key, p) & 0xFFFF_FFFFL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            p += 4;
        }
        for (; p < length; p++) {
            h ^= (key[p] & 0xFFL) * P5;
            h = Long.rotateLeft(h, 11) * P1;
        }
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        h ^= h >>> 32;
        return h;
    }

    /** The 32 bits of a key's hash that a hash index stores and places entries by (the low half of XXH64). */
    static int of(byte[] key, long seed) {
        return (int) xxh64(key, seed);
    }

    private static long round(long acc, long lane) {
        acc += lane * P2;
        return Long.rotateLeft(acc, 31) * P1;
    }

    private static long merge(long h, long v) {
        h ^= round(0, v);
        return h * P1 + P4;
    }
}
