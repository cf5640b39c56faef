package io.rustydb.index.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link KeyHash} against the reference XXH64 vectors: every length path (tail bytes, 4-byte lane, stripes). */
class KeyHashTest {
    private static long xxh64(String s, long seed) {
        return KeyHash.xxh64(s.getBytes(StandardCharsets.US_ASCII), seed);
    }

    @Test
    void matchesTheReferenceVectors() {
        assertEquals(0xEF46DB3751D8E999L, xxh64("", 0));
        assertEquals(0xD24EC4F1A98C6E5BL, xxh64("a", 0));
        assertEquals(0x44BC2CF5AD770999L, xxh64("abc", 0));
        assertEquals(0xC49AACF8080FE47FL, xxh64("Hello, World!", 0));
        assertEquals(0xC2E0FE28B2512846L, xxh64("Hello, World!", 42));
        assertEquals(0x856E843298F99AD7L, xxh64("a".repeat(32), 0));
        assertEquals(0x18F3FF0C21E3B24BL, xxh64("a".repeat(33), 0));
        assertEquals(0x205219D38E8898BCL, xxh64("abcd".repeat(1000), 0));
        assertEquals(0x933EB85613976467L, xxh64("abc".repeat(999), 0));
    }

    @Test
    void theStoredHashIsTheLowHalfAndDependsOnTheSeed() {
        byte[] key = "some key".getBytes(StandardCharsets.US_ASCII);
        assertEquals((int) KeyHash.xxh64(key, 7), KeyHash.of(key, 7));
        assertNotEquals(KeyHash.of(key, 7), KeyHash.of(key, 8));
    }

    @Test
    void lowBitsSpreadEvenlyOverSequentialKeys() {
        // the directory indexes by the low bits: 2^16 encoded integers over 256 slots, each within 25 % of the mean
        int[] slots = new int[256];
        for (int i = 0; i < 1 << 16; i++) {
            byte[] key = {1, (byte) 0x80, 0, 0, 0, 0, 0, (byte) (i >>> 8), (byte) i};
            slots[KeyHash.of(key, 0) & 0xFF]++;
        }
        int mean = (1 << 16) / 256;
        assertEquals(0, Arrays.stream(slots).filter(n -> Math.abs(n - mean) > mean / 4).count(),
                Arrays.toString(slots));
    }
}
