package io.rustydb.storage.buffer;

import io.rustydb.storage.page.SlottedPage;
import java.nio.ByteBuffer;

/**
 * A pinned, read-latched page. Close it (try-with-resources) to release the latch and the pin; not thread-safe,
 * and not usable after {@link #close()}.
 */
public final class ReadPageGuard implements AutoCloseable {
    private final BufferPool pool;
    private Frame frame;
    private final int pageNo;

    ReadPageGuard(BufferPool pool, Frame frame) {
        this.pool = pool;
        this.frame = frame;
        this.pageNo = frame.pageNo;
    }

    public int pageNo() {
        return pageNo;
    }

    /**
     * The page memory as a read-only little-endian view; the page starts at {@link #offset()}. Use absolute
     * accessors only.
     */
    public ByteBuffer buffer() {
        return live().readOnlyView;
    }

    /** Absolute offset of the page in {@link #buffer()}. */
    public int offset() {
        return 0;
    }

    public int pageSize() {
        return pool.pageSize();
    }

    /** Wraps {@code page} around this page (read-only: mutating calls fail with ReadOnlyBufferException). */
    public SlottedPage slotted(SlottedPage page) {
        return page.wrap(live().readOnlyView, 0, pool.pageSize());
    }

    private Frame live() {
        Frame f = frame;
        if (f == null) {
            throw new IllegalStateException("page guard for page " + pageNo + " is closed");
        }
        return f;
    }

    @Override
    public void close() {
        Frame f = frame;
        if (f != null) {
            frame = null;
            f.latch.readLock().unlock();
            pool.unpin(f);
        }
    }
}
