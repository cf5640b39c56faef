package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sorts, hash aggregations and hash joins under a tiny memory budget ({@code work_mem=64kB}) over tables many times
 * that size: each query gives what it gives under the default budget (the same rows; for ORDER BY the same order,
 * ties included, since both sorts are stable), EXPLAIN ANALYZE shows the spill, and no temporary file outlives its
 * statement — after success, after an error, after a cancel. Data are random (seeded; the seed is in every failure
 * message) with NULLs, duplicates and a skewed key.
 */
@Timeout(600)
class SpillTest {
    private static final int ROWS = 8_000;
    private static final int OTHER_ROWS = 4_000;

    @TempDir
    Path dir;

    private Path file;
    private Connection big;
    private Connection small;
    private long seed;

    @BeforeEach
    void load() throws SQLException {
        file = dir.resolve("spill");
        big = DriverManager.getConnection("jdbc:rustydb:file:" + file);
        small = DriverManager.getConnection("jdbc:rustydb:file:" + file + ";work_mem=64kB");
        seed = Long.getLong("spill.seed", 20261202L);
        System.out.println("SpillTest seed " + seed + " (rerun with -Dspill.seed=" + seed + ")");
        Random random = new Random(seed);
        try (Statement s = big.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER, k INTEGER, s VARCHAR(40), d DECIMAL(12,2), x DOUBLE)");
            s.execute("CREATE TABLE u (id INTEGER, k INTEGER, label VARCHAR(20))");
        }
        big.setAutoCommit(false);
        try (PreparedStatement p = big.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < ROWS; i++) {
                p.setInt(1, i);
                p.setObject(2, key(random));
                p.setString(3, random.nextInt(10) == 0 ? null : "s" + random.nextInt(ROWS / 3) + "x".repeat(random.nextInt(20)));
                p.setBigDecimal(4, random.nextInt(12) == 0 ? null : BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, 2));
                p.setObject(5, random.nextInt(15) == 0 ? null : (double) random.nextInt(1000) / 8);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = big.prepareStatement("INSERT INTO u VALUES (?, ?, ?)")) {
            for (int i = 0; i < OTHER_ROWS; i++) {
                p.setInt(1, i);
                p.setObject(2, key(random));
                p.setString(3, random.nextInt(8) == 0 ? null : "label" + random.nextInt(50));
                p.addBatch();
            }
            p.executeBatch();
        }
        big.commit();
        big.setAutoCommit(true);
    }

    /** A skewed key: NULL 5%, one hot value 10%, else spread over 3,000 values. */
    private static Integer key(Random random) {
        int r = random.nextInt(100);
        if (r < 5) {
            return null;
        }
        return r < 15 ? 7 : random.nextInt(3000);
    }

    @AfterEach
    void close() throws SQLException {
        small.close();
        big.close();
    }

    private List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }

    /** Runs {@code sql} on both connections: same rows (in the same order if {@code ordered}); the small one spilled. */
    private String same(String sql, boolean ordered) throws SQLException {
        List<List<Object>> expected = rows(big, sql);
        List<List<Object>> actual = rows(small, sql);
        String what = "seed " + seed + ": " + sql;
        assertEquals(expected.size(), actual.size(), what);
        List<List<Object>> e = ordered ? expected : sorted(expected);
        List<List<Object>> a = ordered ? actual : sorted(actual);
        for (int i = 0; i < e.size(); i++) {
            assertEquals(e.get(i), a.get(i), what + " (row " + i + ")");
        }
        String plan = String.join("\n", JdbcTestSupport.column(small, "EXPLAIN ANALYZE " + sql).stream()
                .map(String::valueOf).toList());
        assertTrue(plan.contains("spilled:"), what + "\n" + plan);
        String bigPlan = String.join("\n", JdbcTestSupport.column(big, "EXPLAIN ANALYZE " + sql).stream()
                .map(String::valueOf).toList());
        assertTrue(!bigPlan.contains("spilled:"), what + "\n" + bigPlan);
        assertNoTempFiles();
        return plan;
    }

    private void assertNoTempFiles() {
        assertEquals(List.of(), spillFiles(), "seed " + seed + ": temporary files left behind");
    }

    private List<Path> spillFiles() {
        Path tmp = Path.of(file + ".tmp");
        if (!Files.isDirectory(tmp)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(tmp)) {
            return files.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private String plan(Connection c, String sql) throws SQLException {
        return String.join("\n", JdbcTestSupport.column(c, "EXPLAIN ANALYZE " + sql).stream().map(String::valueOf)
                .toList());
    }

    @Test
    void setWorkMemChangesTheBudgetOfTheSession() throws SQLException {
        String sql = "SELECT * FROM t ORDER BY s, id";
        assertEquals("64MB", JdbcTestSupport.scalar(big, "SHOW work_mem"), "the default");
        assertEquals("64kB", JdbcTestSupport.scalar(small, "SHOW work_mem"), "the connection option");
        try (Statement s = big.createStatement()) {
            s.execute("SET work_mem = '64kB'");
            assertEquals("64kB", JdbcTestSupport.scalar(big, "SHOW work_mem"));
            assertTrue(plan(big, sql).contains("spilled:"), plan(big, sql));
            s.execute("SET work_mem TO 2048");
            assertEquals("2MB", JdbcTestSupport.scalar(big, "SHOW work_mem"), "a bare number is kB");
            s.execute("RESET work_mem");
            assertEquals("64MB", JdbcTestSupport.scalar(big, "SHOW work_mem"));
            assertTrue(!plan(big, sql).contains("spilled:"), plan(big, sql));
            assertEquals("22023", assertThrows(SQLException.class, () -> s.execute("SET work_mem = '1kB'"))
                    .getSQLState());
            assertEquals("22023", assertThrows(SQLException.class, () -> s.execute("SET work_mem = 'lots'"))
                    .getSQLState());
        }
        try (Statement s = small.createStatement()) {
            s.execute("SET work_mem = '1GB'");
            s.execute("RESET ALL");
            assertEquals("64kB", JdbcTestSupport.scalar(small, "SHOW work_mem"), "RESET goes back to the option");
        }
        assertNoTempFiles();
    }

    @Test
    void externalSortKeepsOrderTiesAndNullPlacement() throws SQLException {
        same("SELECT id, k, s, d FROM t ORDER BY k NULLS FIRST, s DESC NULLS LAST", true);
        same("SELECT s, d, x FROM t ORDER BY d DESC NULLS FIRST, x", true);
        String plan = same("SELECT k, s FROM t ORDER BY s", true);
        java.util.regex.Matcher passes = java.util.regex.Pattern.compile("merge passes=(\\d+)").matcher(plan);
        assertTrue(passes.find() && Integer.parseInt(passes.group(1)) >= 2, "a multi-pass merge expected: " + plan);
    }

    @Test
    void hashAggregateSpillsEveryKindOfAggregate() throws SQLException {
        same("SELECT s, COUNT(*), SUM(d), MIN(x), MAX(k), AVG(id) FROM t GROUP BY s", false);
        same("SELECT s, k, COUNT(DISTINCT k), STRING_AGG(CAST(id AS VARCHAR), ',' ORDER BY id DESC), "
                + "STRING_AGG(CAST(id AS VARCHAR), ';'), BOOL_OR(x > 60), STDDEV_SAMP(x) FROM t GROUP BY s, k", false);
        same("SELECT k, COUNT(*), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x), "
                + "PERCENTILE_DISC(0.25) WITHIN GROUP (ORDER BY d), MODE() WITHIN GROUP (ORDER BY s), "
                + "COUNT(DISTINCT s), STRING_AGG(s, '|') FROM t GROUP BY k", false);
        same("SELECT DISTINCT s, k FROM t", false);
        same("SELECT DISTINCT d FROM t", false);
        same("SELECT k, s, COUNT(*), SUM(d) FILTER (WHERE x > 10), GROUPING(k, s) FROM t GROUP BY ROLLUP (k, s)", false);
    }

    @Test
    void graceHashJoinForEveryJoinType() throws SQLException {
        for (String type : List.of("JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN")) {
            same("SELECT a.id, a.s, b.id, b.label FROM u b " + type + " t a ON a.k = b.k AND a.id % 7 <> b.id % 5 "
                    + "WHERE a.k IS NULL OR a.k <> 7", false);
            same("SELECT a.id, b.id FROM t a " + type + " t b ON a.s = b.s AND a.k = b.k", false);
        }
        same("SELECT COUNT(*), SUM(a.d) FROM t a JOIN u b ON a.k = b.k", false);
    }

    @Test
    void sortOverAggregateOverJoin() throws SQLException {
        same("SELECT a.s, COUNT(*) AS n, MAX(b.label) FROM t a LEFT JOIN u b ON a.k = b.k AND a.k <> 7 "
                + "GROUP BY a.s ORDER BY n DESC, a.s NULLS FIRST", true);
    }

    @Test
    void temporaryFilesAreDeletedAfterAnError() throws SQLException {
        for (String sql : List.of(
                "SELECT 10 / (q.id - 5000) FROM (SELECT id FROM t ORDER BY s, id LIMIT 100000) q",
                "SELECT s, 1 / (COUNT(*) - 1) FROM t GROUP BY s",
                "SELECT 1 / (a.id - b.id) FROM t a JOIN t b ON a.s = b.s")) {
            SQLException e = assertThrows(SQLException.class, () -> rows(small, sql), sql);
            assertEquals("22012", e.getSQLState(), sql);
            assertNoTempFiles();
        }
        same("SELECT k, s FROM t ORDER BY s", true); // the connection goes on
    }

    @Test
    void temporaryFilesAreDeletedAfterCancel() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Statement s = small.createStatement()) {
            // the sort spills first; the cross product after it would run for days
            Future<?> running = executor.submit(() -> s.executeQuery(
                    "SELECT COUNT(*) FROM (SELECT id, s FROM t ORDER BY s LIMIT 100000) a, u b, u c "
                            + "WHERE a.id + b.id + c.id = -1"));
            while (spillFiles().isEmpty() && !running.isDone()) {
                Thread.sleep(10);
            }
            s.cancel();
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    running::get);
            assertEquals("57014", ((SQLException) e.getCause()).getSQLState());
        } finally {
            executor.shutdownNow();
        }
        assertNoTempFiles();
    }

    @Test
    void diskFullWhileSpillingIs53100() throws SQLException {
        io.rustydb.sql.exec.spill.SpillSpace space = ((RustyConnection) small).database().engine().spillSpace();
        io.rustydb.sql.exec.spill.SpillIo plain = space.io();
        java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();
        space.setIo(new io.rustydb.sql.exec.spill.SpillIo() {
            @Override
            public OutputStream create(Path path) throws IOException {
                OutputStream out = plain.create(path);
                return new java.io.FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (total.addAndGet(len) > 100_000) { // the disk fills up after 100 kB of spill files
                            throw new IOException("No space left on device");
                        }
                        out.write(b, off, len);
                    }
                };
            }

            @Override
            public InputStream open(Path path) throws IOException {
                return plain.open(path);
            }
        });
        try {
            SQLException e = assertThrows(SQLException.class,
                    () -> rows(small, "SELECT id, s FROM t ORDER BY s"));
            assertEquals("53100", e.getSQLState(), e.getMessage());
        } finally {
            space.setIo(plain);
        }
        assertNoTempFiles();
    }

    @Test
    void workMemOptionIsCheckedAndStaleFilesAreRemovedAtOpen() throws Exception {
        for (String bad : List.of("32kB", "abc", "64PB", "-1", "5 MiB")) {
            SQLException e = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection("jdbc:rustydb:file:" + file + ";work_mem=" + bad), bad);
            assertEquals("22023", e.getSQLState(), bad);
        }
        SQLException unknown = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:rustydb:file:" + file + ";work_memory=4MB"));
        assertEquals("42704", unknown.getSQLState());
        small.close();
        big.close();
        Path tmp = Path.of(file + ".tmp");
        Files.createDirectories(tmp);
        Files.write(tmp.resolve("17.spill"), new byte[] {1, 2, 3}); // left by a crashed process
        big = DriverManager.getConnection("jdbc:rustydb:file:" + file + ";work_mem=1GB");
        small = DriverManager.getConnection("jdbc:rustydb:file:" + file + ";work_mem=64");
        assertNoTempFiles();
        assertEquals(ROWS, ((Number) JdbcTestSupport.scalar(small, "SELECT COUNT(*) FROM t")).intValue());
    }

    @Test
    void inMemoryDatabasesSpillToTheSystemTemporaryDirectory() throws SQLException {
        String url1 = JdbcTestSupport.freshMemUrl("spill");
        String url2 = JdbcTestSupport.freshMemUrl("spill");
        try (Connection a = DriverManager.getConnection(url1); Connection b = DriverManager.getConnection(url1 + ";work_mem=64kB");
             Connection c = DriverManager.getConnection(url2 + ";work_mem=64kB")) {
            Random random = new Random(seed);
            for (Connection owner : List.of(a, c)) {
                JdbcTestSupport.update(owner, "CREATE TABLE m (i INTEGER, v VARCHAR(30))");
                owner.setAutoCommit(false);
                try (PreparedStatement p = owner.prepareStatement("INSERT INTO m VALUES (?, ?)")) {
                    for (int i = 0; i < 8000; i++) {
                        p.setInt(1, random.nextInt(1000));
                        p.setString(2, "v" + random.nextInt(5000));
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                owner.commit();
                owner.setAutoCommit(true);
            }
            String sql = "SELECT v, i FROM m ORDER BY v, i";
            List<List<Object>> expectedB = rows(a, sql);
            // two in-memory databases of one process spill into one directory at the same time: no name clashes
            ExecutorService executor = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 3; round++) {
                    Future<List<List<Object>>> fromB = executor.submit(() -> rows(b, sql));
                    Future<List<List<Object>>> fromC = executor.submit(() -> rows(c, sql));
                    assertEquals(expectedB, fromB.get(), "seed " + seed);
                    assertEquals(8000, fromC.get().size(), "seed " + seed);
                }
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                throw new AssertionError("seed " + seed, e);
            } finally {
                executor.shutdownNow();
            }
            assertTrue(String.join("\n", JdbcTestSupport.column(b, "EXPLAIN ANALYZE " + sql).stream()
                    .map(String::valueOf).toList()).contains("spilled:"));
        }
    }
}
