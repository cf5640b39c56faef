package io.rustydb.core.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded randomized check that {@link Values#hash} agrees with {@link Values#equal} and that {@link Values#compare}
 * is a consistent order across the numeric classes. Rerun a failure with the seed printed in its message.
 */
class ValuesHashConsistencyTest {
    private static final long SEED = Long.getLong("rustydb.test.seed", 0x5eed_c0ffeeL);

    @Test
    void equalValuesHashAlikeAndOrderIsConsistent() {
        Random r = new Random(SEED);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            addVariants(values, r);
        }
        int equalPairs = 0;
        for (Object a : values) {
            for (Object b : values) {
                int ab = Integer.signum(Values.compare(a, b));
                int ba = Integer.signum(Values.compare(b, a));
                String what = "seed=" + SEED + " a=" + describe(a) + " b=" + describe(b);
                assertEquals(-ab, ba, "antisymmetry, " + what);
                boolean eq = Values.equal(a, b);
                assertEquals(ab == 0, eq, "equal agrees with compare, " + what);
                if (eq) {
                    equalPairs++;
                    assertEquals(Values.hash(a), Values.hash(b), "equal values must hash alike, " + what);
                }
            }
        }
        // the generator must actually produce cross-class equal pairs, or the test proves nothing
        assertTrue(equalPairs > values.size() * 3, "seed=" + SEED + " only " + equalPairs + " equal pairs");
        checkTransitivity(values, r);
    }

    /** Adds one random number in every class that can hold it exactly, plus a few near neighbours. */
    private static void addVariants(List<Object> out, Random r) {
        switch (r.nextInt(6)) {
            case 0: { // small integer, representable everywhere
                int v = r.nextInt(65536) - 32768;
                out.add((short) v);
                out.add(v);
                out.add((long) v);
                out.add(BigDecimal.valueOf(v).setScale(r.nextInt(4)));
                out.add((float) v);
                out.add((double) v);
                break;
            }
            case 1: { // large long: double only when exactly representable
                long v = r.nextLong() >> r.nextInt(40);
                out.add(v);
                out.add(new BigDecimal(v).setScale(r.nextInt(3)));
                double d = (double) v;
                out.add(d);
                out.add(new BigDecimal(d)); // exact value of the double
                if (Math.abs(d) < 0x1p63) {
                    out.add((long) d);
                }
                break;
            }
            case 2: { // binary fraction: exact in double, float (when small) and decimal
                int numerator = r.nextInt(2001) - 1000;
                int shift = 1 + r.nextInt(10);
                double d = numerator / (double) (1 << shift);
                out.add(d);
                out.add((float) d);
                BigDecimal exact = new BigDecimal(d);
                out.add(exact);
                out.add(exact.setScale(exact.scale() + r.nextInt(3)));
                break;
            }
            case 3: { // decimal fraction: only decimals are exact; doubles are near but not equal
                BigDecimal v = BigDecimal.valueOf(r.nextInt(200001) - 100000, 1 + r.nextInt(5));
                out.add(v);
                out.add(v.setScale(v.scale() + 1 + r.nextInt(3)));
                out.add(v.doubleValue());
                out.add(v.floatValue());
                break;
            }
            case 4: { // huge values beyond long
                BigDecimal v = new BigDecimal(r.nextLong()).multiply(BigDecimal.TEN.pow(1 + r.nextInt(18)));
                out.add(v);
                out.add(v.setScale(2));
                double d = v.doubleValue();
                out.add(d);
                out.add(new BigDecimal(d).setScale(1));
                break;
            }
            default: { // specials and signed zeros
                double[] specials = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    Double.MIN_VALUE, -Double.MAX_VALUE};
                double d = specials[r.nextInt(specials.length)];
                out.add(d);
                out.add((float) d);
                if (d == 0) {
                    out.add(0);
                    out.add(BigDecimal.ZERO.setScale(r.nextInt(5), RoundingMode.UNNECESSARY));
                    out.add(0L);
                    out.add((short) 0);
                }
                break;
            }
        }
    }

    private static void checkTransitivity(List<Object> values, Random r) {
        for (int i = 0; i < 20_000; i++) {
            Object a = values.get(r.nextInt(values.size()));
            Object b = values.get(r.nextInt(values.size()));
            Object c = values.get(r.nextInt(values.size()));
            if (Values.compare(a, b) <= 0 && Values.compare(b, c) <= 0) {
                assertTrue(Values.compare(a, c) <= 0, "transitivity, seed=" + SEED + " " + describe(a) + " <= "
                        + describe(b) + " <= " + describe(c));
            }
        }
    }

    private static String describe(Object v) {
        return v.getClass().getSimpleName() + "(" + v + ")";
    }
}
