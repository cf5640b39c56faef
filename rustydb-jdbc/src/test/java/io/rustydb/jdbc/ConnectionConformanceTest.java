package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Connection}'s documented behaviour, method by method (JDBC 4.3 javadoc): transactions and auto-commit,
 * savepoints, isolation, read-only, holdability, result set options, client info, warnings, timeouts, wrappers.
 * Calls on a closed connection are covered by {@link ClosedObjectConformanceTest}.
 */
class ConnectionConformanceTest {
    private String url;
    private Connection c;
    private Connection other;

    @BeforeEach
    void open() throws SQLException {
        url = freshMemUrl("conn");
        c = DriverManager.getConnection(url);
        other = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        other.close();
        c.close();
    }

    private long count(Connection connection) throws SQLException {
        return ((Number) scalar(connection, "SELECT COUNT(*) FROM t")).longValue();
    }

    private void insert(int id) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO t VALUES (" + id + ")");
        }
    }

    @Test
    void autoCommitIsOnByDefaultAndEachStatementCommits() throws SQLException {
        assertTrue(c.getAutoCommit());
        insert(1);
        assertEquals(1, count(other));
        assertEquals("25000", assertThrows(SQLException.class, c::commit).getSQLState());
        assertEquals("25000", assertThrows(SQLException.class, c::rollback).getSQLState());
        assertEquals("25000", assertThrows(SQLException.class, c::setSavepoint).getSQLState());
    }

    @Test
    void commitAndRollbackEndTheTransaction() throws SQLException {
        c.setAutoCommit(false);
        assertFalse(c.getAutoCommit());
        insert(1);
        assertEquals(0, count(other), "not visible before commit");
        c.commit();
        assertEquals(1, count(other));
        insert(2);
        c.rollback();
        assertEquals(1, count(c));
        c.commit(); // commit with nothing to commit is fine
        c.rollback();
    }

    @Test
    void switchingAutoCommitOnCommitsTheOpenTransaction() throws SQLException {
        c.setAutoCommit(false);
        insert(1);
        c.setAutoCommit(false); // no change: nothing happens
        assertEquals(0, count(other));
        c.setAutoCommit(true);
        assertEquals(1, count(other), "JDBC: changing auto-commit during a transaction commits it");
    }

    @Test
    void closingRollsBackAnOpenTransaction() throws SQLException {
        c.setAutoCommit(false);
        insert(1);
        c.close();
        c.close(); // idempotent
        assertTrue(c.isClosed());
        assertEquals(0, count(other));
    }

    @Test
    void savepoints() throws SQLException {
        c.setAutoCommit(false);
        insert(1);
        Savepoint unnamed = c.setSavepoint();
        insert(2);
        Savepoint named = c.setSavepoint("after_two");
        insert(3);
        assertEquals("after_two", named.getSavepointName());
        assertEquals("3B001", assertThrows(SQLException.class, named::getSavepointId).getSQLState());
        assertTrue(unnamed.getSavepointId() > 0);
        assertEquals("3B001", assertThrows(SQLException.class, unnamed::getSavepointName).getSQLState());
        c.rollback(named);
        assertEquals(2, count(c));
        c.rollback(unnamed);
        assertEquals(1, count(c));
        Savepoint again = c.setSavepoint();
        assertTrue(again.getSavepointId() != unnamed.getSavepointId(), "ids are not reused");
        c.releaseSavepoint(again);
        SQLException released = assertThrows(SQLException.class, () -> c.rollback(again));
        assertEquals("3B001", released.getSQLState(), released.getMessage());
        assertEquals("22023", assertThrows(SQLException.class, () -> c.setSavepoint(null)).getSQLState());
        c.commit();
        assertEquals(1, count(other));
        SQLException gone = assertThrows(SQLException.class, () -> c.rollback(unnamed));
        assertEquals("25P01", gone.getSQLState(), "savepoints end with their transaction: " + gone.getMessage());
    }

    @Test
    void isolationLevels() throws SQLException {
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
        for (int level : new int[] {Connection.TRANSACTION_SERIALIZABLE, Connection.TRANSACTION_REPEATABLE_READ,
                Connection.TRANSACTION_READ_COMMITTED}) {
            c.setTransactionIsolation(level);
            assertEquals(level, c.getTransactionIsolation());
            assertTrue(c.getMetaData().supportsTransactionIsolationLevel(level));
        }
        c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED); // may be upgraded, as JDBC allows
        int upgraded = c.getTransactionIsolation();
        assertTrue(upgraded == Connection.TRANSACTION_READ_UNCOMMITTED
                || upgraded == Connection.TRANSACTION_READ_COMMITTED, "level " + upgraded);
        assertThrows(SQLException.class, () -> c.setTransactionIsolation(Connection.TRANSACTION_NONE));
        assertThrows(SQLException.class, () -> c.setTransactionIsolation(12345));
    }

    @Test
    void readOnlyConnectionsRefuseWrites() throws SQLException {
        assertFalse(c.isReadOnly());
        c.setReadOnly(true);
        assertTrue(c.isReadOnly());
        assertEquals("25006", assertThrows(SQLException.class, () -> insert(1)).getSQLState());
        assertEquals(0, count(c), "reads still work");
        c.setReadOnly(false);
        insert(1);
        c.setAutoCommit(false);
        insert(2);
        SQLException inTx = assertThrows(SQLException.class, () -> c.setReadOnly(true));
        assertEquals("25001", inTx.getSQLState(), "not in the middle of a transaction: " + inTx.getMessage());
        c.rollback();
    }

    @Test
    void holdabilityAndResultSetOptions() throws SQLException {
        assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, c.getHoldability());
        assertEquals(c.getHoldability(), c.getMetaData().getResultSetHoldability());
        c.setHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT);
        assertThrows(SQLFeatureNotSupportedException.class,
                () -> c.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT));
        try (Statement s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
            assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, s.getResultSetType());
            assertEquals(ResultSet.CONCUR_READ_ONLY, s.getResultSetConcurrency());
            assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, s.getResultSetHoldability());
            assertSame(c, s.getConnection());
        }
        assertThrows(SQLFeatureNotSupportedException.class,
                () -> c.createStatement(ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_READ_ONLY));
        assertThrows(SQLFeatureNotSupportedException.class,
                () -> c.prepareStatement("SELECT 1", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE));
        assertFalse(c.getMetaData().supportsResultSetType(ResultSet.TYPE_SCROLL_SENSITIVE));
        assertTrue(c.getMetaData().supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
    }

    @Test
    void resultSetsStayOpenOverCommit() throws SQLException {
        insert(1);
        insert(2);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM t ORDER BY id")) {
            assertTrue(rs.next());
            c.commit();
            assertFalse(rs.isClosed(), "HOLD_CURSORS_OVER_COMMIT");
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1));
        }
    }

    @Test
    void clientInfoKeepsTheStandardPropertiesAndWarnsAboutOthers() throws SQLException {
        c.setClientInfo("ApplicationName", "orders-service");
        assertEquals("orders-service", c.getClientInfo("ApplicationName"));
        assertEquals("orders-service", c.getClientInfo().getProperty("ApplicationName"));
        c.setClientInfo("NoSuchProperty", "x");
        assertNull(c.getClientInfo("NoSuchProperty"));
        SQLWarning warning = c.getWarnings();
        assertNotNull(warning, "an unknown client info property is ignored with a warning");
        assertTrue(warning.getMessage().contains("NoSuchProperty"), warning.getMessage());
        c.clearWarnings();
        assertNull(c.getWarnings());
        Properties props = new Properties();
        props.setProperty("ClientUser", "alice");
        c.setClientInfo(props);
        assertEquals("alice", c.getClientInfo("ClientUser"));
        assertNull(c.getClientInfo("ApplicationName"), "setClientInfo(Properties) replaces all values");
        c.setClientInfo("ClientUser", null);
        assertNull(c.getClientInfo("ClientUser"), "null clears a property");
        try (ResultSet rs = c.getMetaData().getClientInfoProperties()) {
            java.util.Set<String> names = new java.util.HashSet<>();
            while (rs.next()) {
                names.add(rs.getString("NAME"));
            }
            assertEquals(java.util.Set.of("ApplicationName", "ClientUser", "ClientHostname"), names);
        }
        c.close();
        assertThrows(SQLClientInfoException.class, () -> c.setClientInfo("ApplicationName", "x"));
    }

    @Test
    void validityTimeoutsAndNativeSql() throws SQLException {
        assertTrue(c.isValid(0));
        assertTrue(c.isValid(5));
        assertEquals("22023", assertThrows(SQLException.class, () -> c.isValid(-1)).getSQLState());
        c.setNetworkTimeout(Runnable::run, 1000);
        assertEquals(1000, c.getNetworkTimeout(), "kept, although an embedded database has no network");
        assertThrows(SQLException.class, () -> c.setNetworkTimeout(Runnable::run, -1));
        assertEquals("SELECT 1", c.nativeSQL("SELECT 1"));
        assertEquals("22023", assertThrows(SQLException.class, () -> c.abort(null)).getSQLState());
        c.close();
        assertFalse(c.isValid(0));
    }

    @Test
    void catalogSchemaTypeMapAndWrappers() throws SQLException {
        assertNull(c.getCatalog());
        c.setCatalog("anything"); // JDBC: a driver without catalogs silently ignores this
        assertNull(c.getCatalog());
        assertEquals("public", c.getSchema());
        assertTrue(c.getTypeMap().isEmpty());
        assertSame(c, c.getMetaData().getConnection());
        assertTrue(c.isWrapperFor(Connection.class));
        assertSame(c, c.unwrap(Connection.class));
        assertFalse(c.isWrapperFor(String.class));
        assertThrows(SQLException.class, () -> c.unwrap(String.class));
        assertNull(c.getWarnings());
    }
}
