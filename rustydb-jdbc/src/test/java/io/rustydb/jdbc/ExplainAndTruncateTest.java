package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EXPLAIN shows the physical plan; TRUNCATE empties a table and is rolled back with its transaction. */
class ExplainAndTruncateTest {
    @Test
    void explainShowsTheOperatorsIndentedUnderTheirParents() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:rustydb:mem:explain"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INTEGER, b INTEGER)");
            s.execute("CREATE TABLE u (a INTEGER)");
            List<String> lines = new ArrayList<>();
            try (ResultSet r = s.executeQuery(
                    "EXPLAIN SELECT t.a, COUNT(*) FROM t JOIN u ON t.a = u.a WHERE b > 5 GROUP BY t.a LIMIT 3")) {
                assertEquals("query plan", r.getMetaData().getColumnLabel(1));
                while (r.next()) {
                    lines.add(r.getString(1));
                }
            }
            assertTrue(lines.get(0).startsWith("Limit"), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("-> HashJoin INNER")), lines.toString());
            assertEquals(2, lines.stream().filter(l -> l.contains("-> TableScan")).count(), lines.toString());
        }
    }

    @Test
    void truncateIsTransactional() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:rustydb:mem:truncate"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INTEGER)");
            s.execute("INSERT INTO t VALUES (1), (2), (3)");
            c.setAutoCommit(false);
            s.execute("TRUNCATE TABLE t");
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM t")) {
                r.next();
                assertEquals(0, r.getInt(1));
            }
            c.rollback();
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM t")) {
                r.next();
                assertEquals(3, r.getInt(1));
            }
            s.execute("TRUNCATE t");
            c.commit();
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM t")) {
                r.next();
                assertEquals(0, r.getInt(1));
            }
        }
    }
}
