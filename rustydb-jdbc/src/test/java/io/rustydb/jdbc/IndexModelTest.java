package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Indexes against a reference: the same seeded random inserts, updates and deletes go to a table with indexes
 * (unique, composite, descending) and to a twin without; random queries on the indexed columns (equalities, ranges,
 * IN lists, ORDER BY ... LIMIT) must return the same rows from both — with and without an index the planner may
 * choose. And uniqueness under concurrency: transactions inserting one key wait for each other; exactly the
 * committed ones survive.
 */
class IndexModelTest {
    private static int counter;

    private static Connection memory() throws SQLException {
        return DriverManager.getConnection("jdbc:rustydb:mem:indexmodel" + (++counter));
    }

    private static List<String> rows(Statement s, String sql, boolean sorted) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(r.getString(i)).append('|');
                }
                out.add(row.toString());
            }
        }
        if (sorted) {
            Collections.sort(out);
        }
        return out;
    }

    private static String value(Random random) {
        return random.nextInt(8) == 0 ? "NULL" : Integer.toString(random.nextInt(40) - 5);
    }

    @Test
    void indexedAndUnindexedTwinsAnswerAlike() throws SQLException {
        long seed = 0x1DE5L;
        Random random = new Random(seed);
        try (Connection c = memory(); Statement s = c.createStatement()) {
            for (String t : new String[] {"ix", "plain"}) {
                s.execute("CREATE TABLE " + t + " (id INTEGER" + (t.equals("ix") ? " PRIMARY KEY" : " NOT NULL")
                        + ", a INTEGER, b INTEGER, s VARCHAR(10))");
            }
            s.execute("CREATE INDEX ix_a_b ON ix (a, b DESC)");
            s.execute("CREATE INDEX ix_s ON ix (s DESC NULLS LAST)");
            s.execute("CREATE INDEX ix_b_hash ON ix USING HASH (b)");
            int nextId = 0;
            for (int step = 0; step < 1500; step++) {
                int op = random.nextInt(10);
                String write;
                if (op < 5) {
                    String v = "(" + (nextId++) + ", " + value(random) + ", " + value(random) + ", "
                            + (random.nextInt(6) == 0 ? "NULL" : "'s" + random.nextInt(20) + "'") + ")";
                    write = "INSERT INTO $T VALUES " + v;
                } else if (op < 7) {
                    write = "UPDATE $T SET a = " + value(random) + ", b = b + 1 WHERE id % 17 = " + random.nextInt(17);
                } else if (op < 8) {
                    write = "DELETE FROM $T WHERE a = " + value(random);
                } else {
                    write = null;
                }
                if (write != null) {
                    s.execute(write.replace("$T", "ix"));
                    s.execute(write.replace("$T", "plain"));
                }
                String where;
                switch (random.nextInt(7)) {
                    case 6:
                        where = "b = " + value(random);
                        break;
                    case 0:
                        where = "id = " + random.nextInt(Math.max(1, nextId));
                        break;
                    case 1:
                        where = "a = " + value(random) + " AND b >= " + value(random);
                        break;
                    case 2:
                        where = "a IN (" + value(random) + ", " + value(random) + ", 3) AND b < " + value(random);
                        break;
                    case 3:
                        where = "a BETWEEN " + value(random) + " AND " + value(random);
                        break;
                    case 4:
                        where = "s > 's1' AND s <= 's5'";
                        break;
                    default:
                        where = "id > " + random.nextInt(Math.max(1, nextId)) + " AND id < " + random.nextInt(
                                Math.max(1, nextId) + 5);
                }
                String query = "SELECT id, a, b, s FROM $T WHERE " + where;
                List<String> expected = rows(s, query.replace("$T", "plain"), true);
                List<String> actual = rows(s, query.replace("$T", "ix"), true);
                if (!expected.equals(actual)) {
                    fail("seed " + seed + ", step " + step + ": " + query.replace("$T", "ix") + "\n expected "
                            + expected + "\n      got " + actual);
                }
                if (random.nextInt(3) == 0) {
                    // covered by ix_a_b: an index-only scan (answered from the entries on all-visible pages)
                    String covered = "SELECT a, b FROM $T WHERE a = " + value(random) + " AND b >= " + value(random);
                    assertEquals(rows(s, covered.replace("$T", "plain"), true), rows(s, covered.replace("$T", "ix"), true),
                            "seed " + seed + ", step " + step + ": " + covered);
                }
                if (step % 150 == 149) {
                    s.execute("VACUUM"); // marks pages all-visible: later index-only scans skip the heap there
                }
                if (random.nextInt(10) == 0) {
                    String ordered = "SELECT a, b FROM $T ORDER BY a" + (random.nextBoolean() ? " DESC, b" : ", b DESC")
                            + " LIMIT 7";
                    assertEquals(rows(s, ordered.replace("$T", "plain"), false),
                            rows(s, ordered.replace("$T", "ix"), false), "seed " + seed + ", step " + step);
                }
            }
            assertTrue(String.join("\n", rows(s, "EXPLAIN SELECT * FROM ix WHERE a = 1 AND b > 2", false))
                    .contains("ix_a_b"));
            assertTrue(String.join("\n", rows(s, "EXPLAIN SELECT * FROM ix WHERE b = 2", false))
                    .contains("ix_b_hash"));
            assertTrue(String.join("\n", rows(s, "EXPLAIN SELECT a, b FROM ix WHERE a = 1 AND b > 2", false))
                    .contains("IndexOnlyScan ix USING ix_a_b"));
            s.execute("VACUUM");
            assertEquals(rows(s, "SELECT * FROM plain WHERE a > 3", true), rows(s, "SELECT * FROM ix WHERE a > 3", true));
        }
    }

    @Test
    void aSecondInserterOfAKeyWaitsThenFailsOrSucceeds() throws Exception {
        String url = "jdbc:rustydb:mem:indexmodel" + (++counter);
        try (Connection setup = DriverManager.getConnection(url); Statement s = setup.createStatement()) {
            s.execute("CREATE TABLE k (id INTEGER PRIMARY KEY, who VARCHAR(10))");
            for (boolean firstCommits : new boolean[] {true, false}) {
                int key = firstCommits ? 1 : 2;
                try (Connection first = DriverManager.getConnection(url);
                     Connection second = DriverManager.getConnection(url)) {
                    first.setAutoCommit(false);
                    first.createStatement().execute("INSERT INTO k VALUES (" + key + ", 'first')");
                    ExecutorService pool = Executors.newSingleThreadExecutor();
                    CountDownLatch started = new CountDownLatch(1);
                    Future<String> outcome = pool.submit(() -> {
                        started.countDown();
                        try (Statement st = second.createStatement()) {
                            st.execute("INSERT INTO k VALUES (" + key + ", 'second')");
                            return "ok";
                        } catch (SQLException e) {
                            return e.getSQLState();
                        }
                    });
                    started.await();
                    Thread.sleep(200); // let the second insert reach its wait (the outcome is the same if it has not)
                    assertTrue(!outcome.isDone(), "the second inserter must wait for the first");
                    if (firstCommits) {
                        first.commit();
                    } else {
                        first.rollback();
                    }
                    assertEquals(firstCommits ? "23505" : "ok", outcome.get(30, TimeUnit.SECONDS));
                    pool.shutdown();
                }
                assertEquals(List.of(firstCommits ? "first|" : "second|"),
                        rows(s, "SELECT who FROM k WHERE id = " + key, false));
            }
        }
    }

    @Test
    void concurrentWritersNeverCommitADuplicateKey() throws Exception {
        long seed = 0xC0FFEEL;
        String url = "jdbc:rustydb:mem:indexmodel" + (++counter);
        try (Connection setup = DriverManager.getConnection(url); Statement s = setup.createStatement()) {
            s.execute("CREATE TABLE d (id INTEGER PRIMARY KEY, k INTEGER UNIQUE, owner INTEGER)");
            AtomicInteger nextId = new AtomicInteger();
            AtomicInteger committed = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    Random random = new Random(seed + thread);
                    try (Connection c = DriverManager.getConnection(url + ";lock_timeout=20000")) {
                        c.setAutoCommit(false);
                        for (int i = 0; i < 150; i++) {
                            try (Statement st = c.createStatement()) {
                                st.execute("INSERT INTO d VALUES (" + nextId.getAndIncrement() + ", "
                                        + random.nextInt(60) + ", " + thread + ")");
                                if (random.nextInt(4) == 0) {
                                    c.rollback();
                                } else {
                                    c.commit();
                                    committed.incrementAndGet();
                                }
                            } catch (SQLException e) {
                                if (!e.getSQLState().equals("23505") && !e.getSQLState().equals("40P01")) {
                                    throw new AssertionError("seed " + seed + ": " + e.getSQLState() + " " + e);
                                }
                                c.rollback();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            List<String> keys = rows(s, "SELECT k FROM d", true);
            assertEquals(committed.get(), keys.size(), "seed " + seed);
            assertEquals(keys.size(), new java.util.HashSet<>(keys).size(), "seed " + seed + ": a duplicate key");
            assertEquals(rows(s, "SELECT k FROM d WHERE k >= 0", true), keys);
        }
    }
}
