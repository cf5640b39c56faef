package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded API: connections, checkpoint, statistics, close, and closing at JVM exit. */
class EmbeddedApiTest {
    private static final String THIS_JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void checkpointAndStatistics() throws SQLException {
        Path file = dir.resolve("stats.db");
        try (EmbeddedDatabase db = RustyDB.open(file, Map.of("cache_size", "16"))) {
            DatabaseStatistics before = db.statistics();
            assertEquals(file.toAbsolutePath().normalize().toString(), before.name());
            assertEquals(false, before.inMemory());
            assertEquals(0, before.tables());
            assertEquals(1, before.openReferences());
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                assertEquals(2, db.statistics().openReferences());
                s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v VARCHAR(100))");
                s.execute("INSERT INTO t SELECT x, 'value ' || x FROM (SELECT a * 100 + b AS x FROM"
                        + " (VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) p(a),"
                        + " (VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) q(b)) r");
                c.setAutoCommit(false);
                s.execute("UPDATE t SET v = 'x' WHERE id = 1");
                assertEquals(1, db.statistics().activeTransactions());
                c.rollback();
            }
            long checkpoints = db.statistics().checkpoints();
            db.checkpoint();
            DatabaseStatistics after = db.statistics();
            assertEquals(checkpoints + 1, after.checkpoints());
            assertEquals(1, after.tables());
            assertEquals(0, after.activeTransactions());
            assertTrue(after.pages() > before.pages(), before + " -> " + after);
            assertTrue(after.cacheHits() + after.cacheMisses() > 0, after.toString());
            assertTrue(after.cacheHitRatio() >= 0 && after.cacheHitRatio() <= 1);
            assertEquals(16 * 1024 * 1024 / after.pageSize(), after.cacheCapacityPages());
        }
        try (EmbeddedDatabase db = RustyDB.openInMemory("embedded-stats-" + System.nanoTime(), Map.of())) {
            db.checkpoint(); // a no-op in memory
            assertTrue(db.statistics().inMemory());
            db.close();
            assertEquals("08003", assertThrows(SQLException.class, db::statistics).getSQLState());
            assertEquals("08003", assertThrows(SQLException.class, db::checkpoint).getSQLState());
            assertEquals("08003", assertThrows(SQLException.class, db::connect).getSQLState());
        }
    }

    @Test
    void databaseLeftOpenAtExitIsClosedCleanly() throws Exception {
        Path file = dir.resolve("hook.db");
        runChild(file, "true", 50);
        try (EmbeddedDatabase db = RustyDB.open(file, Map.of())) {
            // a clean close leaves only its final checkpoint record to read
            assertTrue(db.statistics().recoveredRecordsAtOpen() <= 1,
                    "the shutdown hook took a final checkpoint: " + db.statistics());
            assertEquals(50L, count(db));
        }
    }

    @Test
    void withoutTheHookTheNextOpenRecoversAndLosesNothing() throws Exception {
        Path file = dir.resolve("nohook.db");
        runChild(file, "false", 50);
        try (EmbeddedDatabase db = RustyDB.open(file, Map.of())) {
            assertTrue(db.statistics().recoveredRecordsAtOpen() >= 50,
                    "no clean close: the log is replayed: " + db.statistics());
            assertEquals(50L, count(db));
        }
    }

    private static long count(EmbeddedDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return ((Number) JdbcTestSupport.scalar(c, "SELECT COUNT(*) FROM items")).longValue();
        }
    }

    private void runChild(Path file, String closeOnExit, int rows) throws Exception {
        Path out = dir.resolve("child-" + closeOnExit + ".out");
        Process p = new ProcessBuilder(THIS_JAVA, "-cp", System.getProperty("java.class.path"),
                EmbeddedExitChild.class.getName(), file.toString(), closeOnExit, Integer.toString(rows))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child did not exit: " + Files.readString(out));
        } finally {
            p.destroyForcibly();
        }
        String output = Files.readString(out);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("DONE"), output);
    }
}
