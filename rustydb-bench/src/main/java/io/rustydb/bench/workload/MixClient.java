package io.rustydb.bench.workload;

import io.rustydb.bench.engine.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * One client of the read-write mix, driven by one thread: its connection (auto-commit off, at the workload's
 * isolation level), its two prepared statements, its seeded random stream, and the loop of transactions. Each
 * transaction is either one point read or one update of one random account, then {@code commit()}; a transaction
 * that loses a conflict ({@link Engine#isTransactionConflict}) is rolled back, counted as an abort and retried with
 * the same account until it commits or the round's time is up. Any other error ends the round with that error.
 *
 * <p>Counts are per round: {@link #resetCounts()} before, read after the thread has been joined.
 */
final class MixClient implements AutoCloseable {
    private final Engine engine;
    private final Connection connection;
    private final PreparedStatement read;
    private final PreparedStatement update;
    private final Random random;
    private final int accounts;
    private final int updatePercent;
    private long attempts;
    private long commits;
    private long committedUpdates;
    private final Map<String, Long> abortsByState = new TreeMap<>();

    private MixClient(Engine engine, Connection connection, PreparedStatement read, PreparedStatement update,
            Random random, int accounts, int updatePercent) {
        this.engine = engine;
        this.connection = connection;
        this.read = read;
        this.update = update;
        this.random = random;
        this.accounts = accounts;
        this.updatePercent = updatePercent;
    }

    /**
     * Sets {@code c} to {@code level} with auto-commit off and prepares the statements on {@code table}. An engine
     * that does not offer the level throws here (e.g. 0A000), which makes the workload n/a for it.
     */
    static MixClient open(Engine engine, Connection c, String table, Isolation level, int accounts,
            int updatePercent, long seed) throws SQLException {
        c.setTransactionIsolation(level.jdbcLevel()); // before auto-commit off: Derby commits on a level change
        c.setAutoCommit(false);
        PreparedStatement read = c.prepareStatement("SELECT balance FROM " + table + " WHERE id = ?");
        PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET balance = balance + 1 WHERE id = ?");
        return new MixClient(engine, c, read, update, new Random(seed), accounts, updatePercent);
    }

    /**
     * One read and one update transaction on account 0, committed, not counted: an engine that accepts the
     * isolation level but rejects the first statement under it fails here, at setup. Returns the updates committed.
     */
    long probe() throws SQLException {
        transaction(false, 0);
        transaction(true, 0);
        return 1;
    }

    void resetCounts() {
        attempts = 0;
        commits = 0;
        committedUpdates = 0;
        abortsByState.clear();
    }

    /** Runs transactions until {@code deadlineNanos} ({@link System#nanoTime()}); the last one may end after it. */
    void runUntil(long deadlineNanos) throws SQLException {
        do {
            boolean write = random.nextInt(100) < updatePercent;
            int id = random.nextInt(accounts);
            while (true) {
                attempts++;
                try {
                    transaction(write, id);
                    commits++;
                    if (write) {
                        committedUpdates++;
                    }
                    break;
                } catch (SQLException e) {
                    rollbackAfter(e);
                    if (!engine.isTransactionConflict(e)) {
                        throw e;
                    }
                    abortsByState.merge(e.getSQLState(), 1L, Long::sum);
                    if (System.nanoTime() - deadlineNanos >= 0) {
                        return;
                    }
                }
            }
        } while (System.nanoTime() - deadlineNanos < 0);
    }

    private void transaction(boolean write, int id) throws SQLException {
        if (write) {
            update.setInt(1, id);
            int n = update.executeUpdate();
            if (n != 1) {
                throw new IllegalStateException("UPDATE of account " + id + " changed " + n + " rows, not 1");
            }
        } else {
            read.setInt(1, id);
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("account " + id + " not found");
                }
                rs.getInt(1);
                if (rs.next()) {
                    throw new IllegalStateException("account " + id + " found twice");
                }
            }
        }
        connection.commit();
    }

    private void rollbackAfter(SQLException e) {
        try {
            connection.rollback();
        } catch (SQLException suppressed) {
            e.addSuppressed(suppressed);
        }
    }

    /** Transactions begun, including those aborted and retried. */
    long attempts() {
        return attempts;
    }

    long commits() {
        return commits;
    }

    long committedUpdates() {
        return committedUpdates;
    }

    /** Aborted (rolled back, then retried) transactions by SQLSTATE. */
    Map<String, Long> abortsByState() {
        return abortsByState;
    }

    /** Closes the statements and leaves the connection in auto-commit; the connection is closed with its database. */
    @Override
    public void close() throws SQLException {
        try {
            read.close();
            update.close();
            connection.rollback();
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
