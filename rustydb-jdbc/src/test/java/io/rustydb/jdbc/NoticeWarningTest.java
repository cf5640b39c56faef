package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's NOTICEs of IF [NOT] EXISTS statements that skip their object reach the application as
 * {@link SQLWarning}s (SQLSTATE 00000, as PostgreSQL's driver reports them), with PostgreSQL's wording; the
 * warnings are cleared when the statement runs again.
 */
class NoticeWarningTest {

    private static List<String> warnings(Statement s) throws SQLException {
        List<String> messages = new ArrayList<>();
        for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
            assertEquals("00000", w.getSQLState());
            messages.add(w.getMessage());
        }
        return messages;
    }

    @Test
    void skippedObjectsAreReportedAsWarnings() throws SQLException {
        try (Connection c = DriverManager.getConnection(freshMemUrl("notice")); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
            assertEquals(List.of(), warnings(s));
            s.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER)");
            assertEquals(List.of("relation \"t\" already exists, skipping"), warnings(s));
            s.execute("DROP TABLE IF EXISTS missing, t2");
            assertEquals(List.of("table \"missing\" does not exist, skipping", "table \"t2\" does not exist, skipping"),
                    warnings(s));
            s.execute("SELECT 1");
            assertEquals(List.of(), warnings(s), "cleared when the statement runs again");
            s.execute("DROP VIEW IF EXISTS v");
            assertEquals(List.of("view \"v\" does not exist, skipping"), warnings(s));
            s.execute("DROP SEQUENCE IF EXISTS seq");
            assertEquals(List.of("sequence \"seq\" does not exist, skipping"), warnings(s));
            s.execute("DROP INDEX IF EXISTS idx");
            assertEquals(List.of("index \"idx\" does not exist, skipping"), warnings(s));
            s.execute("CREATE SCHEMA IF NOT EXISTS public");
            assertEquals(List.of("schema \"public\" already exists, skipping"), warnings(s));
            s.execute("DROP SCHEMA IF EXISTS nowhere");
            assertEquals(List.of("schema \"nowhere\" does not exist, skipping"), warnings(s));
            s.execute("ALTER TABLE t DROP CONSTRAINT IF EXISTS nope");
            assertEquals(List.of("constraint \"nope\" of relation \"t\" does not exist, skipping"), warnings(s));
            s.clearWarnings();
            assertNull(s.getWarnings());
            // several statements in one execute, and a batch: the notices add up
            s.execute("DROP TABLE IF EXISTS a; DROP TABLE IF EXISTS b");
            assertEquals(List.of("table \"a\" does not exist, skipping", "table \"b\" does not exist, skipping"),
                    warnings(s));
            s.addBatch("DROP TABLE IF EXISTS c");
            s.addBatch("DROP TABLE IF EXISTS d");
            s.executeBatch();
            assertEquals(List.of("table \"c\" does not exist, skipping", "table \"d\" does not exist, skipping"),
                    warnings(s));
        }
    }
}
