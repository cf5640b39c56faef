package io.rustydb.bench.engine;

/**
 * The synthetic rows every workload loads: {@code (id BIGINT, k INTEGER, v DOUBLE, s VARCHAR(32))}, all NOT NULL.
 * Values are a pure function of {@code id}, so every engine holds the same data and results can be checked.
 */
public final class Rows {
    /** Range of {@link #k}. */
    public static final int K_RANGE = 100_000;

    private Rows() {
    }

    /** Column list for CREATE TABLE (no key). */
    public static final String COLUMNS = "id BIGINT NOT NULL, k INTEGER NOT NULL, v DOUBLE NOT NULL, s VARCHAR(32) NOT NULL";

    /** Pseudo-random but deterministic, uniform over [0, K_RANGE). */
    public static int k(long id) {
        return (int) Math.floorMod(id * 2_654_435_761L, (long) K_RANGE);
    }

    public static double v(long id) {
        return (id % 1000) * 0.25;
    }

    public static String s(long id) {
        return "row-" + (id % 10_000);
    }

    /** Number of ids in [0, n) with {@code k(id) < bound}. */
    public static long countKBelow(long n, int bound) {
        long c = 0;
        for (long i = 0; i < n; i++) {
            if (k(i) < bound) {
                c++;
            }
        }
        return c;
    }
}
