package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values larger than a page: stored in overflow pages, read back whole, freed when an update or delete commits
 * (so repeated updates do not grow the file without bound), kept when the change rolls back, and there after a
 * reopen.
 */
class LargeValueTest {
    @TempDir
    Path dir;

    @Test
    void largeTextAndBinaryValuesRoundTripAndTheirSpaceIsReused() throws Exception {
        long seed = 99;
        Random random = new Random(seed);
        Path file = dir.resolve("large.db");
        String url = "jdbc:rustydb:file:" + file;
        byte[] blob = new byte[1_500_000];
        random.nextBytes(blob);
        String text = "lorem ipsum ".repeat(200_000);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE docs (id INTEGER NOT NULL, body TEXT, data BYTEA)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO docs VALUES (?, ?, ?)")) {
                for (int i = 0; i < 3; i++) {
                    p.setInt(1, i);
                    p.setString(2, text + i);
                    p.setBytes(3, blob);
                    p.executeUpdate();
                }
            }
            c.setAutoCommit(false);
            s.execute("UPDATE docs SET body = 'short' WHERE id = 0");
            c.rollback();
            c.setAutoCommit(true);
            try (ResultSet r = s.executeQuery("SELECT body FROM docs WHERE id = 0")) {
                r.next();
                assertEquals(text + 0, r.getString(1), "a rolled-back update keeps the large value");
            }
            long sizeBefore = Files.size(file);
            for (int round = 0; round < 5; round++) {
                try (PreparedStatement p = c.prepareStatement("UPDATE docs SET data = ? WHERE id = 1")) {
                    byte[] other = new byte[blob.length];
                    random.nextBytes(other);
                    p.setBytes(1, other);
                    assertEquals(1, p.executeUpdate());
                }
                s.execute("VACUUM"); // the replaced version (and its value) is dead: nobody else has a snapshot
            }
            assertTrue(Files.size(file) < sizeBefore + 4L * blob.length,
                    "overflow pages freed by vacuum must be reused: " + sizeBefore + " -> " + Files.size(file) + ", seed " + seed);
            s.execute("DELETE FROM docs WHERE id = 2");
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, body, data FROM docs ORDER BY id")) {
            assertTrue(r.next());
            assertEquals(0, r.getInt(1));
            assertEquals(text + 0, r.getString(2));
            assertArrayEquals(blob, r.getBytes(3));
            assertTrue(r.next());
            assertEquals(1, r.getInt(1));
            assertEquals(text + 1, r.getString(2));
            assertEquals(blob.length, r.getBytes(3).length);
            assertTrue(!r.next(), "row 2 was deleted");
        }
    }
}
