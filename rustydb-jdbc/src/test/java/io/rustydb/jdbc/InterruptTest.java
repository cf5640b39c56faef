package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread interrupt (a cancelled task, a pool shutting down) must not break a file database: a plain
 * {@code FileChannel} would be closed for every thread by an interrupt during I/O.
 */
@Timeout(120)
class InterruptTest {
    @TempDir
    Path dir;

    @Test
    void interruptedThreadsDoNotCloseTheDatabaseFiles() throws Exception {
        String url = "jdbc:rustydb:file:" + dir.resolve("interrupt.db") + ";cache_size=1";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INTEGER, pad VARCHAR(300))");
            s.execute("INSERT INTO t VALUES (1, 'x')");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 0; i < 20; i++) {
                    p.setInt(1, -1);
                    p.setString(2, "q".repeat(290));
                    p.addBatch();
                }
                for (int i = 0; i < 200; i++) {
                    p.executeBatch(); // 4,000 rows of 300 bytes: more than the 64-frame pool holds
                    for (int k = 0; k < 20; k++) {
                        p.setInt(1, -1);
                        p.setString(2, "q".repeat(290));
                        p.addBatch();
                    }
                }
                p.clearBatch();
            }
            // 1. a thread that is already interrupted when it calls in, and must read pages from the file
            Thread.currentThread().interrupt();
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM t")) {
                r.next();
                assertEquals(4001, r.getLong(1));
            }
            assertTrue(Thread.interrupted(), "the caller's interrupt status is kept");
            // 2. a writer interrupted over and over while it works (and the pool is small, so it does I/O)
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                try (Connection w = DriverManager.getConnection(url);
                     PreparedStatement p = w.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                    for (int i = 2; i < 2000 && !stop.get(); i++) {
                        p.setInt(1, i);
                        p.setString(2, "p".repeat(250));
                        try {
                            p.executeUpdate();
                        } catch (java.sql.SQLException e) {
                            if (!"55P03".equals(e.getSQLState())) { // an interrupted lock wait may give up
                                throw e;
                            }
                        }
                        Thread.interrupted();
                    }
                } catch (java.sql.SQLException e) {
                    throw new AssertionError(e);
                }
            });
            writer.start();
            for (int i = 0; i < 200 && writer.isAlive(); i++) {
                writer.interrupt();
                Thread.sleep(1);
            }
            stop.set(true);
            writer.join();
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM t")) {
                r.next();
                assertTrue(r.getLong(1) >= 1);
            }
        }
        // 3. everything committed is still there after a reopen
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM t WHERE a = 1")) {
            r.next();
            assertEquals(1, r.getLong(1));
        }
    }
}
