package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * {@code LIKE ... ESCAPE} (what jOOQ renders for {@code contains}/{@code startsWith}), {@code IS [NOT] DISTINCT
 * FROM}, and columns named like date units ({@code day}, {@code year}), as PostgreSQL reads them.
 */
class LikeEscapeAndDistinctTest {
    @Test
    void likeWithAnEscapeCharacter() throws SQLException {
        try (Connection c = DriverManager.getConnection(freshMemUrl("like")); Statement s = c.createStatement()) {
            assertEquals(true, scalar(c, "SELECT '100%' LIKE '100!%' ESCAPE '!'"));
            assertEquals(false, scalar(c, "SELECT '1000' LIKE '100!%' ESCAPE '!'"));
            assertEquals(true, scalar(c, "SELECT 'a_b' LIKE 'a#_b' ESCAPE '#'"));
            assertEquals(false, scalar(c, "SELECT 'axb' LIKE 'a#_b' ESCAPE '#'"));
            assertEquals(true, scalar(c, "SELECT 'a\\b' LIKE 'a\\b' ESCAPE ''"), "ESCAPE '' turns escaping off");
            assertEquals(true, scalar(c, "SELECT 'A%' ILIKE 'a!%' ESCAPE '!'"));
            assertEquals(false, scalar(c, "SELECT 'x%' NOT LIKE '%!%' ESCAPE '!'"));
            assertNull(scalar(c, "SELECT 'x' LIKE 'x' ESCAPE NULL"));
            // jOOQ's contains(?): like ('%' || replace(...) || '%') escape '!', with a bound value
            try (PreparedStatement p = c.prepareStatement("SELECT ? LIKE ('%' || ? || '%') ESCAPE '!'")) {
                p.setString(1, "50% off");
                p.setString(2, "0!%");
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    assertEquals(true, r.getBoolean(1));
                }
            }
            assertEquals("22025", assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT 'a' LIKE 'a' ESCAPE 'ab'")).getSQLState());
            assertEquals("22025", assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT 'a!' LIKE 'a!' ESCAPE '!'")).getSQLState());
        }
    }

    @Test
    void isDistinctFromTreatsNullAsAValue() throws SQLException {
        try (Connection c = DriverManager.getConnection(freshMemUrl("distinct")); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INTEGER, b INTEGER)");
            s.execute("INSERT INTO t VALUES (1, 1), (1, 2), (NULL, 1), (NULL, NULL)");
            assertEquals(2L, ((Number) scalar(c, "SELECT COUNT(*) FROM t WHERE a IS DISTINCT FROM b")).longValue());
            assertEquals(2L, ((Number) scalar(c, "SELECT COUNT(*) FROM t WHERE a IS NOT DISTINCT FROM b")).longValue());
            assertEquals(false, scalar(c, "SELECT NULL IS DISTINCT FROM NULL"));
            assertEquals(true, scalar(c, "SELECT 1 IS DISTINCT FROM NULL"));
            assertEquals(false, scalar(c, "SELECT 1 IS NOT DISTINCT FROM NULL"));
            assertEquals("42883", assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT 1 IS DISTINCT FROM DATE '2020-01-01'")).getSQLState());
        }
    }

    @Test
    void columnsNamedLikeDateUnits() throws SQLException {
        try (Connection c = DriverManager.getConnection(freshMemUrl("units")); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE e (day INTEGER, month INTEGER, year INTEGER)");
            s.execute("INSERT INTO e VALUES (2, 12, 2026)");
            assertEquals(2026, ((Number) scalar(c, "SELECT year FROM e WHERE day = 2 AND month = 12")).intValue());
            assertEquals("42703", assertThrows(SQLException.class, () -> s.executeQuery("SELECT hour FROM e"))
                    .getSQLState());
        }
    }
}
