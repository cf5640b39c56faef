package io.rustydb.sql.exec;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.util.concurrent.TimeUnit;

/**
 * Stops one running statement: on request from another thread ({@code Statement.cancel()}) or when its time limit
 * ({@code Statement.setQueryTimeout}) has passed. Cancellation is cooperative: operators call {@link #check()}
 * (through {@link ExecContext#checkCancelled()}) once per batch and inside long inner loops, and lock waits poll
 * {@link #requested()}; the statement then fails with 57014 and its changes are rolled back like any failed
 * statement's. No timer thread is involved: the deadline is compared with {@link System#nanoTime()}.
 *
 * <p>One instance per execution. {@link #NONE} is shared and can never be cancelled.
 */
public final class StatementCancel {
    /** For statements run without a time limit or a way to cancel them. */
    public static final StatementCancel NONE = new StatementCancel(0);

    private final long timeoutMillis;
    private final long deadlineNanos;
    private volatile boolean cancelled;

    private StatementCancel(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /** A new handle for one execution that starts now; {@code timeoutMillis} 0 means no time limit. */
    public static StatementCancel start(long timeoutMillis) {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("negative timeout " + timeoutMillis);
        }
        return new StatementCancel(timeoutMillis);
    }

    /** Asks the statement to stop at its next check (any thread; a no-op on {@link #NONE}). */
    public void cancel() {
        if (this != NONE) {
            cancelled = true;
        }
    }

    /** Whether the statement should stop: cancelled, or past its deadline. */
    public boolean requested() {
        return cancelled || timedOut();
    }

    /** Throws 57014 if the statement should stop. */
    public void check() {
        if (requested()) {
            throw stopped(null);
        }
    }

    /**
     * The failure to report for a statement that ended with {@code cause} while this handle asked it to stop
     * (e.g. a lock wait cut short): 57014 saying why, with {@code cause} attached unless it already is that.
     */
    public DbException stopped(DbException cause) {
        if (cause != null && cause.code() == ErrorCode.QUERY_CANCELED && cause.getMessage().contains(reason())) {
            return cause;
        }
        DbException e = new DbException(ErrorCode.QUERY_CANCELED, reason());
        if (cause != null) {
            e.addSuppressed(cause);
        }
        return e;
    }

    private String reason() {
        return cancelled ? "user request" : "statement timeout (" + timeoutMillis + " ms)";
    }

    /** Whether this handle can ever ask a statement to stop (lock waits poll only those that can). */
    public boolean cancellable() {
        return this != NONE;
    }

    private boolean timedOut() {
        return timeoutMillis > 0 && System.nanoTime() - deadlineNanos >= 0;
    }
}
