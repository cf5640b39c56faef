package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.column;
import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WITH RECURSIVE: UNION ALL and UNION (which ends cycles), column lists, graph walks, a LIMIT that stops an endless
 * recursion, several references to one recursive query, nesting, parameters, and PostgreSQL's 42P19/0A000/42804.
 */
class RecursiveCteTest {
    private Connection c;
    private Statement s;

    @BeforeEach
    void open() throws SQLException {
        c = JdbcTestSupport.connect(JdbcTestSupport.freshMemUrl("recursive_cte"));
        s = c.createStatement();
        s.execute("CREATE TABLE edge (src INTEGER, dst INTEGER)");
        s.execute("INSERT INTO edge VALUES (1, 2), (2, 3), (3, 1), (3, 4), (5, 6)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void countsWithUnionAll() throws SQLException {
        assertEquals(List.of(1, 2, 3, 4, 5),
                column(c, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT n FROM t"));
        assertEquals(5050L, scalar(c, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t "
                + "WHERE n < 100) SELECT SUM(n) FROM t"));
        // the anchor's column names when there is no column list; several columns
        assertEquals(List.of(row(1, 1L), row(2, 1L), row(3, 2L), row(4, 3L), row(5, 5L)),
                rows(c, "WITH RECURSIVE fib AS (SELECT 1 AS i, CAST(1 AS BIGINT) AS f, CAST(0 AS BIGINT) AS prev "
                        + "UNION ALL SELECT i + 1, f + prev, f FROM fib WHERE i < 5) SELECT i, f FROM fib"));
    }

    @Test
    void unionEndsCyclesAndUnionAllWithLimitStopsAnEndlessOne() throws SQLException {
        // 1 -> 2 -> 3 -> 1 is a cycle: UNION drops the revisit of 1 and the recursion ends
        assertEquals(List.of(1, 2, 3, 4), column(c, "WITH RECURSIVE reach(node) AS (SELECT 1 UNION SELECT e.dst "
                + "FROM reach r JOIN edge e ON e.src = r.node) SELECT node FROM reach ORDER BY node"));
        // UNION ALL around the cycle would never end: the recursion streams, so LIMIT stops it
        assertEquals(List.of(1, 2, 3, 1, 4, 2, 3),
                column(c, "WITH RECURSIVE walk(node) AS (SELECT 1 UNION ALL SELECT e.dst FROM walk w, edge e "
                        + "WHERE e.src = w.node) SELECT node FROM walk LIMIT 7"));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
                column(c, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT n FROM t LIMIT 10"));
    }

    @Test
    void nullsPathsAndSeveralReferences() throws SQLException {
        // NULLs are equal for UNION's duplicate check: one NULL row, then the recursion ends
        assertEquals(List.of(row((Object) null)), rows(c, "WITH RECURSIVE t(x) AS (SELECT CAST(NULL AS INTEGER) "
                + "UNION SELECT x FROM t) SELECT x FROM t"));
        assertEquals(List.of("1", "1/2", "1/2/3", "1/2/3/4"),
                column(c, "WITH RECURSIVE p(node, path) AS (SELECT 1, CAST('1' AS VARCHAR) UNION ALL "
                        + "SELECT e.dst, p.path || '/' || CAST(e.dst AS VARCHAR) FROM p JOIN edge e ON e.src = p.node "
                        + "WHERE e.dst <> 1) SELECT path FROM p ORDER BY path"));
        // two references to the recursive query in the main query, and one inside a derived table
        assertEquals(9L, scalar(c, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) "
                + "SELECT COUNT(*) FROM t a, t b"));
        assertEquals(List.of(1, 3, 5), column(c, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 2 FROM "
                + "(SELECT n FROM t WHERE n < 5) x) SELECT n FROM t"));
        // a recursive query using another, and an anchor of two queries
        assertEquals(List.of(10, 20, 11, 21, 12, 22), column(c, "WITH RECURSIVE base(b) AS (SELECT 10 UNION ALL "
                + "SELECT b + 10 FROM base WHERE b < 20), t(n, k) AS (SELECT b, 0 FROM base UNION ALL "
                + "SELECT n + 1, k + 1 FROM t WHERE k < 2) SELECT n FROM t ORDER BY k, n"));
        assertEquals(List.of(1, 5, 2, 6), column(c, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT 5 "
                + "UNION ALL SELECT n + 1 FROM t WHERE n IN (1, 5)) SELECT n FROM t"));
        // RECURSIVE without a self-reference is a plain WITH
        assertEquals(7, scalar(c, "WITH RECURSIVE x(a) AS (SELECT 7) SELECT a FROM x"));
    }

    @Test
    void parametersAndTypeWidening() throws SQLException {
        try (PreparedStatement p = c.prepareStatement("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 "
                + "FROM t WHERE n < ?) SELECT COUNT(*) FROM t")) {
            p.setInt(1, 42);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                assertEquals(42, r.getLong(1));
            }
        }
        // a recursive column of a narrower type is widened to the anchor's; the other way is 42804
        assertEquals(List.of(1L, 2L), column(c, "WITH RECURSIVE t(n) AS (SELECT CAST(1 AS BIGINT) UNION ALL "
                + "SELECT 2 FROM t WHERE n < 2) SELECT n FROM t"));
        fails(s, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1.5 FROM t WHERE n < 3) SELECT * FROM t",
                "42804");
    }

    @Test
    void errors() {
        fails(s, "WITH RECURSIVE t(n) AS (SELECT n FROM t) SELECT * FROM t", "42P19");
        fails(s, "WITH RECURSIVE t(n) AS (SELECT 1 INTERSECT SELECT n FROM t) SELECT * FROM t", "42P19");
        fails(s, "WITH RECURSIVE t(n) AS (SELECT n FROM t UNION ALL SELECT 1) SELECT * FROM t", "42P19");
        fails(s, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT a.n FROM t a, t b) SELECT * FROM t", "42P19");
        fails(s, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM edge WHERE src IN (SELECT n FROM t)) "
                + "SELECT * FROM t", "42P19");
        fails(s, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT e.src FROM edge e LEFT JOIN t ON t.n = e.src) "
                + "SELECT * FROM t", "42P19");
        fails(s, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT MAX(n) + 1 FROM t) SELECT * FROM t", "42P19");
        fails(s, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t ORDER BY n) SELECT * FROM t",
                "0A000");
        fails(s, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL (SELECT n + 1 FROM t LIMIT 1)) SELECT * FROM t",
                "0A000");
        fails(s, "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n, n FROM t) SELECT * FROM t", "42601");
        fails(s, "WITH RECURSIVE t(n, m) AS (SELECT 1 UNION ALL SELECT n FROM t) SELECT * FROM t", "42601");
    }
}
