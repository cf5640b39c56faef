package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code VALUES} as a query: alone, in a set operation, and as {@code (VALUES ...) AS v(a, b)} in FROM and DML. */
class ValuesQueryTest {
    @Test
    void valuesAsAQueryAndAsATable() throws SQLException {
        try (Connection c = DriverManager.getConnection(freshMemUrl("values")); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("VALUES (1, 'a'), (2, NULL)")) {
                assertEquals("column1", r.getMetaData().getColumnLabel(1));
                assertEquals(List.of(List.of(1, "a"), java.util.Arrays.asList(2, null)), rows(r));
            }
            assertEquals(List.of(List.of(new BigDecimal("1.5")), List.of(new BigDecimal("2"))),
                    rows(c, "VALUES (1.5), (2) ORDER BY 1"), "a column takes the common type of its rows");
            assertEquals(List.of(List.of(3), List.of(4)), rows(c,
                    "SELECT a + b FROM (VALUES (1, 2), (2, 2)) AS v (a, b) ORDER BY 1"));
            assertEquals(List.of(List.of(1), List.of(5)), rows(c, "SELECT 1 UNION ALL VALUES (5)"));
            s.execute("CREATE TABLE t (k INTEGER, v VARCHAR(10))");
            s.execute("INSERT INTO t VALUES (1, 'x'), (2, 'y'), (3, 'z')");
            assertEquals(List.of(List.of("y"), List.of("z")), rows(c,
                    "SELECT t.v FROM t JOIN (VALUES (2), (3)) AS w (k) ON t.k = w.k ORDER BY 1"));
            assertEquals(1, s.executeUpdate("DELETE FROM t USING (VALUES (1)) AS d (k) WHERE t.k = d.k"));
            assertEquals(1, s.executeUpdate("UPDATE t SET v = u.nv FROM (VALUES (2, 'Y')) AS u (k, nv) WHERE t.k = u.k"));
            assertEquals(List.of(List.of("Y"), List.of("z")), rows(c, "SELECT v FROM t ORDER BY k"));
            try (PreparedStatement p = c.prepareStatement("SELECT x * 2 FROM (VALUES (CAST(? AS INTEGER))) AS q (x)")) {
                p.setInt(1, 21);
                try (ResultSet r = p.executeQuery()) {
                    assertEquals(List.of(List.of(42)), rows(r));
                }
            }
        }
    }

    @Test
    void valuesErrors() throws SQLException {
        try (Connection c = DriverManager.getConnection(freshMemUrl("values")); Statement s = c.createStatement()) {
            assertEquals("42601", assertThrows(SQLException.class,
                    () -> s.executeQuery("VALUES (1, 2), (3)")).getSQLState());
            assertEquals("42601", assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT * FROM (VALUES (1))")).getSQLState());
            assertEquals("42804", assertThrows(SQLException.class,
                    () -> s.executeQuery("VALUES (1), (DATE '2020-01-01')")).getSQLState());
        }
    }
}
