package io.rustydb.sql.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.BufferPoolStats;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A seeded randomized model test of the SQL engine over real pages: random rows of {@code t(k INTEGER, v VARCHAR,
 * d DOUBLE)} (NULLs included) are inserted through {@link SqlEngine} and mirrored in a Java list; after each batch,
 * random queries are answered by the engine and by plain Java over the list, and must agree.
 *
 * <p>The buffer pool has 64 frames, far fewer than the table's pages, so scans evict and re-read pages all the
 * time. Doubles are multiples of 0.25 of bounded size, so their sums are exact in any order. A failure prints its
 * seed; rerun with {@code -Drustydb.seed=N} to reproduce it.
 */
class SqlEngineModelTest {
    private static final int FRAMES = 64;
    private static final int PAGE_SIZE = StorageOptions.DEFAULT_PAGE_SIZE;
    private static final String ALPHABET = "abcxyzAB _%'é";

    private record Row(Integer k, String v, Double d) {
        Object[] values() {
            return new Object[] {k, v, d};
        }
    }

    /** NULLs last ascending, like the engine's default; a total order on whole rows. */
    private static final Comparator<Object[]> CANONICAL = (a, b) -> {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = compareNullsLast(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    };

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareNullsLast(Object x, Object y) {
        if (x == null || y == null) {
            return x == y ? 0 : x == null ? 1 : -1;
        }
        return ((Comparable) x).compareTo(y);
    }

    private static long seedFromProperty(long fallback) {
        String s = System.getProperty("rustydb.seed");
        return s == null ? fallback : Long.parseLong(s);
    }

    @Test
    void randomInsertsAndQueriesAgreeWithTheModel() {
        long seed = seedFromProperty(0x5EED_2024L);
        run(seed, ReplacementPolicyName.ARC, PAGE_SIZE, 20_000, 3);
    }

    @ParameterizedTest
    @EnumSource(ReplacementPolicyName.class)
    void everyReplacementPolicyGivesTheSameAnswers(ReplacementPolicyName policy) {
        long seed = seedFromProperty(0xC0FFEEL + policy.ordinal());
        // Smaller pages, so that fewer rows overflow the 64 frames.
        run(seed, policy, 4096, 7_000, 2);
    }

    private void run(long seed, ReplacementPolicyName policy, int pageSize, int totalRows, int queriesPerBatch) {
        String context = "seed " + seed + " (-Drustydb.seed=" + seed + "), policy " + policy + ", page size " + pageSize;
        Random random = new Random(seed);
        StorageOptions options = new StorageOptions(pageSize, (long) FRAMES * pageSize, policy);
        List<Row> model = new ArrayList<>();
        int queries = 0;
        try (SqlEngine engine = new SqlEngine(StorageEngine.inMemory(options))) {
            engine.execute("CREATE TABLE t(k INTEGER, v VARCHAR, d DOUBLE)");
            PreparedSql insertOne = engine.prepare("INSERT INTO t VALUES (?, ?, ?)");
            while (model.size() < totalRows) {
                int batch = 1 + random.nextInt(Math.min(1000, totalRows - model.size()));
                List<Row> rows = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    rows.add(randomRow(random));
                }
                if (random.nextInt(4) == 0) {
                    // One parameterized statement per row.
                    for (Row r : rows) {
                        assertEquals(1, engine.execute(insertOne, Arrays.asList(r.values())).updateCount(), context);
                    }
                } else {
                    // Multi-row VALUES of literals, in chunks.
                    for (int from = 0; from < rows.size(); from += 250) {
                        List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + 250));
                        StringBuilder sql = new StringBuilder("INSERT INTO t VALUES ");
                        for (int i = 0; i < chunk.size(); i++) {
                            sql.append(i == 0 ? "" : ", ").append(literalRow(chunk.get(i)));
                        }
                        assertEquals(chunk.size(), engine.execute(sql.toString()).updateCount(), context);
                    }
                }
                model.addAll(rows);
                for (int q = 0; q < queriesPerBatch; q++) {
                    String label = context + ", after " + model.size() + " rows, query " + queries++;
                    randomQuery(engine, model, random, label);
                }
            }
            BufferPoolStats stats = engine.storage().bufferPool().stats();
            assertTrue(stats.evictions() > 0 && stats.misses() > 0,
                    "the table must not fit the pool, or this test proves nothing about eviction: " + stats + "; " + context);
            // Finally, the whole table, row for row.
            assertSameRows(model, engine.execute("SELECT k, v, d FROM t").query().rows(), context + ", full scan");
        }
    }

    private static Row randomRow(Random random) {
        Integer k = random.nextInt(10) == 0 ? null : random.nextInt(2001) - 1000;
        String v = null;
        if (random.nextInt(10) != 0) {
            int length = random.nextBoolean() ? random.nextInt(120) : random.nextInt(6);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < length; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            v = sb.toString();
        }
        Double d = random.nextInt(10) == 0 ? null : (random.nextInt(400_001) - 200_000) / 4.0;
        return new Row(k, v, d);
    }

    private static String literalRow(Row r) {
        return "(" + (r.k == null ? "NULL" : r.k.toString())
                + ", " + (r.v == null ? "NULL" : "'" + r.v.replace("'", "''") + "'")
                + ", " + (r.d == null ? "NULL" : BigDecimal.valueOf(r.d).toPlainString()) + ")";
    }

    private void randomQuery(SqlEngine engine, List<Row> model, Random random, String label) {
        switch (random.nextInt(8)) {
            case 0 -> {
                int x = random.nextInt(2201) - 1100;
                check(engine, "SELECT k, v, d FROM t WHERE k < " + x, model, r -> r.k != null && r.k < x, label);
            }
            case 1 -> {
                int lo = random.nextInt(2201) - 1100;
                int hi = lo + random.nextInt(300);
                check(engine, "SELECT k, v, d FROM t WHERE k BETWEEN " + lo + " AND " + hi, model,
                        r -> r.k != null && r.k >= lo && r.k <= hi, label);
            }
            case 2 -> {
                String prefix = String.valueOf(ALPHABET.charAt(random.nextInt(6)));
                check(engine, "SELECT k, v, d FROM t WHERE v LIKE '" + prefix + "%'", model,
                        r -> r.v != null && r.v.startsWith(prefix), label);
            }
            case 3 -> groupBy(engine, model, label);
            case 4 -> orderByLimit(engine, model, random.nextInt(50), label);
            case 5 -> totals(engine, model, label);
            case 6 -> {
                // Three-valued logic: rows where the condition is UNKNOWN are filtered out, as are FALSE ones.
                double y = (random.nextInt(400_001) - 200_000) / 4.0;
                int x = random.nextInt(2001) - 1000;
                check(engine, "SELECT k, v, d FROM t WHERE NOT (k > " + x + " OR d < " + BigDecimal.valueOf(y).toPlainString() + ")",
                        model, r -> {
                            Boolean a = r.k == null ? null : r.k > x;
                            Boolean b = r.d == null ? null : r.d < y;
                            // NOT (a OR b) is TRUE only when both are FALSE.
                            return Boolean.FALSE.equals(a) && Boolean.FALSE.equals(b);
                        }, label);
            }
            default -> {
                int x = random.nextInt(2001) - 1000;
                String prefix = String.valueOf(ALPHABET.charAt(random.nextInt(6)));
                PreparedSql prepared = engine.prepare("SELECT COUNT(*), SUM(d) FROM t WHERE k >= ? AND v LIKE ?");
                Object[] got = engine.execute(prepared, List.of(x, prefix + "%")).query().rows().get(0);
                List<Row> match = model.stream().filter(r -> r.k != null && r.k >= x && r.v != null && r.v.startsWith(prefix)).toList();
                Double sum = match.stream().filter(r -> r.d != null).map(Row::d).reduce(Double::sum).orElse(null);
                assertEquals(Arrays.asList((long) match.size(), sum), Arrays.asList(got), label + ": parameterized k >= " + x + ", v LIKE " + prefix);
            }
        }
    }

    private void check(SqlEngine engine, String sql, List<Row> model, Predicate<Row> where, String label) {
        List<Row> expected = model.stream().filter(where).toList();
        assertSameRows(expected, engine.execute(sql).query().rows(), label + ": " + sql);
    }

    private static void assertSameRows(List<Row> expected, List<Object[]> actual, String label) {
        List<Object[]> want = new ArrayList<>();
        for (Row r : expected) {
            want.add(r.values());
        }
        List<Object[]> got = new ArrayList<>(actual);
        want.sort(CANONICAL);
        got.sort(CANONICAL);
        assertEquals(want.size(), got.size(), label + ": row count");
        for (int i = 0; i < want.size(); i++) {
            if (!Arrays.equals(want.get(i), got.get(i))) {
                throw new AssertionError(label + ": sorted row " + i + " expected " + Arrays.toString(want.get(i))
                        + " but was " + Arrays.toString(got.get(i)));
            }
        }
    }

    /** {@code SELECT k % 7, COUNT(*), COUNT(d), SUM(k), MIN(v), MAX(d) ... GROUP BY k % 7}. */
    private void groupBy(SqlEngine engine, List<Row> model, String label) {
        String sql = "SELECT k % 7, COUNT(*), COUNT(d), SUM(k), MIN(v), MAX(d) FROM t GROUP BY k % 7";
        Map<Integer, Object[]> expected = new HashMap<>();
        for (Row r : model) {
            Integer key = r.k == null ? null : r.k % 7;
            Object[] acc = expected.computeIfAbsent(key, x -> new Object[] {x, 0L, 0L, null, null, null});
            acc[1] = (Long) acc[1] + 1;
            if (r.d != null) {
                acc[2] = (Long) acc[2] + 1;
                acc[5] = acc[5] == null || r.d > (Double) acc[5] ? r.d : acc[5];
            }
            if (r.k != null) {
                acc[3] = acc[3] == null ? (long) r.k : (Long) acc[3] + r.k;
            }
            if (r.v != null) {
                acc[4] = acc[4] == null || r.v.compareTo((String) acc[4]) < 0 ? r.v : acc[4];
            }
        }
        List<Object[]> rows = engine.execute(sql).query().rows();
        assertEquals(expected.size(), rows.size(), label + ": number of groups of " + sql);
        Map<Integer, Object[]> byKey = new HashMap<>();
        for (Object[] row : rows) {
            Object[] previous = byKey.put((Integer) row[0], row);
            assertEquals(null, previous, label + ": group " + row[0] + " twice");
        }
        for (Map.Entry<Integer, Object[]> e : expected.entrySet()) {
            Object[] got = byKey.get(e.getKey());
            assertTrue(got != null, label + ": group " + e.getKey() + " missing");
            assertEquals(Arrays.asList(e.getValue()), Arrays.asList(got), label + ": group " + e.getKey() + " of " + sql);
        }
    }

    /** {@code ORDER BY k DESC NULLS LAST, v, d LIMIT n}: a total order on distinct rows, so the list is exact. */
    private void orderByLimit(SqlEngine engine, List<Row> model, int n, String label) {
        String sql = "SELECT k, v, d FROM t ORDER BY k DESC NULLS LAST, v, d LIMIT " + n;
        Comparator<Row> order = Comparator.comparing(Row::k, Comparator.nullsLast(Comparator.<Integer>reverseOrder()))
                .thenComparing(Row::v, Comparator.nullsLast(Comparator.<String>naturalOrder()))
                .thenComparing(Row::d, Comparator.nullsLast(Comparator.<Double>naturalOrder()));
        List<Row> expected = model.stream().sorted(order).limit(n).toList();
        List<Object[]> got = engine.execute(sql).query().rows();
        assertEquals(expected.size(), got.size(), label + ": " + sql);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(Arrays.asList(expected.get(i).values()), Arrays.asList(got.get(i)), label + ": row " + i + " of " + sql);
        }
        // Also by output position with OFFSET: the next n rows.
        String paged = "SELECT k FROM t ORDER BY 1 DESC NULLS LAST OFFSET " + n + " ROWS FETCH FIRST " + n + " ROWS ONLY";
        List<Integer> expectedKeys = model.stream().map(Row::k)
                .sorted(Comparator.nullsLast(Comparator.<Integer>reverseOrder())).skip(n).limit(n).toList();
        List<Object> gotKeys = engine.execute(paged).query().rows().stream().map(r -> r[0]).toList();
        assertEquals(new ArrayList<Object>(expectedKeys), gotKeys, label + ": " + paged);
    }

    /** COUNT/SUM/MIN/MAX/AVG over the whole table. */
    private void totals(SqlEngine engine, List<Row> model, String label) {
        String sql = "SELECT COUNT(*), COUNT(k), SUM(k), MIN(k), MAX(k), SUM(d), MIN(d), AVG(k), MAX(v) FROM t";
        long count = model.size();
        List<Integer> ks = model.stream().map(Row::k).filter(Objects::nonNull).toList();
        List<Double> ds = model.stream().map(Row::d).filter(Objects::nonNull).toList();
        Long sumK = ks.isEmpty() ? null : ks.stream().mapToLong(Integer::longValue).sum();
        BigDecimal avgK = ks.isEmpty() ? null
                : BigDecimal.valueOf(sumK).divide(BigDecimal.valueOf(ks.size()), 16, RoundingMode.HALF_UP);
        String maxV = model.stream().map(Row::v).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        Object[] got = engine.execute(sql).query().rows().get(0);
        assertEquals(Arrays.asList(count, (long) ks.size(), sumK,
                ks.stream().min(Integer::compare).orElse(null), ks.stream().max(Integer::compare).orElse(null),
                ds.stream().reduce(Double::sum).orElse(null), ds.stream().min(Double::compare).orElse(null)),
                Arrays.asList(got).subList(0, 7), label + ": " + sql);
        if (avgK == null) {
            assertEquals(null, got[7], label + ": AVG(k) of no values");
        } else {
            assertEquals(0, avgK.compareTo((BigDecimal) got[7]), label + ": AVG(k) expected " + avgK + " but was " + got[7]);
        }
        assertEquals(maxV, got[8], label + ": MAX(v)");
    }
}
