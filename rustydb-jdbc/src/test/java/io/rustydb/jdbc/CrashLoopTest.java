package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise, tested the hard way: a child JVM runs {@link CrashWorkload} (concurrent transactions on
 * a file database) and is killed with SIGKILL at a random moment; the database is reopened and checked: every
 * acknowledged commit is there, no transaction is half there (each transaction's two rows sum to zero, and nothing
 * of a rolled-back one survives), and every page is readable (a full scan verifies every checksum).
 *
 * <p>{@value #DEFAULT_ITERATIONS} iterations by default; {@code -Drustydb.crash.iterations=500} (the {@code crash}
 * Maven profile) runs the long loop. Each iteration's seed is printed on failure.
 */
class CrashLoopTest {
    static final int DEFAULT_ITERATIONS = 20;
    private static final String THIS_JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedCommitSurvivesSigkill() throws Exception {
        int iterations = Integer.getInteger("rustydb.crash.iterations", DEFAULT_ITERATIONS);
        long baseSeed = Long.getLong("rustydb.crash.seed", 20261202L);
        Path db = dir.resolve("crash.db");
        Set<Long> acknowledged = new HashSet<>();
        Set<Long> rolledBack = new HashSet<>();
        for (int i = 0; i < iterations; i++) {
            long seed = baseSeed + i;
            Random random = new Random(seed);
            Path out = dir.resolve("out-" + i + ".txt");
            Path err = dir.resolve("err-" + i + ".txt");
            Process child = new ProcessBuilder(THIS_JAVA, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    CrashWorkload.class.getName(), db.toString(), Long.toString(seed), "3")
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try {
                // the kill comes at a random moment after the first acknowledged commit (not a fixed time after
                // start: on a loaded machine the first commit may take longer than the whole random window)
                waitForLine(child, out, err, seed, "READY");
                waitForLine(child, out, err, seed, "ACK ");
                Thread.sleep(random.nextInt(700));
            } finally {
                child.destroyForcibly(); // SIGKILL on Linux
                if (!child.waitFor(30, TimeUnit.SECONDS)) {
                    fail("the child did not die, seed " + seed);
                }
            }
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(Long.parseLong(line.substring(4).trim()));
                } else if (line.startsWith("ROLLBACK ")) {
                    rolledBack.add(Long.parseLong(line.substring(9).trim()));
                } else if (line.startsWith("ERROR ")) {
                    fail("the workload failed before the kill (seed " + seed + "): " + line + "\n" + Files.readString(err));
                }
            }
            verify(db, acknowledged, rolledBack, seed, err);
        }
        assertTrue(acknowledged.size() >= iterations, "every run commits before its kill: " + acknowledged.size());
    }

    /** Waits until the child's output holds {@code marker} (it fails the test if the child dies or hangs). */
    private static void waitForLine(Process child, Path out, Path err, long seed, String marker)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(out) && Files.readString(out).contains(marker)) {
                return;
            }
            if (!child.isAlive()) {
                child.waitFor(5, TimeUnit.SECONDS);
                fail("the child exited early with " + child.exitValue() + ", seed " + seed + "\nchild stdout:\n"
                        + Files.readString(out) + "\nchild stderr:\n" + Files.readString(err));
            }
            Thread.sleep(10);
        }
        fail("the child printed no \"" + marker.strip() + "\" in time, seed " + seed);
    }

    private static void verify(Path db, Set<Long> acknowledged, Set<Long> rolledBack, long seed, Path err)
            throws Exception {
        Map<Long, long[]> sums = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:rustydb:file:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT txn, amount FROM ledger")) {
            while (rs.next()) {
                long[] entry = sums.computeIfAbsent(rs.getLong(1), k -> new long[2]);
                entry[0] += rs.getLong(2);
                entry[1]++;
            }
        } catch (Exception e) {
            throw new AssertionError("reopening after the kill failed, seed " + seed + ": " + e + "\nchild stderr:\n"
                    + Files.readString(err), e);
        }
        for (Map.Entry<Long, long[]> e : sums.entrySet()) {
            assertEquals(0, e.getValue()[0], "transaction " + e.getKey() + " is half there (" + e.getValue()[1]
                    + " rows), seed " + seed);
            assertEquals(2, e.getValue()[1], "transaction " + e.getKey() + " has " + e.getValue()[1] + " rows, seed " + seed);
        }
        for (long txn : acknowledged) {
            assertTrue(sums.containsKey(txn), "acknowledged transaction " + txn + " is lost, seed " + seed);
        }
        for (long txn : rolledBack) {
            assertTrue(!sums.containsKey(txn), "rolled-back transaction " + txn + " is visible, seed " + seed);
        }
        verifyIndexes(db, sums, seed);
    }

    /** Every index agrees with the table: each recovered transaction found through both, nothing more. */
    private static void verifyIndexes(Path db, Map<Long, long[]> sums, long seed) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:rustydb:file:" + db);
             Statement s = c.createStatement();
             java.sql.PreparedStatement byTxn = c.prepareStatement("SELECT COUNT(*) FROM ledger WHERE txn = ?");
             java.sql.PreparedStatement byWorker = c.prepareStatement(
                     "SELECT COUNT(*) FROM ledger WHERE worker = ? AND txn = ?")) {
            try (ResultSet plan = s.executeQuery("EXPLAIN SELECT COUNT(*) FROM ledger WHERE txn = 1")) {
                StringBuilder text = new StringBuilder();
                while (plan.next()) {
                    text.append(plan.getString(1));
                }
                assertTrue(text.toString().contains("Scan ledger USING"), text.toString());
            }
            for (long txn : sums.keySet()) {
                byTxn.setLong(1, txn);
                try (ResultSet r = byTxn.executeQuery()) {
                    r.next();
                    assertEquals(2, r.getLong(1), "the unique index misses rows of transaction " + txn + ", seed " + seed);
                }
                byWorker.setInt(1, (int) (txn % 1_000_000_000L / 10_000_000L));
                byWorker.setLong(2, txn);
                try (ResultSet r = byWorker.executeQuery()) {
                    r.next();
                    assertEquals(2, r.getLong(1), "the worker index misses rows of transaction " + txn + ", seed " + seed);
                }
            }
            long viaIndex;
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM ledger WHERE txn >= 0")) {
                r.next();
                viaIndex = r.getLong(1);
            }
            assertEquals(2L * sums.size(), viaIndex, "an index range scan disagrees with the table, seed " + seed);
        }
    }
}
