package io.rustydb.jdbc.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The shell against the real RustyDB driver and engine.
 *
 * <p>Enabled only while {@code io.rustydb.jdbc.Driver} is on the class path; remove the condition once the driver
 * has landed. The timeout guards against a driver whose {@code getMoreResults()}/{@code getUpdateCount()} never
 * report the end of the results (the shell loops until {@code getUpdateCount() == -1}).
 */

@Timeout(60)
class SqlShellEndToEndTest {

    static boolean driverAvailable() {
        try {
            Class.forName("io.rustydb.jdbc.Driver");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String freshUrl() {
        return "jdbc:rustydb:mem:shell-e2e-" + UUID.randomUUID();
    }

    @Test
    void createInsertAndAggregate() {
        ShellRun run = ShellRun.script(
                "CREATE TABLE t(a INT, b VARCHAR(10)); INSERT INTO t VALUES (1,'x'),(2,'y'); SELECT SUM(a) FROM t;",
                freshUrl());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().contains("OK, 2 rows affected\n"), run.out());
        // A one-row, one-column table holding 3: header, separator, the value, the row count.
        assertTrue(Pattern.compile("(?m)^-+\\n +3\\n\\(1 row\\)$").matcher(run.out()).find(), run.out());
    }

    @Test
    void noticesArePrintedOnStandardErrorAndAreNotFailures() {
        ShellRun run = ShellRun.script("DROP TABLE IF EXISTS missing; CREATE TABLE t(a INT);", freshUrl());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("NOTICE:  table \"missing\" does not exist, skipping\n", run.err());
        assertEquals("OK\nOK\n", run.out());
    }

    @Test
    void textLeftNumbersRightNullEmpty() {
        ShellRun run = ShellRun.script("""
                CREATE TABLE t(a INT, b VARCHAR(10));
                INSERT INTO t VALUES (1, 'x'), (10, NULL);
                SELECT a, b FROM t ORDER BY a;
                """, freshUrl());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  1 | x\n 10 |\n(2 rows)\n"), run.out());
    }

    @Test
    void failedStatementReportsSqlStateAndLaterStatementsStillRun() {
        ShellRun run = ShellRun.script("""
                CREATE TABLE t(a INT);
                SELECT * FROM nope;
                INSERT INTO t VALUES (1);
                SELECT COUNT(*) FROM t;
                """, freshUrl());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("ERROR [42P01] "), run.err());
        assertTrue(run.out().contains("OK, 1 row affected\n"), run.out());
        assertTrue(run.out().contains("(1 row)"), run.out());
    }

    @Test
    void onErrorStopEndsTheScript() {
        ShellRun run = ShellRun.script("""
                CREATE TABLE t(a INT);
                SELECT * FROM nope;
                INSERT INTO t VALUES (1);
                """, "--on-error=stop", freshUrl());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("ERROR [42P01] "), run.err());
        assertFalse(run.out().contains("affected"), run.out());
    }

    @Test
    void listAndDescribeTables() {
        ShellRun run = ShellRun.script("""
                CREATE TABLE people(id INT NOT NULL, name VARCHAR(20));
                \\dt
                \\d people
                """, freshUrl());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().toLowerCase().contains("people"), run.out());
        assertTrue(run.out().contains("(20)"), run.out());
        assertTrue(run.out().contains("(2 rows)"), "two columns described: " + run.out());
    }

    @Test
    void commentsAndQuotedSemicolons() {
        ShellRun run = ShellRun.script("""
                -- a comment; not a statement
                CREATE TABLE t(b VARCHAR(10)); /* also; a comment */
                INSERT INTO t VALUES ('a;b'), ('it''s');
                SELECT b FROM t ORDER BY b
                """, freshUrl());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(" a;b\n it's\n(2 rows)"), run.out());
    }
}
