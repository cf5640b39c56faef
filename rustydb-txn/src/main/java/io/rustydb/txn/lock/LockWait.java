package io.rustydb.txn.lock;

import java.util.Objects;
import java.util.function.BooleanSupplier;

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
 * <p>A blocking wait may also be {@link #abandonedWhen abandoned}: the waiter polls a condition (its statement was
 * cancelled or timed out) while it sleeps and gives up with 57014 when it holds.
 *
 * @param policy        which of the three
 * @param timeoutMillis for {@link Policy#BLOCK}: the longest wait in milliseconds, {@link Long#MAX_VALUE} for no
 *                      bound; 0 for the other policies
 * @param abandon       polled during a blocking wait: true = stop waiting (57014); {@link #NEVER} for none
 */
public record LockWait(Policy policy, long timeoutMillis, BooleanSupplier abandon) {
    /** The abandon condition of a wait that is never abandoned. */
    public static final BooleanSupplier NEVER = () -> false;

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

    public LockWait(Policy policy, long timeoutMillis) {
        this(policy, timeoutMillis, NEVER);
    }

    public LockWait {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(abandon, "abandon");
        if (timeoutMillis < 0 || (policy != Policy.BLOCK && timeoutMillis != 0)) {
            throw new IllegalArgumentException("bad lock wait: " + policy + " " + timeoutMillis + " ms");
        }
    }

    /** Wait at most {@code millis} ms (0 = do not wait: fail at once with 55P03). */
    public static LockWait timeout(long millis) {
        return new LockWait(Policy.BLOCK, millis);
    }

    /** This wait, given up (with 57014) as soon as {@code condition} holds; polled a few times a second or more. */
    public LockWait abandonedWhen(BooleanSupplier condition) {
        return new LockWait(policy, timeoutMillis, condition);
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
