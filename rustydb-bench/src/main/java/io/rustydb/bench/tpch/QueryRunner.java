package io.rustydb.bench.tpch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs queries on one engine's connection under a time limit. Each query runs on this runner's own (daemon) thread
 * with {@link Statement#setQueryTimeout} set where the driver has it; a watchdog in the caller's thread waits a
 * second longer and then calls {@link Statement#cancel()}, for drivers whose timeout does not fire. A query that
 * still has not stopped {@link #GRACE_MS} after the cancel leaves the runner {@link #stuck()}: its connection is
 * busy for good, so the engine's remaining queries cannot run.
 */
public final class QueryRunner implements AutoCloseable {
    /** How long a cancelled query may take to stop. */
    static final long GRACE_MS = 15_000;

    private final Connection connection;
    private final ExecutorService thread;
    private boolean stuck;

    /** A query's time in milliseconds (execute + fetch every value of every row) and the values it returned. */
    public record Timed(double ms, List<Object[]> values) {
    }

    /** The query ran past its limit (and was cancelled). */
    public static final class Timeout extends Exception {
        Timeout(String message) {
            super(message);
        }
    }

    public QueryRunner(Connection connection, String name) {
        this.connection = connection;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tpch-" + name);
            t.setDaemon(true); // a query that ignores cancel must not keep the JVM alive
            return t;
        });
    }

    /** Whether a cancelled query never stopped, so this connection cannot run anything else. */
    public boolean stuck() {
        return stuck;
    }

    /** Runs {@code sql} and reads its whole result within {@code timeoutMs}. */
    public Timed run(String sql, long timeoutMs) throws Exception {
        if (stuck) {
            throw new IllegalStateException("the connection is still busy with a cancelled query");
        }
        Statement s = connection.createStatement();
        try {
            s.setQueryTimeout((int) Math.max(1, (timeoutMs + 999) / 1000));
        } catch (SQLException | RuntimeException ignored) {
            // no driver timeout: the watchdog below still cancels
        }
        long start = System.nanoTime();
        Future<Timed> f = thread.submit(() -> {
            long t0 = System.nanoTime();
            try (ResultSet rs = s.executeQuery(sql)) {
                List<Object[]> values = Answer.fetch(rs);
                return new Timed((System.nanoTime() - t0) / 1e6, values);
            }
        });
        try {
            return f.get(timeoutMs + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if ((System.nanoTime() - start) / 1_000_000 >= timeoutMs) { // the driver's own timeout fired
                throw new Timeout("over the " + timeoutMs / 1000 + " s limit (" + firstLine(e.getCause()) + ")");
            }
            throw e.getCause() instanceof Exception ex ? ex : e;
        } catch (TimeoutException e) {
            try {
                s.cancel();
            } catch (SQLException | RuntimeException ignored) {
                // nothing more to try
            }
            try {
                f.get(GRACE_MS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException ignored) {
                // cancelled (an error) or still running
            }
            stuck = !f.isDone();
            throw new Timeout("over the " + timeoutMs / 1000 + " s limit, cancelled"
                    + (stuck ? "; the query did not stop" : ""));
        } finally {
            if (f.isDone()) {
                try {
                    s.close();
                } catch (SQLException ignored) {
                    // best effort
                }
            }
        }
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        m = m.lines().findFirst().orElse("").strip();
        return m.length() > 80 ? m.substring(0, 77) + "..." : m;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
