package io.rustydb.jdbc.shell;

import static io.rustydb.jdbc.shell.FakeDriver.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.jdbc.shell.FakeDriver.Count;
import io.rustydb.jdbc.shell.FakeDriver.Database;
import io.rustydb.jdbc.shell.FakeDriver.Failure;
import io.rustydb.jdbc.shell.FakeDriver.Results;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shell's loop, output and exit codes, against {@link FakeDriver} (no engine needed). */
@Timeout(30)
class SqlShellTest {

    private static final String URL = FakeDriver.URL_PREFIX + "shelltest";

    private Database db;

    @BeforeEach
    void scriptDatabase() {
        db = FakeDriver.script("shelltest");
        db.responses.put("CREATE TABLE t(a INT, b VARCHAR(10))", new Count(0));
        db.responses.put("INSERT INTO t VALUES (1,'x'),(2,'y')", new Count(2));
        db.responses.put("SELECT a, b\n  FROM t", rows(List.of("a", "b"), List.of(Types.INTEGER, Types.VARCHAR),
                List.of(1, "x"), List.of(22, "y"), Arrays.asList(null, null)));
        db.responses.put("SELECT * FROM nope", new Failure(null, "42P01", "relation \"nope\" does not exist"));
        db.responses.put("SELECT bug()", new Failure(new IllegalStateException("boom"), null, null));
        db.responses.put("SELECT nostate()", new Failure(null, null, "no state"));
    }

    @Test
    void scriptPrintsUpdateCountsAndTables() {
        ShellRun run = ShellRun.script("""
                CREATE TABLE t(a INT, b VARCHAR(10));
                INSERT INTO t VALUES (1,'x'),(2,'y');
                SELECT a, b
                  FROM t;
                """, URL);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertEquals("""
                OK
                OK, 2 rows affected
                 a  | b
                ----+---
                  1 | x
                 22 | y
                    |
                (3 rows)

                """, run.out());
        assertEquals(List.of("CREATE TABLE t(a INT, b VARCHAR(10))", "INSERT INTO t VALUES (1,'x'),(2,'y')",
                "SELECT a, b\n  FROM t"), db.executed);
    }

    @Test
    void errorsAreReportedAndTheScriptGoesOn() {
        ShellRun run = ShellRun.script("SELECT * FROM nope;\nSELECT bug();\nSELECT nostate();\n"
                + "INSERT INTO t VALUES (1,'x'),(2,'y');\n", URL);
        assertEquals(1, run.exitCode());
        assertEquals("""
                ERROR [42P01] relation "nope" does not exist
                ERROR [XX000] java.lang.IllegalStateException: boom
                ERROR [?????] no state
                """, run.err());
        assertEquals("OK, 2 rows affected\n", run.out());
    }

    @Test
    void onErrorStopStopsAtFirstFailureEvenMidLine() {
        ShellRun run = ShellRun.script("INSERT INTO t VALUES (1,'x'),(2,'y');\n"
                + "SELECT * FROM nope; INSERT INTO t VALUES (1,'x'),(2,'y');\nSELECT a, b FROM t;\n",
                "--on-error=stop", URL);
        assertEquals(1, run.exitCode());
        assertEquals("OK, 2 rows affected\n", run.out());
        assertEquals("ERROR [42P01] relation \"nope\" does not exist\n", run.err());
        assertEquals(List.of("INSERT INTO t VALUES (1,'x'),(2,'y')", "SELECT * FROM nope"), db.executed);
    }

    @Test
    void trailingStatementWithoutSemicolonRuns() {
        ShellRun run = ShellRun.script("CREATE TABLE t(a INT, b VARCHAR(10));\nINSERT INTO t VALUES (1,'x'),(2,'y')",
                URL);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("OK\nOK, 2 rows affected\n", run.out());
    }

    @Test
    void multipleResultsOfOneStatementAreAllPrinted() {
        db.responses.put("CALL twice()", new Results(List.of(new Count(3),
                rows(List.of("n"), List.of(Types.BIGINT), List.of(7)), new Count(0))));
        ShellRun run = ShellRun.script("CALL twice();", URL);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("OK, 3 rows affected\n n\n---\n 7\n(1 row)\n\nOK\n", run.out());
    }

    @Test
    void quitStopsReading() {
        ShellRun run = ShellRun.script("INSERT INTO t VALUES (1,'x'),(2,'y');\n\\q\nSELECT * FROM nope;\n", URL);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("INSERT INTO t VALUES (1,'x'),(2,'y')"), db.executed);
    }

    @Test
    void unknownCommandIsAFailure() {
        ShellRun run = ShellRun.script("\\frobnicate now\nINSERT INTO t VALUES (1,'x'),(2,'y');\n", URL);
        assertEquals(1, run.exitCode());
        assertEquals("ERROR: unknown command \\frobnicate\n", run.err());
        assertEquals("OK, 2 rows affected\n", run.out());
    }

    @Test
    void backslashInsideLiteralIsNotACommand() {
        db.responses.put("SELECT 'a\n\\q'", rows(List.of("v"), List.of(Types.VARCHAR), List.of("a\n\\q")));
        ShellRun run = ShellRun.script("SELECT 'a\n\\q';\n", URL);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(" a\\n\\q\n"), run.out());
    }

    @Test
    void timingIsOffForScriptsAndCanBeSwitchedOn() {
        ShellRun run = ShellRun.script("CREATE TABLE t(a INT, b VARCHAR(10));\n\\timing\n"
                + "CREATE TABLE t(a INT, b VARCHAR(10));\n", URL);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("OK\nTiming is on\\.\nOK\nTime: \\d+\\.\\d{3} ms\n"), run.out());
    }

    @Test
    void listAndDescribeTables() {
        db.tables = rows(db.tables.labels(), db.tables.types(), List.of("PUBLIC", "T", "TABLE"),
                List.of("PUBLIC", "V", "VIEW"));
        db.columns = rows(db.columns.labels(), db.columns.types(),
                List.of("PUBLIC", "T", "A", "INTEGER", Types.INTEGER, 32, 0, "NO", 0),
                Arrays.asList("PUBLIC", "T", "B", "VARCHAR", Types.VARCHAR, 10, null, "YES", 1),
                Arrays.asList("PUBLIC", "T", "C", "DECIMAL", Types.DECIMAL, 10, 2, "", 1));
        ShellRun run = ShellRun.script("\\dt\n\\d t\n\\d nope\n", URL);
        assertEquals(1, run.exitCode());
        assertEquals("""
                 Schema | Name | Type
                --------+------+-------
                 PUBLIC | T    | TABLE
                 PUBLIC | V    | VIEW
                (2 rows)

                Table "PUBLIC.T"
                 Column |     Type      | Nullable
                --------+---------------+----------
                 A      | INTEGER       | NO
                 B      | VARCHAR(10)   | YES
                 C      | DECIMAL(10,2) | YES
                (3 rows)

                """, run.out());
        assertEquals("ERROR [42P01] table \"nope\" does not exist\n", run.err());
    }

    @Test
    void scriptFromFile(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("init.sql");
        Files.writeString(script, "-- set up\nCREATE TABLE t(a INT, b VARCHAR(10)); /* done */\n",
                StandardCharsets.UTF_8);
        ShellRun run = ShellRun.run(new ByteArrayInputStream("SELECT * FROM nope;".getBytes(StandardCharsets.UTF_8)),
                true, "-f", script.toString(), URL);
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("OK\n", run.out(), "-f is never interactive: no banner, no prompt, no timing");
    }

    @Test
    void missingScriptFileFailsBeforeConnecting(@TempDir Path dir) {
        ShellRun run = ShellRun.script("", "-f", dir.resolve("absent.sql").toString(), URL);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("ERROR: cannot read "), run.err());
    }

    @Test
    void connectionFailure() {
        ShellRun run = ShellRun.script("SELECT 1;", "jdbc:nosuchdriver:x");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("ERROR [08001] "), run.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        ShellRun run = ShellRun.script("", "--nope");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("rustydb: unknown option: --nope\nUsage: "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void helpExitsWithZero() {
        ShellRun run = ShellRun.script("", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: "), run.out());
    }

    @Test
    void interactiveSessionPromptsAndKeepsGoingAfterErrors() {
        db.responses.put("INSERT INTO t\nVALUES (1,'x'),(2,'y')", new Count(2));
        ShellRun run = ShellRun.interactive("SELECT * FROM nope;\nINSERT INTO t\nVALUES (1,'x'),(2,'y');\n\\q\n", URL);
        assertEquals(0, run.exitCode(), "an interactive session that quits normally exits 0");
        assertTrue(run.out().startsWith("FakeDB 0 shell, connected to " + URL), run.out());
        assertTrue(run.out().contains(SqlShell.PROMPT), run.out());
        assertTrue(run.out().contains(SqlShell.CONTINUATION_PROMPT), run.out());
        assertTrue(run.out().contains("OK, 2 rows affected"), run.out());
        assertTrue(run.out().contains("Time: "), "timing is on in interactive sessions: " + run.out());
        assertTrue(run.err().contains("ERROR [42P01]"), run.err());
        assertEquals(List.of("SELECT * FROM nope", "INSERT INTO t\nVALUES (1,'x'),(2,'y')"), db.executed);
    }

    @Test
    void interactiveQuitDiscardsUnfinishedStatement() {
        ShellRun run = ShellRun.interactive("INSERT INTO t VALUES (1,'x'),(2,'y')\n\\q\n", URL);
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.out().contains("rows affected"), run.out());
        assertEquals(List.of(), db.executed);
    }

    @Test
    void updateMessages() {
        assertEquals("OK", SqlShell.updateMessage("CREATE TABLE t(a INT)", 0));
        assertEquals("OK", SqlShell.updateMessage("DROP TABLE t", -1));
        assertEquals("OK, 5 rows affected", SqlShell.updateMessage("CREATE TABLE t2 AS SELECT * FROM t", 5));
        assertEquals("OK, 0 rows affected", SqlShell.updateMessage("delete from t where false", 0));
        assertEquals("OK, 1 row affected", SqlShell.updateMessage("  UPDATE t SET a = 1", 1));
        assertEquals("OK, 2 rows affected", SqlShell.updateMessage("(INSERT INTO t VALUES (1), (2))", 2));
        assertEquals("INSERT", SqlShell.firstKeyword("\n insert into t"));
    }
}
