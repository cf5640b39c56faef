package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GROUP BY GROUPING SETS, ROLLUP and CUBE (alone, mixed with plain keys, with the empty set), GROUPING(...), their
 * NULL handling and errors; and a seeded randomized comparison of ROLLUP/CUBE/GROUPING SETS with the UNION ALL of
 * the plain GROUP BYs they stand for.
 */
class GroupingSetsTest {
    private Connection c;
    private Statement s;

    @BeforeEach
    void open() throws SQLException {
        c = JdbcTestSupport.connect(JdbcTestSupport.freshMemUrl("grouping_sets"));
        s = c.createStatement();
        s.execute("CREATE TABLE sales (region VARCHAR(10), product VARCHAR(10), amount INTEGER)");
        s.execute("INSERT INTO sales VALUES ('east', 'a', 10), ('east', 'b', 20), ('west', 'a', 30), "
                + "('west', NULL, 5), (NULL, 'a', 1)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void rollupGivesEveryPrefixAndTheGrandTotal() throws SQLException {
        assertEquals(List.of(
                        row("east", "a", 10L), row("east", "b", 20L), row("east", null, 30L),
                        row("west", "a", 30L), row("west", null, 5L), row("west", null, 35L),
                        row(null, "a", 1L), row(null, null, 1L), row(null, null, 66L)),
                rows(c, "SELECT region, product, SUM(amount) FROM sales GROUP BY ROLLUP (region, product) "
                        + "ORDER BY GROUPING(region), region NULLS LAST, GROUPING(product), product NULLS LAST"));
    }

    @Test
    void groupingTellsAGroupedNullFromASubtotal() throws SQLException {
        // (west, NULL) is a real group, (west, subtotal) is the ROLLUP's: GROUPING says which is which
        assertEquals(List.of(row("west", null, 0, 5L), row("west", null, 1, 35L)),
                rows(c, "SELECT region, product, GROUPING(product), SUM(amount) FROM sales "
                        + "GROUP BY ROLLUP (region, product) HAVING region = 'west' AND product IS NULL ORDER BY 3"));
        assertEquals(List.of(row(0, 10L), row(1, 30L), row(2, 41L), row(3, 66L)),
                rows(c, "SELECT GROUPING(region, product) AS g, SUM(amount) FROM sales "
                        + "GROUP BY CUBE (region, product) HAVING GROUPING(region, product) = 3 "
                        + "OR (region = 'east' AND product = 'a') OR (region = 'east' AND GROUPING(product) = 1) "
                        + "OR (product = 'a' AND GROUPING(region) = 1) ORDER BY g"));
        // GROUPING under a plain GROUP BY is 0
        assertEquals(List.of(row(0, 2L)),
                rows(c, "SELECT GROUPING(region), COUNT(*) FROM sales WHERE region = 'west' GROUP BY region"));
    }

    @Test
    void cubeGivesEverySubset() throws SQLException {
        assertEquals(12, rows(c, "SELECT region, product, COUNT(*) FROM sales GROUP BY CUBE (region, product)").size());
        // subsets: (region, product) 5 groups, (region) 3, (product) 3, () 1
        assertEquals(List.of(row(0, 5L), row(1, 3L), row(2, 3L), row(3, 1L)),
                rows(c, "SELECT g, COUNT(*) FROM (SELECT GROUPING(region, product) AS g FROM sales "
                        + "GROUP BY CUBE (region, product)) x GROUP BY g ORDER BY g"));
    }

    @Test
    void groupingSetsWithPlainKeysAndTheEmptySet() throws SQLException {
        assertEquals(List.of(row("east", null, 30L), row("west", null, 35L), row(null, "a", 41L),
                        row(null, "b", 20L), row(null, null, 66L)),
                rows(c, "SELECT region, product, SUM(amount) FROM sales WHERE region IS NOT NULL OR product = 'a' "
                        + "GROUP BY GROUPING SETS ((region), (product), ()) "
                        + "HAVING GROUPING(region) = 0 AND region IS NOT NULL OR GROUPING(product) = 0 "
                        + "AND product IS NOT NULL OR GROUPING(region, product) = 3 "
                        + "ORDER BY GROUPING(region), region, product"));
        // a plain key and a ROLLUP: (region, product), (region)
        assertEquals(List.of(row("east", "a", 10L), row("east", "b", 20L), row("east", null, 30L)),
                rows(c, "SELECT region, product, SUM(amount) FROM sales WHERE region = 'east' "
                        + "GROUP BY region, ROLLUP (product) ORDER BY GROUPING(product), product"));
        // GROUP BY () is one group, even over no rows; two empty sets are two rows
        assertEquals(List.of(row(0L)), rows(c, "SELECT COUNT(*) FROM sales WHERE amount < 0 GROUP BY ()"));
        assertEquals(List.of(row(0L), row(0L)),
                rows(c, "SELECT COUNT(*) FROM sales WHERE amount < 0 GROUP BY GROUPING SETS ((), ())"));
        // over no rows, only the empty set yields a row
        assertEquals(List.of(row(null, 0L)),
                rows(c, "SELECT region, COUNT(*) FROM sales WHERE amount < 0 GROUP BY ROLLUP (region)"));
        // a composite ROLLUP element stays together
        assertEquals(3, rows(c, "SELECT region, product FROM sales WHERE region = 'east' "
                + "GROUP BY ROLLUP ((region, product))").size());
    }

    @Test
    void errors() {
        fails(s, "SELECT GROUPING(amount) FROM sales GROUP BY ROLLUP (region)", "42803");
        fails(s, "SELECT amount FROM sales GROUP BY ROLLUP (region)", "42803");
        fails(s, "SELECT region FROM sales WHERE GROUPING(region) = 0 GROUP BY region", "42803");
        fails(s, "SELECT GROUPING(region) FROM sales", "42803");
        fails(s, "SELECT COUNT(*) FROM sales GROUP BY CUBE (a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13)",
                "54000");
        StringBuilder args = new StringBuilder("region");
        for (int i = 0; i < 31; i++) {
            args.append(", region");
        }
        fails(s, "SELECT GROUPING(" + args + ") FROM sales GROUP BY region", "54023");
        fails(s, "SELECT COUNT(*) FROM sales GROUP BY ROLLUP (nope)", "42703");
    }

    /**
     * ROLLUP, CUBE and GROUPING SETS over random data (NULLs included) give exactly the rows of the UNION ALL of one
     * plain GROUP BY per grouping set, with NULL for the keys outside the set.
     */
    @Test
    void randomizedAgainstUnionOfPlainGroupBys() throws SQLException {
        long seed = Long.getLong("rustydb.seed", System.nanoTime());
        Random random = new Random(seed);
        String context = "seed " + seed + " (rerun with -Drustydb.seed=" + seed + ")";
        s.execute("CREATE TABLE r (a INTEGER, b VARCHAR(5), c INTEGER, v INTEGER)");
        for (int round = 0; round < 8; round++) {
            s.execute("DELETE FROM r");
            int n = random.nextInt(60);
            for (int i = 0; i < n; i++) {
                s.execute("INSERT INTO r VALUES (" + maybeNull(random, random.nextInt(3)) + ", "
                        + maybeNull(random, "'" + (char) ('x' + random.nextInt(3)) + "'") + ", "
                        + maybeNull(random, random.nextInt(2)) + ", " + maybeNull(random, random.nextInt(100) - 50) + ")");
            }
            String[] keys = {"a", "b", "c"};
            List<List<String>> sets = new ArrayList<>();
            String groupBy;
            switch (round % 3) {
                case 0:
                    groupBy = "ROLLUP (a, b, c)";
                    sets = List.of(List.of("a", "b", "c"), List.of("a", "b"), List.of("a"), List.of());
                    break;
                case 1:
                    groupBy = "CUBE (a, b, c)";
                    for (int mask = 0; mask < 8; mask++) {
                        List<String> set = new ArrayList<>();
                        for (int k = 0; k < 3; k++) {
                            if ((mask & (1 << k)) != 0) {
                                set.add(keys[k]);
                            }
                        }
                        sets.add(set);
                    }
                    break;
                default:
                    groupBy = "GROUPING SETS ((a, c), (b), (), (a, b, c))";
                    sets = List.of(List.of("a", "c"), List.of("b"), List.of(), List.of("a", "b", "c"));
                    break;
            }
            String aggregates = "COUNT(*), COUNT(v), SUM(v), MIN(v), MAX(v), COUNT(DISTINCT v), "
                    + "SUM(v) FILTER (WHERE v > 0)";
            List<List<Object>> actual = rows(c, "SELECT a, b, c, GROUPING(a, b, c), " + aggregates
                    + " FROM r GROUP BY " + groupBy);
            List<List<Object>> expected = new ArrayList<>();
            for (List<String> set : sets) {
                StringBuilder select = new StringBuilder("SELECT ");
                int grouping = 0;
                for (int k = 0; k < 3; k++) {
                    boolean in = set.contains(keys[k]);
                    select.append(in ? keys[k] : "NULL").append(", ");
                    grouping = grouping << 1 | (in ? 0 : 1);
                }
                select.append(grouping).append(", ").append(aggregates).append(" FROM r");
                if (!set.isEmpty()) {
                    select.append(" GROUP BY ").append(String.join(", ", set));
                }
                for (List<Object> r : rows(c, select.toString())) {
                    List<Object> fixed = new ArrayList<>(r);
                    for (int k = 0; k < 3; k++) {
                        fixed.set(k, set.contains(keys[k]) ? r.get(k) : null);
                    }
                    expected.add(fixed);
                }
            }
            assertEquals(sorted(expected), sorted(actual), context + ", GROUP BY " + groupBy);
        }
    }

    private static String maybeNull(Random random, Object value) {
        return random.nextInt(6) == 0 ? "NULL" : String.valueOf(value);
    }

    private static List<String> sorted(List<List<Object>> rows) {
        List<String> out = new ArrayList<>();
        for (List<Object> r : rows) {
            out.add(r.toString());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }
}
