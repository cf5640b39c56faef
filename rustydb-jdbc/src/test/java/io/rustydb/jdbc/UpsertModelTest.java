package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random multi-row {@code INSERT ... ON CONFLICT} statements (DO NOTHING, DO UPDATE with EXCLUDED and WHERE, with
 * RETURNING) and deletes against a {@link HashMap} model of the table, seeded (print and reuse with
 * {@code -Drustydb.seed=N}); the table and every RETURNING result must match the model after each statement.
 */
class UpsertModelTest {
    private static final int KEYS = 40;

    @Test
    void upsertsMatchAHashMapModel() throws SQLException {
        long seed = Long.getLong("rustydb.seed", System.nanoTime());
        Random random = new Random(seed);
        Map<Integer, Integer> model = new HashMap<>();
        try (Connection c = JdbcTestSupport.connect(JdbcTestSupport.freshMemUrl("upsert_model"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v INTEGER NOT NULL)");
            for (int step = 0; step < 400; step++) {
                String context = "seed " + seed + ", step " + step;
                int kind = random.nextInt(10);
                if (kind == 0) {
                    int k = random.nextInt(KEYS);
                    s.execute("DELETE FROM t WHERE k = " + k);
                    model.remove(k);
                    continue;
                }
                int n = 1 + random.nextInt(4);
                List<int[]> proposed = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    proposed.add(new int[] {random.nextInt(KEYS), random.nextInt(100)});
                }
                StringBuilder sql = new StringBuilder("INSERT INTO t VALUES ");
                for (int i = 0; i < n; i++) {
                    sql.append(i > 0 ? ", " : "").append('(').append(proposed.get(i)[0]).append(", ")
                            .append(proposed.get(i)[1]).append(')');
                }
                boolean doUpdate = kind >= 4;
                int threshold = random.nextInt(100);
                boolean withWhere = doUpdate && random.nextBoolean();
                sql.append(doUpdate ? " ON CONFLICT (k) DO UPDATE SET v = t.v + excluded.v"
                        + (withWhere ? " WHERE t.v < " + threshold : "") : " ON CONFLICT DO NOTHING");
                sql.append(" RETURNING k, v");
                Map<Integer, Integer> expected = new HashMap<>(model);
                Map<Integer, Integer> returned = new LinkedHashMap<>();
                boolean cardinality = false;
                java.util.Set<Integer> touched = new java.util.HashSet<>();
                for (int[] p : proposed) {
                    Integer old = expected.get(p[0]);
                    if (old == null) {
                        expected.put(p[0], p[1]);
                        returned.put(p[0], p[1]);
                        touched.add(p[0]);
                    } else if (doUpdate) {
                        if (touched.contains(p[0])) {
                            cardinality = true;
                            break;
                        }
                        if (!withWhere || old < threshold) {
                            expected.put(p[0], old + p[1]);
                            returned.put(p[0], old + p[1]);
                            touched.add(p[0]);
                        }
                    }
                }
                if (cardinality) {
                    SQLException e = assertThrows(SQLException.class, () -> s.execute(sql.toString()), context);
                    assertEquals("21000", e.getSQLState(), context + ": " + sql);
                } else {
                    Map<Integer, Integer> got = new LinkedHashMap<>();
                    try (ResultSet r = s.executeQuery(sql.toString())) {
                        while (r.next()) {
                            got.put(r.getInt(1), r.getInt(2));
                        }
                    }
                    assertEquals(returned, got, context + ": " + sql);
                    model = expected;
                }
                if (step % 20 == 0 || cardinality) {
                    assertEquals(new TreeMap<>(model), table(s), context);
                }
            }
            assertEquals(new TreeMap<>(model), table(s), "seed " + seed);
        }
    }

    private static TreeMap<Integer, Integer> table(Statement s) throws SQLException {
        TreeMap<Integer, Integer> out = new TreeMap<>();
        try (ResultSet r = s.executeQuery("SELECT k, v FROM t")) {
            while (r.next()) {
                out.put(r.getInt(1), r.getInt(2));
            }
        }
        return out;
    }
}
