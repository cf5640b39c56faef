package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code INSERT ... ON CONFLICT}: DO NOTHING and DO UPDATE with EXCLUDED and WHERE, conflict targets by columns or
 * constraint name, RETURNING (inserted and updated rows only), the PostgreSQL errors (42P10, 21000, 42601, 42702,
 * 42704), the constraints of INSERT and UPDATE, and concurrent upserts of one key (the second waits for the first,
 * then updates or does nothing: never 23505).
 */
class UpsertTest {
    private static Connection connect(String url) throws SQLException {
        return JdbcTestSupport.connect(url);
    }

    private static Connection fresh() throws SQLException {
        Connection c = connect(JdbcTestSupport.freshMemUrl("upsert"));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kv (k INTEGER PRIMARY KEY, v INTEGER NOT NULL, note VARCHAR(20), "
                    + "code VARCHAR(5) UNIQUE, CHECK (v < 1000))");
        }
        return c;
    }

    @Test
    void doNothingSkipsConflictingRowsAndCountsInsertedOnes() throws SQLException {
        try (Connection c = fresh(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO kv VALUES (1, 10, 'one', 'a')");
            assertEquals(1, s.executeUpdate("INSERT INTO kv VALUES (1, 11, 'x', 'z'), (2, 20, 'two', 'b') "
                    + "ON CONFLICT (k) DO NOTHING"));
            assertEquals(0, s.executeUpdate("INSERT INTO kv VALUES (3, 30, 'x', 'a') ON CONFLICT DO NOTHING"),
                    "no target: every unique index is an arbiter");
            assertEquals(1, s.executeUpdate("INSERT INTO kv VALUES (4, 40, 'x', 'd'), (4, 41, 'y', 'e') "
                    + "ON CONFLICT (k) DO NOTHING"), "a second proposal of one key in one statement is skipped");
            fails(s, "INSERT INTO kv VALUES (5, 50, 'x', 'a') ON CONFLICT (k) DO NOTHING", "23505");
            assertEquals(List.of(row(1, 10), row(2, 20), row(4, 40)), rows(c, "SELECT k, v FROM kv ORDER BY k"));
        }
    }

    @Test
    void doUpdateUsesExcludedAndTheExistingRow() throws SQLException {
        try (Connection c = fresh(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO kv VALUES (1, 10, 'one', 'a'), (2, 20, 'two', 'b')");
            assertEquals(List.of(row(1, 15, "one+new"), row(3, 30, "three")), rows(c,
                    "INSERT INTO kv AS t VALUES (1, 5, 'new', 'q'), (3, 30, 'three', 'c') ON CONFLICT (k) DO UPDATE "
                    + "SET v = t.v + EXCLUDED.v, note = t.note || '+' || excluded.note RETURNING k, v, note"));
            assertEquals(List.of(row(2, 20, "b")), rows(c,
                    "INSERT INTO kv VALUES (9, 1, 'x', 'b') ON CONFLICT ON CONSTRAINT kv_code_key DO UPDATE "
                    + "SET v = kv.v RETURNING k, v, code"), "the existing row, unchanged values, is updated");
            assertEquals(0, s.executeUpdate("INSERT INTO kv VALUES (1, 100, 'x', 'a') ON CONFLICT (k) DO UPDATE "
                    + "SET v = excluded.v WHERE kv.v > 100"), "WHERE false: no update");
            assertEquals(1, s.executeUpdate("INSERT INTO kv (k, v) VALUES (1, 100) ON CONFLICT (k) DO UPDATE "
                    + "SET (v, note) = (excluded.v, DEFAULT) WHERE kv.v < 100"));
            assertEquals(List.of(row(1, 100, null), row(2, 20, "two"), row(3, 30, "three")),
                    rows(c, "SELECT k, v, note FROM kv ORDER BY k"));
        }
    }

    @Test
    void postgresErrors() throws SQLException {
        try (Connection c = fresh(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO kv VALUES (1, 10, 'one', 'a')");
            fails(s, "INSERT INTO kv VALUES (1, 1, 'x', 'x') ON CONFLICT (v) DO NOTHING", "42P10");
            fails(s, "INSERT INTO kv VALUES (1, 1, 'x', 'x') ON CONFLICT (k, code) DO NOTHING", "42P10");
            fails(s, "INSERT INTO kv VALUES (1, 1, 'x', 'x') ON CONFLICT (nope) DO NOTHING", "42703");
            fails(s, "INSERT INTO kv VALUES (1, 1, 'x', 'x') ON CONFLICT ON CONSTRAINT nope DO NOTHING", "42704");
            fails(s, "INSERT INTO kv VALUES (1, 1, 'x', 'x') ON CONFLICT DO UPDATE SET v = 1", "42601");
            fails(s, "INSERT INTO kv VALUES (1, 1, 'x', 'x') ON CONFLICT (k) DO UPDATE SET v = v + 1", "42702");
            fails(s, "INSERT INTO kv VALUES (1, 1, 'x', 'x') ON CONFLICT (k) DO UPDATE SET nope = 1", "42703");
            fails(s, "INSERT INTO kv VALUES (2, 1, 'x', 'x'), (2, 2, 'y', 'y') ON CONFLICT (k) DO UPDATE SET v = 0",
                    "21000");
            fails(s, "INSERT INTO kv VALUES (1, 1, 'x', 'x'), (1, 2, 'y', 'y') ON CONFLICT (k) DO UPDATE SET v = 0",
                    "21000");
            fails(s, "INSERT INTO kv VALUES (1, 1, 'x', 'x') ON CONFLICT (k) DO UPDATE SET v = 5000", "23514");
            fails(s, "INSERT INTO kv VALUES (1, 1, 'x', 'x') ON CONFLICT (k) DO UPDATE SET v = NULL", "23502");
            fails(s, "INSERT INTO kv (k) VALUES (1) ON CONFLICT (k) DO NOTHING", "23502");
            s.execute("INSERT INTO kv VALUES (2, 20, 'two', 'b')");
            fails(s, "INSERT INTO kv VALUES (1, 1, 'x', 'x') ON CONFLICT (k) DO UPDATE SET code = 'b'", "23505");
            assertEquals(List.of(row(1, 10, "a"), row(2, 20, "b")), rows(c, "SELECT k, v, code FROM kv ORDER BY k"));
        }
    }

    @Test
    void foreignKeysApplyToInsertedAndUpdatedRows() throws SQLException {
        try (Connection c = fresh(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, k INTEGER REFERENCES kv (k) ON UPDATE CASCADE)");
            s.execute("INSERT INTO kv VALUES (1, 10, 'one', 'a')");
            s.execute("INSERT INTO child VALUES (100, 1) ON CONFLICT (id) DO NOTHING");
            fails(s, "INSERT INTO child VALUES (101, 7) ON CONFLICT (id) DO NOTHING", "23503");
            fails(s, "INSERT INTO child VALUES (100, 7) ON CONFLICT (id) DO UPDATE SET k = excluded.k", "23503");
            s.execute("INSERT INTO kv VALUES (1, 0, 'x', 'x') ON CONFLICT (k) DO UPDATE SET k = 5");
            assertEquals(List.of(row(100, 5)), rows(c, "SELECT id, k FROM child"), "ON UPDATE CASCADE ran");
        }
    }

    @Test
    void preparedUpsertsInABatch() throws SQLException {
        try (Connection c = fresh(); PreparedStatement p = c.prepareStatement(
                "INSERT INTO kv (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = kv.v + excluded.v RETURNING v")) {
            for (int i = 0; i < 6; i++) {
                p.setInt(1, i % 2);
                p.setInt(2, i);
                p.addBatch();
            }
            assertEquals(List.of(1, 1, 1, 1, 1, 1), java.util.Arrays.stream(p.executeBatch()).boxed().toList());
            assertEquals(List.of(row(0, 6), row(1, 9)), rows(c, "SELECT k, v FROM kv ORDER BY k"));
        }
    }

    /** The second upserter of a key waits for the first, then does nothing / updates / inserts (after a rollback). */
    @Test
    void aConcurrentUpsertWaitsForTheFirstInserterThenActs() throws Exception {
        String url = JdbcTestSupport.freshMemUrl("upsert_wait");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection setup = connect(url); Statement s = setup.createStatement()) {
            s.execute("CREATE TABLE kv (k INTEGER PRIMARY KEY, v INTEGER)");
            String[][] cases = {
                {"DO NOTHING", "commit", "0", "1"},
                {"DO UPDATE SET v = kv.v + 10", "commit", "1", "11"},
                {"DO UPDATE SET v = kv.v + 10", "rollback", "1", "2"},
                {"DO NOTHING", "rollback", "1", "2"},
            };
            int key = 0;
            for (String[] test : cases) {
                key++;
                int k = key;
                try (Connection first = connect(url); Connection second = connect(url)) {
                    first.setAutoCommit(false);
                    first.createStatement().execute("INSERT INTO kv VALUES (" + k + ", 1)");
                    Future<Integer> upsert = pool.submit(() -> {
                        try (Statement st = second.createStatement()) {
                            return st.executeUpdate("INSERT INTO kv VALUES (" + k + ", 2) ON CONFLICT (k) " + test[0]);
                        }
                    });
                    Thread.sleep(100); // give the upsert time to reach the wait (the outcome is the same either way)
                    if (test[1].equals("commit")) {
                        first.commit();
                    } else {
                        first.rollback();
                    }
                    assertEquals(Integer.parseInt(test[2]), upsert.get(30, TimeUnit.SECONDS), String.join(" ", test));
                }
                assertEquals(List.of(row(Integer.parseInt(test[3]))), rows(setup, "SELECT v FROM kv WHERE k = " + k),
                        String.join(" ", test));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Two threads upserting the same few keys: every upsert counts exactly once, none fails with 23505. */
    @Test
    void concurrentUpsertCountersAddUp() throws Exception {
        long seed = Long.getLong("rustydb.seed", System.nanoTime());
        String url = JdbcTestSupport.freshMemUrl("upsert_race");
        int threads = 2;
        int perThread = 300;
        try (Connection setup = connect(url); Statement s = setup.createStatement()) {
            s.execute("CREATE TABLE counter (k INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<int[]>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Random random = new Random(seed + t);
                    done.add(pool.submit(() -> {
                        int[] perKey = new int[3];
                        try (Connection c = connect(url); PreparedStatement p = c.prepareStatement(
                                "INSERT INTO counter VALUES (?, 1) ON CONFLICT (k) DO UPDATE SET n = counter.n + 1")) {
                            for (int i = 0; i < perThread; i++) {
                                int k = random.nextInt(perKey.length);
                                p.setInt(1, k);
                                assertEquals(1, p.executeUpdate(), "seed " + seed);
                                perKey[k]++;
                            }
                        }
                        return perKey;
                    }));
                }
                int[] expected = new int[3];
                for (Future<int[]> f : done) {
                    int[] perKey = f.get(120, TimeUnit.SECONDS);
                    for (int k = 0; k < expected.length; k++) {
                        expected[k] += perKey[k];
                    }
                }
                List<List<Object>> want = new ArrayList<>();
                for (int k = 0; k < expected.length; k++) {
                    if (expected[k] > 0) {
                        want.add(row(k, expected[k]));
                    }
                }
                assertEquals(want, rows(setup, "SELECT k, n FROM counter ORDER BY k"), "seed " + seed);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void repeatableReadSeesAConflictItsSnapshotMissesAsASerializationFailure() throws SQLException {
        String url = JdbcTestSupport.freshMemUrl("upsert_rr");
        try (Connection a = connect(url); Connection b = connect(url); Statement sa = a.createStatement()) {
            sa.execute("CREATE TABLE kv (k INTEGER PRIMARY KEY, v INTEGER)");
            b.setAutoCommit(false);
            b.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement sb = b.createStatement(); ResultSet r = sb.executeQuery("SELECT count(*) FROM kv")) {
                r.next(); // the snapshot is taken
            }
            sa.execute("INSERT INTO kv VALUES (1, 1)");
            try (Statement sb = b.createStatement()) {
                fails(sb, "INSERT INTO kv VALUES (1, 2) ON CONFLICT (k) DO NOTHING", "40001");
            }
            b.rollback();
        }
    }
}
