package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.column;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static io.rustydb.jdbc.JdbcTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File databases: they reopen with their tables and rows in this JVM and in another one (also on Java 25, with
 * nothing printed to standard error), connections of one JVM share an open file, and a second process gets 55006.
 * Child JVMs run {@link FileDatabaseChild}; every child is bounded by a timeout and killed if it overruns.
 */
class FileDatabaseTest {
    private static final long CHILD_TIMEOUT_SECONDS = 60;
    private static final String TEMURIN_25 = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";
    private static final String THIS_JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** The rows {@link FileDatabaseChild} creates, as its {@code read} mode prints them. */
    private static final List<String> CREATED_OUTPUT = List.of(
            "TABLE notes",
            "TABLE people",
            "ROW 1|Ada|1815-12-10",
            "ROW 2|Grace|1906-12-09",
            "ROW 3|null|null",
            "ROW first",
            "ROW second");

    @TempDir
    Path dir;

    private static String url(Path file) {
        return "jdbc:rustydb:file:" + file;
    }

    @Test
    void reopensInTheSameJvmWithItsTablesAndRows() throws SQLException {
        Path file = dir.resolve("same.db");
        try (Connection c = DriverManager.getConnection(url(file))) {
            update(c, "CREATE TABLE t(a INT, b VARCHAR(10), d DATE)");
            update(c, "INSERT INTO t VALUES (1, 'x', DATE '2020-01-01'), (2, NULL, NULL)");
            update(c, "CREATE TABLE u(v DOUBLE)");
            update(c, "CREATE TABLE gone(v INT)");
        }
        assertTrue(Files.exists(file), "the database file exists after close");
        try (Connection c = DriverManager.getConnection(url(file))) {
            assertEquals(List.of(row(1, "x", LocalDate.of(2020, 1, 1)), row(2, null, null)), rows(c, "SELECT * FROM t ORDER BY a"));
            assertEquals(0L, scalar(c, "SELECT COUNT(*) FROM u"));
            update(c, "INSERT INTO t VALUES (3, 'z', NULL)");
            update(c, "DROP TABLE gone");
            update(c, "CREATE TABLE later(k BIGINT NOT NULL)");
            update(c, "INSERT INTO later VALUES (42)");
        }
        try (Connection c = DriverManager.getConnection(url(file))) {
            assertEquals(List.of(1, 2, 3), column(c, "SELECT a FROM t ORDER BY a"));
            assertEquals(List.of(42L), column(c, "SELECT k FROM later"));
            SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM gone"));
            assertEquals("42P01", e.getSQLState(), "a dropped table stays dropped after reopening");
            // The NOT NULL constraint survived as well.
            SQLException nn = assertThrows(SQLException.class, () -> update(c, "INSERT INTO later VALUES (NULL)"));
            assertEquals("23502", nn.getSQLState());
            // The types of the columns survived.
            assertEquals(java.sql.Types.DATE, c.createStatement().executeQuery("SELECT d FROM t").getMetaData().getColumnType(1));
            SQLException tooLong = assertThrows(SQLException.class, () -> update(c, "INSERT INTO t(b) VALUES ('12345678901')"));
            assertEquals("22001", tooLong.getSQLState(), "VARCHAR(10) is still VARCHAR(10)");
        }
    }

    @Test
    void manyRowsThroughASmallCacheSurviveReopening() throws SQLException {
        Path file = dir.resolve("many.db");
        long seed = 20240229L;
        Random random = new Random(seed);
        long expectedSum = 0;
        int rowsWritten = 20_000;
        String small = url(file) + ";cache_size=1";
        try (Connection c = DriverManager.getConnection(small)) {
            update(c, "CREATE TABLE t(k INT, s VARCHAR(60))");
            // 100 rows per statement: every statement of a file database is forced to disk, one by one is slow.
            int perStatement = 100;
            String values = String.join(", ", java.util.Collections.nCopies(perStatement, "(?, ?)"));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES " + values)) {
                for (int i = 0; i < rowsWritten; i += perStatement) {
                    for (int j = 0; j < perStatement; j++) {
                        int k = random.nextInt(1_000_000);
                        expectedSum += k;
                        ps.setInt(2 * j + 1, k);
                        ps.setString(2 * j + 2, "row " + (i + j) + " " + "x".repeat(random.nextInt(40)));
                    }
                    assertEquals(perStatement, ps.executeUpdate());
                }
            }
        }
        try (Connection c = DriverManager.getConnection(small)) {
            assertEquals(row((long) rowsWritten, expectedSum), rows(c, "SELECT COUNT(*), SUM(k) FROM t").get(0), "seed " + seed);
            assertEquals(1L, scalar(c, "SELECT COUNT(*) FROM t WHERE s LIKE 'row 12345 %'"), "seed " + seed);
        }
    }

    @Test
    void connectionsOfOneJvmShareTheOpenFile() throws SQLException {
        Path file = dir.resolve("shared.db");
        try (Connection one = DriverManager.getConnection(url(file));
                Connection two = DriverManager.getConnection("jdbc:rustydb:" + file)) {
            update(one, "CREATE TABLE t(a INT)");
            update(one, "INSERT INTO t VALUES (1)");
            assertEquals(List.of(1), column(two, "SELECT a FROM t"));
            update(two, "INSERT INTO t VALUES (2)");
            assertEquals(List.of(1, 2), column(one, "SELECT a FROM t ORDER BY a"));
            // A differently spelled path to the same file is the same database.
            Path other = dir.resolve("sub").resolve("..").resolve("shared.db");
            try (Connection three = DriverManager.getConnection(url(other))) {
                assertEquals(2L, scalar(three, "SELECT COUNT(*) FROM t"));
            }
        }
        try (Connection again = DriverManager.getConnection(url(file))) {
            assertEquals(List.of(1, 2), column(again, "SELECT a FROM t ORDER BY a"));
        }
    }

    @Test
    void anotherProcessGets55006WhileThisJvmHoldsTheFile() throws Exception {
        Path file = dir.resolve("locked.db");
        try (Connection holder = DriverManager.getConnection(url(file))) {
            update(holder, "CREATE TABLE t(a INT)");
            Child attempt = runChild(THIS_JAVA, "try", file.toString());
            assertEquals(0, attempt.exit, attempt.describe());
            assertTrue(attempt.out.startsWith("SQLSTATE 55006 "), "the second process must get 55006: " + attempt.describe());
            assertTrue(attempt.err.isEmpty(), attempt.describe());
            // This JVM still uses the database normally.
            update(holder, "INSERT INTO t VALUES (1)");
        }
        Child after = runChild(THIS_JAVA, "try", file.toString());
        assertEquals("OPENED", after.out.strip(), "once every connection is closed the file is free: " + after.describe());
    }

    @Test
    void thisJvmGets55006WhileAnotherProcessHoldsTheFile() throws Exception {
        Path file = dir.resolve("held.db");
        assertEquals("CREATED", runChild(THIS_JAVA, "create", file.toString()).out.strip());
        Path out = dir.resolve("hold.out");
        Path err = dir.resolve("hold.err");
        Process holder = new ProcessBuilder(THIS_JAVA, "-cp", System.getProperty("java.class.path"),
                FileDatabaseChild.class.getName(), "hold", file.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            awaitLine(holder, out, "READY");
            for (int attempt = 0; attempt < 2; attempt++) {
                SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url(file)).close());
                assertEquals("55006", e.getSQLState(), "attempt " + attempt + ": " + e);
                assertTrue(e.getMessage().contains("held.db") || e.getMessage().contains("in use"), e.getMessage());
            }
            OutputStream stdin = holder.getOutputStream();
            stdin.close();
            assertTrue(holder.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS), "holder did not exit");
            assertEquals(0, holder.exitValue(), read(out) + read(err));
            assertEquals(List.of("READY", "BYE"), Files.readAllLines(out));
            assertEquals("", read(err));
        } finally {
            holder.destroyForcibly();
        }
        // The failed attempts left nothing behind: now this JVM opens the file and sees the child's rows.
        try (Connection c = DriverManager.getConnection(url(file))) {
            assertEquals(3L, scalar(c, "SELECT COUNT(*) FROM people"));
        }
    }

    @Test
    void aDatabaseCreatedByOneJvmIsReadByAnother() throws Exception {
        Path file = dir.resolve("cross.db");
        Child create = runChild(THIS_JAVA, "create", file.toString());
        assertEquals(List.of("CREATED"), create.lines(), create.describe());
        assertEquals("", create.err, "standard error must be empty: " + create.describe());

        Child read = runChild(THIS_JAVA, "read", file.toString());
        assertEquals(CREATED_OUTPUT, read.lines(), read.describe());
        assertEquals("", read.err, "standard error must be empty: " + read.describe());

        // A third JVM appends, a fourth still sees everything; and this JVM reads it too.
        Child append = runChild(THIS_JAVA, "append", file.toString(), "500");
        assertEquals(List.of("APPENDED 500"), append.lines(), append.describe());
        List<String> afterAppend = runChild(THIS_JAVA, "read", file.toString()).lines();
        assertEquals(CREATED_OUTPUT.size() + 500, afterAppend.size());
        assertTrue(afterAppend.contains("ROW 1499|p499|null"), afterAppend.toString());
        try (Connection c = DriverManager.getConnection(url(file))) {
            assertEquals(503L, scalar(c, "SELECT COUNT(*) FROM people"));
            assertEquals(List.of("Ada"), column(c, "SELECT name FROM people WHERE id = 1"));
        }
    }

    @Test
    void runsOnJava25WithNothingOnStandardError() throws Exception {
        Assumptions.assumeTrue(new File(TEMURIN_25).canExecute(), TEMURIN_25 + " is not installed");
        Path file = dir.resolve("java25.db");
        Child create = runChild(TEMURIN_25, "create", file.toString());
        assertEquals(0, create.exit, create.describe());
        assertEquals("", create.err, "Java 25 must run RustyDB without flags or warnings: " + create.describe());
        assertEquals(List.of("CREATED"), create.lines(), create.describe());

        Child read25 = runChild(TEMURIN_25, "read", file.toString());
        assertEquals("", read25.err, "Java 25 must run RustyDB without flags or warnings: " + read25.describe());
        assertEquals(CREATED_OUTPUT, read25.lines(), read25.describe());

        // The file format is the same across Java versions: Java 25 writes, this JVM's Java reads, and back.
        Child read17 = runChild(THIS_JAVA, "read", file.toString());
        assertEquals(CREATED_OUTPUT, read17.lines(), read17.describe());
        Path other = dir.resolve("java17.db");
        assertEquals("", runChild(THIS_JAVA, "create", other.toString()).err);
        Child cross = runChild(TEMURIN_25, "read", other.toString());
        assertEquals(CREATED_OUTPUT, cross.lines(), cross.describe());
        assertEquals("", cross.err, cross.describe());

        // Java 25 also reports the lock clearly while this JVM holds the file.
        try (Connection holder = DriverManager.getConnection(url(file))) {
            Child locked = runChild(TEMURIN_25, "try", file.toString());
            assertTrue(locked.out.startsWith("SQLSTATE 55006 "), locked.describe());
            assertEquals("", locked.err, locked.describe());
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("garbage.db");
        byte[] garbage = new byte[16384];
        new Random(7).nextBytes(garbage);
        Files.write(file, garbage);
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url(file)).close());
        assertFalse(e.getSQLState() == null || e.getSQLState().startsWith("XX000"), "a clear error, not an internal one: " + e);
        assertTrue(e.getMessage().contains("garbage.db"), "the error names the file: " + e.getMessage());
        assertEquals(List.of(garbage.length), List.of(Files.readAllBytes(file).length));
        assertTrue(java.util.Arrays.equals(garbage, Files.readAllBytes(file)), "the file must not be modified");
        // And refusing it did not leave it locked or registered.
        Files.delete(file);
        try (Connection c = DriverManager.getConnection(url(file))) {
            update(c, "CREATE TABLE t(a INT)");
        }
    }

    // --- child JVMs

    private record Child(int exit, String out, String err, List<String> command) {
        List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (String line : out.split("\\R")) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
            return lines;
        }

        String describe() {
            return "command " + command + " exited " + exit + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    private Child runChild(String java, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                FileDatabaseChild.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "child", ".out");
        Path err = Files.createTempFile(dir, "child", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            p.getOutputStream().close();
            if (!p.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail("child did not finish within " + CHILD_TIMEOUT_SECONDS + " s: " + command + "\n" + read(out) + read(err));
            }
        } finally {
            p.destroyForcibly();
        }
        Child child = new Child(p.exitValue(), read(out), read(err), command);
        if (child.exit != 0) {
            fail("child failed: " + child.describe());
        }
        return child;
    }

    /** Waits (bounded) until the child has written {@code line} to {@code out}, or fails if it exits first. */
    private static void awaitLine(Process p, Path out, String line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (Files.readAllLines(out).contains(line)) {
                return;
            }
            if (!p.isAlive()) {
                fail("child exited with " + p.exitValue() + " before printing " + line + ": " + read(out));
            }
            Thread.sleep(20);
        }
        fail("child did not print " + line + " within " + CHILD_TIMEOUT_SECONDS + " s");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
