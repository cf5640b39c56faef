package io.rustydb.storage.wal;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.config.SyncMode;
import io.rustydb.storage.buffer.WalFlushHook;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jctools.queues.atomic.MpscUnboundedAtomicArrayQueue;

/**
 * The write-ahead log: appends records, and makes them durable with group commit.
 *
 * <p>Appending copies the record into an in-memory log buffer under a short lock that also assigns its LSN.
 * Threads that need their records on disk (a commit, or the buffer pool before writing a page) put a flush
 * request on a JCTools MPSC queue and park; the one log-writer thread takes everything appended so far, writes it
 * with one write per segment and, when any request needs it, one {@code force}, then wakes every request that the
 * write covered. While it is forcing, new requests queue up and share the next force, so throughput rises with the
 * number of committing threads.
 *
 * <p>Sync modes (what a commit waits for, and what a crash can lose):
 * <ul>
 *   <li>{@link SyncMode#FULL}: the commit record is forced to disk before commit returns. Nothing acknowledged is
 *       lost, by a killed process or by a power cut.</li>
 *   <li>{@link SyncMode#NORMAL}: the commit record is written to the operating system before commit returns, and
 *       forced within {@link #NORMAL_FORCE_DELAY_MILLIS} ms. A killed process loses nothing; a power cut or OS
 *       crash can lose the commits of that last interval.</li>
 *   <li>{@link SyncMode#OFF}: commit returns at once; the writer writes the buffer every
 *       {@link #OFF_WRITE_DELAY_MILLIS} ms and forces only at checkpoints and close. A killed process can lose the
 *       last interval's commits; a power cut can lose everything since the last checkpoint. The database itself
 *       stays consistent in every mode: only whole transactions at the end of the log go missing.</li>
 * </ul>
 *
 * <p>Invariants: (1) records occupy increasing LSNs in append order and never span segments; (2) every record
 * starting below {@link #writtenLsn()} is complete in the store, below {@link #durableLsn()} also forced; (3) once a
 * write or force fails, the log refuses every later append and flush with that error until the database is
 * reopened (a failed fsync cannot be retried safely).
 */
public final class WriteAheadLog implements WalFlushHook, AutoCloseable {
    /** How soon NORMAL mode forces what commits have written. */
    public static final long NORMAL_FORCE_DELAY_MILLIS = 50;
    /** How often OFF mode writes buffered records to the operating system. */
    public static final long OFF_WRITE_DELAY_MILLIS = 10;
    /** Appenders wait for the writer once this many bytes are buffered. */
    private static final int BACKPRESSURE_BYTES = 8 << 20;

    private final LogStore store;
    private final SyncMode mode;
    private final String name;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final ReentrantLock storeLock = new ReentrantLock();
    private final MpscUnboundedAtomicArrayQueue<FlushRequest> requests = new MpscUnboundedAtomicArrayQueue<>(256);
    private final Thread writer;

    // guarded by appendLock: the log bytes [bufferStartLsn, nextLsn) not yet handed to the store
    private byte[] buffer = new byte[64 * 1024];
    private byte[] spare = new byte[64 * 1024];
    private long bufferStartLsn;
    private long nextLsn;

    private volatile long writtenLsn;
    private volatile long durableLsn;
    private volatile long fullPageImageHorizon;
    private volatile DbException failure;
    private volatile boolean closing;
    private long lastForceNanos = System.nanoTime();

    /** A request to have the log written (and forced) past a record. */
    private static final class FlushRequest {
        final long lsn;
        final boolean force;
        final Thread waiter = Thread.currentThread();
        volatile boolean done;
        volatile DbException error;

        FlushRequest(long lsn, boolean force) {
            this.lsn = lsn;
            this.force = force;
        }
    }

    /**
     * Opens the log for appending at {@code endLsn} (where recovery found the end; everything before it is assumed
     * durable). {@code name} names the database in errors and the writer thread.
     */
    public WriteAheadLog(LogStore store, SyncMode mode, long endLsn, String name) {
        this.store = store;
        this.mode = mode;
        this.name = name;
        long start = Math.max(endLsn, store.firstOffset());
        if (start % store.segmentSize() < store.firstOffset()) {
            start = start - start % store.segmentSize() + store.firstOffset();
        }
        this.bufferStartLsn = start;
        this.fullPageImageHorizon = start;
        this.nextLsn = start;
        this.writtenLsn = start;
        this.durableLsn = start;
        if (store.isVolatile()) {
            this.writer = null;
        } else {
            this.writer = new Thread(this::writerLoop, "rustydb-wal-writer-" + name);
            writer.setDaemon(true);
            writer.start();
        }
    }

    public SyncMode syncMode() {
        return mode;
    }

    /**
     * Torn-page protection: a page whose LSN is below this horizon (the redo point of the latest checkpoint) gets
     * a full image logged before its next change, so that recovery can rebuild it even if its last write to disk
     * was torn. New pages (LSN 0) always get one.
     */
    public long fullPageImageHorizon() {
        return fullPageImageHorizon;
    }

    /** Moves the horizon (a checkpoint does, to its redo point, before it writes the dirty pages). */
    public void setFullPageImageHorizon(long lsn) {
        this.fullPageImageHorizon = lsn;
    }

    /** The LSN the next record will get (at least). */
    public long endLsn() {
        appendLock.lock();
        try {
            return nextLsn;
        } finally {
            appendLock.unlock();
        }
    }

    public long writtenLsn() {
        return writtenLsn;
    }

    public long durableLsn() {
        return durableLsn;
    }

    /** The largest record payload a log with this store accepts. */
    public int maxPayload() {
        return store.segmentSize() - store.firstOffset() - WalRecordLayout.HEADER_SIZE;
    }

    /**
     * Appends a record and returns its LSN. {@code prevLsn} is the LSN of the same transaction's previous record
     * (0 for the first or for records outside transactions).
     */
    public long append(int type, long txnId, long prevLsn, byte[] payload) {
        checkUsable();
        if (payload.length > maxPayload()) {
            throw new DbException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "a log record of " + payload.length
                    + " bytes exceeds the WAL segment capacity of " + maxPayload() + " bytes");
        }
        int length = WalRecordLayout.HEADER_SIZE + payload.length;
        long lsn;
        long buffered;
        appendLock.lock();
        try {
            checkUsable();
            lsn = nextLsn;
            int segmentSize = store.segmentSize();
            long segmentEnd = (lsn / segmentSize + 1) * segmentSize;
            if (lsn + length > segmentEnd) {
                long next = segmentEnd + store.firstOffset();
                ensureCapacity(next - bufferStartLsn);
                Arrays.fill(buffer, (int) (lsn - bufferStartLsn), (int) (next - bufferStartLsn), (byte) 0);
                lsn = next;
            }
            byte[] record = WalRecordLayout.encode(lsn, type, txnId, prevLsn, payload);
            ensureCapacity(lsn - bufferStartLsn + length);
            System.arraycopy(record, 0, buffer, (int) (lsn - bufferStartLsn), length);
            nextLsn = lsn + length;
            if (nextLsn % segmentSize == 0) {
                nextLsn += store.firstOffset();
                ensureCapacity(nextLsn - bufferStartLsn);
                Arrays.fill(buffer, (int) (nextLsn - store.firstOffset() - bufferStartLsn),
                        (int) (nextLsn - bufferStartLsn), (byte) 0);
            }
            if (writer == null) {
                // a volatile store: hand the bytes over at once, nothing to wait for
                handOver();
            }
            buffered = nextLsn - bufferStartLsn;
        } finally {
            appendLock.unlock();
        }
        if (buffered > BACKPRESSURE_BYTES) {
            await(lsn, false);
        }
        return lsn;
    }

    private void ensureCapacity(long needed) {
        if (needed > buffer.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new DbException(ErrorCode.OUT_OF_MEMORY, "WAL buffer overflow");
            }
            buffer = Arrays.copyOf(buffer, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 16L, buffer.length * 2L)));
        }
    }

    /** Makes the record at {@code lsn} as durable as a commit in this log's sync mode requires, then returns. */
    public void commit(long lsn) {
        switch (mode) {
            case FULL:
                await(lsn, true);
                break;
            case NORMAL:
                await(lsn, false);
                break;
            default:
                checkUsable();
                break;
        }
    }

    /** Write-ahead rule: returns once every record up to and including the one at {@code lsn} is forced. */
    @Override
    public void flushUpTo(long lsn) {
        await(lsn, true);
    }

    /** Forces everything appended so far (checkpoints, close). */
    public void forceAll() {
        long end = endLsn();
        if (end > store.firstOffset()) {
            await(end - 1, true);
        }
    }

    private void await(long lsn, boolean force) {
        if (writer == null || (force ? durableLsn > lsn : writtenLsn > lsn)) {
            return; // already there: true even after a later failure of the log
        }
        checkUsable();
        FlushRequest request = new FlushRequest(lsn, force);
        requests.offer(request);
        LockSupport.unpark(writer);
        boolean interrupted = false;
        while (!request.done) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                interrupted = true; // a commit in flight cannot be abandoned half-way; keep waiting
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (request.error != null) {
            throw request.error;
        }
    }

    private void checkUsable() {
        DbException f = failure;
        if (f != null) {
            throw new DbException(f.code(), f, "the write-ahead log of " + name
                    + " failed earlier and accepts no more writes until the database is reopened: " + f.getMessage());
        }
        if (closing) {
            throw new DbException(ErrorCode.OBJECT_CLOSED, "write-ahead log of " + name);
        }
    }

    // ------------------------------------------------------------------ the log writer

    private void writerLoop() {
        List<FlushRequest> pending = new ArrayList<>();
        while (true) {
            FlushRequest r;
            while ((r = requests.poll()) != null) {
                pending.add(r);
            }
            boolean stopping = closing;
            boolean forceWanted = stopping;
            for (FlushRequest p : pending) {
                forceWanted |= p.force;
            }
            long now = System.nanoTime();
            if (mode == SyncMode.NORMAL && writtenLsn > durableLsn
                    && now - lastForceNanos >= TimeUnit.MILLISECONDS.toNanos(NORMAL_FORCE_DELAY_MILLIS)) {
                forceWanted = true;
            }
            if (failure == null) {
                try {
                    writeOut();
                    if (forceWanted && durableLsn < writtenLsn) {
                        storeLock.lock();
                        try {
                            store.force();
                        } finally {
                            storeLock.unlock();
                        }
                        durableLsn = writtenLsn;
                        lastForceNanos = System.nanoTime();
                    }
                } catch (DbException e) {
                    failure = e;
                } catch (RuntimeException | Error e) {
                    failure = DbException.internal("WAL writer failed: " + e);
                }
            }
            for (int i = pending.size() - 1; i >= 0; i--) {
                FlushRequest p = pending.get(i);
                boolean satisfied = p.force ? durableLsn > p.lsn : writtenLsn > p.lsn;
                if (satisfied || failure != null) {
                    if (!satisfied) {
                        p.error = failure;
                    }
                    p.done = true;
                    LockSupport.unpark(p.waiter);
                    pending.remove(i);
                }
            }
            if (stopping && requests.isEmpty()) {
                return;
            }
            if (pending.isEmpty() && requests.isEmpty()) {
                long waitMillis = mode == SyncMode.OFF ? OFF_WRITE_DELAY_MILLIS
                        : mode == SyncMode.NORMAL ? NORMAL_FORCE_DELAY_MILLIS : 1000;
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(waitMillis));
            }
        }
    }

    /** Hands everything appended so far to the store. Runs on the writer thread (or under appendLock if volatile). */
    private void writeOut() {
        storeLock.lock();
        try {
            byte[] bytes;
            long start;
            long end;
            appendLock.lock();
            try {
                start = bufferStartLsn;
                end = nextLsn;
                if (end == start) {
                    return;
                }
                bytes = buffer;
                buffer = spare.length >= 64 * 1024 ? spare : new byte[64 * 1024];
                spare = null;
                bufferStartLsn = end;
            } finally {
                appendLock.unlock();
            }
            writeRange(bytes, start, end);
            writtenLsn = end;
            spare = bytes.length <= (1 << 20) ? bytes : new byte[64 * 1024];
        } finally {
            storeLock.unlock();
        }
    }

    /** Volatile store: under appendLock, move the buffer's bytes straight into the store. */
    private void handOver() {
        storeLock.lock();
        try {
            writeRange(buffer, bufferStartLsn, nextLsn);
            bufferStartLsn = nextLsn;
            writtenLsn = nextLsn;
            durableLsn = nextLsn;
        } finally {
            storeLock.unlock();
        }
    }

    /** Writes log bytes {@code [start, end)} (held in {@code bytes} from index 0) segment by segment. */
    private void writeRange(byte[] bytes, long start, long end) {
        int segmentSize = store.segmentSize();
        long lsn = start;
        while (lsn < end) {
            long segmentStart = lsn - lsn % segmentSize;
            long from = Math.max(lsn, segmentStart + store.firstOffset());
            long to = Math.min(end, segmentStart + segmentSize);
            if (to > from) {
                store.write(from, bytes, (int) (from - start), (int) (to - from));
            }
            lsn = to;
        }
    }

    /** Reads the record at {@code lsn}, wherever it is now (buffer or store); null if there is none. */
    public LogRecord read(long lsn) {
        appendLock.lock();
        try {
            if (lsn >= bufferStartLsn) {
                if (lsn >= nextLsn) {
                    return null;
                }
                return WalRecordLayout.decode(buffer, (int) (lsn - bufferStartLsn), (int) (nextLsn - bufferStartLsn), lsn);
            }
        } finally {
            appendLock.unlock();
        }
        storeLock.lock();
        try {
            return store.read(lsn);
        } finally {
            storeLock.unlock();
        }
    }

    /** Discards log segments wholly before {@code lsn} (no longer needed by recovery or by any transaction). */
    public void discardBefore(long lsn) {
        storeLock.lock();
        try {
            store.deleteBefore(Math.min(lsn, writtenLsn));
        } finally {
            storeLock.unlock();
        }
    }

    /** The oldest LSN still kept in the store. */
    public long firstLsn() {
        storeLock.lock();
        try {
            return store.firstLsn();
        } finally {
            storeLock.unlock();
        }
    }

    /**
     * Writes and forces what is buffered (unless the log has failed), stops the writer and closes the store.
     * Idempotent.
     */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        if (writer != null) {
            LockSupport.unpark(writer);
            try {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        storeLock.lock();
        try {
            store.close();
        } finally {
            storeLock.unlock();
        }
        DbException f = failure;
        if (f != null) {
            throw f;
        }
    }

    /**
     * Stops the log with {@code cause}, as a failed write or force of the log itself would: every later append
     * and flush fails until the database is reopened. Used when forcing the data file fails (a failed fsync may
     * have dropped written pages, so nothing may be trusted to be durable any more).
     */
    public void fail(DbException cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    /** The error that stopped the log, or null. */
    public DbException failure() {
        return failure;
    }
}
