package io.rustydb.jdbc.txn;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Helpers shared by the concurrency tests of this package: fresh in-memory database names, the SQLSTATEs they
 * expect, and waiting for a future with a generous timeout (a timeout means "blocked", never "too slow").
 */
final class TxnTestSupport {
    /** 40001: the transaction could not be serialized and was rolled back; retry it. */
    static final String SERIALIZATION_FAILURE = "40001";
    /** 40P01: the transaction was chosen as a deadlock victim and was rolled back; retry it. */
    static final String DEADLOCK_DETECTED = "40P01";
    /** 55P03: a lock could not be had (NOWAIT, or the lock timeout ran out). */
    static final String LOCK_NOT_AVAILABLE = "55P03";
    /** 25P02: the transaction failed; every statement but ROLLBACK is refused. */
    static final String IN_FAILED_TRANSACTION = "25P02";
    /** 25P01: COMMIT or ROLLBACK with no transaction open. */
    static final String NO_ACTIVE_TRANSACTION = "25P01";

    /** How long any single awaited step may take before the test calls it stuck. Generous on purpose. */
    static final long STEP_TIMEOUT_SECONDS = 10;

    private static final AtomicInteger NEXT = new AtomicInteger();

    private TxnTestSupport() {
    }

    /** A {@code jdbc:rustydb:mem:} URL no other test uses. */
    static String freshMemUrl(String hint) {
        return "jdbc:rustydb:mem:" + hint + "_" + NEXT.incrementAndGet() + "_" + System.nanoTime();
    }

    /** Whether a failure is one an application is expected to answer by retrying the whole transaction. */
    static boolean isRetryable(SQLException e) {
        return SERIALIZATION_FAILURE.equals(e.getSQLState()) || DEADLOCK_DETECTED.equals(e.getSQLState());
    }

    /** The future's value, waiting at most {@link #STEP_TIMEOUT_SECONDS}; its SQLException is rethrown as is. */
    static <T> T await(Future<T> future, String what) throws SQLException {
        return await(future, STEP_TIMEOUT_SECONDS, what);
    }

    /** The future's value, waiting at most {@code seconds}; its SQLException is rethrown as is. */
    static <T> T await(Future<T> future, long seconds, String what) throws SQLException {
        try {
            return future.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new AssertionError(what + " failed", cause);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not finish within " + seconds + " s: blocked for good?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + ": interrupted", e);
        }
    }

    /** The SQLException a future ended with; an assertion error if it completed normally or failed otherwise. */
    static SQLException failureOf(Future<?> future, String what) {
        Object value;
        try {
            value = await(future, what);
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError(what + " was expected to fail but returned " + value);
    }

    /** Stops an executor: interrupts what still runs and waits for its threads to end. */
    static void shutdown(ExecutorService executor) {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("executor threads still running after " + STEP_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
