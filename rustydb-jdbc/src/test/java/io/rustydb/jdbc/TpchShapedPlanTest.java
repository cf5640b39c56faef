package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.sql.exec.PlannerSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Multi-join queries shaped like TPC-H's (Q2, Q3, Q4, Q5, Q17, Q21: star joins over keys, correlated EXISTS / NOT
 * EXISTS and scalar aggregates) over small generated tables with TPC-H's keys: the rows must be the same with the
 * planner's rewrites off (FROM order, nested subqueries) and on, and the rewritten plans must use the joins meant
 * for them. Prints both times (a measurement, never asserted); {@code -Drustydb.tpchShaped.scale=N} makes the
 * tables N times larger.
 */
class TpchShapedPlanTest {
    // written with JOIN ... ON so that the plain FROM-order plans (rewrites off) finish: comma joins of these
    // tables would be cross products there
    private static final String[] QUERIES = {
        // Q3
        "SELECT l_orderkey, sum(l_price) AS revenue, o_orderdate FROM customer JOIN orders ON c_custkey = o_custkey"
            + " JOIN lineitem ON l_orderkey = o_orderkey"
            + " WHERE c_segment = 'BUILDING' AND o_orderdate < 50 AND l_shipdate > 40 GROUP BY l_orderkey, o_orderdate",
        // Q5
        "SELECT n_name, sum(l_price) FROM customer JOIN orders ON c_custkey = o_custkey"
            + " JOIN lineitem ON l_orderkey = o_orderkey JOIN supplier ON l_suppkey = s_suppkey"
            + " AND c_nationkey = s_nationkey JOIN nation ON s_nationkey = n_nationkey"
            + " JOIN region ON n_regionkey = r_regionkey WHERE r_name = 'ASIA' GROUP BY n_name",
        // Q4
        "SELECT o_priority, count(*) FROM orders WHERE o_orderdate >= 20 AND o_orderdate < 60"
            + " AND EXISTS (SELECT * FROM lineitem WHERE l_orderkey = o_orderkey AND l_commitdate < l_receiptdate)"
            + " GROUP BY o_priority",
        // Q17
        "SELECT sum(l_price) / 7.0 FROM lineitem, part WHERE p_partkey = l_partkey AND p_brand = 'Brand#23'"
            + " AND l_quantity < (SELECT 0.2 * avg(l_quantity) FROM lineitem WHERE l_partkey = p_partkey)",
        // Q21
        "SELECT s_name, count(*) FROM supplier JOIN lineitem l1 ON s_suppkey = l1.l_suppkey"
            + " JOIN orders ON o_orderkey = l1.l_orderkey JOIN nation ON s_nationkey = n_nationkey"
            + " WHERE o_status = 'F' AND l1.l_receiptdate > l1.l_commitdate"
            + " AND EXISTS (SELECT * FROM lineitem l2 WHERE l2.l_orderkey = l1.l_orderkey"
            + " AND l2.l_suppkey <> l1.l_suppkey)"
            + " AND NOT EXISTS (SELECT * FROM lineitem l3 WHERE l3.l_orderkey = l1.l_orderkey"
            + " AND l3.l_suppkey <> l1.l_suppkey AND l3.l_receiptdate > l3.l_commitdate)"
            + " AND n_regionkey < 3 GROUP BY s_name",
        // Q2
        "SELECT s_name, p_partkey FROM part JOIN partsupp ON p_partkey = ps_partkey"
            + " JOIN supplier ON s_suppkey = ps_suppkey JOIN nation ON s_nationkey = n_nationkey"
            + " JOIN region ON n_regionkey = r_regionkey WHERE p_size = 15 AND r_name = 'EUROPE'"
            + " AND ps_supplycost = (SELECT min(ps_supplycost) FROM partsupp JOIN supplier ON s_suppkey = ps_suppkey"
            + " JOIN nation ON s_nationkey = n_nationkey JOIN region ON n_regionkey = r_regionkey"
            + " WHERE p_partkey = ps_partkey AND r_name = 'EUROPE')",
    };

    @Test
    void tpchShapedQueriesGiveTheSameRowsWithTheRewritesOffAndOn() throws SQLException {
        int scale = Integer.getInteger("rustydb.tpchShaped.scale", 1);
        try (Connection plain = JdbcTestSupport.connect(JdbcTestSupport.freshMemUrl("tpch_plain"));
             Connection planned = JdbcTestSupport.connect(JdbcTestSupport.freshMemUrl("tpch_planned"))) {
            load(plain, scale);
            load(planned, scale);
            for (int q = 0; q < QUERIES.length; q++) {
                long t0 = System.nanoTime();
                List<String> expected = run(plain, QUERIES[q], false);
                long t1 = System.nanoTime();
                List<String> actual = run(planned, QUERIES[q], true);
                long t2 = System.nanoTime();
                System.out.printf(Locale.ROOT, "tpch-shaped query %d (scale %d): %d rows, rewrites off %.1f ms,"
                        + " on %.1f ms%n", q, scale, actual.size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6);
                assertEquals(expected, actual, QUERIES[q]);
                assertTrue(!actual.isEmpty(), "query " + q + " should find rows: " + QUERIES[q]);
            }
            PlannerSettings.setAll(true);
            try (Statement s = planned.createStatement()) {
                String q17 = String.join("\n", JdbcTestSupport.strings(s, "EXPLAIN " + QUERIES[3]));
                assertTrue(q17.contains("HashJoin LEFT") && q17.contains("HashAggregate"), q17);
                String q21 = String.join("\n", JdbcTestSupport.strings(s, "EXPLAIN " + QUERIES[4]));
                assertTrue(q21.contains("HashSemiJoin") && q21.contains("HashAntiJoin"), q21);
                String q5 = String.join("\n", JdbcTestSupport.strings(s, "EXPLAIN " + QUERIES[1]));
                assertTrue(!q5.contains("-> NestedLoopJoin"), q5);
            }
        } finally {
            PlannerSettings.setAll(true);
        }
    }

    private static List<String> run(Connection c, String sql, boolean rewrites) throws SQLException {
        PlannerSettings.setAll(rewrites);
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object v = r.getObject(i);
                    row.append(v instanceof Number num ? String.format(Locale.ROOT, "%.4f", num.doubleValue())
                            : String.valueOf(v)).append('|');
                }
                out.add(row.toString());
            }
        }
        out.sort(null);
        return out;
    }

    private static void load(Connection c, int scale) throws SQLException {
        Random random = new Random(7);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE region (r_regionkey INTEGER PRIMARY KEY, r_name VARCHAR(20))");
            s.execute("CREATE TABLE nation (n_nationkey INTEGER PRIMARY KEY, n_name VARCHAR(20), n_regionkey INTEGER)");
            s.execute("CREATE TABLE supplier (s_suppkey INTEGER PRIMARY KEY, s_name VARCHAR(20), s_nationkey INTEGER)");
            s.execute("CREATE TABLE customer (c_custkey INTEGER PRIMARY KEY, c_segment VARCHAR(20), c_nationkey INTEGER)");
            s.execute("CREATE TABLE part (p_partkey INTEGER PRIMARY KEY, p_brand VARCHAR(20), p_size INTEGER)");
            s.execute("CREATE TABLE partsupp (ps_partkey INTEGER, ps_suppkey INTEGER, ps_supplycost DECIMAL(10,2),"
                    + " PRIMARY KEY (ps_partkey, ps_suppkey))");
            s.execute("CREATE TABLE orders (o_orderkey INTEGER PRIMARY KEY, o_custkey INTEGER, o_orderdate INTEGER,"
                    + " o_priority VARCHAR(10), o_status VARCHAR(1))");
            s.execute("CREATE TABLE lineitem (l_orderkey INTEGER, l_linenumber INTEGER, l_partkey INTEGER,"
                    + " l_suppkey INTEGER, l_quantity INTEGER, l_price DECIMAL(12,2), l_shipdate INTEGER,"
                    + " l_commitdate INTEGER, l_receiptdate INTEGER, PRIMARY KEY (l_orderkey, l_linenumber))");
            String[] regions = {"AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"};
            insert(s, "region", 5, i -> i + ", '" + regions[i] + "'");
            insert(s, "nation", 25, i -> i + ", 'N" + i + "', " + i % 5);
            int suppliers = 20 * scale;
            int customers = 60 * scale;
            int parts = 80 * scale;
            int orders = 300 * scale;
            String[] segments = {"BUILDING", "AUTOMOBILE", "MACHINERY"};
            insert(s, "supplier", suppliers, i -> i + ", 'S" + i + "', " + random.nextInt(25));
            insert(s, "customer", customers, i -> i + ", '" + segments[random.nextInt(3)] + "', "
                    + random.nextInt(25));
            insert(s, "part", parts, i -> i + ", 'Brand#" + (21 + random.nextInt(4)) + "', " + (10 + random.nextInt(8)));
            insert(s, "partsupp", parts * 4, i -> (i / 4) + ", " + ((i / 4 + i % 4 * 7) % suppliers) + ", "
                    + (1 + random.nextInt(1000)) / 10.0);
            insert(s, "orders", orders, i -> i + ", " + random.nextInt(customers) + ", " + random.nextInt(100)
                    + ", 'P" + random.nextInt(5) + "', '" + (random.nextBoolean() ? "F" : "O") + "'");
            insert(s, "lineitem", orders * 4, i -> {
                int commit = random.nextInt(100);
                return (i / 4) + ", " + (i % 4) + ", " + random.nextInt(parts) + ", " + random.nextInt(suppliers)
                        + ", " + (1 + random.nextInt(50)) + ", " + (1 + random.nextInt(10000)) / 100.0 + ", "
                        + random.nextInt(100) + ", " + commit + ", " + (commit + random.nextInt(11) - 5);
            });
        }
    }

    private static void insert(Statement s, String table, int rows, IntFunction<String> row) throws SQLException {
        for (int start = 0; start < rows; start += 500) {
            StringBuilder sql = new StringBuilder("INSERT INTO " + table + " VALUES ");
            for (int i = start; i < Math.min(rows, start + 500); i++) {
                sql.append(i == start ? "(" : ", (").append(row.apply(i)).append(')');
            }
            s.execute(sql.toString());
        }
    }
}
