package io.rustydb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.rustydb.jdbc.RustyConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HikariCP in front of RustyDB: many threads move money between accounts through a small pool, each transfer a
 * read-modify-write transaction retried on 40001/40P01 as an application would, and the books must balance at the
 * end; the pool's own duties (validating idle connections with {@code isValid}, resetting auto-commit, isolation
 * and read-only on return, rolling back what a borrower left open) are checked on the physical connection it
 * hands out again.
 *
 * <p>The pool is configured as an application would ({@code jdbcUrl} only, the driver found by
 * {@code DriverManager}). Surefire sets {@code com.zaxxer.hikari.aliveBypassWindowMs=-1} so that every borrow
 * validates the connection, which makes the {@code isValid} test independent of timing.
 */
class HikariCpTest {
    private static final long SEED = Long.getLong("rustydb.seed", 20260817L);
    private static final int ACCOUNTS = 40;
    private static final long INITIAL_BALANCE = 1_000;

    private static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setAutoCommit(true);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setReadOnly(false);
        config.setPoolName("rustydb-it-" + size);
        return new HikariDataSource(config);
    }

    @Test
    void concurrentTransfersKeepTheTotalInMemory() throws Exception {
        try (HikariDataSource ds = pool(ItDatabases.freshMemUrl("hikari_bank"), 12)) {
            createAccounts(ds);
            int committed = runTransfers(ds, 24, 50);
            checkBooks(ds, committed);
        }
    }

    /** The same on a file database with durable commits, and the books still balance after a reopen. */
    @Test
    void concurrentTransfersKeepTheTotalOnFileAndAfterReopen(@TempDir Path dir) throws Exception {
        String url = "jdbc:rustydb:file:" + dir.resolve("bank").toAbsolutePath();
        int committed;
        try (HikariDataSource ds = pool(url, 8)) {
            createAccounts(ds);
            committed = runTransfers(ds, 16, 15);
            checkBooks(ds, committed);
        }
        assertTrue(Files.list(dir).findAny().isPresent(), "the database file exists");
        try (HikariDataSource ds = pool(url, 2)) {
            checkBooks(ds, committed);
        }
    }

    private static void createAccounts(HikariDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE account (id INTEGER PRIMARY KEY, balance BIGINT NOT NULL CHECK (balance >= 0))");
            s.execute("CREATE TABLE transfer_log (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " from_id INTEGER NOT NULL REFERENCES account(id), to_id INTEGER NOT NULL REFERENCES account(id),"
                    + " amount BIGINT NOT NULL, attempts INTEGER NOT NULL)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO account VALUES (?, ?)")) {
                for (int id = 1; id <= ACCOUNTS; id++) {
                    insert.setInt(1, id);
                    insert.setLong(2, INITIAL_BALANCE);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /**
     * {@code threads} workers each make {@code transfersPerThread} transfers through {@code ds}; returns how many
     * moved money (a transfer from an account without enough money commits nothing).
     */
    private static int runTransfers(HikariDataSource ds, int threads, int transfersPerThread) throws Exception {
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(SEED * 31 + t);
                TransferStyle style = TransferStyle.values()[t % TransferStyle.values().length];
                futures.add(workers.submit(() -> {
                    for (int i = 0; i < transfersPerThread; i++) {
                        int from = 1 + random.nextInt(ACCOUNTS);
                        int to = 1 + (from + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                        long amount = 1 + random.nextInt(300);
                        if (transferWithRetry(ds, style, from, to, amount, retries)) {
                            committed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get(5, TimeUnit.MINUTES);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError("worker failed (seed " + SEED + ")", e.getCause());
                }
            }
        } finally {
            workers.shutdownNow();
        }
        System.out.printf("transfers committed=%d retries=%d seed=%d%n", committed.get(), retries.get(), SEED);
        assertTrue(committed.get() > 0, "some transfers went through (seed " + SEED + ")");
        return committed.get();
    }

    /** How a worker protects its read-modify-write against concurrent transfers. */
    private enum TransferStyle {
        /** Plain reads, absolute writes; serializable snapshot isolation must reject lost updates (40001). */
        SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE, ""),
        /** Snapshot isolation: a concurrent update of the same row fails the later writer (40001). */
        REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ, ""),
        /** READ COMMITTED with row locks taken in transfer order, so two opposite transfers may deadlock (40P01). */
        LOCKING_READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED, " FOR UPDATE");

        final int isolation;
        final String lockClause;

        TransferStyle(int isolation, String lockClause) {
            this.isolation = isolation;
            this.lockClause = lockClause;
        }
    }

    private static boolean transferWithRetry(HikariDataSource ds, TransferStyle style, int from, int to, long amount,
            AtomicInteger retries) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(style.isolation);
                try {
                    boolean moved = transfer(c, style, from, to, amount, attempt);
                    c.commit();
                    return moved;
                } catch (SQLException e) {
                    c.rollback();
                    if (!isRetryable(e) || attempt >= 500) {
                        throw e;
                    }
                    retries.incrementAndGet();
                }
            }
        }
    }

    private static boolean isRetryable(SQLException e) {
        return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }

    private static boolean transfer(Connection c, TransferStyle style, int from, int to, long amount, int attempt)
            throws SQLException {
        long fromBalance = balance(c, from, style.lockClause);
        long toBalance = balance(c, to, style.lockClause);
        if (fromBalance < amount) {
            return false;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE account SET balance = ? WHERE id = ?")) {
            update.setLong(1, fromBalance - amount);
            update.setInt(2, from);
            assertEquals(1, update.executeUpdate());
            update.setLong(1, toBalance + amount);
            update.setInt(2, to);
            assertEquals(1, update.executeUpdate());
        }
        try (PreparedStatement log = c.prepareStatement(
                "INSERT INTO transfer_log (from_id, to_id, amount, attempts) VALUES (?, ?, ?, ?)")) {
            log.setInt(1, from);
            log.setInt(2, to);
            log.setLong(3, amount);
            log.setInt(4, attempt);
            assertEquals(1, log.executeUpdate());
        }
        return true;
    }

    private static long balance(Connection c, int id, String lockClause) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT balance FROM account WHERE id = ?" + lockClause)) {
            select.setInt(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), "account " + id);
                return rs.getLong(1);
            }
        }
    }

    /**
     * The total is unchanged, no balance is negative, and every balance equals its opening balance plus what the
     * transfer log says came in minus what went out.
     */
    private static void checkBooks(HikariDataSource ds, int committedTransfers) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT SUM(balance), MIN(balance), COUNT(*) FROM account")) {
                assertTrue(rs.next());
                assertEquals(ACCOUNTS * INITIAL_BALANCE, rs.getLong(1), "total balance (seed " + SEED + ")");
                assertTrue(rs.getLong(2) >= 0, "no negative balance");
                assertEquals(ACCOUNTS, rs.getInt(3));
            }
            Map<Integer, Long> expected = new HashMap<>();
            for (int id = 1; id <= ACCOUNTS; id++) {
                expected.put(id, INITIAL_BALANCE);
            }
            int logged = 0;
            try (ResultSet rs = s.executeQuery("SELECT from_id, to_id, amount FROM transfer_log")) {
                while (rs.next()) {
                    logged++;
                    expected.merge(rs.getInt(1), -rs.getLong(3), Long::sum);
                    expected.merge(rs.getInt(2), rs.getLong(3), Long::sum);
                }
            }
            assertEquals(committedTransfers, logged, "one log row per committed transfer (seed " + SEED + ")");
            try (ResultSet rs = s.executeQuery("SELECT id, balance FROM account ORDER BY id")) {
                while (rs.next()) {
                    assertEquals(expected.get(rs.getInt(1)), rs.getLong(2),
                            "balance of account " + rs.getInt(1) + " against the log (seed " + SEED + ")");
                }
            }
        }
    }

    /** Auto-commit, isolation and read-only changed by a borrower are reset when the connection comes back. */
    @Test
    void connectionStateIsResetOnReturn() throws SQLException {
        try (HikariDataSource ds = pool(ItDatabases.freshMemUrl("hikari_reset"), 1)) {
            RustyConnection physical;
            try (Connection c = ds.getConnection()) {
                physical = c.unwrap(RustyConnection.class);
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                c.setReadOnly(true);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                    assertTrue(rs.next());
                }
            }
            try (Connection c = ds.getConnection()) {
                assertSame(physical, c.unwrap(RustyConnection.class), "a pool of one hands out the same connection");
                assertTrue(c.getAutoCommit());
                assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
                assertFalse(c.isReadOnly());
                // Read from the driver itself, not from the pool's proxy.
                assertTrue(physical.getAutoCommit());
                assertEquals(Connection.TRANSACTION_READ_COMMITTED, physical.getTransactionIsolation());
                assertFalse(physical.isReadOnly());
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE t (x INTEGER)"); // the session really is writable again
                    assertEquals(1, s.executeUpdate("INSERT INTO t VALUES (1)"));
                }
            }
        }
    }

    /** Work a borrower leaves uncommitted is rolled back by the pool, not handed to the next borrower. */
    @Test
    void uncommittedWorkIsRolledBackOnReturn() throws SQLException {
        try (HikariDataSource ds = pool(ItDatabases.freshMemUrl("hikari_rollback"), 1)) {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (x INTEGER)");
                c.setAutoCommit(false);
                s.executeUpdate("INSERT INTO t VALUES (1), (2)");
            }
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
                assertTrue(c.getAutoCommit());
                assertTrue(rs.next());
                assertEquals(0, rs.getLong(1));
            }
        }
    }

    /** A connection that died while idle fails {@code isValid}; the pool drops it and opens a fresh one. */
    @Test
    void deadIdleConnectionIsReplacedAfterIsValid() throws SQLException {
        try (HikariDataSource ds = pool(ItDatabases.freshMemUrl("hikari_valid"), 1)) {
            RustyConnection first;
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (x INTEGER)");
                assertTrue(c.isValid(1));
                first = c.unwrap(RustyConnection.class);
            }
            // `keeper` keeps the in-memory database (and its table) alive while the pool's only connection dies.
            try (Connection keeper = java.sql.DriverManager.getConnection(ds.getJdbcUrl())) {
                first.close();
                assertFalse(first.isValid(1));
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    RustyConnection second = c.unwrap(RustyConnection.class);
                    assertNotSame(first, second, "the dead connection was replaced");
                    assertFalse(second.isClosed());
                    assertEquals(1, s.executeUpdate("INSERT INTO t VALUES (1)"));
                }
                assertEquals(1, ds.getHikariPoolMXBean().getTotalConnections());
                assertTrue(keeper.isValid(0));
            }
        }
    }
}
