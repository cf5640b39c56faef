package io.rustydb.storage.wal;

/**
 * The transaction on whose behalf the current thread changes pages. The SQL engine sets it around the execution
 * of a statement, and rollback around each undo step; the page log reads it when a write guard closes, so that
 * the change is logged as part of that transaction (or as a compensation record). Changes made with no current
 * transaction (page allocation bookkeeping, statistics) are logged redo-only, outside any transaction.
 */
public final class CurrentLog {
    private static final ThreadLocal<LogContext> CURRENT = new ThreadLocal<>();

    private CurrentLog() {
    }

    /** Restores the previous context when closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Makes {@code context} (null = none) current until the returned scope is closed. */
    public static Scope enter(LogContext context) {
        LogContext previous = CURRENT.get();
        CURRENT.set(context);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** The current context, or null. */
    public static LogContext get() {
        return CURRENT.get();
    }
}
