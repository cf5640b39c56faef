package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DEFAULT values and CHECK constraints: defining, applying, enforcing (23514 naming the constraint), persisting. */
class DefaultAndCheckTest {
    @TempDir
    Path dir;

    private static int counter;

    private static Connection memory() throws SQLException {
        return DriverManager.getConnection("jdbc:rustydb:mem:defaults" + (++counter));
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next(), sql);
            String v = r.getString(1);
            assertFalse(r.next(), sql);
            return v;
        }
    }

    @Test
    void localTimestampIsTheFunctionUnlessQuoted() throws SQLException {
        // Flyway's schema history table (and Hibernate's dialect) use LOCALTIMESTAMP, a reserved word.
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE h (id INTEGER, installed_on TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP)");
            s.execute("INSERT INTO h (id) VALUES (1)");
            assertEquals("1", one(s, "SELECT count(*) FROM h WHERE installed_on <= LOCALTIMESTAMP"
                    + " AND installed_on > TIMESTAMP '2020-01-01 00:00:00'"));
            try (ResultSet r = s.executeQuery("SELECT localtimestamp")) {
                assertTrue(r.next());
                assertEquals(java.sql.Types.TIMESTAMP, r.getMetaData().getColumnType(1));
            }
            // Quoted, it is an ordinary name.
            s.execute("CREATE TABLE q (\"localtimestamp\" INTEGER)");
            s.execute("INSERT INTO q VALUES (7)");
            assertEquals("7", one(s, "SELECT \"localtimestamp\" FROM q"));
        }
    }

    @Test
    void defaultsFillOmittedColumnsAndTheDefaultKeyword() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER NOT NULL, qty INTEGER DEFAULT 5, label VARCHAR(20) DEFAULT 'new',"
                    + " note TEXT, created TIMESTAMP DEFAULT current_timestamp, total INTEGER DEFAULT (2 + 3) * 10)");
            s.execute("INSERT INTO t (id) VALUES (1)");
            assertEquals("1|5|new|null|50", one(s, "SELECT id || '|' || qty || '|' || label || '|' || "
                    + "coalesce(note, 'null') || '|' || total FROM t WHERE id = 1"));
            assertNotNull(one(s, "SELECT created FROM t WHERE id = 1"));
            s.execute("INSERT INTO t VALUES (2, DEFAULT, 'given', DEFAULT, DEFAULT, 7)");
            assertEquals("5|given|7", one(s, "SELECT qty || '|' || label || '|' || total FROM t WHERE id = 2"));
            s.execute("UPDATE t SET qty = 99, label = 'changed' WHERE id = 1");
            s.execute("UPDATE t SET qty = DEFAULT, label = DEFAULT WHERE id = 1");
            assertEquals("5|new", one(s, "SELECT qty || '|' || label FROM t WHERE id = 1"));
            s.execute("INSERT INTO t (id, qty) SELECT id + 10, qty FROM t");
            assertEquals("2", one(s, "SELECT count(*) FROM t WHERE id > 10 AND label = 'new' AND total = 50"));
            SQLException e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO t DEFAULT VALUES"));
            assertEquals("23502", e.getSQLState(), "id is NOT NULL without a default");
        }
    }

    @Test
    void defaultValuesInsertsEveryDefault() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE d (a INTEGER DEFAULT 1, b VARCHAR(5) DEFAULT 'b', c INTEGER)");
            s.execute("INSERT INTO d DEFAULT VALUES");
            assertEquals("1|b|true", one(s, "SELECT a || '|' || b || '|' || (c IS NULL) FROM d"));
        }
    }

    @Test
    void aBadDefaultIsRefusedWhenTheTableIsCreated() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            SQLException type = assertThrows(SQLException.class,
                    () -> s.execute("CREATE TABLE bad (a INTEGER DEFAULT 'abc')"));
            assertEquals("22P02", type.getSQLState());
            SQLException column = assertThrows(SQLException.class,
                    () -> s.execute("CREATE TABLE bad (a INTEGER, b INTEGER DEFAULT a)"));
            assertEquals("42703", column.getSQLState(), "a default sees no columns");
            SQLException check = assertThrows(SQLException.class,
                    () -> s.execute("CREATE TABLE bad (a INTEGER CHECK (nope > 0))"));
            assertEquals("42703", check.getSQLState());
            SQLException notBoolean = assertThrows(SQLException.class,
                    () -> s.execute("CREATE TABLE bad (a INTEGER CHECK (a + 1))"));
            assertEquals("42804", notBoolean.getSQLState());
            SQLException twice = assertThrows(SQLException.class, () -> s.execute(
                    "CREATE TABLE bad (a INTEGER, CONSTRAINT c1 CHECK (a > 0), CONSTRAINT c1 CHECK (a < 9))"));
            assertEquals("42710", twice.getSQLState());
        }
    }

    @Test
    void checkConstraintsRejectViolatingRowsAndNameTheConstraint() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE acct (id INTEGER, balance INTEGER CHECK (balance >= 0), lo INTEGER, hi INTEGER,"
                    + " kind VARCHAR(10) CONSTRAINT kind_known CHECK (kind IN ('a', 'b')),"
                    + " CONSTRAINT range_ok CHECK (lo <= hi), CHECK (id > 0))");
            s.execute("INSERT INTO acct VALUES (1, 10, 1, 2, 'a')");
            s.execute("INSERT INTO acct VALUES (2, NULL, NULL, 5, NULL)"); // NULL passes a CHECK
            assertViolation(s, "INSERT INTO acct VALUES (3, -1, 1, 2, 'a')", "acct_balance_check");
            assertViolation(s, "INSERT INTO acct VALUES (3, 1, 1, 2, 'z')", "kind_known");
            assertViolation(s, "INSERT INTO acct VALUES (3, 1, 5, 2, 'a')", "range_ok");
            assertViolation(s, "INSERT INTO acct VALUES (0, 1, 1, 2, 'a')", "acct_check");
            assertViolation(s, "UPDATE acct SET balance = balance - 20 WHERE id = 1", "acct_balance_check");
            // a statement is atomic: the good row of a failing multi-row INSERT is not kept
            assertViolation(s, "INSERT INTO acct VALUES (4, 1, 1, 2, 'a'), (5, -5, 1, 2, 'a')", "acct_balance_check");
            assertEquals("2", one(s, "SELECT count(*) FROM acct"));
            assertEquals("10", one(s, "SELECT balance FROM acct WHERE id = 1"));
            try (PreparedStatement p = c.prepareStatement("UPDATE acct SET balance = ? WHERE id = ?")) {
                p.setInt(1, -3);
                p.setInt(2, 1);
                SQLException e = assertThrows(SQLException.class, p::executeUpdate);
                assertEquals("23514", e.getSQLState());
                p.setInt(1, 3);
                assertEquals(1, p.executeUpdate());
            }
        }
    }

    private static void assertViolation(Statement s, String sql, String constraint) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        assertEquals("23514", e.getSQLState(), sql);
        assertTrue(e.getMessage().contains("\"" + constraint + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("\"acct\""), e.getMessage());
    }

    @Test
    void defaultsAndChecksSurviveAReopen() throws SQLException {
        String url = "jdbc:rustydb:file:" + dir.resolve("constraints.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INTEGER DEFAULT 42 CHECK (a < 100), b VARCHAR(10) DEFAULT 'x',"
                    + " CONSTRAINT b_short CHECK (length(b) < 5))");
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO t (b) VALUES ('y')");
            assertEquals("42|y", one(s, "SELECT a || '|' || b FROM t"));
            SQLException e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO t VALUES (1, 'toolong')"));
            assertEquals("23514", e.getSQLState());
            assertTrue(e.getMessage().contains("b_short"), e.getMessage());
            SQLException f = assertThrows(SQLException.class, () -> s.execute("INSERT INTO t (a) VALUES (100)"));
            assertTrue(f.getMessage().contains("t_a_check"), f.getMessage());
            s.execute("ALTER TABLE t RENAME TO t2");
            SQLException g = assertThrows(SQLException.class, () -> s.execute("INSERT INTO t2 (a) VALUES (500)"));
            assertEquals("23514", g.getSQLState(), "checks follow the table through a rename");
        }
    }
}
