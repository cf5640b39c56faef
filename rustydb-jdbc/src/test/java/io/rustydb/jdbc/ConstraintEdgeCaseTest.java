package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * DEFAULT and CHECK edge cases found in review, each with PostgreSQL's behaviour: no parameters or subqueries in
 * stored expressions, checks that survive a table rename, PostgreSQL's naming of repeated unnamed checks, one
 * DEFAULT per column.
 */
class ConstraintEdgeCaseTest {
    private static int counter;

    private static Connection memory() throws SQLException {
        return DriverManager.getConnection("jdbc:rustydb:mem:constraints" + (++counter));
    }

    /** A stored "?" in a DEFAULT would alias the parameters of the statements that use the default. */
    @Test
    void parameterInDefaultIsRejected() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> s.execute("CREATE TABLE a6 (x INTEGER DEFAULT ?, y INTEGER)"));
            assertNotNull(e.getSQLState());
        }
    }

    @Test
    void parameterInDefaultDoesNotStealStatementParameters() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            try {
                s.execute("CREATE TABLE a6 (x INTEGER DEFAULT ?, y INTEGER)");
            } catch (SQLException rejected) {
                return; // fixed by rejecting it
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO a6 (y) VALUES (?)")) {
                ps.setInt(1, 42);
                ps.executeUpdate();
            }
            try (ResultSet r = s.executeQuery("SELECT x FROM a6")) {
                assertTrue(r.next());
                assertNull(r.getObject(1), "x took the value bound for y");
            }
        }
    }

    @Test
    void parameterInCheckIsRejected() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.execute("CREATE TABLE a10 (x INTEGER CHECK (x > ?))"));
        }
    }

    /** PostgreSQL: 0A000 cannot use subquery in check constraint (it would break when the other table goes). */
    @Test
    void subqueryInCheckIsRejected() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE a1 (x INTEGER)");
            SQLException e = assertThrows(SQLException.class,
                    () -> s.execute("CREATE TABLE a9 (x INTEGER CHECK ((SELECT count(*) FROM a1) = 0))"));
            assertEquals("0A000", e.getSQLState());
        }
    }

    @Test
    void renamingATableKeepsItsQualifiedCheckUsable() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x INTEGER, CHECK (t.x > 0))");
            s.execute("ALTER TABLE t RENAME TO u");
            s.execute("INSERT INTO u VALUES (1)"); // 42P01 relation "t" does not exist
            SQLException e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO u VALUES (-1)"));
            assertEquals("23514", e.getSQLState());
        }
    }

    /** PostgreSQL names them a4_x_check and a4_x_check1. */
    @Test
    void twoUnnamedChecksOnOneColumn() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE a4 (x INTEGER CHECK (x > 0) CHECK (x < 10))");
            SQLException e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO a4 VALUES (20)"));
            assertEquals("23514", e.getSQLState());
        }
    }

    /** PostgreSQL: 42601 multiple default values specified for column "x". */
    @Test
    void twoDefaultsOnOneColumnAreRejected() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.execute("CREATE TABLE d6 (x INTEGER DEFAULT 1 DEFAULT 2)"));
        }
    }
}
