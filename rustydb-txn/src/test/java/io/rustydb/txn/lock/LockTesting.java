package io.rustydb.txn.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Helpers for lock tests that run transactions on threads. Steps are ordered by observing the lock manager
 * ({@link #awaitWaiting}: "that thread is now blocked"), never by sleeping; every wait is bounded so that a bug fails
 * the test with the lock table instead of hanging it.
 */
final class LockTesting implements AutoCloseable {
    /** Generous bound on any single step; tests also carry @Timeout. */
    static final long STEP_SECONDS = 10;

    final LockManager locks;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lock-test");
        t.setDaemon(true);
        return t;
    });

    LockTesting(LockManager locks) {
        this.locks = locks;
    }

    /** Runs {@code step} on another thread. */
    <T> Future<T> async(Callable<T> step) {
        return pool.submit(step);
    }

    /** Waits (polling the lock table) until {@code txnId} has a waiting request. */
    void awaitWaiting(long txnId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
        while (!locks.isWaiting(txnId)) {
            if (System.nanoTime() - deadline > 0) {
                fail("txn " + txnId + " never started to wait: " + locks);
            }
            Thread.sleep(1);
        }
    }

    /** The result of {@code f}, failing (with the lock table) if it takes more than a step. */
    <T> T get(Future<T> f) throws InterruptedException, ExecutionException {
        try {
            return f.get(STEP_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return fail("step did not finish: " + locks);
        }
    }

    /** The DbException {@code f} failed with, or null if it succeeded. */
    DbException failure(Future<?> f) throws InterruptedException {
        try {
            get(f);
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DbException d) {
                return d;
            }
            throw new AssertionError("unexpected failure", e.getCause());
        }
    }

    static void assertCode(ErrorCode code, DbException e) {
        if (e == null) {
            fail("expected " + code.sqlState() + ", got success");
        }
        assertEquals(code, e.code(), e.getMessage());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
