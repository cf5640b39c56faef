package io.rustydb.jdbc.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Garbage collection of row versions: every UPDATE leaves a dead version behind; vacuum (in the background, or
 * {@code VACUUM}) removes the ones no snapshot can see, and the heap reuses their space, so an update-heavy
 * workload keeps the file bounded — unless an old snapshot still needs the versions.
 */
class VacuumTest {
    private static final int ROWS = 100;

    @TempDir
    Path dir;

    private static void fill(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER, v VARCHAR(200))");
            StringBuilder sql = new StringBuilder("INSERT INTO t VALUES ");
            for (int i = 0; i < ROWS; i++) {
                sql.append(i == 0 ? "" : ", ").append("(").append(i).append(", 'start')");
            }
            s.execute(sql.toString());
        }
    }

    private static void updates(Connection c, Random random, int count) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE t SET v = ? WHERE id = ?")) {
            for (int i = 0; i < count; i++) {
                p.setString(1, "value " + random.nextInt() + " ".repeat(random.nextInt(100)));
                p.setInt(2, random.nextInt(ROWS));
                assertEquals(1, p.executeUpdate());
            }
        }
    }

    @Test
    void explicitVacuumKeepsTheFileSizeFlatAcrossUpdateRounds() throws Exception {
        long seed = 11;
        Random random = new Random(seed);
        Path file = dir.resolve("flat.db");
        // only the explicit VACUUM runs: a background pass racing it (its transaction holding back the horizon)
        // made the file sizes depend on timing; backgroundVacuumBoundsALongUpdateLoop covers autovacuum
        try (Connection c = DriverManager.getConnection("jdbc:rustydb:file:" + file + ";autovacuum=false");
             Statement s = c.createStatement()) {
            fill(c);
            long[] sizes = new long[4];
            for (int round = 0; round < sizes.length; round++) {
                updates(c, random, 3_000);
                s.execute("VACUUM");
                sizes[round] = Files.size(file);
            }
            // round 0 grows the file to hold one round of dead versions; later rounds reuse that space
            assertTrue(sizes[3] <= sizes[1] + 64 * 1024, "file grew across vacuumed rounds: "
                    + java.util.Arrays.toString(sizes) + ", seed " + seed);
            try (ResultSet r = s.executeQuery("SELECT count(*), count(DISTINCT id) FROM t")) {
                r.next();
                assertEquals(ROWS, r.getInt(1));
                assertEquals(ROWS, r.getInt(2));
            }
        }
    }

    @Test
    void backgroundVacuumBoundsALongUpdateLoop() throws Exception {
        long seed = 12;
        Random random = new Random(seed);
        Path file = dir.resolve("background.db");
        try (Connection c = DriverManager.getConnection("jdbc:rustydb:file:" + file)) {
            fill(c);
            updates(c, random, 20_000);
            // without vacuum: 20,000 versions of ~130 bytes = about 2.6 MB of heap
            long size = Files.size(file);
            System.out.println("background vacuum: file of " + size + " bytes after 20,000 updates");
            assertTrue(size < 1_300_000, "the file kept dead versions: " + size + " bytes, seed " + seed);
        }
    }

    @Test
    void anOldSnapshotKeepsTheVersionsItNeeds() throws Exception {
        String url = "jdbc:rustydb:mem:vacuum-snapshot;autovacuum=false";
        try (Connection writer = DriverManager.getConnection(url); Connection reader = DriverManager.getConnection(url);
             Statement w = writer.createStatement(); Statement r = reader.createStatement()) {
            fill(writer);
            r.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
            assertEquals(ROWS, count(r, "start"));
            updates(writer, new Random(13), 500);
            w.execute("UPDATE t SET v = 'end'");
            assertEquals(0, vacuum(w), "the reader's snapshot still sees the replaced versions");
            assertEquals(ROWS, count(r, "start"), "the old snapshot still reads every row");
            r.execute("COMMIT");
            assertTrue(vacuum(w) >= ROWS, "once the snapshot is gone the versions go");
            assertEquals(ROWS, count(r, "end"));
        }
    }

    private static int count(Statement s, String value) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t WHERE v = '" + value + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int vacuum(Statement s) throws SQLException {
        s.execute("VACUUM");
        return s.getUpdateCount();
    }
}
