package io.rustydb.txn;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A database-wide shared/exclusive lock owned by transactions (not threads: a connection may move between the
 * threads of a pool). Statements that only read hold it shared for their duration; a transaction that writes takes
 * it exclusively at its first write and keeps it until it ends, so writers are serialized and no reader sees
 * uncommitted changes.
 *
 * <p>This is the stand-in concurrency control until MVCC and row locks arrive: it gives READ COMMITTED reads and
 * serial writers. The exclusive owner may also read (and re-acquire) freely. A request that cannot be granted
 * within the lock timeout fails with 55P03.
 */
public final class DatabaseLock {
    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition changed = mutex.newCondition();
    private final Map<Long, Integer> sharedHolders = new HashMap<>();
    private long exclusiveOwner;
    private int waitingWriters;

    /** Takes the lock shared for {@code txnId}; waits at most {@code timeoutMillis} (0 = do not wait). */
    public void lockShared(long txnId, long timeoutMillis) {
        mutex.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            // writers waiting go first, so a stream of readers cannot starve them
            while ((exclusiveOwner != 0 && exclusiveOwner != txnId)
                    || (waitingWriters > 0 && exclusiveOwner != txnId && !sharedHolders.containsKey(txnId))) {
                await(deadline, "the database is being written by another transaction");
            }
            sharedHolders.merge(txnId, 1, Integer::sum);
        } finally {
            mutex.unlock();
        }
    }

    /** Releases one shared hold of {@code txnId}. */
    public void unlockShared(long txnId) {
        mutex.lock();
        try {
            Integer n = sharedHolders.get(txnId);
            if (n == null) {
                return;
            }
            if (n == 1) {
                sharedHolders.remove(txnId);
            } else {
                sharedHolders.put(txnId, n - 1);
            }
            changed.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    /** Takes the lock exclusively for {@code txnId} (a no-op if it already has it). */
    public void lockExclusive(long txnId, long timeoutMillis) {
        mutex.lock();
        try {
            if (exclusiveOwner == txnId) {
                return;
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            waitingWriters++;
            try {
                while (exclusiveOwner != 0 || othersShare(txnId)) {
                    await(deadline, "another transaction is writing or reading the database");
                }
            } finally {
                waitingWriters--;
            }
            exclusiveOwner = txnId;
        } finally {
            mutex.unlock();
        }
    }

    /** Whether {@code txnId} holds the lock exclusively. */
    public boolean holdsExclusive(long txnId) {
        mutex.lock();
        try {
            return exclusiveOwner == txnId;
        } finally {
            mutex.unlock();
        }
    }

    /** Releases everything {@code txnId} holds (at the end of its transaction). */
    public void releaseAll(long txnId) {
        mutex.lock();
        try {
            sharedHolders.remove(txnId);
            if (exclusiveOwner == txnId) {
                exclusiveOwner = 0;
            }
            changed.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    private boolean othersShare(long txnId) {
        return sharedHolders.size() > (sharedHolders.containsKey(txnId) ? 1 : 0);
    }

    private void await(long deadline, String why) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            changed.signalAll();
            throw new DbException(ErrorCode.LOCK_NOT_AVAILABLE, why + " (lock timeout)");
        }
        try {
            changed.awaitNanos(remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbException(ErrorCode.LOCK_NOT_AVAILABLE, "interrupted while waiting: " + why);
        }
    }
}
