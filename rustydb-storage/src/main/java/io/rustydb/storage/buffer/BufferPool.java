package io.rustydb.storage.buffer;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.storage.file.DatabaseHeader;
import io.rustydb.storage.file.DiskManager;
import io.rustydb.storage.page.PageChecksum;
import io.rustydb.storage.page.PageHeader;
import io.rustydb.storage.page.PageType;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Caches pages of one {@link DiskManager} in off-heap frames and hands them out through page guards.
 *
 * <p>Memory: frames are page-sized slices of {@code ByteBuffer.allocateDirect} slabs (up to 8 MiB each), allocated
 * lazily as the pool fills, up to {@code cacheSizeBytes / pageSize} frames (at least {@link #MIN_FRAMES}).
 *
 * <p>Concurrency:
 * <ul>
 *   <li>Hit path: a {@link ConcurrentHashMap} page table lookup and a CAS on the frame's pin count (no pool-wide
 *       lock), then a short critical section on the replacer lock to record the access.</li>
 *   <li>Miss path, eviction and page allocation from the file are serialised by the miss lock, which is also held
 *       while the victim is written back and the page is read. (Next step: per-page load latches so misses on
 *       different pages overlap their I/O.)</li>
 *   <li>Lock order: allocation lock, then miss lock, then replacer lock; page latches are never requested while
 *       holding the miss or replacer lock (victims are unpinned, hence unlatched).</li>
 * </ul>
 *
 * <p>Rules: a page is written only after {@link WalFlushHook#flushUpTo} returned for its page LSN (when &gt; 0); its
 * checksum is stamped as it is written and verified as it is read ({@link PageChecksum}); if every frame is pinned a
 * request fails at once with 53200. Page 0 (the file header) is never cached here.
 */
public final class BufferPool implements AutoCloseable {
    /** The smallest pool: a smaller configured cache is rounded up to this many frames. */
    public static final int MIN_FRAMES = 64;
    private static final int SLAB_BYTES = 8 << 20;

    private final DiskManager disk;
    private final int pageSize;
    private final int capacity;
    private final int framesPerSlab;
    private final Frame[] frames;
    private volatile int allocatedFrames;
    private final List<ByteBuffer> slabs = new ArrayList<>();
    private final ArrayDeque<Frame> freeFrames = new ArrayDeque<>();
    private final ConcurrentHashMap<Integer, Frame> pageTable;
    private final Replacer replacer;
    private final ReentrantLock replacerLock = new ReentrantLock();
    private final ReentrantLock missLock = new ReentrantLock();
    private final ReentrantLock allocLock = new ReentrantLock();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder dirtyWrites = new LongAdder();
    private volatile WalFlushHook walFlushHook = WalFlushHook.NONE;
    private volatile boolean closed;

    /** A pool over {@code disk} of {@code cacheSizeBytes} (rounded to frames, at least 64) using {@code policy}. */
    public BufferPool(DiskManager disk, long cacheSizeBytes, ReplacementPolicyName policy) {
        this.disk = disk;
        this.pageSize = disk.pageSize();
        long wanted = Math.max(MIN_FRAMES, cacheSizeBytes / pageSize);
        this.capacity = (int) Math.min(wanted, Integer.MAX_VALUE / 2);
        this.framesPerSlab = Math.max(1, SLAB_BYTES / pageSize);
        this.frames = new Frame[capacity];
        this.pageTable = new ConcurrentHashMap<>(Math.min(capacity, 1 << 16) * 2, 0.75f,
                Math.max(16, Runtime.getRuntime().availableProcessors() * 4));
        this.replacer = policy.create(capacity);
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
        return new BufferPoolStats(hits.sum(), misses.sum(), evictions.sum(), dirtyWrites.sum(), capacity,
                allocatedFrames, pageTable.size(), replacer.name());
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
                    PageHeader.format(b, 0, pageSize, head, PageType.UNINITIALIZED);
                    return g;
                } catch (RuntimeException e) {
                    g.close();
                    throw e;
                }
            }
            Frame f;
            missLock.lock();
            try {
                f = acquireFrame(Long.MIN_VALUE);
                int pageNo;
                try {
                    pageNo = disk.allocatePage();
                } catch (RuntimeException e) {
                    freeFrames.push(f);
                    throw e;
                }
                PageHeader.format(f.buffer, 0, pageSize, pageNo, PageType.UNINITIALIZED);
                f.pageNo = pageNo;
                f.dirty = true;
                f.pin.set(1);
                pageTable.put(pageNo, f);
                touch(f, pageNo);
            } finally {
                missLock.unlock();
            }
            f.latch.writeLock().lock();
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
        } finally {
            allocLock.unlock();
        }
    }

    // ------------------------------------------------------------------ pin / unpin

    private Frame pin(int pageNo) {
        checkOpen();
        if (pageNo <= 0 || pageNo >= disk.pageCount()) {
            if (pageNo == 0) {
                throw DbException.internal("page 0 is the file header and is not cached in the buffer pool");
            }
            throw DbException.corruption(disk.name(), pageNo, "page number out of range 1.." + (disk.pageCount() - 1));
        }
        for (;;) {
            Frame f = pageTable.get(pageNo);
            if (f != null) {
                if (f.tryPin(pageNo)) {
                    hits.increment();
                    touch(f, pageNo);
                    return f;
                }
                if (f.pin.get() >= 0) {
                    // the frame changed pages under us; our transient pin may have hidden it from an evictor
                    syncEvictable(f);
                    continue;
                }
                // being evicted (under the miss lock): wait for that in load()
            }
            f = load(pageNo);
            if (f != null) {
                return f;
            }
        }
    }

    /** Reads {@code pageNo} into a frame; returns it pinned, or null if another thread loaded it first. */
    private Frame load(int pageNo) {
        missLock.lock();
        try {
            checkOpen();
            if (pageTable.containsKey(pageNo)) {
                return null;
            }
            Frame f = acquireFrame(pageNo);
            try {
                f.pageNo = pageNo;
                disk.readPage(pageNo, f.buffer, 0);
                PageChecksum.verify(f.buffer, 0, pageSize, pageNo, disk.name());
            } catch (RuntimeException e) {
                f.pageNo = 0;
                freeFrames.push(f);
                throw e;
            }
            misses.increment();
            f.dirty = false;
            f.pin.set(1);
            pageTable.put(pageNo, f);
            touch(f, pageNo);
            return f;
        } finally {
            missLock.unlock();
        }
    }

    /** A frame in state -1 (not in the page table): a free one, a new one, or an evicted one. Holds missLock. */
    private Frame acquireFrame(long incomingPageNo) {
        Frame f = freeFrames.poll();
        if (f != null) {
            return f;
        }
        if (allocatedFrames < capacity) {
            return allocateFrame();
        }
        for (int attempt = 0; attempt < capacity; attempt++) {
            int victim;
            replacerLock.lock();
            try {
                victim = replacer.evict(incomingPageNo);
            } finally {
                replacerLock.unlock();
            }
            if (victim == Replacer.NO_FRAME) {
                break;
            }
            Frame v = frames[victim];
            if (v.pin.compareAndSet(0, -1)) {
                evict(v);
                return v;
            }
            // pinned after it became a victim: track it again; its unpin will make it evictable
            replacerLock.lock();
            try {
                replacer.recordAccess(v.id, v.pageNo);
                replacer.setEvictable(v.id, v.pin.get() == 0);
            } finally {
                replacerLock.unlock();
            }
        }
        // fallback: the replacer's view may lag the pin counts under concurrency; scan for any unpinned frame
        for (int i = 0; i < allocatedFrames; i++) {
            Frame v = frames[i];
            if (v.pin.get() == 0 && v.pin.compareAndSet(0, -1)) {
                replacerLock.lock();
                try {
                    replacer.remove(v.id);
                } finally {
                    replacerLock.unlock();
                }
                evict(v);
                return v;
            }
        }
        throw new DbException(ErrorCode.OUT_OF_MEMORY,
                "no free buffer frame: all " + capacity + " frames are pinned");
    }

    /** Writes back (if dirty) and unmaps victim {@code v}, whose pin count is -1. Holds missLock. */
    private void evict(Frame v) {
        if (v.dirty) {
            try {
                writeBack(v);
            } catch (RuntimeException e) {
                // keep the page: back to unpinned and evictable, the data is still only here
                v.pin.set(0);
                replacerLock.lock();
                try {
                    replacer.recordAccess(v.id, v.pageNo);
                    replacer.setEvictable(v.id, v.pin.get() == 0);
                } finally {
                    replacerLock.unlock();
                }
                throw e;
            }
        }
        pageTable.remove(v.pageNo, v);
        evictions.increment();
    }

    private Frame allocateFrame() {
        int id = allocatedFrames;
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
        allocatedFrames = id + 1;
        return f;
    }

    /** Records an access of pinned frame {@code f} and syncs its evictability. */
    private void touch(Frame f, int pageNo) {
        replacerLock.lock();
        try {
            replacer.recordAccess(f.id, pageNo);
            replacer.setEvictable(f.id, f.pin.get() == 0);
        } finally {
            replacerLock.unlock();
        }
    }

    private void syncEvictable(Frame f) {
        replacerLock.lock();
        try {
            replacer.setEvictable(f.id, f.pin.get() == 0);
        } finally {
            replacerLock.unlock();
        }
    }

    /** Drops one pin; when the count reaches 0 the frame becomes evictable. */
    void unpin(Frame f) {
        int c = f.pin.decrementAndGet();
        if (c == 0) {
            syncEvictable(f);
        } else if (c < 0) {
            throw DbException.internal("pin count of frame " + f.id + " went negative");
        }
    }

    // ------------------------------------------------------------------ write back

    /** Writes frame {@code f}; caller holds a pin and the read latch, or f is an unpinned victim. */
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

    /** Writes every dirty page, then the header, and forces the file (the durability point until the WAL exists). */
    public void flush() {
        checkOpen();
        flushPages();
        disk.sync();
    }

    private void flushPages() {
        int n = allocatedFrames;
        for (int i = 0; i < n; i++) {
            Frame f = frames[i];
            if (!f.dirty) {
                continue;
            }
            int pageNo = f.pageNo;
            if (!f.tryPin(pageNo)) {
                continue; // being evicted: the evictor writes it
            }
            try {
                f.latch.readLock().lock();
                try {
                    if (f.dirty) {
                        writeBack(f);
                    }
                } finally {
                    f.latch.readLock().unlock();
                }
            } finally {
                unpin(f);
            }
        }
    }

    /** Flushes and closes the disk manager; idempotent. Frame memory is released when the pool is collected. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            flushPages();
        } finally {
            closed = true;
            pageTable.clear();
            disk.close();
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
