package io.rustydb.index.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link OrderedVarint}: round trip, order and length at every length boundary and at random. */
class OrderedVarintTest {
    private static final long SEED = Long.getLong("rustydb.seed", 20261202L);

    private static byte[] encode(long v) {
        KeyWriter out = new KeyWriter(9);
        OrderedVarint.put(out, v);
        return out.toByteArray();
    }

    @Test
    void boundariesRoundTripInOrder() {
        List<Long> values = new ArrayList<>();
        for (int bits = 0; bits < 64; bits++) {
            long p = 1L << bits;
            for (long v : new long[] {p - 1, p, p + 1, -p - 1, -p, -p + 1}) {
                values.add(v);
            }
        }
        values.add(Long.MIN_VALUE);
        values.add(Long.MAX_VALUE);
        values.sort(null);
        byte[] previous = null;
        long previousValue = 0;
        for (long v : values) {
            byte[] b = encode(v);
            assertEquals(v, OrderedVarint.get(new KeyReader(b, 0, b.length)), "value " + v);
            if (previous != null) {
                int c = KeyCodec.compare(previous, b);
                assertTrue(v == previousValue ? c == 0 : c < 0, "order of " + previousValue + " and " + v);
            }
            previous = b;
            previousValue = v;
        }
        assertEquals(1, encode(-64).length);
        assertEquals(1, encode(63).length);
        assertEquals(2, encode(64).length);
        assertEquals(2, encode(-65).length);
        assertEquals(9, encode(Long.MIN_VALUE).length);
        assertEquals(9, encode(Long.MAX_VALUE).length);
    }

    @Test
    void randomPairsCompareLikeLongs() {
        Random rnd = new Random(SEED);
        for (int i = 0; i < 50_000; i++) {
            long a = rnd.nextLong() >> rnd.nextInt(64);
            long b = rnd.nextInt(4) == 0 ? a + rnd.nextInt(3) - 1 : rnd.nextLong() >> rnd.nextInt(64);
            byte[] ea = encode(a);
            assertEquals(Long.signum(Long.compare(a, b)), Integer.signum(KeyCodec.compare(ea, encode(b))),
                    "seed=" + SEED + " " + a + " vs " + b);
            assertEquals(a, OrderedVarint.get(new KeyReader(ea, 0, ea.length)), "seed=" + SEED);
        }
    }
}
