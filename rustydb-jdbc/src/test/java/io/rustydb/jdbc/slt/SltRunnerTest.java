package io.rustydb.jdbc.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.jdbc.slt.SltOutcome.Status;
import io.rustydb.jdbc.slt.SltRecord.Query;
import io.rustydb.jdbc.slt.SltRecord.SortMode;
import io.rustydb.jdbc.slt.SltRecord.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner itself, on small scripts that only use SQL RustyDB already has: parsing (CRLF, comments inside a
 * record, conditions, loops), rendering, sorting, hashing, labels, halt, and DuckDB's tab-separated rows, named
 * connections, expected error messages, {@code restart} and {@code require}. Guards against a runner that passes
 * everything (a deliberately wrong expectation must FAIL) or skips everything.
 */
class SltRunnerTest {
    @TempDir
    Path dir;

    private static final String SQLITE_SCRIPT = String.join("\n",
            "hash-threshold 4",
            "",
            "statement ok",
            "CREATE TABLE t1(a INTEGER, b VARCHAR(10), c REAL)",
            "",
            "statement ok",
            "INSERT INTO t1 VALUES (3, 'x', 1.5), (1, NULL, 2.25), (2, '', -0.5)",
            "",
            "query ITR rowsort",
            "SELECT a, b, c FROM t1",
            "----",
            "1", "NULL", "2.250", "2", "(empty)", "-0.500", "3", "x", "1.500",
            "",
            "query IT rowsort",
            "SELECT a, b FROM t1",
            "----",
            "6 values hashing to 3b5e64cc49da3f9558f946c632bc4733",
            "",
            "query T valuesort",
            "SELECT b FROM t1",
            "----",
            "(empty)", "NULL", "x",
            "",
            "query I rowsort label-1",
            "SELECT a FROM t1",
            "----",
            "3 values hashing to c0710d6b4f15dfa88f600b0e6b624077",
            "",
            "query I rowsort label-1",
            "SELECT a FROM t1 WHERE a > 0",
            "----",
            "3 values hashing to c0710d6b4f15dfa88f600b0e6b624077",
            "",
            "skipif postgresql # PostgreSQL requires AS",
            "query I nosort",
            "SELECT nonsense FROM nowhere",
            "----",
            "1",
            "",
            "onlyif mysql",
            "statement ok",
            "SELECT a DIV b FROM t1",
            "",
            "onlyif postgresql",
            "query I nosort",
            "SELECT COUNT(*) FROM t1",
            "----",
            "3",
            "",
            "statement error",
            "SELECT * FROM no_such_table",
            "",
            "query I nosort",
            "SELECT a FROM t1 WHERE a = 1",
            "----",
            "2",
            "",
            "# a comment before the record",
            "query I nosort",
            "SELECT a",
            "# a comment inside the record",
            "FROM t1 WHERE a = 3",
            "----",
            "3",
            "",
            "halt",
            "",
            "query I nosort",
            "SELECT 1",
            "----",
            "1",
            "");

    @Test
    void sqliteScriptWithCrlf() throws IOException {
        Path file = write("crlf.test", SQLITE_SCRIPT.replace("\n", "\r\n"));
        SltFileResult r = SltRunner.runFile(file, "crlf.test", SltDialect.SQLITE, memUrl(), false,
                Duration.ofSeconds(10), false);
        assertNull(r.runnerError());
        assertEquals(List.of(Status.PASS, Status.PASS, Status.PASS, Status.PASS, Status.PASS, Status.PASS, Status.PASS,
                Status.SKIP, Status.SKIP, Status.PASS, Status.PASS, Status.FAIL, Status.PASS, Status.SKIP),
                statuses(r), () -> describe(r));
        assertEquals("skipif postgresql", r.outcomes().get(7).cause());
        assertEquals("onlyif mysql", r.outcomes().get(8).cause());
        assertEquals("result mismatch", r.outcomes().get(11).cause());
        assertEquals("halt", r.outcomes().get(13).cause());
    }

    @Test
    void aLabelMustHashTheSameEveryTime() throws IOException {
        Path file = write("label.test", String.join("\n",
                "statement ok", "CREATE TABLE t(a INTEGER)", "",
                "statement ok", "INSERT INTO t VALUES (1), (2)", "",
                "query I rowsort label-x", "SELECT a FROM t", "----", "1", "2", "",
                "query I rowsort label-x", "SELECT a FROM t WHERE a = 1", "----", "1", ""));
        SltFileResult r = SltRunner.runFile(file, "label.test", SltDialect.SQLITE, memUrl(), false,
                Duration.ofSeconds(10), false);
        assertEquals(List.of(Status.PASS, Status.PASS, Status.PASS, Status.FAIL), statuses(r), () -> describe(r));
        assertEquals("label mismatch", r.outcomes().get(3).cause());
    }

    @Test
    void duckDbScriptOnAFileDatabase() throws IOException {
        Path file = write("duck.test", String.join("\n",
                "# name: test/sql/example.test",
                "statement ok",
                "CREATE TABLE t(i INTEGER, d DOUBLE)",
                "",
                "loop k 0 3",
                "",
                "statement ok con1",
                "INSERT INTO t VALUES (${k}, ${k}.5);",
                "",
                "endloop",
                "",
                "query IR con2",
                "SELECT i, d FROM t ORDER BY i",
                "----",
                "0\t0.500000",
                "1\t1.500000",
                "2\t2.500000",
                "",
                "statement error",
                "SELECT * FROM missing",
                "----",
                "Catalog Error: Table with name missing does not exist!",
                "",
                "query I rowsort",
                "SELECT i FROM t WHERE i > 0",
                "----",
                "2",
                "1",
                "",
                "restart",
                "",
                "query I",
                "SELECT COUNT(*) FROM t",
                "----",
                "3",
                "",
                "require parquet",
                "",
                "query I",
                "SELECT 1",
                "----",
                "1",
                ""));
        String url = "jdbc:rustydb:file:" + dir.resolve("duck.db");
        SltFileResult r = SltRunner.runFile(file, "duck.test", SltDialect.DUCKDB, url, true, Duration.ofSeconds(10),
                false);
        assertNull(r.runnerError());
        assertEquals(List.of(Status.PASS, Status.PASS, Status.PASS, Status.PASS, Status.PASS, Status.PASS, Status.PASS,
                Status.PASS, Status.SKIP), statuses(r), () -> describe(r));
        assertTrue(r.outcomes().get(8).cause().startsWith("needs DuckDB-only require parquet"));

        SltFileResult strict = SltRunner.runFile(file, "duck.test", SltDialect.DUCKDB,
                "jdbc:rustydb:file:" + dir.resolve("strict.db"), true, Duration.ofSeconds(10), true);
        assertEquals("error message differs", strict.outcomes().get(5).cause(), () -> describe(strict));
    }

    @Test
    void restartOnAnInMemoryDatabaseSkipsTheRest() throws IOException {
        Path file = write("restart.test", String.join("\n",
                "statement ok", "CREATE TABLE t(i INTEGER)", "", "restart", "", "statement ok", "SELECT 1", ""));
        SltFileResult r = SltRunner.runFile(file, "restart.test", SltDialect.DUCKDB, memUrl(), false,
                Duration.ofSeconds(10), false);
        assertEquals(List.of(Status.PASS, Status.SKIP), statuses(r), () -> describe(r));
        assertEquals("restart on an in-memory database", r.outcomes().get(1).cause());
    }

    @Test
    void parserExpandsLoopsAndReadsHeaders() {
        List<SltRecord> records = SltParser.parse(String.join("\r\n",
                "foreach type integer bigint", "", "statement ok", "CREATE TABLE t_${type}(x ${type})", "", "endloop",
                "", "query II valuesort my-label", "SELECT 1, 2", "----", "1", "2", "",
                "statement error con3", "SELECT x", "----", "some message", ""));
        assertEquals(4, records.size());
        assertEquals("CREATE TABLE t_integer(x integer)", ((Statement) records.get(0)).sql());
        assertEquals("CREATE TABLE t_bigint(x bigint)", ((Statement) records.get(1)).sql());
        Query q = (Query) records.get(2);
        assertEquals("II", q.types());
        assertEquals(SortMode.VALUESORT, q.sort());
        assertEquals("my-label", q.label());
        assertEquals(List.of("1", "2"), q.expected());
        Statement e = (Statement) records.get(3);
        assertEquals("con3", e.connection());
        assertEquals("some message", e.expectedError());
        assertThrows(IllegalArgumentException.class, () -> SltParser.parse("loop i 0 2\n\nstatement ok\nSELECT 1\n"));
    }

    @Test
    void valuesRenderAsSqllogictestPrintsThem() {
        assertEquals("NULL", SltValues.render(null, 'T', SltDialect.SQLITE));
        assertEquals("(empty)", SltValues.render("", 'T', SltDialect.SQLITE));
        assertEquals("a@b@@", SltValues.render("a\u0001b\u00e9", 'T', SltDialect.SQLITE));
        assertEquals("2", SltValues.render(2.9, 'I', SltDialect.SQLITE));
        assertEquals("-7", SltValues.render("-7abc", 'I', SltDialect.SQLITE));
        assertEquals("1.000", SltValues.render(1, 'R', SltDialect.SQLITE));
        assertEquals("-0.333", SltValues.render(-1.0 / 3, 'R', SltDialect.SQLITE));
        assertEquals("true", SltValues.render(Boolean.TRUE, 'T', SltDialect.DUCKDB));
        assertTrue(SltValues.duckDbEquals("4200.000000", "4200", 'R'));
        assertTrue(SltValues.duckDbEquals("0.1", "0.1000000001", 'R'));
        assertTrue(!SltValues.duckDbEquals("1", "2", 'I'));
        assertTrue(!SltValues.duckDbEquals("NULL", "(empty)", 'T'));
        assertEquals("df648499e21bea22794ce417194ec651", SltValues.md5(List.of("1", "2", "3", "x")));
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static String memUrl() {
        return "jdbc:rustydb:mem:slt_runner_" + System.nanoTime();
    }

    private static List<Status> statuses(SltFileResult r) {
        return r.outcomes().stream().map(SltOutcome::status).collect(Collectors.toList());
    }

    private static String describe(SltFileResult r) {
        return r.outcomes().stream().map(o -> o.line() + " " + o.status() + " " + o.cause() + " " + o.detail())
                .collect(Collectors.joining("\n")) + (r.runnerError() == null ? "" : "\nrunner: " + r.runnerError());
    }
}
