package io.rustydb.txn.lock;

import java.util.Objects;

/**
 * What {@link LockManager#acquire} does when a lock cannot be granted at once.
 *
 * <ul>
 *   <li>{@link #timeout(long) timeout(ms)}: wait up to the lock timeout, then fail with 55P03
 *       ({@code LOCK_NOT_AVAILABLE}); {@code timeout(0)} fails at once. {@link #FOREVER} waits without a bound
 *       (deadlocks are still detected).
 *   <li>{@link #NOWAIT}: fail at once with 55P03 ({@code SELECT ... FOR UPDATE NOWAIT}).
 *   <li>{@link #SKIP_LOCKED}: return {@code false} at once ({@code SELECT ... FOR UPDATE SKIP LOCKED}).
 * </ul>
 *
 * @param policy        which of the three
 * @param timeoutMillis for {@link Policy#BLOCK}: the longest wait in milliseconds, {@link Long#MAX_VALUE} for no
 *                      bound; 0 for the other policies
 */
public record LockWait(Policy policy, long timeoutMillis) {
    /** The three behaviours. */
    public enum Policy {
        BLOCK,
        NOWAIT,
        SKIP_LOCKED
    }

    /** Fail at once with 55P03. */
    public static final LockWait NOWAIT = new LockWait(Policy.NOWAIT, 0);
    /** Return false at once. */
    public static final LockWait SKIP_LOCKED = new LockWait(Policy.SKIP_LOCKED, 0);
    /** Wait until granted, the thread is interrupted, or this transaction is chosen as a deadlock victim. */
    public static final LockWait FOREVER = new LockWait(Policy.BLOCK, Long.MAX_VALUE);

    public LockWait {
        Objects.requireNonNull(policy, "policy");
        if (timeoutMillis < 0 || (policy != Policy.BLOCK && timeoutMillis != 0)) {
            throw new IllegalArgumentException("bad lock wait: " + policy + " " + timeoutMillis + " ms");
        }
    }

    /** Wait at most {@code millis} ms (0 = do not wait: fail at once with 55P03). */
    public static LockWait timeout(long millis) {
        return new LockWait(Policy.BLOCK, millis);
    }

    /** Whether the wait has no time bound. */
    public boolean unbounded() {
        return policy == Policy.BLOCK && timeoutMillis == Long.MAX_VALUE;
    }

    @Override
    public String toString() {
        return switch (policy) {
            case BLOCK -> unbounded() ? "FOREVER" : "timeout " + timeoutMillis + " ms";
            case NOWAIT -> "NOWAIT";
            case SKIP_LOCKED -> "SKIP LOCKED";
        };
    }
}
