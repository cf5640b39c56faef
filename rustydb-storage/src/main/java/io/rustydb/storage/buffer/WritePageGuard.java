package io.rustydb.storage.buffer;

import io.rustydb.storage.page.PageHeader;
import io.rustydb.storage.page.SlottedPage;
import java.nio.ByteBuffer;

/**
 * A pinned, write-latched page; the page is marked dirty. Close it (try-with-resources) to release the latch and
 * the pin; not thread-safe, and not usable after {@link #close()}.
 */
public final class WritePageGuard implements AutoCloseable {
    private final BufferPool pool;
    private Frame frame;
    private final int pageNo;
    private final PageLog log;
    private byte[] before;

    /** Per-thread spare page images for {@link #before}: guards nest rarely and shallowly, so a few suffice. */
    private static final ThreadLocal<java.util.ArrayDeque<byte[]>> SPARE_IMAGES =
            ThreadLocal.withInitial(java.util.ArrayDeque::new);

    WritePageGuard(BufferPool pool, Frame frame) {
        this(pool, frame, true);
    }

    /** With {@code logged}, the page's bytes are kept so that the change can be logged when the guard closes. */
    WritePageGuard(BufferPool pool, Frame frame, boolean logged) {
        this.pool = pool;
        this.frame = frame;
        this.pageNo = frame.pageNo;
        this.log = logged ? pool.pageLog() : null;
        if (log != null) {
            byte[] image = SPARE_IMAGES.get().poll();
            before = image != null && image.length == pool.pageSize() ? image : new byte[pool.pageSize()];
            frame.buffer.get(0, before, 0, before.length);
        } else {
            before = null;
        }
    }

    public int pageNo() {
        return pageNo;
    }

    /** The writable page memory (little-endian); the page starts at {@link #offset()}. Absolute accessors only. */
    public ByteBuffer buffer() {
        return live().buffer;
    }

    /** Absolute offset of the page in {@link #buffer()}. */
    public int offset() {
        return 0;
    }

    public int pageSize() {
        return pool.pageSize();
    }

    /** Wraps {@code page} around this page. */
    public SlottedPage slotted(SlottedPage page) {
        return page.wrap(live().buffer, 0, pool.pageSize());
    }

    private Frame live() {
        Frame f = frame;
        if (f == null) {
            throw new IllegalStateException("page guard for page " + pageNo + " is closed");
        }
        return f;
    }

    /**
     * Logs the change (if a page log is installed), stamps the page with the record's LSN, and releases the latch
     * and the pin. If the change cannot be logged, the page is put back as it was before the guard, so that no
     * unlogged change can ever reach the disk, and the logging error is thrown.
     */
    @Override
    public void close() {
        Frame f = frame;
        if (f == null) {
            return;
        }
        if (log != null) {
            AtomicPageChange change = AtomicPageChange.current(pool);
            if (change != null && change.adopt(this, f.buffer, before)) {
                return; // logged and released when the change closes
            }
        }
        long lsn = 0;
        if (log != null) {
            try {
                lsn = log.pageChanged(pageNo, before, f.buffer);
            } catch (RuntimeException e) {
                f.buffer.put(0, before, 0, before.length);
                releaseLogged(0);
                throw e;
            }
        }
        releaseLogged(lsn);
    }

    /** The page as it was when this guard was taken (for an {@link AtomicPageChange}). */
    byte[] beforeImage() {
        return before;
    }

    /** Puts the page back as it was when this guard was taken (its change could not be logged). */
    void restoreBeforeImage() {
        live().buffer.put(0, before, 0, before.length);
    }

    /** Stamps the page with {@code lsn} (if positive), marks it dirty and releases the latch and the pin. */
    void releaseLogged(long lsn) {
        Frame f = frame;
        if (f == null) {
            return;
        }
        frame = null;
        try {
            if (lsn > 0) {
                PageHeader.setLsn(f.buffer, 0, lsn);
            }
            f.dirty = true;
        } finally {
            f.latch.writeLock().unlock();
            pool.unpin(f);
            if (before != null) {
                java.util.ArrayDeque<byte[]> spares = SPARE_IMAGES.get();
                if (spares.size() < 4) {
                    spares.push(before);
                }
                before = null;
            }
        }
    }
}
