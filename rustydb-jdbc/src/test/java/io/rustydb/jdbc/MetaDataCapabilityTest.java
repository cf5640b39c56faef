package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.column;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code supportsXxx} answers of {@link RustyDatabaseMetaData} that frameworks consult (Spring's
 * {@code JdbcUtils.supportsBatchUpdates}, pools and tools reading isolation levels), each shown true by running
 * the feature it claims, and the unsupported ones shown to fail.
 */
class MetaDataCapabilityTest {
    private Connection c;
    private DatabaseMetaData md;

    @BeforeEach
    void setUp() throws SQLException {
        c = JdbcTestSupport.connect(JdbcTestSupport.freshMemUrl("mdcap"));
        md = c.getMetaData();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE a (x INTEGER, y INTEGER)");
            s.execute("CREATE TABLE b (x INTEGER, z INTEGER)");
            s.execute("INSERT INTO a VALUES (1, 10), (2, 20)");
            s.execute("INSERT INTO b VALUES (2, 200), (3, 300)");
        }
    }

    @AfterEach
    void tearDown() throws SQLException {
        c.close();
    }

    @Test
    void batchUpdates() throws SQLException {
        assertTrue(md.supportsBatchUpdates());
        try (PreparedStatement p = c.prepareStatement("UPDATE a SET y = y + 1 WHERE x >= ?")) {
            p.setInt(1, 1);
            p.addBatch();
            p.setInt(1, 2);
            p.addBatch();
            p.setInt(1, 3);
            p.addBatch();
            assertArrayEquals(new int[] {2, 1, 0}, p.executeBatch());
        }
        try (Statement s = c.createStatement()) {
            s.addBatch("INSERT INTO b VALUES (4, 400)");
            s.addBatch("DELETE FROM b WHERE x < 4");
            assertArrayEquals(new int[] {1, 2}, s.executeBatch());
        }
    }

    @Test
    void everyIsolationLevelButNone() throws SQLException {
        for (int level : new int[] {Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED,
                Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE}) {
            assertTrue(md.supportsTransactionIsolationLevel(level), "level " + level);
            c.setTransactionIsolation(level);
            int expected = level == Connection.TRANSACTION_READ_UNCOMMITTED ? Connection.TRANSACTION_READ_COMMITTED : level;
            assertTrue(c.getTransactionIsolation() == level || c.getTransactionIsolation() == expected,
                    "level " + level + " reads back as " + c.getTransactionIsolation());
        }
        assertFalse(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_NONE));
        assertThrows(SQLException.class, () -> c.setTransactionIsolation(Connection.TRANSACTION_NONE));
    }

    @Test
    void joinsSubqueriesUnionsAndOrdering() throws SQLException {
        assertTrue(md.supportsOuterJoins());
        assertTrue(md.supportsLimitedOuterJoins());
        assertTrue(md.supportsFullOuterJoins());
        assertEquals(List.of(row(1, null), row(2, 2), row(null, 3)),
                rows(c, "SELECT a.x, b.x FROM a FULL OUTER JOIN b ON a.x = b.x ORDER BY COALESCE(a.x, b.x)"));

        assertTrue(md.supportsSubqueriesInComparisons());
        assertEquals(List.of(2), column(c, "SELECT x FROM a WHERE x = (SELECT MIN(x) FROM b)"));
        assertTrue(md.supportsSubqueriesInExists());
        assertTrue(md.supportsCorrelatedSubqueries());
        assertEquals(List.of(2), column(c, "SELECT x FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.x = a.x)"));
        assertTrue(md.supportsSubqueriesInIns());
        assertEquals(List.of(1), column(c, "SELECT x FROM a WHERE x NOT IN (SELECT x FROM b)"));
        assertTrue(md.supportsSubqueriesInQuantifieds());
        assertEquals(List.of(1, 2), column(c, "SELECT x FROM a WHERE x < ALL (SELECT x FROM b) OR x = ANY (SELECT x FROM b) ORDER BY x"));

        assertTrue(md.supportsUnion());
        assertTrue(md.supportsUnionAll());
        assertEquals(List.of(1, 2, 2, 3), column(c, "SELECT x FROM a UNION ALL SELECT x FROM b ORDER BY 1"));

        assertTrue(md.supportsExpressionsInOrderBy());
        assertEquals(List.of(2, 1), column(c, "SELECT x FROM a ORDER BY -y"));
        assertTrue(md.supportsGroupByBeyondSelect());
        assertEquals(List.of(1, 2), column(c, "SELECT x FROM a GROUP BY x, y ORDER BY x"));
        assertTrue(md.supportsSelectForUpdate());
        assertEquals(List.of(1), column(c, "SELECT x FROM a WHERE x = 1 FOR UPDATE"));
        assertTrue(md.supportsIntegrityEnhancementFacility());
    }

    @Test
    void statementsStayOpenAcrossCommitAndRollback() throws SQLException {
        assertTrue(md.supportsOpenStatementsAcrossCommit());
        assertTrue(md.supportsOpenStatementsAcrossRollback());
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO a VALUES (?, 0)")) {
            insert.setInt(1, 5);
            insert.executeUpdate();
            c.commit();
            insert.setInt(1, 6);
            insert.executeUpdate();
            c.rollback();
            insert.setInt(1, 7);
            insert.executeUpdate();
            c.commit();
        }
        assertEquals(List.of(1, 2, 5, 7), column(c, "SELECT x FROM a ORDER BY x"));
    }

    @Test
    void likeEscapeIsClaimedAndWorks() throws SQLException {
        assertTrue(md.supportsLikeEscapeClause());
        assertEquals(List.of(1, 2), column(c, "SELECT x FROM a WHERE 'a%' LIKE 'a!%' ESCAPE '!' AND 'ab' NOT LIKE 'a!%' ESCAPE '!' ORDER BY x"));
    }

    @Test
    void unsupportedAnswersStayFalse() throws SQLException {
        assertFalse(md.supportsStoredProcedures());
        assertThrows(SQLException.class, () -> c.prepareCall("CALL p()"));
        try (ResultSet rs = md.getTypeInfo()) {
            assertTrue(rs.next(), "type info is not empty");
        }
    }
}
