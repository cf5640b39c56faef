package io.rustydb.jdbc.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rustydb.core.config.IsolationLevel;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One session of a scenario (T1, T2, T3 in Hermitage's scripts): a JDBC connection used only by its own
 * single-thread executor, so that a step that blocks on a row lock leaves the test thread free to run the step that
 * releases it. A step is one SQL string; the test thread submits it and waits for it ({@link #STEP_TIMEOUT_MILLIS}),
 * or, for a step expected to block, checks that it has not completed after {@link #BLOCK_PROBE_MILLIS} and gets a
 * {@link Pending} to settle later.
 *
 * <p>A transaction marked {@link #mayFail()} is a candidate victim of a serialization failure whose exact place is
 * up to the engine: a 40001 at any of its later steps, its commit included, is recorded instead of failing the test;
 * the transaction is then rolled back (unless the 40001 came from COMMIT, which ends it) and its remaining steps are
 * skipped. The test asserts afterwards which candidates {@link #failed()}.
 */
final class Txn {
    /** SQLSTATE of a serialization failure. */
    static final String SERIALIZATION_FAILURE = "40001";
    /** How long a step that should not block may take; generous, it only bounds a hang. */
    static final long STEP_TIMEOUT_MILLIS = 10_000;
    /** How long a step expected to block must stay unfinished. */
    static final long BLOCK_PROBE_MILLIS = 300;

    private final String name;
    private final ExecutorService executor;
    private volatile Connection connection;
    private boolean mayFail;
    private String failedAt;
    private Pending pending;

    private Txn(String name) {
        this.name = name;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hermitage-" + name);
            t.setDaemon(true); // a step stuck in the engine must not keep the test JVM alive
            return t;
        });
    }

    /** A session named {@code name} on a new connection to {@code url}, in auto-commit mode (no transaction yet). */
    static Txn open(String name, String url) {
        Txn t = new Txn(name);
        t.await("connect", t.executor.submit(() -> {
            t.connection = DriverManager.getConnection(url);
            return null;
        }));
        return t;
    }

    /** {@code begin; set transaction isolation level ...} as in postgres.md. */
    Txn begin(IsolationLevel level) {
        run("begin");
        run("set transaction isolation level " + sqlName(level));
        return this;
    }

    static String sqlName(IsolationLevel level) {
        return level.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /** Lets a 40001 end this transaction at any later step instead of failing the test (see the class comment). */
    Txn mayFail() {
        mayFail = true;
        return this;
    }

    /** Whether a tolerated 40001 ended this transaction. */
    boolean failed() {
        return failedAt != null;
    }

    /** The step where the tolerated 40001 surfaced, or null. */
    String failedAt() {
        return failedAt;
    }

    String name() {
        return name;
    }

    /** Runs {@code sql}, which must complete without error; returns its update count (-1: a query, or skipped). */
    int run(String sql) {
        StepResult r = step(sql, false);
        return r == null ? -1 : r.count();
    }

    /** Runs the query {@code sql} and asserts its rows, in any order ({@code "1,10"} is the row id 1, value 10). */
    void rows(String sql, String... expected) {
        StepResult r = step(sql, false);
        if (r == null) {
            return;
        }
        assertNotNull(r.rows(), name + ": " + sql + " returned no rows but " + r.describe());
        assertEquals(sorted(Arrays.asList(expected)), sorted(r.rows()), name + ": " + sql);
    }

    /** Runs {@code sql}, which must fail with {@code sqlState} (never tolerated or skipped). */
    void fails(String sql, String sqlState) {
        StepResult r = await(sql, submit(sql));
        assertEquals(sqlState, r.sqlState(), name + ": " + sql + " -> " + r.describe());
    }

    /** Submits {@code sql} and asserts it is still running after {@link #BLOCK_PROBE_MILLIS}. */
    Pending blocks(String sql) {
        if (failed()) {
            return new Pending(this, sql, null);
        }
        Future<StepResult> f = submit(sql);
        try {
            StepResult r = f.get(BLOCK_PROBE_MILLIS, TimeUnit.MILLISECONDS);
            throw new AssertionError(name + ": expected " + sql + " to block, but it completed: " + r.describe());
        } catch (TimeoutException expected) {
            pending = new Pending(this, sql, f);
            return pending;
        } catch (ExecutionException e) {
            throw new AssertionError(name + ": " + sql + " threw", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + ": interrupted", e);
        }
    }

    void commit() {
        step("commit", true);
    }

    void commitFails(String sqlState) {
        fails("commit", sqlState);
    }

    void rollback() {
        step("rollback", false);
    }

    /** Waits for a blocked step to finish, after the step that released it. */
    StepResult finish(Pending p) {
        assertEquals(pending, p, name + ": not the pending step");
        pending = null;
        return await(p.sql() + " (after it was blocked)", p.future());
    }

    /**
     * A step's outcome as the test sees it: the result when it succeeded; null when a tolerated 40001 ended the
     * transaction (which is then rolled back unless {@code endsTransaction}); an AssertionError for any other error.
     */
    StepResult settle(String sql, StepResult r, boolean endsTransaction) {
        if (!r.failed()) {
            return r;
        }
        if (mayFail && SERIALIZATION_FAILURE.equals(r.sqlState())) {
            failedAt = sql;
            if (!endsTransaction) {
                StepResult rollback = await("rollback", submit("rollback"));
                assertNull(rollback.error(), name + ": rollback after 40001 -> " + rollback.describe());
            }
            return null;
        }
        throw new AssertionError(name + ": " + sql + " failed with " + r.describe(), r.error());
    }

    private StepResult step(String sql, boolean endsTransaction) {
        if (failed()) {
            return null;
        }
        return settle(sql, await(sql, submit(sql)), endsTransaction);
    }

    private Future<StepResult> submit(String sql) {
        assertNull(pending, name + " still has a blocked step: " + (pending == null ? "" : pending.sql()));
        Callable<StepResult> task = () -> {
            try (Statement s = connection.createStatement()) {
                return StepResult.run(s, sql);
            } catch (SQLException e) {
                return new StepResult(null, -1, e);
            }
        };
        return executor.submit(task);
    }

    private <T> T await(String what, Future<T> f) {
        try {
            return f.get(STEP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(name + ": " + what + " did not complete within " + STEP_TIMEOUT_MILLIS
                    + " ms (blocked?)");
        } catch (ExecutionException e) {
            throw new AssertionError(name + ": " + what + " threw", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + ": interrupted", e);
        }
    }

    /** Closes the connection (rolling back an open transaction) behind any step still queued; does not wait. */
    Future<?> closeAsync() {
        return executor.submit(() -> {
            Connection c = connection;
            if (c != null) {
                c.close();
            }
            return null;
        });
    }

    /** Waits for {@link #closeAsync()}; a session still stuck after that is interrupted. Errors are ignored. */
    void awaitClosed(Future<?> closing) {
        try {
            closing.get(STEP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the test's own assertion is the failure to report; a stuck session is interrupted below
        } finally {
            executor.shutdownNow();
        }
    }

    private static List<String> sorted(List<String> rows) {
        return rows.stream().sorted().toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
