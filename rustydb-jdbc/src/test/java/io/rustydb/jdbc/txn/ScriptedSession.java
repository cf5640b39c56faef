package io.rustydb.jdbc.txn;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One JDBC connection driven by a thread of its own. A test holds several of these and runs the statements of their
 * transactions in an exact, deterministic order: {@link #update} and friends wait for the statement to finish (at
 * most {@link TxnTestSupport#STEP_TIMEOUT_SECONDS}), while {@link #updateAsync} leaves a statement running, e.g.
 * waiting for a row lock, so that the test can go on with the other sessions and look at the outcome later.
 */
final class ScriptedSession implements AutoCloseable {
    /** Work to run on the session's thread with its connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String name;
    private final Connection connection;
    private final ExecutorService thread;

    private ScriptedSession(String name, Connection connection) {
        this.name = name;
        this.connection = connection;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "session-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens a connection to {@code url} for a session called {@code name} (the name shows in failures). */
    static ScriptedSession open(String name, String url) throws SQLException {
        return new ScriptedSession(name, DriverManager.getConnection(url));
    }

    String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Starts {@code work} on the session's thread; the future fails with the SQLException itself, unwrapped. */
    <T> CompletableFuture<T> submit(SqlWork<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                result.complete(work.run(connection));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Runs {@code work} on the session's thread and waits for it. */
    <T> T call(SqlWork<T> work, String what) throws SQLException {
        return TxnTestSupport.await(submit(work), name + ": " + what);
    }

    /** Starts an INSERT/UPDATE/DELETE (or SELECT ... FOR UPDATE via {@link #intsAsync}) and returns at once. */
    CompletableFuture<Integer> updateAsync(String sql) {
        return submit(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        });
    }

    /** Runs an INSERT/UPDATE/DELETE and returns its update count. */
    int update(String sql) throws SQLException {
        return TxnTestSupport.await(updateAsync(sql), name + ": " + sql);
    }

    /** Runs any statement (BEGIN, COMMIT, ROLLBACK, ...). */
    void execute(String sql) throws SQLException {
        call(c -> {
            try (Statement s = c.createStatement()) {
                return s.execute(sql);
            }
        }, sql);
    }

    /** Starts a query and returns at once; the future holds the first column of every row as ints. */
    CompletableFuture<List<Integer>> intsAsync(String sql) {
        return submit(c -> {
            List<Integer> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
            return out;
        });
    }

    /** The first column of every row of a query, as ints. */
    List<Integer> ints(String sql) throws SQLException {
        return TxnTestSupport.await(intsAsync(sql), name + ": " + sql);
    }

    /** The single int a one-row query returns. */
    int intValue(String sql) throws SQLException {
        List<Integer> values = ints(sql);
        if (values.size() != 1) {
            throw new AssertionError(name + ": expected one row from " + sql + " but got " + values);
        }
        return values.get(0);
    }

    /** Runs a statement that must fail, and returns its SQLException. */
    SQLException failure(String sql) {
        return TxnTestSupport.failureOf(submit(c -> {
            try (Statement s = c.createStatement()) {
                return s.execute(sql);
            }
        }), name + ": " + sql);
    }

    /**
     * Ends a transaction that failed: ROLLBACK, where "no transaction open" (25P01) is fine too, since a failed
     * COMMIT has already ended it.
     */
    void rollbackAfterFailure() throws SQLException {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            if (!TxnTestSupport.NO_ACTIVE_TRANSACTION.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /**
     * Interrupts a statement still running (an interrupted lock wait gives up), waits for the thread, and closes
     * the connection, which rolls back a transaction still open.
     */
    @Override
    public void close() throws SQLException {
        thread.shutdownNow();
        try {
            thread.awaitTermination(TxnTestSupport.STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connection.close();
        }
    }
}
