package io.rustydb.storage.heap;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.storage.buffer.BufferPool;
import io.rustydb.storage.buffer.ReadPageGuard;
import io.rustydb.storage.buffer.WritePageGuard;
import io.rustydb.storage.page.PageType;
import io.rustydb.storage.page.SlottedPage;
import io.rustydb.storage.wal.CurrentLog;
import io.rustydb.storage.wal.TupleChange;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A table's rows: a chain of heap pages ({@link HeapPage}) starting at {@link #firstPageNo()}, with stable row ids.
 *
 * <p>Operations and their page latches (never more than one page latched at a time, except a brand-new page while
 * it is linked):
 * <ul>
 *   <li>{@link #insert}: into a page known to have space (a hint left by deletes in this session), else the tail
 *       page, else a new page appended under the append lock.</li>
 *   <li>{@link #update}: at home if the new bytes fit the home page (a moved row moves back), else in place where
 *       a moved row lives, else the row moves to another page as a MOVED tuple and its home slot becomes a
 *       REDIRECT (at most one hop). The row id never changes and is always returned.</li>
 *   <li>{@link #delete}: frees the slot (and the MOVED tuple, if any); the slot may be reused by a later insert.</li>
 * </ul>
 * Writers to the same row are serialised by a striped row lock; concurrent writers to different rows only share page
 * latches. Thread-safe. {@link #tupleCount()} is exact while the heap is open and is persisted, approximately, at
 * flush.
 *
 * <p>Free space: pages with at least a quarter of a page free are kept in an in-memory hint queue (filled by deletes
 * and shrinking updates); an insert into a hinted page keeps it hinted while it fits another tuple of that size. Nothing about free space is stored on disk; instead, after {@link #open} the hints
 * are rebuilt lazily: an insert that finds the queue empty walks the next pages of the chain (at most
 * {@value #REBUILD_PAGES_PER_STEP} per insert, stopping at the first page with room, prefetching ahead) until the
 * whole chain has been seen once. So space freed before a close is reused after the reopen, no insert pays for more
 * than one bounded step, and the file format needs no free-space map. (A persistent free-space map would avoid the
 * one-time walk for very large heaps; the hint queue would stay its cache.)
 */
public final class TableHeap {
    private static final int ROW_LOCK_STRIPES = 64;
    private static final long NO_TARGET = -1;
    /** Pages examined per insert while rebuilding free-space hints after an open. */
    static final int REBUILD_PAGES_PER_STEP = 64;

    private final BufferPool pool;
    private final int firstPageNo;
    private final int pageSize;
    private final int maxTupleLength;
    private volatile int tailPageNo;
    private final AtomicLong tupleCount;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final ReentrantLock[] rowLocks = new ReentrantLock[ROW_LOCK_STRIPES];
    private final ConcurrentLinkedQueue<Integer> spaceHints = new ConcurrentLinkedQueue<>();
    private final Set<Integer> hinted = ConcurrentHashMap.newKeySet();
    private final ReentrantLock rebuildLock = new ReentrantLock();
    /** The next chain page the free-space rebuild examines; 0 = done (or a new heap). Written under rebuildLock. */
    private volatile int rebuildNext;
    private int rebuildVisited;

    private TableHeap(BufferPool pool, int firstPageNo, int tailPageNo, long tupleCount, boolean rebuildHints) {
        this.rebuildNext = rebuildHints ? firstPageNo : 0;
        this.pool = pool;
        this.firstPageNo = firstPageNo;
        this.pageSize = pool.pageSize();
        this.maxTupleLength = SlottedPage.maxTupleLength(pageSize) - HeapPage.MOVED_PREFIX;
        this.tailPageNo = tailPageNo;
        this.tupleCount = new AtomicLong(tupleCount);
        for (int i = 0; i < rowLocks.length; i++) {
            rowLocks[i] = new ReentrantLock();
        }
    }

    /** Creates an empty heap (one page). Prefer {@code StorageEngine.createHeap()}, which caches the instance. */
    public static TableHeap create(BufferPool pool) {
        int pageNo;
        try (WritePageGuard g = pool.newPage()) {
            pageNo = g.pageNo();
            SlottedPage sp = g.slotted(new SlottedPage());
            sp.init(pageNo, PageType.HEAP);
            sp.putAuxInt(HeapPage.OWNER_OFFSET, pageNo);
            sp.putAuxInt(HeapPage.TAIL_OFFSET, pageNo);
            sp.putAuxLong(HeapPage.TUPLE_COUNT_OFFSET, 0);
        }
        return new TableHeap(pool, pageNo, pageNo, 0, false);
    }

    /**
     * Opens the heap whose first page is {@code firstPageNo}. Prefer {@code StorageEngine.openHeap}, which keeps one
     * instance per heap (two instances of one heap would keep separate tails and counts).
     *
     * @throws DbException XX001 if that page is not the first page of a heap
     */
    public static TableHeap open(BufferPool pool, int firstPageNo) {
        if (firstPageNo <= 0 || firstPageNo >= pool.diskManager().pageCount()) {
            throw DbException.corruption(pool.diskManager().name(), firstPageNo,
                    "table heap page number out of range 1.." + (pool.diskManager().pageCount() - 1));
        }
        try (ReadPageGuard g = pool.readPage(firstPageNo)) {
            SlottedPage sp = g.slotted(new SlottedPage());
            if (sp.pageType() != PageType.HEAP || sp.getAuxInt(HeapPage.OWNER_OFFSET) != firstPageNo) {
                throw DbException.corruption(pool.diskManager().name(), firstPageNo,
                        "not the first page of a table heap (type " + sp.pageType() + ")");
            }
            int tail = sp.getAuxInt(HeapPage.TAIL_OFFSET);
            if (tail <= 0 || tail >= pool.diskManager().pageCount()) {
                throw DbException.corruption(pool.diskManager().name(), firstPageNo, "invalid tail page " + tail);
            }
            long count = Math.max(0, sp.getAuxLong(HeapPage.TUPLE_COUNT_OFFSET));
            return new TableHeap(pool, firstPageNo, chainEnd(pool, firstPageNo, tail), count, true);
        }
    }

    /**
     * The real last page of the chain, from the recorded tail: a new page is linked from the old tail before the
     * first page records it as the tail (two log records), so a crash in between leaves the recorded tail one page
     * short. Appending after a stale tail would overwrite its link and lose the pages behind it.
     */
    private static int chainEnd(BufferPool pool, int firstPageNo, int recordedTail) {
        int tail = recordedTail;
        SlottedPage sp = new SlottedPage();
        for (int steps = 0; ; steps++) {
            int next;
            try (ReadPageGuard g = pool.readPage(tail)) {
                g.slotted(sp);
                if (sp.pageType() != PageType.HEAP || sp.getAuxInt(HeapPage.OWNER_OFFSET) != firstPageNo) {
                    throw DbException.corruption(pool.diskManager().name(), tail, "page of type " + sp.pageType()
                            + " found at the end of the chain of table heap " + firstPageNo);
                }
                next = sp.nextPageNo();
            }
            if (next == 0) {
                return tail;
            }
            if (next < 0 || next >= pool.diskManager().pageCount() || steps > pool.diskManager().pageCount()) {
                throw DbException.corruption(pool.diskManager().name(), tail, "the chain of table heap "
                        + firstPageNo + " runs past its tail into page " + next);
            }
            tail = next;
        }
    }

    public int firstPageNo() {
        return firstPageNo;
    }

    /** The largest tuple this heap stores (one empty page minus the header, a slot and the relocation prefix). */
    public int maxTupleLength() {
        return maxTupleLength;
    }

    /** Number of live rows: exact while open (rows of this instance), persisted approximately at flush. */
    public long tupleCount() {
        return tupleCount.get();
    }

    // ------------------------------------------------------------------ insert

    /**
     * Stores {@code tuple} and returns its row id.
     *
     * @throws DbException 54000 if the tuple is larger than {@link #maxTupleLength()}
     */
    public long insert(byte[] tuple) {
        return insert(tuple, null);
    }

    /**
     * Stores {@code tuple} and returns its row id; if the inserting transaction is rolled back, the tuple is not
     * removed but has {@code undoPatch} written over its first bytes (an MVCC heap marks the version as never
     * visible, so that its slot is not reused while index entries may still name it; vacuum removes it). A null
     * patch frees the slot on rollback, as {@link #insert(byte[])} does.
     *
     * @throws DbException 54000 if the tuple is larger than {@link #maxTupleLength()}
     */
    public long insert(byte[] tuple, byte[] undoPatch) {
        checkLength(tuple.length);
        long id = insertTuple(tuple, SlottedPage.FLAG_NORMAL, 0L, undoPatch);
        tupleCount.incrementAndGet();
        return id;
    }

    private void checkLength(int length) {
        if (length > maxTupleLength) {
            throw new DbException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "row of " + length
                    + " bytes exceeds the page capacity of " + maxTupleLength + " bytes");
        }
    }

    private long insertTuple(byte[] data, int flags, long home, byte[] undoPatch) {
        int length = data.length + (flags == SlottedPage.FLAG_MOVED ? HeapPage.MOVED_PREFIX : 0);
        SlottedPage sp = new SlottedPage();
        Integer hint;
        do {
            while ((hint = spaceHints.poll()) != null) {
                hinted.remove(hint);
                long id = tryInsertInto(hint, sp, data, length, flags, home, true, undoPatch);
                if (id >= 0) {
                    return id;
                }
            }
        } while (rebuildHintsStep(sp));
        for (;;) {
            int tail = tailPageNo;
            long id = tryInsertInto(tail, sp, data, length, flags, home, false, undoPatch);
            if (id >= 0) {
                return id;
            }
            appendLock.lock();
            try {
                if (tail == tailPageNo) {
                    return appendAndInsert(sp, data, length, flags, home, undoPatch);
                }
            } finally {
                appendLock.unlock();
            }
        }
    }

    private long tryInsertInto(int pageNo, SlottedPage sp, byte[] data, int length, int flags, long home,
                               boolean rehint, byte[] undoPatch) {
        try (WritePageGuard g = pool.writePage(pageNo)) {
            g.slotted(sp);
            checkOwnership(sp, pageNo);
            int slot = sp.allocate(length, flags);
            if (slot < 0) {
                return -1;
            }
            writeTuple(sp, slot, data, flags, home);
            announceInsert(pageNo, slot, flags, undoPatch);
            // keep filling a hinted page while it still fits another tuple like this one
            if (rehint && pageNo != tailPageNo
                    && sp.totalFreeSpace() >= SlottedPage.allocationSize(length) + SlottedPage.SLOT_SIZE
                    && hinted.add(pageNo)) {
                spaceHints.add(pageNo);
            }
            return RowIds.of(pageNo, slot);
        }
    }

    /** The undo of an insert: free the slot, or (with a patch, normal tuples only) overwrite the tuple's start. */
    private static void announceInsert(int pageNo, int slot, int flags, byte[] undoPatch) {
        if (undoPatch != null && flags == SlottedPage.FLAG_NORMAL) {
            TupleChange.announce(pageNo, TupleChange.PATCHED, slot, flags, 0, undoPatch);
        } else {
            TupleChange.announce(pageNo, TupleChange.INSERTED, slot, flags, 0, null);
        }
    }

    private static void writeTuple(SlottedPage sp, int slot, byte[] data, int flags, long home) {
        ByteBuffer b = sp.buffer();
        int off = sp.tupleOffset(slot);
        if (flags == SlottedPage.FLAG_MOVED) {
            b.putLong(off, home);
            off += HeapPage.MOVED_PREFIX;
        }
        b.put(off, data, 0, data.length);
    }

    /**
     * Appends a page holding the tuple; caller holds the append lock. The new page and the links to it are logged
     * redo-only (outside the transaction): once linked, other transactions may store rows in it, so a rollback
     * must not unlink it. Only the tuple is the transaction's change.
     */
    private long appendAndInsert(SlottedPage sp, byte[] data, int length, int flags, long home, byte[] undoPatch) {
        int oldTail = chainEnd(pool, firstPageNo, tailPageNo); // never overwrite a link (see chainEnd)
        tailPageNo = oldTail;
        int newPageNo;
        try (CurrentLog.Scope redoOnly = CurrentLog.enter(null);
             WritePageGuard g = pool.newPage()) {
            newPageNo = g.pageNo();
            g.slotted(sp);
            sp.init(newPageNo, PageType.HEAP);
            sp.putAuxInt(HeapPage.OWNER_OFFSET, firstPageNo);
        }
        long id;
        try (WritePageGuard g = pool.writePage(newPageNo)) {
            g.slotted(sp);
            int slot = sp.allocate(length, flags);
            if (slot < 0) {
                throw DbException.internal("tuple of " + length + " bytes does not fit an empty page");
            }
            writeTuple(sp, slot, data, flags, home);
            announceInsert(newPageNo, slot, flags, undoPatch);
            id = RowIds.of(newPageNo, slot);
        }
        try (CurrentLog.Scope redoOnly = CurrentLog.enter(null)) {
            try (WritePageGuard g = pool.writePage(oldTail)) {
                g.slotted(sp).setNextPageNo(newPageNo);
            }
            try (WritePageGuard g = pool.writePage(firstPageNo)) {
                g.slotted(sp).putAuxInt(HeapPage.TAIL_OFFSET, newPageNo);
            }
        }
        tailPageNo = newPageNo;
        return id;
    }

    /**
     * One step of the free-space rebuild after an open: examines up to {@value #REBUILD_PAGES_PER_STEP} chain pages
     * from where the last step stopped, hinting those with room. True if it hinted a page. Skipped (false) while
     * another thread runs a step.
     */
    private boolean rebuildHintsStep(SlottedPage sp) {
        if (rebuildNext == 0 || !rebuildLock.tryLock()) {
            return false;
        }
        try {
            int pageNo = rebuildNext;
            boolean found = false;
            for (int n = 0; pageNo != 0 && n < REBUILD_PAGES_PER_STEP && !found; n++) {
                if (++rebuildVisited > pool.diskManager().pageCount()) {
                    throw DbException.corruption(pool.diskManager().name(), pageNo,
                            "the chain of table heap " + firstPageNo + " has a cycle");
                }
                int next;
                try (ReadPageGuard g = pool.readPage(pageNo)) {
                    g.slotted(sp);
                    checkOwnership(sp, pageNo);
                    next = sp.nextPageNo();
                    if (pageNo != tailPageNo && sp.totalFreeSpace() >= pageSize / 4 && hinted.add(pageNo)) {
                        spaceHints.add(pageNo);
                        found = true;
                    }
                }
                if (next != 0) {
                    pool.prefetch(next);
                }
                pageNo = next;
            }
            rebuildNext = pageNo;
            return found;
        } finally {
            rebuildLock.unlock();
        }
    }

    private void hint(int pageNo, SlottedPage sp) {
        if (pageNo != tailPageNo && sp.totalFreeSpace() >= pageSize / 4 && hinted.add(pageNo)) {
            spaceHints.add(pageNo);
        }
    }

    // ------------------------------------------------------------------ read

    /** A copy of the row's bytes, or null if the row id names no live row of this heap. */
    public byte[] read(long rowId) {
        int pageNo = RowIds.pageNo(rowId);
        int slot = RowIds.slot(rowId);
        if (!inRange(pageNo)) {
            return null;
        }
        SlottedPage sp = new SlottedPage();
        for (int attempt = 0; attempt < 100; attempt++) {
            long target;
            try (ReadPageGuard g = pool.readPage(pageNo)) {
                g.slotted(sp);
                if (!owns(sp) || !sp.isLive(slot)) {
                    return null;
                }
                int flags = sp.flags(slot);
                if (flags == SlottedPage.FLAG_NORMAL) {
                    return sp.read(slot);
                }
                if (flags == SlottedPage.FLAG_MOVED) {
                    return null; // not a home row id
                }
                target = sp.buffer().getLong(sp.tupleOffset(slot));
            }
            byte[] moved = readMoved(target, rowId, sp);
            if (moved != null) {
                return moved;
            }
            // the row moved again (or was deleted) between the two reads: look at the home slot again
        }
        throw DbException.corruption(pool.diskManager().name(), pageNo,
                "row " + RowIds.toString(rowId) + " has a dangling forward pointer");
    }

    private byte[] readMoved(long target, long home, SlottedPage sp) {
        int tp = RowIds.pageNo(target);
        int ts = RowIds.slot(target);
        if (!inRange(tp)) {
            return null;
        }
        try (ReadPageGuard g = pool.readPage(tp)) {
            g.slotted(sp);
            if (!isMovedFrom(sp, ts, home)) {
                return null;
            }
            int off = sp.tupleOffset(ts) + HeapPage.MOVED_PREFIX;
            byte[] out = new byte[sp.tupleLength(ts) - HeapPage.MOVED_PREFIX];
            sp.buffer().get(off, out, 0, out.length);
            return out;
        }
    }

    private boolean isMovedFrom(SlottedPage sp, int slot, long home) {
        return owns(sp) && sp.isLive(slot) && sp.flags(slot) == SlottedPage.FLAG_MOVED
                && sp.buffer().getLong(sp.tupleOffset(slot)) == home;
    }

    // ------------------------------------------------------------------ update / delete

    /**
     * Replaces the row's bytes. The row id never changes: the row is updated in place, or moved to another page
     * behind a forward pointer.
     *
     * @return {@code rowId}, or -1 if it names no live row of this heap
     * @throws DbException 54000 if the tuple is larger than {@link #maxTupleLength()}
     */
    public long update(long rowId, byte[] tuple) {
        checkLength(tuple.length);
        int pageNo = RowIds.pageNo(rowId);
        int slot = RowIds.slot(rowId);
        if (!inRange(pageNo)) {
            return -1;
        }
        ReentrantLock lock = rowLock(rowId);
        lock.lock();
        try {
            SlottedPage sp = new SlottedPage();
            long oldTarget = NO_TARGET; // where a moved row lives now
            boolean storedAtHome;
            try (WritePageGuard g = pool.writePage(pageNo)) {
                g.slotted(sp);
                if (!owns(sp) || !sp.isLive(slot) || sp.flags(slot) == SlottedPage.FLAG_MOVED) {
                    return -1;
                }
                if (sp.flags(slot) == SlottedPage.FLAG_REDIRECT) {
                    oldTarget = sp.buffer().getLong(sp.tupleOffset(slot));
                }
                // 1. at home (a moved row comes back when it fits again: lookups then touch one page)
                storedAtHome = sp.reallocate(slot, tuple.length, SlottedPage.FLAG_NORMAL);
                if (storedAtHome) {
                    writeTuple(sp, slot, tuple, SlottedPage.FLAG_NORMAL, 0);
                    hint(pageNo, sp);
                }
            }
            if (storedAtHome) {
                if (oldTarget != NO_TARGET) {
                    deleteMoved(oldTarget, rowId, sp);
                }
                return rowId;
            }
            // 2. in place where the row lives now
            if (oldTarget != NO_TARGET && inRange(RowIds.pageNo(oldTarget))) {
                int ts = RowIds.slot(oldTarget);
                try (WritePageGuard g = pool.writePage(RowIds.pageNo(oldTarget))) {
                    g.slotted(sp);
                    if (isMovedFrom(sp, ts, rowId)
                            && sp.reallocate(ts, tuple.length + HeapPage.MOVED_PREFIX, SlottedPage.FLAG_MOVED)) {
                        writeTuple(sp, ts, tuple, SlottedPage.FLAG_MOVED, rowId);
                        return rowId;
                    }
                }
            }
            // 3. relocate: a new MOVED tuple elsewhere, then point the home slot at it
            long newTarget = insertTuple(tuple, SlottedPage.FLAG_MOVED, rowId, null);
            try (WritePageGuard g = pool.writePage(pageNo)) {
                g.slotted(sp);
                if (!sp.reallocate(slot, HeapPage.REDIRECT_LENGTH, SlottedPage.FLAG_REDIRECT)) {
                    throw DbException.internal("a slot could not shrink to a forward pointer");
                }
                sp.buffer().putLong(sp.tupleOffset(slot), newTarget);
            }
            if (oldTarget != NO_TARGET) {
                deleteMoved(oldTarget, rowId, sp);
            }
            return rowId;
        } finally {
            lock.unlock();
        }
    }

    /** Deletes the row; false if {@code rowId} names no live row of this heap. */
    public boolean delete(long rowId) {
        int pageNo = RowIds.pageNo(rowId);
        int slot = RowIds.slot(rowId);
        if (!inRange(pageNo)) {
            return false;
        }
        ReentrantLock lock = rowLock(rowId);
        lock.lock();
        try {
            SlottedPage sp = new SlottedPage();
            long target = NO_TARGET;
            try (WritePageGuard g = pool.writePage(pageNo)) {
                g.slotted(sp);
                if (!owns(sp) || !sp.isLive(slot) || sp.flags(slot) == SlottedPage.FLAG_MOVED) {
                    return false;
                }
                if (sp.flags(slot) == SlottedPage.FLAG_REDIRECT) {
                    target = sp.buffer().getLong(sp.tupleOffset(slot));
                }
                TupleChange.announce(pageNo, TupleChange.DELETED, slot, sp.flags(slot), 0, sp.read(slot));
                sp.delete(slot);
                hint(pageNo, sp);
            }
            if (target != NO_TARGET) {
                deleteMoved(target, rowId, sp);
            }
            tupleCount.decrementAndGet();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Overwrites {@code bytes.length} bytes of the row at {@code offset} inside its tuple (an MVCC header field,
     * say), in place; undone by slot. The caller serialises writers of the row.
     *
     * @return false if {@code rowId} names no live row of this heap
     */
    public boolean patch(long rowId, int offset, byte[] bytes) {
        int pageNo = RowIds.pageNo(rowId);
        int slot = RowIds.slot(rowId);
        if (!inRange(pageNo)) {
            return false;
        }
        SlottedPage sp = new SlottedPage();
        long target;
        try (WritePageGuard g = pool.writePage(pageNo)) {
            g.slotted(sp);
            if (!owns(sp) || !sp.isLive(slot) || sp.flags(slot) == SlottedPage.FLAG_MOVED) {
                return false;
            }
            if (sp.flags(slot) == SlottedPage.FLAG_NORMAL) {
                patchSlot(sp, pageNo, slot, offset, bytes, 0);
                return true;
            }
            target = sp.buffer().getLong(sp.tupleOffset(slot));
        }
        int tp = RowIds.pageNo(target);
        int ts = RowIds.slot(target);
        if (!inRange(tp)) {
            return false;
        }
        try (WritePageGuard g = pool.writePage(tp)) {
            g.slotted(sp);
            if (!isMovedFrom(sp, ts, rowId)) {
                return false;
            }
            patchSlot(sp, tp, ts, offset, bytes, HeapPage.MOVED_PREFIX);
            return true;
        }
    }

    private static void patchSlot(SlottedPage sp, int pageNo, int slot, int offset, byte[] bytes, int prefix) {
        int length = sp.tupleLength(slot) - prefix;
        if (offset < 0 || offset + bytes.length > length) {
            throw DbException.internal("patch of " + bytes.length + " bytes at " + offset + " outside a tuple of "
                    + length + " bytes");
        }
        int at = sp.tupleOffset(slot) + prefix + offset;
        byte[] old = new byte[bytes.length];
        sp.buffer().get(at, old, 0, old.length);
        TupleChange.announce(pageNo, TupleChange.PATCHED, slot, sp.flags(slot), prefix + offset, old);
        sp.buffer().put(at, bytes, 0, bytes.length);
    }

    /**
     * Removes the row for good, outside any transaction (logged redo-only, never undone): how vacuum reclaims a
     * row version no snapshot can see any more.
     */
    public boolean purge(long rowId) {
        try (CurrentLog.Scope redoOnly = CurrentLog.enter(null)) {
            return delete(rowId);
        } finally {
            TupleChange.clear();
        }
    }

    private void deleteMoved(long target, long home, SlottedPage sp) {
        int tp = RowIds.pageNo(target);
        int ts = RowIds.slot(target);
        if (!inRange(tp)) {
            return;
        }
        try (WritePageGuard g = pool.writePage(tp)) {
            g.slotted(sp);
            if (isMovedFrom(sp, ts, home)) {
                TupleChange.announce(tp, TupleChange.DELETED, ts, SlottedPage.FLAG_MOVED, 0, sp.read(ts));
                sp.delete(ts);
                hint(tp, sp);
            }
        }
    }

    private ReentrantLock rowLock(long rowId) {
        long h = rowId * 0x9E3779B97F4A7C15L;
        return rowLocks[(int) (h >>> 58)];
    }

    // ------------------------------------------------------------------ scan, drop, stats

    /** A sequential scan over the live rows; close it (try-with-resources). */
    public HeapCursor scan() {
        return new HeapCursor(this, pool);
    }

    /** Frees every page of this heap to the free list. The heap must not be used afterwards. */
    public void dropPages() {
        int pageNo = firstPageNo;
        int visited = 0;
        SlottedPage sp = new SlottedPage();
        while (pageNo != 0) {
            if (++visited > pool.diskManager().pageCount()) {
                throw DbException.corruption(pool.diskManager().name(), pageNo,
                        "the chain of table heap " + firstPageNo + " has a cycle");
            }
            int next;
            try (ReadPageGuard g = pool.readPage(pageNo)) {
                g.slotted(sp);
                checkOwnership(sp, pageNo);
                next = sp.nextPageNo();
            }
            pool.freePage(pageNo);
            pageNo = next;
        }
        spaceHints.clear();
        hinted.clear();
        rebuildNext = 0;
    }

    /** Records the tuple count in the first page (called before a flush). */
    public void persistStats() {
        SlottedPage sp = new SlottedPage();
        long count = tupleCount.get();
        try (ReadPageGuard g = pool.readPage(firstPageNo)) {
            if (g.slotted(sp).getAuxLong(HeapPage.TUPLE_COUNT_OFFSET) == count) {
                return; // unchanged: do not dirty the page
            }
        }
        try (WritePageGuard g = pool.writePage(firstPageNo)) {
            g.slotted(sp).putAuxLong(HeapPage.TUPLE_COUNT_OFFSET, count);
        }
    }

    private boolean inRange(int pageNo) {
        return pageNo > 0 && pageNo < pool.diskManager().pageCount();
    }

    private boolean owns(SlottedPage sp) {
        return sp.pageType() == PageType.HEAP && sp.getAuxInt(HeapPage.OWNER_OFFSET) == firstPageNo;
    }

    /** Throws XX001 if {@code sp} (page {@code pageNo}, reached through this heap's chain) is not one of its pages. */
    void checkOwnership(SlottedPage sp, int pageNo) {
        if (!owns(sp)) {
            throw DbException.corruption(pool.diskManager().name(), pageNo, "page of type " + sp.pageType()
                    + " owned by " + sp.getAuxInt(HeapPage.OWNER_OFFSET) + " found in the chain of table heap "
                    + firstPageNo);
        }
    }
}
