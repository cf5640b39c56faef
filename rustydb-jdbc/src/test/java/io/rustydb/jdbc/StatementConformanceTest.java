package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Statement}'s documented behaviour, method by method (JDBC 4.3 javadoc): the execute family and what each
 * refuses, several statements in one execute with getMoreResults, batches, max rows, fetch hints, timeouts,
 * closeOnCompletion, poolability and quoting helpers. Cancel and timeouts that stop a running query are in
 * {@link QueryCancelTest}; generated keys in {@link GeneratedKeysTest}; closed-object calls in
 * {@link ClosedObjectConformanceTest}.
 */
class StatementConformanceTest {
    private Connection c;
    private Statement s;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection(freshMemUrl("stmt"));
        s = c.createStatement();
        s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v VARCHAR(10))");
        s.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e')");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void executeReportsWhatKindOfResultCameBack() throws SQLException {
        assertTrue(s.execute("SELECT id FROM t"));
        assertEquals(-1, s.getUpdateCount());
        ResultSet rs = s.getResultSet();
        assertSame(s, rs.getStatement());
        assertFalse(s.execute("UPDATE t SET v = 'x' WHERE id <= 2"));
        assertTrue(rs.isClosed(), "executing again closes the previous result set");
        assertNull(s.getResultSet());
        assertEquals(2, s.getUpdateCount());
        assertEquals(2L, s.getLargeUpdateCount());
        assertFalse(s.getMoreResults());
        assertEquals(-1, s.getUpdateCount(), "no more results");
        assertEquals(0, s.executeUpdate("CREATE TABLE u (x INTEGER)"), "DDL counts 0");
        assertEquals(3L, s.executeLargeUpdate("DELETE FROM t WHERE id >= 3"));
    }

    @Test
    void theExecuteVariantsRefuseTheWrongKindOfStatement() throws SQLException {
        assertEquals("07000", assertThrows(SQLException.class, () -> s.executeQuery("DELETE FROM t")).getSQLState());
        assertEquals(5L, scalar(c, "SELECT COUNT(*) FROM t"), "a refused statement did not run");
        assertEquals("07000", assertThrows(SQLException.class, () -> s.executeUpdate("SELECT 1")).getSQLState());
        assertEquals("42601", assertThrows(SQLException.class, () -> s.execute("SELEC 1")).getSQLState());
        assertThrows(SQLFeatureNotSupportedException.class, () -> s.setCursorName("c1"));
    }

    @Test
    void severalStatementsInOneExecute() throws SQLException {
        assertTrue(s.execute("SELECT COUNT(*) FROM t; UPDATE t SET v = 'z' WHERE id = 1; SELECT v FROM t WHERE id = 1;"
                + " -- a comment\n INSERT INTO t VALUES (6, 'f')"));
        ResultSet first = s.getResultSet();
        assertTrue(first.next());
        assertEquals(5, first.getInt(1));
        assertFalse(s.getMoreResults());
        assertTrue(first.isClosed(), "CLOSE_CURRENT_RESULT");
        assertEquals(1, s.getUpdateCount());
        assertTrue(s.getMoreResults());
        ResultSet third = s.getResultSet();
        assertTrue(third.next());
        assertEquals("z", third.getString(1));
        assertFalse(s.getMoreResults(Statement.KEEP_CURRENT_RESULT));
        assertFalse(third.isClosed(), "KEEP_CURRENT_RESULT");
        assertEquals(1, s.getUpdateCount());
        assertFalse(s.getMoreResults(Statement.CLOSE_ALL_RESULTS));
        assertTrue(third.isClosed(), "CLOSE_ALL_RESULTS");
        assertEquals(-1, s.getUpdateCount());
        assertEquals(6L, scalar(c, "SELECT COUNT(*) FROM t"));
        assertTrue(c.getMetaData().supportsMultipleResultSets());
        // a literal or identifier holding ';' is not a separator
        assertTrue(s.execute("SELECT 'a;b' AS \"x;y\""));
        assertEquals("a;b", scalar(c, "SELECT 'a;b';"));
        assertEquals("a;b", scalar(c, "SELECT $$a;b$$"), "a dollar-quoted ';' is not a separator either");
        assertTrue(s.execute("SELECT $$x;$$ AS a; /* ; */ SELECT 2 -- ;\n;"));
        assertEquals("x;", s.getResultSet().next() ? s.getResultSet().getString(1) : null);
        assertTrue(s.getMoreResults());
        assertFalse(s.getMoreResults(), "a piece of only comments is no statement");
        assertEquals("22023", assertThrows(SQLException.class, () -> s.getMoreResults(99)).getSQLState());
    }

    @Test
    void severalStatementsInAutoCommitAreOneTransaction() throws SQLException {
        SQLException e = assertThrows(SQLException.class,
                () -> s.execute("INSERT INTO t VALUES (10, 'x'); INSERT INTO t VALUES (1, 'duplicate')"));
        assertEquals("23505", e.getSQLState());
        assertEquals(5L, scalar(c, "SELECT COUNT(*) FROM t"), "the first INSERT was undone with the second");
        assertTrue(c.getAutoCommit(), "auto-commit is back on");
        s.execute("INSERT INTO t VALUES (10, 'x'); INSERT INTO t VALUES (11, 'y')");
        assertEquals(7L, scalar(c, "SELECT COUNT(*) FROM t"));
        // with explicit transaction control each statement runs as it says
        s.execute("BEGIN; INSERT INTO t VALUES (12, 'x'); ROLLBACK; INSERT INTO t VALUES (13, 'y')");
        assertEquals(8L, scalar(c, "SELECT COUNT(*) FROM t"));
        assertTrue(c.getAutoCommit());
    }

    @Test
    void severalStatementsInAnOpenTransactionStayInIt() throws SQLException {
        c.setAutoCommit(false);
        s.execute("DELETE FROM t WHERE id = 1; DELETE FROM t WHERE id = 2");
        assertEquals(3L, scalar(c, "SELECT COUNT(*) FROM t"));
        c.rollback();
        assertEquals(5L, scalar(c, "SELECT COUNT(*) FROM t"));
    }

    @Test
    void batchesReportEveryCountAndStopAtTheFirstFailure() throws SQLException {
        assertArrayEquals(new int[0], s.executeBatch(), "an empty batch is fine");
        s.addBatch("INSERT INTO t VALUES (6, 'f')");
        s.addBatch("UPDATE t SET v = 'q' WHERE id > 3");
        s.addBatch("DELETE FROM t WHERE id = 99");
        assertArrayEquals(new int[] {1, 3, 0}, s.executeBatch());
        assertArrayEquals(new int[0], s.executeBatch(), "executing empties the batch");
        s.addBatch("INSERT INTO t VALUES (7, 'g')");
        s.addBatch("INSERT INTO t VALUES (1, 'dup')");
        s.addBatch("INSERT INTO t VALUES (8, 'h')");
        BatchUpdateException e = assertThrows(BatchUpdateException.class, s::executeBatch);
        assertEquals("23505", e.getSQLState());
        assertArrayEquals(new int[] {1}, e.getUpdateCounts());
        assertArrayEquals(new long[] {1}, e.getLargeUpdateCounts());
        s.addBatch("SELECT 1");
        assertThrows(BatchUpdateException.class, s::executeBatch, "a query in a batch is refused");
        s.addBatch("INSERT INTO t VALUES (20, 'x')");
        s.clearBatch();
        assertArrayEquals(new long[0], s.executeLargeBatch());
        assertEquals("22023", assertThrows(SQLException.class, () -> s.addBatch(null)).getSQLState());
    }

    @Test
    void maxRowsCapsResultSets() throws SQLException {
        assertEquals(0, s.getMaxRows());
        s.setMaxRows(2);
        assertEquals(2, s.getMaxRows());
        assertEquals(2, JdbcTestSupport.rows(s.executeQuery("SELECT id FROM t ORDER BY id")).size());
        s.setLargeMaxRows(3);
        assertEquals(3L, s.getLargeMaxRows());
        assertEquals(3, JdbcTestSupport.rows(s.executeQuery("SELECT id FROM t")).size());
        assertEquals(4, s.executeUpdate("UPDATE t SET v = 'm' WHERE id < 5"), "max rows does not cap updates");
        s.setMaxRows(0);
        assertEquals(5, JdbcTestSupport.rows(s.executeQuery("SELECT id FROM t")).size());
        assertEquals("22023", assertThrows(SQLException.class, () -> s.setMaxRows(-1)).getSQLState());
        s.setMaxFieldSize(100);
        assertEquals(0, s.getMaxFieldSize(), "no field size limit is applied");
        assertEquals("22023", assertThrows(SQLException.class, () -> s.setMaxFieldSize(-1)).getSQLState());
    }

    @Test
    void fetchHintsAndTimeouts() throws SQLException {
        s.setFetchSize(100);
        assertEquals(100, s.getFetchSize());
        assertEquals("22023", assertThrows(SQLException.class, () -> s.setFetchSize(-1)).getSQLState());
        assertEquals(ResultSet.FETCH_FORWARD, s.getFetchDirection());
        assertEquals("24000", assertThrows(SQLException.class,
                () -> s.setFetchDirection(ResultSet.FETCH_REVERSE)).getSQLState(), "forward-only statement");
        try (Statement scroll = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
            scroll.setFetchDirection(ResultSet.FETCH_REVERSE);
            assertEquals(ResultSet.FETCH_REVERSE, scroll.getFetchDirection());
        }
        assertEquals("22023", assertThrows(SQLException.class, () -> s.setFetchDirection(42)).getSQLState());
        assertEquals(0, s.getQueryTimeout());
        s.setQueryTimeout(30);
        assertEquals(30, s.getQueryTimeout());
        assertEquals("22023", assertThrows(SQLException.class, () -> s.setQueryTimeout(-1)).getSQLState());
        s.cancel(); // nothing runs: a no-op
        assertTrue(s.execute("SELECT 1"));
    }

    @Test
    void closeOnCompletionClosesTheStatementWithItsLastResultSet() throws SQLException {
        assertFalse(s.isCloseOnCompletion());
        s.closeOnCompletion();
        assertTrue(s.isCloseOnCompletion());
        ResultSet rs = s.executeQuery("SELECT id FROM t");
        assertFalse(s.isClosed());
        rs.close();
        assertTrue(s.isClosed());
        Statement other = c.createStatement();
        other.closeOnCompletion();
        other.executeUpdate("UPDATE t SET v = 'w' WHERE id = 1");
        assertFalse(other.isClosed(), "an update count does not complete the statement");
        other.close();
    }

    @Test
    void poolabilityQuotingAndWrappers() throws SQLException {
        assertFalse(s.isPoolable(), "JDBC: a Statement is not poolable by default");
        s.setPoolable(true);
        assertTrue(s.isPoolable());
        try (var p = c.prepareStatement("SELECT 1")) {
            assertTrue(p.isPoolable(), "JDBC: a PreparedStatement is poolable by default");
        }
        assertEquals("'it''s'", s.enquoteLiteral("it's"));
        assertEquals("\"a b\"", s.enquoteIdentifier("a b", false));
        assertEquals("abc", s.enquoteIdentifier("abc", false));
        assertTrue(s.isSimpleIdentifier("abc"));
        assertFalse(s.isSimpleIdentifier("a b"));
        assertSame(c, s.getConnection());
        assertNull(s.getWarnings());
        assertTrue(s.isWrapperFor(Statement.class));
        assertSame(s, s.unwrap(Statement.class));
        assertThrows(SQLException.class, () -> s.unwrap(Connection.class));
    }
}
