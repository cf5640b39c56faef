package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Statement.setQueryTimeout} and {@code Statement.cancel()} really stop a running statement — in a long
 * join, in a batch, and while it waits for a row lock — with 57014; the statement's changes are rolled back, the
 * transaction and the statement object stay usable. The long statements here would run for hours if nothing
 * stopped them, so a broken cancel shows up as a test timeout, not as a timing assertion.
 */
@Timeout(120)
class QueryCancelTest {
    /** A four-way cross product of 300 rows: 8.1 billion combinations, none of which matches. */
    private static final String ENDLESS_QUERY =
            "SELECT COUNT(*) FROM t a, t b, t c, t d WHERE a.x + b.x + c.x + d.x = -1";

    private String url;
    private Connection connection;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @BeforeEach
    void createTable() throws SQLException {
        url = freshMemUrl("cancel");
        connection = DriverManager.getConnection(url);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE t (x INTEGER PRIMARY KEY)");
            s.execute("CREATE TABLE u (v INTEGER)");
        }
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO t VALUES (?)")) {
            for (int i = 0; i < 300; i++) {
                p.setInt(1, i);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    @AfterEach
    void close() throws SQLException {
        executor.shutdownNow();
        connection.close();
    }

    @Test
    void queryTimeoutStopsALongQueryAndTheConnectionGoesOn() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(1);
            assertEquals(1, s.getQueryTimeout());
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(ENDLESS_QUERY));
            assertInstanceOf(SQLTimeoutException.class, e);
            assertEquals("57014", e.getSQLState());
            assertTrue(e.getMessage().contains("statement timeout"), e.getMessage());
            // the same statement, still with its timeout, runs a short query
            assertEquals(300L, ((Number) scalarOf(s, "SELECT COUNT(*) FROM t")).longValue());
        }
    }

    @Test
    void cancelFromAnotherThreadStopsTheQuery() throws Exception {
        try (Statement s = connection.createStatement()) {
            Future<?> running = executor.submit(() -> s.executeQuery(ENDLESS_QUERY));
            SQLException e = cancelUntilDone(s, running);
            assertEquals("57014", e.getSQLState());
            assertTrue(e.getMessage().contains("user request"), e.getMessage());
            // a cancel reaches only the execution it was meant for: the next one runs to its end
            assertEquals(300L, ((Number) scalarOf(s, "SELECT COUNT(*) FROM t")).longValue());
        }
    }

    @Test
    void queryTimeoutStopsAnEndlessRecursion() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(1);
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(
                    "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT COUNT(*) FROM r"));
            assertEquals("57014", e.getSQLState());
        }
    }

    @Test
    void cancelWithNothingRunningDoesNothing() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.cancel();
            assertEquals(300L, ((Number) scalarOf(s, "SELECT COUNT(*) FROM t")).longValue());
        }
    }

    @Test
    void aCancelledStatementIsRolledBackAndItsTransactionGoesOn() throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("INSERT INTO u VALUES (-7)");
            s.setQueryTimeout(1);
            // inserts one row per 27 million combinations until the timeout stops it
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                    "INSERT INTO u SELECT a.x FROM t a, t b, t c, t d WHERE b.x + c.x + d.x = 0"));
            assertEquals("57014", e.getSQLState());
            assertEquals(1L, ((Number) scalarOf(s, "SELECT COUNT(*) FROM u")).longValue());
            connection.commit();
        }
        connection.setAutoCommit(true);
        assertEquals(-7, ((Number) scalar(connection, "SELECT v FROM u")).intValue());
    }

    @Test
    void queryTimeoutCoversALockWait() throws SQLException {
        try (Connection other = DriverManager.getConnection(url); Statement holder = other.createStatement()) {
            other.setAutoCommit(false);
            holder.executeUpdate("UPDATE t SET x = x WHERE x = 1");
            try (Statement s = connection.createStatement()) {
                s.setQueryTimeout(1);
                SQLException e = assertThrows(SQLException.class,
                        () -> s.executeUpdate("UPDATE t SET x = 1000 WHERE x = 1"));
                assertEquals("57014", e.getSQLState(), e.getMessage());
            }
            other.rollback();
        }
        assertEquals(1L, ((Number) scalar(connection, "SELECT COUNT(*) FROM t WHERE x = 1")).longValue());
    }

    @Test
    void cancelReachesAStatementWaitingForALock() throws Exception {
        try (Connection other = DriverManager.getConnection(url); Statement holder = other.createStatement()) {
            other.setAutoCommit(false);
            holder.executeUpdate("UPDATE t SET x = x WHERE x = 2");
            try (Statement s = connection.createStatement()) {
                Future<?> waiting = executor.submit(() -> s.executeUpdate("UPDATE t SET x = 2000 WHERE x = 2"));
                SQLException e = cancelUntilDone(s, waiting);
                assertEquals("57014", e.getSQLState());
                assertTrue(e.getMessage().contains("user request"), e.getMessage());
            }
            other.rollback();
        }
        assertEquals(1L, ((Number) scalar(connection, "SELECT COUNT(*) FROM t WHERE x = 2")).longValue());
    }

    @Test
    void theTimeoutBoundsAWholeBatch() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(1);
            s.addBatch("INSERT INTO u VALUES (1)");
            s.addBatch("INSERT INTO u SELECT a.x FROM t a, t b, t c, t d WHERE a.x + b.x + c.x + d.x = -1");
            BatchUpdateException e = assertThrows(BatchUpdateException.class, s::executeBatch);
            assertEquals("57014", e.getSQLState());
            assertEquals(1, e.getLargeUpdateCounts().length, "the first statement's count is reported");
        }
    }

    @Test
    void badArgumentsAndClosedStatements() throws SQLException {
        Statement s = connection.createStatement();
        SQLException negative = assertThrows(SQLException.class, () -> s.setQueryTimeout(-1));
        assertEquals("22023", negative.getSQLState());
        s.close();
        assertEquals("08003", assertThrows(SQLException.class, s::cancel).getSQLState());
        assertEquals("08003", assertThrows(SQLException.class, () -> s.setQueryTimeout(1)).getSQLState());
    }

    @Test
    void abortStopsTheRunningStatementAndRollsBackTheConnection() throws Exception {
        Connection doomed = DriverManager.getConnection(url);
        doomed.setAutoCommit(false);
        try (Statement s = doomed.createStatement()) {
            s.executeUpdate("UPDATE t SET x = -1 WHERE x = 3"); // holds the row lock until rolled back
            Future<?> running = executor.submit(() -> s.executeQuery(ENDLESS_QUERY));
            while (!running.isDone()) {
                doomed.abort(executor); // repeated aborts are no-ops once the first has closed the connection
                Thread.sleep(10);
            }
            ExecutionException e = assertThrows(ExecutionException.class, running::get);
            String state = assertInstanceOf(SQLException.class, e.getCause()).getSQLState();
            // cancelled while running, or refused if the abort came before the statement started
            assertTrue(state.equals("57014") || state.equals("08003"), state);
        }
        assertTrue(doomed.isClosed());
        assertEquals("08003", assertThrows(SQLException.class, doomed::createStatement).getSQLState());
        // the aborted transaction is rolled back: its row lock is free and its change is gone
        try (Statement s = connection.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE t SET x = 3000 WHERE x = 3"));
        }
        assertEquals(0L, ((Number) scalar(connection, "SELECT COUNT(*) FROM t WHERE x = -1")).longValue());
    }

    /** Cancels {@code statement} over and over until {@code task} ends; the exception it ended with. */
    private static SQLException cancelUntilDone(Statement statement, Future<?> task) throws Exception {
        while (!task.isDone()) {
            statement.cancel();
            Thread.sleep(10);
        }
        ExecutionException e = assertThrows(ExecutionException.class, task::get);
        return assertInstanceOf(SQLException.class, e.getCause());
    }

    private static Object scalarOf(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getObject(1);
        }
    }
}
