package io.rustydb.storage.file;

import io.rustydb.core.DbException;
import java.nio.ByteBuffer;

/**
 * A disk manager that keeps pages on the Java heap: the backing store of {@code mem:} databases and of tests.
 *
 * <p>Rows of an in-memory database still live in the buffer pool's off-heap frames; this store only holds pages
 * the pool evicts. Pages are allocated lazily, one {@code byte[]} per written page.
 */
public final class MemoryDiskManager implements DiskManager {
    private final int pageSize;
    private final DatabaseHeader header;
    private final Object growLock = new Object();
    private volatile byte[][] pages = new byte[64][];
    private volatile int pageCount = 1;

    public MemoryDiskManager(int pageSize) {
        if (!FileHeader.isValidPageSize(pageSize)) {
            throw new IllegalArgumentException("invalid page size " + pageSize);
        }
        this.pageSize = pageSize;
        this.header = new DatabaseHeader(pageSize, System.currentTimeMillis(), StorageVersion.CREATOR);
    }

    @Override
    public String name() {
        return "mem";
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    @Override
    public int pageCount() {
        return pageCount;
    }

    @Override
    public int allocatePage() {
        synchronized (growLock) {
            int p = pageCount;
            if (p == Integer.MAX_VALUE) {
                throw new DbException(io.rustydb.core.ErrorCode.PROGRAM_LIMIT_EXCEEDED, "database has too many pages");
            }
            if (p >= pages.length) {
                byte[][] bigger = new byte[Math.max(p + 1, pages.length * 2)][];
                System.arraycopy(pages, 0, bigger, 0, pages.length);
                pages = bigger;
            }
            pageCount = p + 1;
            return p;
        }
    }

    @Override
    public void readPage(int pageNo, ByteBuffer dst, int offset) {
        checkPageNo(pageNo);
        byte[] page;
        synchronized (growLock) {
            page = pages[pageNo];
        }
        if (page == null) {
            throw DbException.corruption(name(), pageNo, "page was allocated but never written");
        }
        synchronized (page) {
            dst.put(offset, page, 0, pageSize);
        }
    }

    @Override
    public void writePage(int pageNo, ByteBuffer src, int offset) {
        checkPageNo(pageNo);
        byte[] page;
        synchronized (growLock) {
            page = pages[pageNo];
            if (page == null) {
                page = new byte[pageSize];
                pages[pageNo] = page;
            }
        }
        synchronized (page) {
            src.get(offset, page, 0, pageSize);
        }
    }

    private void checkPageNo(int pageNo) {
        if (pageNo <= 0 || pageNo >= pageCount) {
            throw DbException.internal("page " + pageNo + " out of range 1.." + (pageCount - 1) + " in mem");
        }
    }

    @Override
    public DatabaseHeader header() {
        return header;
    }

    @Override
    public void sync() {
        // nothing is durable
    }

    @Override
    public boolean isPersistent() {
        return false;
    }

    @Override
    public void close() {
        synchronized (growLock) {
            pages = new byte[1][];
        }
    }
}
