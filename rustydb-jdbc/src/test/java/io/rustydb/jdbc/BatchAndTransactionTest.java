package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JDBC batches, transactions and savepoints: commit and rollback (DML and DDL), statement-level atomicity inside a
 * transaction, savepoints by name and by JDBC object, transaction control statements, isolation levels that
 * cannot be honoured yet refused rather than downgraded, and readers never seeing uncommitted changes.
 */
class BatchAndTransactionTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private String url;
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        url = "jdbc:rustydb:mem:txn-" + NAMES.incrementAndGet();
        c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INTEGER NOT NULL, b VARCHAR(5))");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private long count(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM t")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void preparedBatchesReturnCountsAndStopAtTheFirstFailure() throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            for (int i = 0; i < 5; i++) {
                p.setInt(1, i);
                p.setString(2, "v" + i);
                p.addBatch();
            }
            assertArrayEquals(new int[] {1, 1, 1, 1, 1}, p.executeBatch());
            assertArrayEquals(new int[0], p.executeBatch(), "the batch is empty after it ran");
            p.setInt(1, 10);
            p.setString(2, "ok");
            p.addBatch();
            p.setNull(1, java.sql.Types.INTEGER);
            p.setString(2, "bad");
            p.addBatch();
            BatchUpdateException e = assertThrows(BatchUpdateException.class, p::executeBatch);
            assertEquals("23502", e.getSQLState());
            assertArrayEquals(new int[] {1}, e.getUpdateCounts());
        }
        assertEquals(6, count(c));
    }

    @Test
    void statementBatches() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.addBatch("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
            s.addBatch("UPDATE t SET b = 'z' WHERE a = 2");
            s.addBatch("DELETE FROM t WHERE a = 1");
            assertArrayEquals(new long[] {2, 1, 1}, s.executeLargeBatch());
            s.addBatch("SELECT * FROM t");
            assertThrows(BatchUpdateException.class, s::executeBatch);
        }
        assertEquals(1, count(c));
    }

    @Test
    void commitRollbackAndIsolationFromOtherConnections() throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement(); Connection other = DriverManager.getConnection(url + ";lock_timeout=200")) {
            s.execute("INSERT INTO t VALUES (1, 'a')");
            // another connection does not see the uncommitted row, and does not wait for it (MVCC)
            assertEquals(0, count(other));
            assertEquals(1, count(c));
            c.rollback();
            assertEquals(0, count(c));
            s.execute("INSERT INTO t VALUES (2, 'b')");
            c.commit();
            assertEquals(1, count(other));
        }
    }

    @Test
    void aFailedStatementInATransactionUndoesOnlyItself() throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO t VALUES (1, 'a')");
            SQLException e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO t VALUES (2, 'b'), (3, 'toolong')"));
            assertEquals("22001", e.getSQLState());
            s.execute("INSERT INTO t VALUES (4, 'd')");
            c.commit();
        }
        assertEquals(2, count(c));
    }

    @Test
    void ddlRollsBackWithItsTransaction() throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE u (x INTEGER)");
            s.execute("INSERT INTO u VALUES (1)");
            s.execute("DROP TABLE t");
            c.rollback();
            assertEquals(0, count(c), "the dropped table is back");
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM u"));
            assertEquals("42P01", e.getSQLState());
        }
    }

    @Test
    void savepointsByJdbcAndBySql() throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO t VALUES (1, 'a')");
            Savepoint sp = c.setSavepoint();
            s.execute("INSERT INTO t VALUES (2, 'b')");
            Savepoint named = c.setSavepoint("later");
            s.execute("INSERT INTO t VALUES (3, 'c')");
            c.rollback(named);
            assertEquals(2, count(c));
            c.rollback(sp);
            assertEquals(1, count(c));
            s.execute("SAVEPOINT s1");
            s.execute("INSERT INTO t VALUES (5, 'e')");
            s.execute("ROLLBACK TO SAVEPOINT s1");
            s.execute("RELEASE SAVEPOINT s1");
            SQLException gone = assertThrows(SQLException.class, () -> s.execute("ROLLBACK TO s1"));
            assertEquals("3B001", gone.getSQLState());
            c.commit();
        }
        assertEquals(1, count(c));
    }

    @Test
    void transactionControlStatements() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN");
            s.execute("INSERT INTO t VALUES (1, 'a')");
            SQLException nested = assertThrows(SQLException.class, () -> s.execute("START TRANSACTION"));
            assertEquals("25001", nested.getSQLState());
            s.execute("ROLLBACK");
            assertEquals(0, count(c));
            s.execute("START TRANSACTION ISOLATION LEVEL READ COMMITTED, READ WRITE");
            s.execute("INSERT INTO t VALUES (1, 'a')");
            s.execute("COMMIT");
            assertEquals(1, count(c));
            SQLException none = assertThrows(SQLException.class, () -> s.execute("COMMIT"));
            assertEquals("25P01", none.getSQLState());
            s.execute("BEGIN READ ONLY");
            SQLException readOnly = assertThrows(SQLException.class, () -> s.execute("INSERT INTO t VALUES (2, 'b')"));
            assertEquals("25006", readOnly.getSQLState());
            s.execute("COMMIT");
        }
    }

    @Test
    void everyIsolationLevelCanBeChosenPerConnectionAndPerTransaction() throws SQLException {
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
        c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
        c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
        assertEquals(Connection.TRANSACTION_READ_UNCOMMITTED, c.getTransactionIsolation());
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        try (Statement s = c.createStatement(); Connection other = DriverManager.getConnection(url)) {
            s.execute("INSERT INTO t VALUES (1, 'a')");
            s.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
            assertEquals(1, count(c));
            other.createStatement().execute("INSERT INTO t VALUES (2, 'b')");
            assertEquals(1, count(c), "a REPEATABLE READ transaction keeps its snapshot");
            // too late to change the level once the snapshot is taken
            SQLException late = assertThrows(SQLException.class,
                    () -> s.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"));
            assertEquals("25001", late.getSQLState());
            s.execute("COMMIT");
            assertEquals(2, count(c), "READ COMMITTED again after the block");
            s.execute("START TRANSACTION");
            s.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
            assertEquals(2, count(c));
            s.execute("COMMIT");
        }
        try (Connection serial = DriverManager.getConnection(url + ";isolation=serializable")) {
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, serial.getTransactionIsolation());
        }
        assertTrue(c.getAutoCommit());
    }
}
