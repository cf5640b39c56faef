package io.rustydb.jdbc.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Transaction edge cases found in review: ending a failed block through JDBC, DDL checks, late level changes. */
class TransactionEdgeCaseTest {

    /**
     * After a 40001 inside a transaction block, the JDBC idiom "catch, then setAutoCommit(true)" (no rollback())
     * ends the failed block: setAutoCommit reports the failure, as COMMIT would, and auto-commit statements work.
     */
    @Test
    void setAutoCommitTrueAfterA40001ReportsTheFailureAndLeavesAWorkingConnection() throws Exception {
        String url = TxnTestSupport.freshMemUrl("poison");
        try (Connection c1 = DriverManager.getConnection(url); Connection c2 = DriverManager.getConnection(url);
             Statement s1 = c1.createStatement(); Statement s2 = c2.createStatement()) {
            s1.execute("CREATE TABLE t (id INTEGER, v INTEGER)");
            s1.execute("INSERT INTO t VALUES (1, 0)");
            c1.setAutoCommit(false);
            c1.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            s1.executeQuery("SELECT v FROM t").close(); // snapshot
            s2.executeUpdate("UPDATE t SET v = 1 WHERE id = 1"); // auto-commit
            SQLException e = assertThrows(SQLException.class, () -> s1.executeUpdate("UPDATE t SET v = 2 WHERE id = 1"));
            assertEquals(TxnTestSupport.SERIALIZATION_FAILURE, e.getSQLState());

            // JDBC: switching auto-commit on commits; the failed block reports its failure instead, and ends
            SQLException reported = assertThrows(SQLException.class, () -> c1.setAutoCommit(true));
            assertEquals(TxnTestSupport.SERIALIZATION_FAILURE, reported.getSQLState());
            assertTrue(c1.getAutoCommit());
            try (ResultSet rs = s1.executeQuery("SELECT v FROM t")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    /**
     * ALTER TABLE ... ADD COLUMN c NOT NULL checks that the table is empty against the latest committed rows, not
     * the transaction's snapshot, which at REPEATABLE READ can be older than a committed insert.
     */
    @Test
    void addNotNullColumnAtRepeatableReadSeesRowsCommittedAfterTheSnapshot() throws Exception {
        String url = TxnTestSupport.freshMemUrl("notnull");
        try (Connection c1 = DriverManager.getConnection(url); Connection c2 = DriverManager.getConnection(url);
             Statement s1 = c1.createStatement(); Statement s2 = c2.createStatement()) {
            s1.execute("CREATE TABLE t (id INTEGER)");
            c1.setAutoCommit(false);
            c1.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (ResultSet rs = s1.executeQuery("SELECT COUNT(*) FROM t")) { // snapshot: empty table
                assertTrue(rs.next());
                assertEquals(0, rs.getLong(1));
            }
            s2.executeUpdate("INSERT INTO t VALUES (1)"); // committed after c1's snapshot
            SQLException expected = null;
            try {
                s1.execute("ALTER TABLE t ADD COLUMN c INTEGER NOT NULL");
                c1.commit();
            } catch (SQLException e) {
                expected = e;
            }
            c1.setAutoCommit(true);
            assertTrue(expected != null, "the ALTER must see the row committed after its snapshot");
            assertEquals("23502", expected.getSQLState());
            try (ResultSet rs = s2.executeQuery("SELECT COUNT(*) FROM t")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getLong(1));
            }
        }
    }

    /**
     * A READ COMMITTED transaction that has run a statement cannot switch to SERIALIZABLE (25001): its earlier
     * reads, made without SSI tracking, would be invisible to it.
     */
    @Test
    void readCommittedTransactionThatAlreadyReadCannotSwitchToSerializable() throws Exception {
        String url = TxnTestSupport.freshMemUrl("switch");
        try (Connection c1 = DriverManager.getConnection(url); Connection c2 = DriverManager.getConnection(url);
             Statement s1 = c1.createStatement(); Statement s2 = c2.createStatement()) {
            s1.execute("CREATE TABLE oncall (name VARCHAR(10), onduty INTEGER)");
            s1.execute("INSERT INTO oncall VALUES ('a', 1), ('b', 1)");
            c1.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c1.setAutoCommit(false);
            try (ResultSet rs = s1.executeQuery("SELECT COUNT(*) FROM oncall WHERE onduty = 1")) {
                rs.next();
                assertEquals(2, rs.getLong(1)); // "someone else is on duty, I can leave"
            }
            // documented: 25001 once the transaction has run a statement
            SQLException refused = assertThrows(SQLException.class,
                    () -> c1.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE));
            assertEquals("25001", refused.getSQLState());
        }
    }
}
