package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cost-based planner seen through EXPLAIN: join order chosen by table sizes and conditions (no cross product
 * where a condition connects the tables), index nested-loop joins, subqueries rewritten into joins, and EXPLAIN
 * ANALYZE; each with the query's answer checked too.
 */
class QueryPlanningTest {
    private Connection c;
    private Statement s;

    @BeforeEach
    void open() throws SQLException {
        c = JdbcTestSupport.connect(JdbcTestSupport.freshMemUrl("planning"));
        s = c.createStatement();
        s.execute("CREATE TABLE big (id INTEGER PRIMARY KEY, grp INTEGER, v INTEGER)");
        s.execute("CREATE TABLE small (k INTEGER, name VARCHAR(20))");
        s.execute("CREATE TABLE mid (id INTEGER PRIMARY KEY, big_id INTEGER, w INTEGER)");
        s.execute("CREATE INDEX mid_big ON mid (big_id)");
        StringBuilder sql = new StringBuilder("INSERT INTO big VALUES ");
        for (int i = 1; i <= 2000; i++) {
            sql.append(i == 1 ? "" : ", ").append('(').append(i).append(',').append(i % 10).append(',')
                    .append(i * 3).append(')');
        }
        s.execute(sql.toString());
        sql = new StringBuilder("INSERT INTO mid VALUES ");
        for (int i = 1; i <= 500; i++) {
            sql.append(i == 1 ? "" : ", ").append('(').append(i).append(',').append(i * 4).append(',')
                    .append(i % 7).append(')');
        }
        s.execute(sql.toString());
        s.execute("INSERT INTO small VALUES (3, 'three'), (7, 'seven'), (11, 'eleven')");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private List<String> explain(String query) throws SQLException {
        return strings(s, "EXPLAIN " + query);
    }

    @Test
    void smallTableDrivesAnIndexNestedLoopJoinIntoTheBigOne() throws SQLException {
        String q = "SELECT small.name, big.v FROM big, small WHERE big.id = small.k ORDER BY 1";
        List<String> plan = explain(q);
        assertTrue(plan.stream().anyMatch(l -> l.contains("IndexNestedLoopJoin INNER big USING")), plan.toString());
        assertFalse(plan.stream().anyMatch(l -> l.contains("TableScan big")), plan.toString());
        assertEquals(List.of(row("eleven", 33), row("seven", 21), row("three", 9)), rows(c, q));
    }

    @Test
    void columnOrderOfTheQueryIsKeptWhenTheJoinIsReordered() throws SQLException {
        assertEquals(List.of(row(3, 3, 9, 3, "three")),
                rows(c, "SELECT * FROM big, small WHERE big.id = small.k AND small.k = 3"));
    }

    @Test
    void connectedTablesAreJoinedBeforeACrossProduct() throws SQLException {
        // FROM order would cross big with mid first; the planner joins along the conditions
        String q = "SELECT count(*) FROM big, mid, small WHERE mid.big_id = big.id AND small.k = mid.id";
        List<String> plan = explain(q);
        assertFalse(plan.stream().anyMatch(l -> l.contains("NestedLoopJoin") && !l.contains("IndexNestedLoopJoin")),
                plan.toString());
        assertEquals(3L, ((Number) rows(c, q).get(0).get(0)).longValue());
    }

    @Test
    void leftJoinProbesTheIndexOfItsRightTable() throws SQLException {
        String q = "SELECT small.k, mid.id FROM small LEFT JOIN mid ON mid.big_id = small.k * 4 ORDER BY 1";
        List<String> plan = explain(q);
        assertTrue(plan.stream().anyMatch(l -> l.contains("IndexNestedLoopJoin LEFT mid USING mid_big")),
                plan.toString());
        assertEquals(List.of(row(3, 3), row(7, 7), row(11, 11)), rows(c, q));
        s.execute("DELETE FROM mid WHERE id = 7");
        assertEquals(List.of(row(3, 3), row(7, null), row(11, 11)), rows(c, q));
    }

    @Test
    void existsAndNotExistsBecomeSemiAndAntiJoins() throws SQLException {
        String q = "SELECT k FROM small WHERE EXISTS (SELECT 1 FROM mid WHERE mid.w = small.k) ORDER BY k";
        assertTrue(explain(q).stream().anyMatch(l -> l.contains("HashSemiJoin")), explain(q).toString());
        assertEquals(List.of(row(3)), rows(c, q));
        String anti = "SELECT k FROM small WHERE NOT EXISTS (SELECT 1 FROM mid WHERE mid.w = small.k) ORDER BY k";
        assertTrue(explain(anti).stream().anyMatch(l -> l.contains("HashAntiJoin")), explain(anti).toString());
        assertEquals(List.of(row(7), row(11)), rows(c, anti));
    }

    @Test
    void notInKeepsSqlNullRules() throws SQLException {
        s.execute("CREATE TABLE o (g INTEGER, x INTEGER)");
        s.execute("CREATE TABLE i (g INTEGER, y INTEGER)");
        s.execute("INSERT INTO o VALUES (1, 1), (1, 2), (1, NULL), (2, 1), (2, NULL), (3, 5), (NULL, 1)");
        s.execute("INSERT INTO i VALUES (1, 1), (2, NULL), (2, 3)");
        String q = "SELECT g, x FROM o WHERE x NOT IN (SELECT y FROM i WHERE i.g = o.g) ORDER BY g, x";
        assertTrue(explain(q).stream().anyMatch(l -> l.contains("HashNotInJoin")), explain(q).toString());
        // g=1: {1}: 2 kept, NULL not; g=2: {NULL, 3}: nothing; g=3 and g NULL: empty set, every x kept
        assertEquals(List.of(row(1, 2), row(3, 5), row(null, 1)), rows(c, q));
        String in = "SELECT g, x FROM o WHERE x IN (SELECT y FROM i WHERE i.g = o.g) ORDER BY g, x";
        assertEquals(List.of(row(1, 1)), rows(c, in));
    }

    @Test
    void correlatedAggregateBecomesAGroupedJoinAndCountOfNothingIsZero() throws SQLException {
        String q = "SELECT k FROM small WHERE (SELECT count(*) FROM mid WHERE mid.w = small.k) = 0 ORDER BY k";
        List<String> plan = explain(q);
        assertTrue(plan.stream().anyMatch(l -> l.contains("HashAggregate")), plan.toString());
        assertTrue(plan.stream().anyMatch(l -> l.contains("HashJoin LEFT")), plan.toString());
        assertEquals(List.of(row(7), row(11)), rows(c, q));
        String avg = "SELECT count(*) FROM big WHERE v > (SELECT 2 * avg(b2.v) FROM big b2 WHERE b2.grp = big.grp)";
        assertEquals(0L, ((Number) rows(c, avg).get(0).get(0)).longValue());
        String half = "SELECT count(*) FROM big WHERE v < (SELECT 0.5 * avg(b2.v) FROM big b2 WHERE b2.grp = big.grp)";
        long expected = 0;
        for (int g = 0; g < 10; g++) {
            double sum = 0;
            int n = 0;
            for (int i = 1; i <= 2000; i++) {
                if (i % 10 == g) {
                    sum += i * 3;
                    n++;
                }
            }
            for (int i = 1; i <= 2000; i++) {
                if (i % 10 == g && i * 3 < 0.5 * sum / n) {
                    expected++;
                }
            }
        }
        assertEquals(expected, ((Number) rows(c, half).get(0).get(0)).longValue());
    }

    @Test
    void aCachedPlanIsMadeAgainWhenATableItJoinsGrewManyTimes() throws SQLException {
        s.execute("CREATE TABLE grow (k INTEGER PRIMARY KEY, v INTEGER)");
        s.execute("INSERT INTO grow VALUES (3, 1)");
        String q = "SELECT count(*) FROM grow, small WHERE grow.k = small.k";
        List<String> before = explain(q);
        assertFalse(before.stream().anyMatch(l -> l.contains("IndexNestedLoopJoin")), before.toString());
        assertEquals(1L, ((Number) rows(c, q).get(0).get(0)).longValue());
        StringBuilder sql = new StringBuilder("INSERT INTO grow VALUES ");
        for (int i = 4; i <= 1500; i++) {
            sql.append(i == 4 ? "" : ", ").append('(').append(i).append(", 0)");
        }
        s.execute(sql.toString());
        List<String> after = explain(q);
        assertTrue(after.stream().anyMatch(l -> l.contains("IndexNestedLoopJoin INNER grow")), after.toString());
        assertEquals(3L, ((Number) rows(c, q).get(0).get(0)).longValue());
    }

    @Test
    void explainAnalyzeRunsTheQueryAndCountsRows() throws SQLException {
        List<String> plan = strings(s, "EXPLAIN ANALYZE SELECT count(*) FROM big, small WHERE big.id = small.k");
        assertTrue(plan.get(0).startsWith("Project") || plan.get(0).startsWith("HashAggregate"), plan.toString());
        assertTrue(plan.stream().anyMatch(l -> l.contains("IndexNestedLoopJoin") && l.contains("actual rows=3 ")),
                plan.toString());
        assertTrue(plan.stream().anyMatch(l -> l.contains("TableScan small") && l.contains("actual rows=3 ")),
                plan.toString());
        assertTrue(plan.get(plan.size() - 1).startsWith("Execution time: "), plan.toString());
    }

    @Test
    void errorsOfRewrittenQueriesStayTheSame() throws SQLException {
        // a scalar subquery without aggregate is not rewritten: more than one row is still 21000
        fails(s, "SELECT k FROM small WHERE k = (SELECT mid.id FROM mid WHERE mid.w = small.k % 7)", "21000");
        // an error while EXPLAIN ANALYZE runs the query is that error
        fails(s, "EXPLAIN ANALYZE SELECT big.v / (small.k - 3) FROM big, small WHERE big.id = small.k", "22012");
        fails(s, "SELECT k FROM small WHERE EXISTS (SELECT 1 FROM mid WHERE mid.w = small.nope)", "42703");
        fails(s, "SELECT k FROM small WHERE k NOT IN (SELECT id, w FROM mid WHERE mid.w = small.k)", "42601");
    }

    @Test
    void explainAnalyzeOfAWriteIsNotSupported() throws SQLException {
        fails(s, "EXPLAIN ANALYZE INSERT INTO small VALUES (1, 'one')", "0A000");
        fails(s, "EXPLAIN ANALYZE DELETE FROM big", "0A000");
        assertEquals(2000L, ((Number) rows(c, "SELECT count(*) FROM big").get(0).get(0)).longValue());
    }
}
