package io.rustydb.txn.recovery;

import io.rustydb.storage.wal.WalRecordTypes;
import io.rustydb.storage.wal.WriteAheadLog;
import io.rustydb.txn.Transaction;
import io.rustydb.txn.TransactionManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Fuzzy checkpoints: they bound recovery time and let old log segments go, without stopping the world.
 *
 * <ol>
 *   <li>Note the log's end as the redo point, and move the full-page-image horizon there (torn-page protection:
 *       from now on, the first change of each page logs its full image first).</li>
 *   <li>Write every page dirty at that point (transactions keep running; the buffer pool forces the log before
 *       each page, write-ahead).</li>
 *   <li>Log a CHECKPOINT record (redo point, next transaction id, active transactions), force it, and record its
 *       LSN in the file header: recovery starts there.</li>
 *   <li>Delete log segments that neither recovery (before the redo point) nor an active transaction's rollback
 *       still needs.</li>
 * </ol>
 * A background thread takes one when {@code logBytes} have been written since the last one, or {@code interval}
 * has passed with any log written; {@link #checkpoint()} takes one now (the database does at clean close).
 */
public final class Checkpointer implements AutoCloseable {
    /** What a checkpoint needs from storage. */
    public interface Target {
        /** Writes every dirty page (the log is forced first as far as each page needs). */
        void flushPages();

        /** Durably records where recovery starts (the checkpoint record's LSN). */
        void recordCheckpoint(long checkpointLsn);
    }

    private final WriteAheadLog wal;
    private final TransactionManager transactions;
    private final Target target;
    private final long logBytes;
    private final long intervalNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Thread thread;
    private volatile boolean closed;
    private volatile long lastCheckpointEnd;
    private volatile long lastCheckpointNanos = System.nanoTime();
    private volatile RuntimeException lastFailure;
    private long checkpoints;

    /**
     * @param logBytes take a checkpoint after this much log (0 = never by volume)
     * @param intervalMillis take one after this long if anything was logged (0 = never by time, and no thread)
     */
    public Checkpointer(WriteAheadLog wal, TransactionManager transactions, Target target, long logBytes,
                        long intervalMillis, String name) {
        this.wal = wal;
        this.transactions = transactions;
        this.target = target;
        this.logBytes = logBytes;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.lastCheckpointEnd = wal.endLsn();
        if (logBytes > 0 || intervalMillis > 0) {
            thread = new Thread(this::loop, "rustydb-checkpointer-" + name);
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
        }
    }

    /** Takes a checkpoint now and returns its LSN. */
    public long checkpoint() {
        lock.lock();
        try {
            long redo = wal.endLsn();
            wal.setFullPageImageHorizon(redo);
            try {
                target.flushPages();
            } catch (io.rustydb.core.DbException e) {
                if (e.code().category() == io.rustydb.core.ErrorCategory.RESOURCE) {
                    wal.fail(e); // a failed write or fsync of the data file: no more writes until reopened
                }
                throw e;
            }
            // no transaction may end (COMMIT/ABORT appended, not yet out of the active set) while we list them
            long lsn = transactions.checkpointGate(() -> {
                List<CheckpointRecord.ActiveTxn> active = new ArrayList<>();
                for (Transaction tx : transactions.active()) {
                    if (tx.hasWritten()) {
                        active.add(new CheckpointRecord.ActiveTxn(tx.txnId(), tx.lastLsn(), tx.firstLsn()));
                    }
                }
                CheckpointRecord record = new CheckpointRecord(redo, transactions.nextTxnId(), active);
                return wal.append(WalRecordTypes.CHECKPOINT, 0, 0, record.encode());
            });
            wal.flushUpTo(lsn);
            try {
                target.recordCheckpoint(lsn);
            } catch (io.rustydb.core.DbException e) {
                if (e.code().category() == io.rustydb.core.ErrorCategory.RESOURCE) {
                    wal.fail(e);
                }
                throw e;
            }
            long keepFrom = Math.min(redo, transactions.oldestNeededLsn());
            wal.discardBefore(keepFrom);
            lastCheckpointEnd = wal.endLsn();
            lastCheckpointNanos = System.nanoTime();
            checkpoints++;
            return lsn;
        } finally {
            lock.unlock();
        }
    }

    /** How many checkpoints were taken (for tests and statistics). */
    public long checkpoints() {
        return checkpoints;
    }

    /** The error of the last failed background checkpoint, or null. */
    public RuntimeException lastFailure() {
        return lastFailure;
    }

    private void loop() {
        while (!closed) {
            // parked, never interrupted: an interrupt during file I/O would close the database's channels
            java.util.concurrent.locks.LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
            if (closed || wal.failure() != null) {
                continue;
            }
            long written = wal.endLsn() - lastCheckpointEnd;
            boolean byVolume = logBytes > 0 && written >= logBytes;
            boolean byTime = intervalNanos > 0 && written > 0 && System.nanoTime() - lastCheckpointNanos >= intervalNanos;
            if (byVolume || byTime) {
                try {
                    checkpoint();
                    lastFailure = null;
                } catch (RuntimeException e) {
                    lastFailure = e; // reported at the next explicit checkpoint or close
                }
            }
        }
    }

    /** Stops the background thread (it does not take a final checkpoint: the database does that). */
    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            java.util.concurrent.locks.LockSupport.unpark(thread);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
