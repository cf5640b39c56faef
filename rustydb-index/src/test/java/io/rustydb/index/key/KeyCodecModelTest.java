package io.rustydb.index.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;
import io.rustydb.core.type.Values;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Randomized model test of {@link KeyCodec} against the reference order ({@link Values#compare} plus direction and
 * NULL rules, see {@link RandomKeys#reference}). Each round draws a random schema (1-4 columns of random types,
 * directions and NULL placements) and random tuples, and checks: (1) decode(encode(x)) equals x in SQL (exactly,
 * where the encoding keeps everything) and re-encodes to the same bytes; (2) the sign of comparing the keys of every
 * pair equals the sign of the reference comparison; (3) sorting keys and sorting tuples give the same order; (4) the
 * key of every prefix of a tuple is a byte prefix of its key, decodes to that prefix, and together with
 * {@link KeyCodec#prefixUpperBound} selects exactly the tuples with SQL-equal leading values.
 *
 * <p>The seed is printed in every failure; rerun with {@code -Drustydb.seed=N}.
 */
class KeyCodecModelTest {
    private static final long SEED = Long.getLong("rustydb.seed", 20261202L);
    private static final int ROUNDS = 300;
    private static final int TUPLES = 80;
    private static final int POOL = 6;

    @Test
    void keysOrderLikeSqlValues() {
        Random rnd = new Random(SEED);
        RandomKeys gen = new RandomKeys(rnd);
        long comparisons = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<KeyColumn> columns = gen.columns(4);
            String ctx = "seed=" + SEED + " (-Drustydb.seed=" + SEED + ") round=" + round + " columns=" + columns;
            KeyCodec codec = new KeyCodec(columns);
            Object[][] tuples = tuples(gen, rnd, columns);
            byte[][] keys = new byte[tuples.length][];
            for (int i = 0; i < tuples.length; i++) {
                keys[i] = codec.encode(tuples[i]);
                checkRoundTrip(codec, tuples[i], keys[i], ctx);
            }
            comparisons += checkPairs(columns, tuples, keys, ctx);
            checkSort(columns, tuples, keys, ctx);
            checkPrefixes(codec, columns, tuples, keys, rnd, ctx);
        }
        assertTrue(comparisons >= 200_000, "only " + comparisons + " comparisons");
        System.out.println("KeyCodecModelTest seed=" + SEED + ": " + ROUNDS + " schemas, " + comparisons
                + " key comparisons");
    }

    private static Object[][] tuples(RandomKeys gen, Random rnd, List<KeyColumn> columns) {
        List<List<Object>> pools = new ArrayList<>();
        for (KeyColumn c : columns) {
            List<Object> pool = new ArrayList<>();
            for (int i = 0; i < POOL; i++) {
                pool.add(gen.value(c.type()));
            }
            pools.add(pool);
        }
        Object[][] tuples = new Object[TUPLES][columns.size()];
        for (Object[] t : tuples) {
            for (int c = 0; c < t.length; c++) {
                int r = rnd.nextInt(100);
                if (r < 12) {
                    t[c] = null;
                } else if (r < 60) {
                    t[c] = pools.get(c).get(rnd.nextInt(POOL)); // repeats: ties in leading columns
                } else {
                    t[c] = gen.value(columns.get(c).type());
                }
            }
        }
        return tuples;
    }

    private static void checkRoundTrip(KeyCodec codec, Object[] tuple, byte[] key, String ctx) {
        Object[] back = codec.decode(key);
        Supplier<String> at = () -> ctx + " tuple=" + show(tuple) + " decoded=" + show(back) + " key=" + hex(key);
        assertEquals(tuple.length, back.length, at);
        for (int i = 0; i < tuple.length; i++) {
            DataType type = codec.columns().get(i).type();
            if (tuple[i] == null) {
                assertNull(back[i], at);
                continue;
            }
            assertNotNull(back[i], at);
            assertSame(type.javaClass(), back[i].getClass(), at);
            assertTrue(Values.equal(tuple[i], back[i]), at);
            if (isExact(type, tuple[i])) {
                assertEquals(tuple[i], back[i], at);
            }
            if (type.id() == TypeId.DECIMAL) {
                BigDecimal d = (BigDecimal) back[i];
                int min = type.isConstrainedDecimal() ? type.scale() : 0;
                assertEquals(Math.max(min, d.stripTrailingZeros().scale()), d.scale(), at);
            }
        }
        assertArrayEquals(key, codec.encode(back), at);
    }

    /** True where decoding must give back an {@code equals} value, not only an SQL-equal one. */
    private static boolean isExact(DataType type, Object v) {
        switch (type.id()) {
            case REAL:
            case DOUBLE:
                double d = ((Number) v).doubleValue();
                return !Double.isNaN(d) && !(d == 0.0 && 1 / d < 0);
            case DECIMAL:
                return type.isConstrainedDecimal();
            case TIMESTAMP_TZ:
                return ((OffsetDateTime) v).getOffset().getTotalSeconds() == 0;
            default:
                return true;
        }
    }

    private static long checkPairs(List<KeyColumn> columns, Object[][] tuples, byte[][] keys, String ctx) {
        Comparator<Object[]> ref = RandomKeys.reference(columns);
        long n = 0;
        for (int i = 0; i < tuples.length; i++) {
            for (int j = 0; j < tuples.length; j++) {
                int expected = Integer.signum(ref.compare(tuples[i], tuples[j]));
                int actual = Integer.signum(KeyCodec.compare(keys[i], keys[j]));
                if (expected != actual) {
                    fail(ctx + " compare " + show(tuples[i]) + " with " + show(tuples[j]) + ": expected " + expected
                            + ", keys " + hex(keys[i]) + " / " + hex(keys[j]) + " give " + actual);
                }
                n++;
            }
        }
        return n;
    }

    private static void checkSort(List<KeyColumn> columns, Object[][] tuples, byte[][] keys, String ctx) {
        Comparator<Object[]> ref = RandomKeys.reference(columns);
        Integer[] byKey = indexes(tuples.length);
        Arrays.sort(byKey, (a, b) -> KeyCodec.compare(keys[a], keys[b]));
        Object[][] byRef = tuples.clone();
        Arrays.sort(byRef, ref);
        for (int i = 0; i < tuples.length; i++) {
            if (ref.compare(tuples[byKey[i]], byRef[i]) != 0) {
                fail(ctx + " position " + i + " after sorting: keys give " + show(tuples[byKey[i]])
                        + ", the reference " + show(byRef[i]));
            }
        }
    }

    private static void checkPrefixes(KeyCodec codec, List<KeyColumn> columns, Object[][] tuples, byte[][] keys,
            Random rnd, String ctx) {
        for (int t = 0; t < 10; t++) {
            int x = rnd.nextInt(tuples.length);
            int k = rnd.nextInt(columns.size() + 1);
            Object[] lead = Arrays.copyOf(tuples[x], k);
            byte[] prefix = codec.encode(lead);
            byte[] bound = KeyCodec.prefixUpperBound(prefix);
            String at = ctx + " prefix " + show(lead) + " = " + hex(prefix) + ", bound " + hex(bound);
            assertTrue(startsWith(keys[x], prefix), at + " not a prefix of " + hex(keys[x]));
            assertEquals(k, codec.decode(prefix).length, at);
            Comparator<Object[]> ref = RandomKeys.reference(columns.subList(0, k));
            for (int y = 0; y < tuples.length; y++) {
                boolean sameLead = ref.compare(lead, Arrays.copyOf(tuples[y], k)) == 0;
                boolean inRange = KeyCodec.compare(keys[y], prefix) >= 0
                        && (bound == null || KeyCodec.compare(keys[y], bound) < 0);
                if (sameLead != startsWith(keys[y], prefix) || sameLead != inRange) {
                    fail(at + ": same leading values " + sameLead + ", starts with prefix "
                            + startsWith(keys[y], prefix) + ", in range " + inRange + " for " + show(tuples[y])
                            + " = " + hex(keys[y]));
                }
            }
        }
    }

    @Test
    void prefixUpperBoundIsTheLeastUpperBound() {
        Random rnd = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            byte[] prefix = nearFF(rnd, rnd.nextInt(4));
            byte[] bound = KeyCodec.prefixUpperBound(prefix);
            Supplier<String> at = () -> "seed=" + SEED + " prefix " + hex(prefix) + " bound " + hex(bound);
            if (bound == null) {
                for (byte b : prefix) {
                    assertEquals((byte) 0xFF, b, at);
                }
            }
            for (int j = 0; j < 20; j++) {
                // a string near the prefix or the bound: a piece of either, its last byte nudged, bytes appended
                byte[] base = bound != null && rnd.nextBoolean() ? bound : prefix;
                byte[] s = Arrays.copyOf(base, rnd.nextInt(base.length + 1));
                if (s.length > 0 && rnd.nextBoolean()) {
                    s[s.length - 1] += rnd.nextBoolean() ? 1 : -1;
                }
                byte[] tail = nearFF(rnd, rnd.nextInt(3));
                byte[] t = Arrays.copyOf(s, s.length + tail.length);
                System.arraycopy(tail, 0, t, s.length, tail.length);
                boolean inRange = KeyCodec.compare(t, prefix) >= 0 && (bound == null || KeyCodec.compare(t, bound) < 0);
                assertEquals(startsWith(t, prefix), inRange, () -> at.get() + " string " + hex(t));
            }
        }
    }

    private static byte[] nearFF(Random rnd, int n) {
        byte[] b = new byte[n];
        for (int j = 0; j < n; j++) {
            b[j] = (byte) (rnd.nextInt(3) == 0 ? 0xFF : rnd.nextInt(3) == 0 ? 0x00 : rnd.nextInt(256));
        }
        return b;
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static Integer[] indexes(int n) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    static String show(Object[] tuple) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < tuple.length; i++) {
            Object v = tuple[i];
            sb.append(i == 0 ? "" : ", ");
            if (v instanceof String) {
                sb.append('\'');
                for (char c : ((String) v).toCharArray()) {
                    sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
                }
                sb.append('\'');
            } else {
                sb.append(v == null ? "NULL" : v + " [" + v.getClass().getSimpleName() + "]");
            }
        }
        return sb.append(')').toString();
    }

    static String hex(byte[] b) {
        if (b == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return sb.toString();
    }
}
