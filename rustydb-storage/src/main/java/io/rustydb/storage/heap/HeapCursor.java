package io.rustydb.storage.heap;

import io.rustydb.core.DbException;
import io.rustydb.storage.buffer.BufferPool;
import io.rustydb.storage.buffer.ReadPageGuard;
import io.rustydb.storage.page.SlottedPage;
import java.nio.ByteBuffer;

/**
 * A sequential scan over the live rows of a {@link TableHeap}, reading tuples in place in page memory.
 *
 * <p>Holds a pin and read latch on the current page between {@link #next()} calls (one page at a time), so callers
 * should drain or close it promptly and must not write to the same heap from the same thread while positioned on a
 * page. Not thread-safe. {@link #close()} releases the page; it is idempotent and implied when {@link #next()}
 * returns false. Rows inserted, moved or deleted by other threads during the scan may or may not be seen (a row
 * relocated during the scan can be seen twice or not at all); the MVCC layer above gives snapshot semantics.
 *
 * <p>Sequential prefetch: on entering a page the cursor asks the buffer pool to prefetch the next page of the chain
 * ({@link BufferPool#prefetch}), so its read overlaps the scan of the current page.
 */
public final class HeapCursor implements AutoCloseable {
    private final TableHeap heap;
    private final BufferPool pool;
    private final SlottedPage page = new SlottedPage();
    private ReadPageGuard guard;
    private int slot = -1;
    private long rowId = -1;
    private int tupleOffset;
    private int tupleLength;
    private boolean started;
    private boolean done;
    private int pagesVisited;

    HeapCursor(TableHeap heap, BufferPool pool) {
        this.heap = heap;
        this.pool = pool;
    }

    /** Advances to the next live row; false at the end (the cursor then holds no page). */
    public boolean next() {
        if (done) {
            return false;
        }
        if (!started) {
            started = true;
            open(heap.firstPageNo());
        }
        for (;;) {
            int n = page.slotCount();
            while (++slot < n) {
                if (!page.isLive(slot)) {
                    continue;
                }
                int flags = page.flags(slot);
                if (flags == SlottedPage.FLAG_NORMAL) {
                    rowId = RowIds.of(guard.pageNo(), slot);
                    tupleOffset = page.tupleOffset(slot);
                    tupleLength = page.tupleLength(slot);
                    return true;
                }
                if (flags == SlottedPage.FLAG_MOVED) {
                    int off = page.tupleOffset(slot);
                    rowId = page.buffer().getLong(off);
                    tupleOffset = off + HeapPage.MOVED_PREFIX;
                    tupleLength = page.tupleLength(slot) - HeapPage.MOVED_PREFIX;
                    return true;
                }
                // REDIRECT: the row is reported where its MOVED tuple lives
            }
            int next = page.nextPageNo();
            guard.close();
            guard = null;
            if (next == 0) {
                done = true;
                rowId = -1;
                return false;
            }
            open(next);
        }
    }

    private void open(int pageNo) {
        if (++pagesVisited > pool.diskManager().pageCount()) {
            done = true;
            throw DbException.corruption(pool.diskManager().name(), pageNo,
                    "the chain of table heap " + heap.firstPageNo() + " has a cycle");
        }
        guard = pool.readPage(pageNo);
        guard.slotted(page);
        slot = -1;
        try {
            heap.checkOwnership(page, pageNo);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        int next = page.nextPageNo();
        if (next != 0) {
            pool.prefetch(next); // sequential prefetch: the next page is read while this one is scanned
        }
    }

    /** The current row's id. */
    public long rowId() {
        checkPositioned();
        return rowId;
    }

    /** The current page's memory: a read-only, little-endian view; use absolute accessors only. */
    public ByteBuffer buffer() {
        checkPositioned();
        return guard.buffer();
    }

    /** Absolute offset of the current tuple in {@link #buffer()}. */
    public int tupleOffset() {
        checkPositioned();
        return tupleOffset;
    }

    public int tupleLength() {
        checkPositioned();
        return tupleLength;
    }

    /** Copies the current tuple into a new array (convenience; the hot path decodes from {@link #buffer()}). */
    public byte[] tupleBytes() {
        checkPositioned();
        byte[] out = new byte[tupleLength];
        guard.buffer().get(tupleOffset, out, 0, tupleLength);
        return out;
    }

    private void checkPositioned() {
        if (guard == null) {
            throw new IllegalStateException("cursor is not positioned on a row");
        }
    }

    /** Releases the current page; idempotent. */
    @Override
    public void close() {
        done = true;
        if (guard != null) {
            guard.close();
            guard = null;
        }
    }
}
