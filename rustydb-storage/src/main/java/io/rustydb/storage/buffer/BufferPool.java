package io.rustydb.storage.buffer;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.storage.file.DatabaseHeader;
import io.rustydb.storage.file.DiskManager;
import io.rustydb.storage.page.PageChecksum;
import io.rustydb.storage.page.PageHeader;
import io.rustydb.storage.page.PageType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Caches pages of one {@link DiskManager} in off-heap frames and hands them out through page guards.
 *
 * <p>Memory: frames are page-sized slices of {@code ByteBuffer.allocateDirect} slabs (up to 8 MiB each), allocated
 * lazily as the pool fills, up to {@code cacheSizeBytes / pageSize} frames (at least {@link #MIN_FRAMES}).
 *
 * <p>Concurrency (frame states and their invariants are in {@link Frame}):
 * <ul>
 *   <li><b>Hit path, no lock</b>: a {@link ConcurrentHashMap} page-table lookup, a CAS on the frame's pin count,
 *       and an access record offered to a striped, lossy {@link AccessBuffer}. The records are replayed into the
 *       {@link Replacer} under the replacer lock by whoever finds a stripe full and wins a {@code tryLock}, and by
 *       every eviction before it chooses a victim. Unpin is a decrement: the replacer is not told about pins.</li>
 *   <li><b>Eviction</b>: the replacer proposes candidates in policy order to a filter that claims a frame with a
 *       CAS of its pin count 0 -&gt; -1; a pinned candidate fails the CAS and is skipped. The replacer lock covers
 *       only the drain and the choice; the victim is written back (WAL hook first) with no pool-wide lock held, while
 *       a {@link PendingIo} in the page table makes readers of that page wait for that write only.</li>
 *   <li><b>Misses overlap</b>: a miss puts a {@link PendingIo} for its page into the page table
 *       ({@code putIfAbsent}), gets a frame (free, new, or a victim), reads and verifies the page, then swaps the
 *       frame in. A second thread asking for the same page waits for that load only; misses on other pages run in
 *       parallel.</li>
 *   <li><b>Background writer</b> (optional, one daemon thread {@code rustydb-bgwriter-<name>}): every interval it
 *       writes dirty unpinned pages (pin, read latch, the frame's I/O lock, WAL hook, write). It never throws into
 *       nothing: its last error is kept and thrown by the next {@link #flush()} or {@link #close()}.</li>
 *   <li><b>Prefetch</b>: {@link #prefetch(int)} loads a page on a small shared daemon executor (bounded queue,
 *       excess requests dropped) and leaves it unpinned.</li>
 *   <li>Lock order: page allocation lock, then replacer lock; page latches are never requested while holding the
 *       replacer lock (victims are unpinned, hence unlatched); the lifecycle lock is taken only by close (write) and
 *       by the background writer and prefetch tasks (read, {@code tryLock}), never on the hit or miss path.</li>
 * </ul>
 *
 * <p>Invariants:
 * <ol>
 *   <li>Every frame with pin count &gt;= 0 is tracked by the replacer as evictable; a frame is untracked while its
 *       pin count is -1 (free, loading, evicting).</li>
 *   <li>A page is written only after {@link WalFlushHook#flushUpTo} returned for its page LSN (when &gt; 0); its
 *       checksum is stamped as it is written and verified as it is read ({@link PageChecksum}).</li>
 *   <li>A page is written back by at most one thread at a time: by the owner of its claimed frame, or by a pin
 *       holder that holds the read latch and the frame's {@code ioLock}.</li>
 *   <li>If no frame can be claimed (every frame pinned), a request fails at once with 53200; nothing waits for a
 *       frame. The only waits are on a {@link PendingIo} (one page's I/O) and on page latches.</li>
 *   <li>Page 0 (the file header) is never cached here.</li>
 * </ol>
 */
public final class BufferPool implements AutoCloseable {
    /** The smallest pool: a smaller configured cache is rounded up to this many frames. */
    public static final int MIN_FRAMES = 64;
    /** Default background writer interval, in milliseconds. */
    public static final long DEFAULT_BACKGROUND_WRITER_INTERVAL_MILLIS = 200;
    private static final int SLAB_BYTES = 8 << 20;
    /** Rounds of (free queue, new frame, replacer, scan) before a request gives up with 53200. */
    private static final int CLAIM_ROUNDS = 3;
    /** A mapped frame that stays unpinnable this long means a broken invariant: an error, not a hang. */
    private static final long STUCK_NANOS = 30_000_000_000L;

    private final DiskManager disk;
    private final int pageSize;
    private final int capacity;
    private final int framesPerSlab;
    private final Frame[] frames;
    private volatile int allocatedFrames;
    private final List<ByteBuffer> slabs = new ArrayList<>();
    private final ReentrantLock frameAllocLock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Frame> freeFrames = new ConcurrentLinkedQueue<>();
    /** page number -&gt; {@link Frame} (resident) or {@link PendingIo} (being loaded or written back). */
    private final ConcurrentHashMap<Integer, Object> pageTable;
    private final Replacer replacer;
    private final ReentrantLock replacerLock = new ReentrantLock();
    private final AccessBuffer accesses = new AccessBuffer();
    private final AccessBuffer.Sink replay = this::replayAccess;
    private final Replacer.VictimFilter claim = this::claim;
    private final ReentrantLock allocLock = new ReentrantLock();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder dirtyWrites = new LongAdder();
    private final LongAdder prefetches = new LongAdder();
    private final LongAdder backgroundWrites = new LongAdder();
    private final Executor prefetchExecutor;
    private final BackgroundWriter backgroundWriter;
    private final AtomicReference<DbException> backgroundError = new AtomicReference<>();
    private volatile WalFlushHook walFlushHook = WalFlushHook.NONE;
    private volatile PageLog pageLog;
    private long headerLsn;
    private volatile boolean closing;
    private volatile boolean closed;

    /** A pool over {@code disk} of {@code cacheSizeBytes} using {@code policy}, without a background writer. */
    public BufferPool(DiskManager disk, long cacheSizeBytes, ReplacementPolicyName policy) {
        this(disk, cacheSizeBytes, policy, 0, null);
    }

    /**
     * A pool over {@code disk}.
     *
     * @param cacheSizeBytes rounded down to frames, at least {@link #MIN_FRAMES} frames
     * @param backgroundWriterIntervalMillis the background writer's period; 0 = no background writer
     * @param prefetchExecutor runs {@link #prefetch} loads; null = a small shared daemon executor (tests may pass
     *     {@code Runnable::run} to prefetch synchronously)
     */
    public BufferPool(DiskManager disk, long cacheSizeBytes, ReplacementPolicyName policy,
                      long backgroundWriterIntervalMillis, Executor prefetchExecutor) {
        if (backgroundWriterIntervalMillis < 0) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "background writer interval must be >= 0: " + backgroundWriterIntervalMillis);
        }
        this.disk = disk;
        this.pageSize = disk.pageSize();
        long wanted = Math.max(MIN_FRAMES, cacheSizeBytes / pageSize);
        this.capacity = (int) Math.min(wanted, Integer.MAX_VALUE / 2);
        this.framesPerSlab = Math.max(1, SLAB_BYTES / pageSize);
        this.frames = new Frame[capacity];
        this.pageTable = new ConcurrentHashMap<>(Math.min(capacity, 1 << 16) * 2, 0.75f,
                Math.max(16, Runtime.getRuntime().availableProcessors() * 4));
        this.replacer = policy.create(capacity);
        this.prefetchExecutor = prefetchExecutor != null ? prefetchExecutor : PrefetchExecutor.shared();
        this.backgroundWriter = backgroundWriterIntervalMillis == 0 ? null
                : new BackgroundWriter(this, disk.name(), backgroundWriterIntervalMillis);
        if (backgroundWriter != null) {
            backgroundWriter.start();
        }
    }

    public int pageSize() {
        return pageSize;
    }

    /** The maximum number of frames. */
    public int capacity() {
        return capacity;
    }

    public DiskManager diskManager() {
        return disk;
    }

    /** Installs the WAL's flush hook (see {@link WalFlushHook}). */
    public void setWalFlushHook(WalFlushHook hook) {
        this.walFlushHook = hook == null ? WalFlushHook.NONE : hook;
    }

    /** A snapshot of the counters. */
    public BufferPoolStats stats() {
        return new BufferPoolStats(hits.sum(), misses.sum(), evictions.sum(), dirtyWrites.sum(), prefetches.sum(),
                backgroundWrites.sum(), capacity, allocatedFrames, pageTable.size(), replacer.name());
    }

    /** Whether this pool runs a background writer. */
    public boolean hasBackgroundWriter() {
        return backgroundWriter != null;
    }

    // ------------------------------------------------------------------ guards

    /** Pins and read-latches page {@code pageNo} (reading it from disk on a miss). */
    public ReadPageGuard readPage(int pageNo) {
        Frame f = pin(pageNo);
        try {
            f.latch.readLock().lock();
        } catch (Throwable t) {
            unpin(f);
            throw t;
        }
        return new ReadPageGuard(this, f);
    }

    /** Pins and write-latches page {@code pageNo}; the page is written back later (it is marked dirty). */
    public WritePageGuard writePage(int pageNo) {
        Frame f = pin(pageNo);
        try {
            f.latch.writeLock().lock();
        } catch (Throwable t) {
            unpin(f);
            throw t;
        }
        return new WritePageGuard(this, f);
    }

    /**
     * Recovery only: pins and write-latches page {@code pageNo} for a log record that rewrites it whole (a full
     * page image), reading it without checking its checksum (it may be torn) and zeroing it if it cannot be read
     * at all (allocated but never written). Changes made through it are not logged.
     */
    public WritePageGuard writePageForRecovery(int pageNo) {
        Frame f = pin(pageNo, false);
        try {
            f.latch.writeLock().lock();
        } catch (Throwable t) {
            unpin(f);
            throw t;
        }
        return new WritePageGuard(this, f, false);
    }

    private void readForRecovery(int pageNo, ByteBuffer dst) {
        try {
            disk.readPage(pageNo, dst, 0);
        } catch (DbException e) {
            PageHeader.zero(dst, 0, pageSize); // never written: the full image about to be applied defines it
        }
    }

    /**
     * Installs the write-ahead log's page log: from then on every write guard's change is logged when the guard
     * closes, and every change of the allocation state (free list, page count) as it happens. Null turns it off.
     */
    public void setPageLog(PageLog log) {
        this.pageLog = log;
    }

    PageLog pageLog() {
        return pageLog;
    }

    /**
     * Runs {@code body} as an {@link AtomicPageChange}: the pages it changes are logged as one redo-only record
     * and stay latched until it returns. If it throws, every page it changed is put back as it was.
     */
    public <T> T atomically(java.util.function.Supplier<T> body) {
        AtomicPageChange change = AtomicPageChange.begin(this);
        try {
            T result = body.get();
            change.close();
            return result;
        } catch (RuntimeException | Error e) {
            change.abandon();
            throw e;
        }
    }

    /** Logs the header's allocation state (after a change to it), if a page log is installed. */
    public void logHeader() {
        PageLog log = pageLog;
        if (log != null) {
            long lsn = log.headerChanged(disk.header(), disk.pageCount());
            synchronized (this) {
                headerLsn = Math.max(headerLsn, lsn);
            }
        }
    }

    /**
     * Write-ahead rule for the header: it may be written only once the log holds its state durably. False if the
     * log cannot make it so (it failed): the header on disk must then stay as it is.
     */
    private boolean headerMayBeWritten() {
        long lsn;
        synchronized (this) {
            lsn = headerLsn;
        }
        if (lsn <= 0) {
            return true;
        }
        try {
            walFlushHook.flushUpTo(lsn);
            return true;
        } catch (DbException e) {
            return false;
        }
    }

    /**
     * Allocates a page (the head of the free list, else a new page at the end of the file, which grows in extents)
     * and returns it write-latched, zeroed except for its page number in the header. The caller formats it.
     */
    public WritePageGuard newPage() {
        checkOpen();
        allocLock.lock();
        try {
            DatabaseHeader header = disk.header();
            int head = header.freeListHead();
            if (head != 0) {
                WritePageGuard g = writePage(head);
                try {
                    ByteBuffer b = g.buffer();
                    if (PageHeader.type(b, 0) != PageType.FREE) {
                        throw DbException.corruption(disk.name(), head, "page on the free list has type code "
                                + PageHeader.typeCode(b, 0));
                    }
                    int next = PageHeader.nextPage(b, 0);
                    if (next < 0 || next >= disk.pageCount()) {
                        throw DbException.corruption(disk.name(), head, "free-list link to page " + next
                                + " is out of range");
                    }
                    header.setFreeListHead(next);
                    header.setFreePageCount(Math.max(0, header.freePageCount() - 1));
                    logHeader();
                    PageHeader.format(b, 0, pageSize, head, PageType.UNINITIALIZED);
                    return g;
                } catch (RuntimeException e) {
                    g.close();
                    throw e;
                }
            }
            Frame f = acquireFrame(Replacer.NO_PAGE);
            int pageNo;
            try {
                pageNo = disk.allocatePage();
            } catch (RuntimeException e) {
                releaseFrame(f);
                throw e;
            }
            logHeader();
            // the page number is new: nobody can look it up before it is in the page table
            PageHeader.format(f.buffer, 0, pageSize, pageNo, PageType.UNINITIALIZED);
            f.pageNo = pageNo;
            f.dirty = true;
            f.latch.writeLock().lock();
            track(f, pageNo);
            f.pin.set(1);
            pageTable.put(pageNo, f);
            return new WritePageGuard(this, f);
        } finally {
            allocLock.unlock();
        }
    }

    /**
     * Returns page {@code pageNo} to the free list (zeroing it). The caller must hold no guard on it and must have
     * unlinked it from every structure.
     */
    public void freePage(int pageNo) {
        checkOpen();
        if (AtomicPageChange.current(this) != null) {
            throw new IllegalStateException("free page " + pageNo + " after the atomic change that unlinks it");
        }
        allocLock.lock();
        try {
            DatabaseHeader header = disk.header();
            try (WritePageGuard g = writePage(pageNo)) {
                ByteBuffer b = g.buffer();
                PageHeader.format(b, 0, pageSize, pageNo, PageType.FREE);
                PageHeader.setNextPage(b, 0, header.freeListHead());
            }
            header.setFreeListHead(pageNo);
            header.setFreePageCount(header.freePageCount() + 1);
            logHeader();
        } finally {
            allocLock.unlock();
        }
    }

    // ------------------------------------------------------------------ prefetch

    /**
     * Asks for page {@code pageNo} to be read into the pool asynchronously, without pinning it: a hint for
     * sequential scans. Does nothing if the page is resident or in flight, out of range, or the prefetch queue is
     * full; a failed prefetch is forgotten (a later read of the page reports the error). Never blocks on I/O unless
     * the pool was built with a synchronous executor.
     */
    public void prefetch(int pageNo) {
        if (closing || pageNo <= 0 || pageNo >= disk.pageCount() || pageTable.containsKey(pageNo)) {
            return;
        }
        try {
            prefetchExecutor.execute(() -> runPrefetch(pageNo));
        } catch (RejectedExecutionException e) {
            // the queue is full: prefetch is a hint, drop it
        }
    }

    private void runPrefetch(int pageNo) {
        if (!lifecycle.readLock().tryLock()) {
            return; // closing
        }
        try {
            if (!closing && pageNo < disk.pageCount() && !pageTable.containsKey(pageNo)) {
                load(pageNo, true, true);
            }
        } catch (RuntimeException e) {
            // a hint only: e.g. 53200 (all frames pinned) or a corrupt page, which the reader will then see
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    // ------------------------------------------------------------------ pin / unpin

    private Frame pin(int pageNo) {
        return pin(pageNo, true);
    }

    private Frame pin(int pageNo, boolean verify) {
        checkOpen();
        if (pageNo <= 0 || pageNo >= disk.pageCount()) {
            if (pageNo == 0) {
                throw DbException.internal("page 0 is the file header and is not cached in the buffer pool");
            }
            throw DbException.corruption(disk.name(), pageNo, "page number out of range 1.." + (disk.pageCount() - 1));
        }
        int spins = 0;
        long spinStart = 0;
        for (;;) {
            Object o = pageTable.get(pageNo);
            if (o instanceof Frame) {
                Frame f = (Frame) o;
                if (f.tryPin(pageNo)) {
                    hits.increment();
                    recordHit(f, pageNo);
                    return f;
                }
                // claimed an instant ago: its evictor is swapping in a PendingIo (Frame invariant 2)
                if (++spins < 64) {
                    Thread.onSpinWait();
                    continue;
                }
                if (spinStart == 0) {
                    spinStart = System.nanoTime();
                } else if (System.nanoTime() - spinStart > STUCK_NANOS) {
                    throw DbException.internal("page " + pageNo + " of " + disk.name() + " is mapped to frame "
                            + f.id + " (pin count " + f.pin.get() + ", page " + f.pageNo + ") that cannot be pinned");
                }
                Thread.yield();
            } else if (o instanceof PendingIo) {
                ((PendingIo) o).await();
                checkOpen();
            } else {
                checkOpen();
                Frame f = load(pageNo, false, verify);
                if (f != null) {
                    return f;
                }
            }
        }
    }

    /** Offers the access to the striped buffer; drains into the replacer if the stripe is full and the lock free. */
    private void recordHit(Frame f, int pageNo) {
        if (accesses.offer(f.id, pageNo) && replacerLock.tryLock()) {
            try {
                accesses.drain(replay);
            } finally {
                replacerLock.unlock();
            }
        }
    }

    /** Replays one buffered access; holds the replacer lock. Stale records (the frame moved on) are dropped. */
    private void replayAccess(int frameId, int pageNo) {
        Frame f = frames[frameId];
        if (f.pin.get() >= 0 && f.pageNo == pageNo) {
            replacer.recordAccess(frameId, pageNo);
        }
    }

    /** The victim filter: claims frame {@code id} if it is unpinned (pin count 0 -&gt; -1). */
    private boolean claim(int id) {
        return frames[id].pin.compareAndSet(0, -1);
    }

    /** Tells the replacer that frame {@code f}, still owned (pin -1), now holds {@code pageNo} (invariant 1). */
    private void track(Frame f, int pageNo) {
        replacerLock.lock();
        try {
            replacer.recordAccess(f.id, pageNo);
            replacer.setEvictable(f.id, true);
        } finally {
            replacerLock.unlock();
        }
    }

    private void untrack(Frame f) {
        replacerLock.lock();
        try {
            replacer.remove(f.id);
        } finally {
            replacerLock.unlock();
        }
    }

    /**
     * Reads {@code pageNo} into a frame behind a {@link PendingIo}. Returns the frame pinned once, or unpinned for a
     * prefetch; null if another thread is already loading the page or has it.
     */
    private Frame load(int pageNo, boolean prefetch, boolean verify) {
        PendingIo io = new PendingIo();
        if (pageTable.putIfAbsent(pageNo, io) != null) {
            return null;
        }
        Frame f = null;
        boolean published = false;
        try {
            f = acquireFrame(pageNo);
            f.pageNo = pageNo;
            if (verify) {
                disk.readPage(pageNo, f.buffer, 0);
                PageChecksum.verify(f.buffer, 0, pageSize, pageNo, disk.name());
            } else {
                readForRecovery(pageNo, f.buffer);
            }
            f.dirty = false;
            track(f, pageNo);
            // pinned while it is swapped in: a frame is claimable (pin 0) only while it is in the page table
            // (Frame invariant 6), else an evictor could reuse it before it is mapped under this page
            f.pin.set(1);
            published = pageTable.replace(pageNo, io, f);
            if (!published) {
                return null; // the pool closed, or newPage() took the number: released below, caller retries
            }
            if (prefetch) {
                prefetches.increment();
                unpin(f);
            } else {
                misses.increment();
            }
            return f;
        } finally {
            if (!published) {
                pageTable.remove(pageNo, io);
                if (f != null) {
                    if (f.pin.get() >= 0) {
                        untrack(f); // never mapped: take back the pin (only transient pins can race us)
                        while (!f.pin.compareAndSet(1, -1)) {
                            Thread.onSpinWait();
                        }
                    }
                    releaseFrame(f); // a failed read is not cached: every later read fails the same way
                }
            }
            io.complete();
        }
    }

    /**
     * A frame in state -1, owned by the caller and in no structure: a free one, a new one, or an evicted victim.
     *
     * @throws DbException 53200 if every frame is pinned; the victim's write-back error if that fails
     */
    private Frame acquireFrame(long incomingPageNo) {
        for (int round = 1; ; round++) {
            Frame f = freeFrames.poll();
            if (f != null) {
                return f;
            }
            f = allocateFrame();
            if (f != null) {
                return f;
            }
            f = claimVictim(incomingPageNo);
            if (f != null) {
                evictClaimed(f);
                return f;
            }
            if (round == CLAIM_ROUNDS) {
                throw new DbException(ErrorCode.OUT_OF_MEMORY,
                        "no free buffer frame: all " + capacity + " frames are pinned");
            }
            Thread.yield();
        }
    }

    /** Claims (pin 0 -&gt; -1) a victim chosen by the replacer, or any unpinned frame; null if all are pinned. */
    private Frame claimVictim(long incomingPageNo) {
        int id;
        replacerLock.lock();
        try {
            accesses.drain(replay);
            id = replacer.evict(incomingPageNo, claim);
        } finally {
            replacerLock.unlock();
        }
        if (id != Replacer.NO_FRAME) {
            return frames[id];
        }
        // the replacer offered every tracked frame and all were pinned at that moment; one may be free by now
        int n = allocatedFrames;
        for (int i = 0; i < n; i++) {
            Frame v = frames[i];
            if (v.pin.get() == 0 && v.pin.compareAndSet(0, -1)) {
                untrack(v);
                return v;
            }
        }
        return null;
    }

    /**
     * Writes back (if dirty) and unmaps claimed victim {@code v}, with no pool-wide lock held. Readers of its page
     * wait on a {@link PendingIo} until the page is on disk. If the write fails the frame is restored (resident,
     * unpinned, tracked) and the error is thrown: the data is still only here.
     */
    private void evictClaimed(Frame v) {
        int p = v.pageNo;
        if (!v.dirty) {
            pageTable.remove(p, v);
            evictions.increment();
            return;
        }
        PendingIo io = new PendingIo();
        boolean mapped = pageTable.replace(p, v, io);
        boolean written = false;
        try {
            writeBack(v);
            written = true;
        } finally {
            if (written) {
                if (mapped) {
                    pageTable.remove(p, io);
                }
                evictions.increment();
            } else {
                if (mapped) {
                    pageTable.replace(p, io, v);
                }
                track(v, p);
                v.pin.set(0);
            }
            io.complete();
        }
    }

    /** A never-used frame, or null if all {@link #capacity()} frames exist. */
    private Frame allocateFrame() {
        if (allocatedFrames >= capacity) {
            return null;
        }
        frameAllocLock.lock();
        try {
            int id = allocatedFrames;
            if (id >= capacity) {
                return null;
            }
            int slabIndex = id / framesPerSlab;
            if (slabIndex == slabs.size()) {
                int framesInSlab = Math.min(framesPerSlab, capacity - id);
                try {
                    slabs.add(ByteBuffer.allocateDirect(framesInSlab * pageSize));
                } catch (OutOfMemoryError e) {
                    throw new DbException(ErrorCode.OUT_OF_MEMORY, e, "cannot allocate " + framesInSlab * pageSize
                            + " bytes of direct memory for the buffer pool (reduce the cache size or raise "
                            + "-XX:MaxDirectMemorySize)");
                }
            }
            ByteBuffer slab = slabs.get(slabIndex);
            int off = (id % framesPerSlab) * pageSize;
            Frame f = new Frame(id, slab.slice(off, pageSize));
            frames[id] = f;
            allocatedFrames = id + 1; // publishes frames[id]
            return f;
        } finally {
            frameAllocLock.unlock();
        }
    }

    /** Returns an owned frame (-1) that holds no page to the free queue. */
    private void releaseFrame(Frame f) {
        f.pageNo = 0;
        f.dirty = false;
        freeFrames.offer(f);
    }

    /** Drops one pin. The replacer is not told: eviction skips pinned frames by their pin count. */
    void unpin(Frame f) {
        if (f.pin.decrementAndGet() < 0) {
            throw DbException.internal("pin count of frame " + f.id + " went negative");
        }
    }

    // ------------------------------------------------------------------ write back

    /** Writes frame {@code f}; the caller owns it (-1), or holds a pin, the read latch and its ioLock. */
    private void writeBack(Frame f) {
        long lsn = PageHeader.lsn(f.buffer, 0);
        if (lsn > 0) {
            walFlushHook.flushUpTo(lsn);
        }
        PageChecksum.stamp(f.buffer, 0, pageSize);
        disk.writePage(f.pageNo, f.buffer, 0);
        f.dirty = false;
        dirtyWrites.increment();
    }

    /**
     * Writes dirty pages. The flush writes every dirty page, waiting for latches; the background writer only
     * unpinned ones whose read latch is free at once. Frames being loaded or evicted are skipped (their owner
     * writes them; {@link #awaitPendingIo()} waits for that).
     */
    private void writeDirtyPages(boolean background) {
        int n = allocatedFrames;
        for (int i = 0; i < n; i++) {
            Frame f = frames[i];
            if (!f.dirty || (background && f.pin.get() != 0)) {
                continue;
            }
            int pageNo = f.pageNo;
            if (!f.tryPin(pageNo)) {
                continue;
            }
            try {
                Lock read = f.latch.readLock();
                if (background) {
                    if (!read.tryLock()) {
                        continue;
                    }
                } else {
                    read.lock();
                }
                try {
                    f.ioLock.lock();
                    try {
                        if (f.dirty) {
                            writeBack(f);
                            if (background) {
                                backgroundWrites.increment();
                            }
                        }
                    } finally {
                        f.ioLock.unlock();
                    }
                } finally {
                    read.unlock();
                }
            } finally {
                unpin(f);
            }
        }
    }

    /** Waits for every load and eviction write-back in flight when called. */
    private void awaitPendingIo() {
        for (Object o : pageTable.values()) {
            if (o instanceof PendingIo) {
                ((PendingIo) o).await();
            }
        }
    }

    /** The background writer's last error not yet reported by a flush or close (for tests). */
    DbException lastBackgroundError() {
        return backgroundError.get();
    }

    /** One round of the background writer; records instead of throwing. */
    void backgroundRound() {
        if (!lifecycle.readLock().tryLock()) {
            return;
        }
        try {
            if (!closing) {
                writeDirtyPages(true);
            }
        } catch (DbException e) {
            backgroundError.set(e);
        } catch (RuntimeException | Error e) {
            backgroundError.set(new DbException(ErrorCode.INTERNAL_ERROR, e, "background writer of " + disk.name()
                    + " failed: " + e));
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Writes every dirty page, then the header, and forces the file (the durability point until the WAL exists).
     *
     * @throws DbException the background writer's last error, if it failed since the last flush (after flushing)
     */
    public void flush() {
        checkOpen();
        DbException background = backgroundError.getAndSet(null);
        try {
            writeDirtyPages(false);
            awaitPendingIo();
            long lsn;
            synchronized (this) {
                lsn = headerLsn;
            }
            if (lsn > 0) {
                walFlushHook.flushUpTo(lsn);
            }
            disk.sync();
        } catch (RuntimeException e) {
            if (background != null) {
                e.addSuppressed(background);
            }
            throw e;
        }
        if (background != null) {
            throw background;
        }
    }

    /**
     * Stops the background writer, flushes and closes the disk manager; idempotent. Frame memory is released when
     * the pool is collected.
     *
     * @throws DbException the background writer's last unreported error, after everything is closed
     */
    @Override
    public void close() {
        closing = true;
        if (backgroundWriter != null) {
            backgroundWriter.requestStop();
        }
        RuntimeException failure = null;
        lifecycle.writeLock().lock(); // waits for a background round or prefetch in progress
        try {
            if (closed) {
                return;
            }
            try {
                writeDirtyPages(false);
                awaitPendingIo();
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                closed = true;
                pageTable.clear();
                try {
                    if (failure == null && headerMayBeWritten()) {
                        disk.close();
                    } else {
                        disk.closeWithoutHeader();
                    }
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        } finally {
            lifecycle.writeLock().unlock();
            if (backgroundWriter != null) {
                backgroundWriter.join();
            }
        }
        DbException background = backgroundError.getAndSet(null);
        if (failure != null) {
            if (background != null) {
                failure.addSuppressed(background);
            }
            throw failure;
        }
        if (background != null) {
            throw background;
        }
    }

    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() {
        if (closed) {
            throw new DbException(ErrorCode.OBJECT_CLOSED, "buffer pool of " + disk.name());
        }
    }
}
