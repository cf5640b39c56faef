package io.rustydb.txn.mvcc;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Which transactions have committed, and when: the answer every visibility check needs, without a lock.
 *
 * <p>Commit timestamps come from a logical clock: a committing writer takes the next tick, and a snapshot is simply
 * the clock's current value. A row version is visible to snapshot {@code s} when its creator's commit timestamp is
 * at most {@code s}. The table keeps, for every transaction id in the window {@code [horizon, nextTxnId)}, one
 * entry of a power-of-two ring indexed by {@code txnId & mask}:
 * <pre>
 *   entry  0   the transaction is running (or rolling back): its versions are visible to nobody else
 *         -1   it ended without committing anything: rolled back (its versions were removed by its undo),
 *              or it wrote nothing
 *         >0   its commit timestamp
 * </pre>
 * Below the <em>horizon</em> every transaction has ended, and each one that committed did so before every live
 * snapshot was taken, so its versions are visible to all and its entry is no longer needed (versions of a
 * rolled-back transaction do not exist any more). Transactions of an earlier run of the database are all below the
 * horizon at open: recovery has rolled back the unfinished ones. The ring grows when a long-running transaction
 * holds the horizon back.
 *
 * <p>Publication: a commit writes its entry and then the published clock (volatile), both under the commit lock; a
 * snapshot reads the published clock first, so every commit with a timestamp up to the snapshot is visible in the
 * ring to whoever holds it. Entries are read with volatile semantics ({@link AtomicLongArray}): no lock, no
 * allocation on the scan path.
 */
public final class CommitTable {
    public static final long RUNNING = 0;
    public static final long ENDED_WITHOUT_COMMIT = -1;
    private static final int INITIAL_CAPACITY = 1 << 12;

    private final Object commitLock = new Object();
    private volatile AtomicLongArray ring = new AtomicLongArray(INITIAL_CAPACITY);
    private volatile long published;
    private volatile long lastCommitLsn;
    private volatile long horizon;
    private long nextTxnId;

    /** A table whose horizon starts at {@code firstTxnId}: every older transaction ended (and committed or undone). */
    public CommitTable(long firstTxnId) {
        this.horizon = firstTxnId;
        this.nextTxnId = firstTxnId;
    }

    /** Registers the new transaction {@code txnId} (ids are handed out in increasing order) as running. */
    public void begin(long txnId) {
        synchronized (commitLock) {
            ensureCapacity(txnId);
            AtomicLongArray r = ring;
            r.set((int) (txnId & (r.length() - 1)), RUNNING);
            nextTxnId = Math.max(nextTxnId, txnId + 1);
        }
    }

    private void ensureCapacity(long txnId) {
        AtomicLongArray r = ring;
        long span = txnId + 1 - horizon;
        if (span <= r.length()) {
            return;
        }
        int capacity = r.length();
        while (capacity < span) {
            capacity <<= 1;
        }
        AtomicLongArray bigger = new AtomicLongArray(capacity);
        for (long id = horizon; id < nextTxnId; id++) {
            bigger.set((int) (id & (capacity - 1)), r.get((int) (id & (r.length() - 1))));
        }
        ring = bigger;
    }

    /**
     * Commits {@code txnId}: takes the next timestamp, runs {@code logCommit} with it (appending the commit record,
     * so that log order and timestamp order agree), then makes the commit visible. Returns what {@code logCommit}
     * returned (the record's LSN).
     */
    public long commit(long txnId, java.util.function.LongUnaryOperator logCommit) {
        synchronized (commitLock) {
            long ts = published + 1;
            long lsn = logCommit.applyAsLong(ts);
            AtomicLongArray r = ring;
            r.set((int) (txnId & (r.length() - 1)), ts);
            lastCommitLsn = lsn;
            published = ts;
            return lsn;
        }
    }

    /** Marks {@code txnId} as ended without a commit: rolled back (after its undo), or it wrote nothing. */
    public void endWithoutCommit(long txnId) {
        synchronized (commitLock) {
            AtomicLongArray r = ring;
            r.set((int) (txnId & (r.length() - 1)), ENDED_WITHOUT_COMMIT);
        }
    }

    /** A snapshot: every commit with a timestamp up to the returned value, and no later one, is visible in it. */
    public long snapshot() {
        return published;
    }

    /**
     * Takes a snapshot and hands it to {@code register}, which makes it visible to {@link #advanceHorizon}'s
     * oldest-snapshot computation. Without care, an advance running between the read of the clock and the
     * registration could move the horizon over a commit newer than the snapshot, which would then look committed
     * before it. So 0 is registered first: an advance that sees it passes no commit at all, and one that does not
     * see it ran under the commit lock with the clock at most where this read finds it. Lock-free.
     */
    public long takeSnapshot(java.util.function.LongConsumer register) {
        register.accept(0);
        long s = published;
        register.accept(s);
        return s;
    }

    /**
     * The log position of the latest published commit record (0 if none): a reader that saw commits up to here
     * must not acknowledge anything before the log is durable to here (early lock release makes commits visible
     * before their log force).
     */
    public long lastCommitLsn() {
        return lastCommitLsn;
    }

    /** The latest commit timestamp handed out. */
    public long clock() {
        return published;
    }

    /** The horizon: every transaction below it ended and is visible to every snapshot (if it committed). */
    public long horizon() {
        return horizon;
    }

    /**
     * The commit timestamp of {@code txnId}: {@code 1} (older than any snapshot) below the horizon, else its ring
     * entry ({@link #RUNNING}, {@link #ENDED_WITHOUT_COMMIT} or the timestamp).
     */
    public long commitTs(long txnId) {
        if (txnId < horizon) {
            return 1;
        }
        AtomicLongArray r = ring;
        long ts = r.get((int) (txnId & (r.length() - 1)));
        // the horizon may have passed the id while we read, and its slot gone to a newer transaction
        return txnId < horizon ? 1 : ts;
    }

    /** Whether {@code txnId} had committed when snapshot {@code snapshot} was taken. */
    public boolean committedBefore(long txnId, long snapshot) {
        if (txnId < horizon) {
            return true;
        }
        AtomicLongArray r = ring;
        long ts = r.get((int) (txnId & (r.length() - 1)));
        if (txnId < horizon) {
            return true; // passed while we read: the slot may belong to a newer transaction now
        }
        return ts > 0 && ts <= snapshot;
    }

    /**
     * Moves the horizon up over every ended transaction whose commit (if any) is at most {@code oldestSnapshot},
     * the oldest snapshot still in use (it must be computed after the transactions it covers registered their
     * snapshots; one taken later is newer than every commit so far). Returns the new horizon.
     */
    public long advanceHorizon(LongSupplier oldestSnapshot) {
        synchronized (commitLock) {
            long oldest = Math.min(oldestSnapshot.getAsLong(), published);
            AtomicLongArray r = ring;
            long h = horizon;
            while (h < nextTxnId) {
                long ts = r.get((int) (h & (r.length() - 1)));
                if (ts == RUNNING || ts > oldest) {
                    break;
                }
                h++;
            }
            horizon = h;
            return h;
        }
    }
}
