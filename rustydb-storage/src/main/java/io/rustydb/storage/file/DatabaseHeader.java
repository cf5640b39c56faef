package io.rustydb.storage.file;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

/**
 * The in-memory copy of a database's header values (persisted in page 0 by {@link FileHeader}). Thread-safe.
 *
 * <p>Only the disk manager writes it to disk, on {@link DiskManager#sync()}; the page count lives in the disk
 * manager itself. The free-list fields are changed only by the buffer pool's page allocator.
 */
public final class DatabaseHeader {
    /** Number of root-page slots the upper layers may use. */
    public static final int ROOT_SLOTS = 8;

    private final int pageSize;
    private final long creationTimeMillis;
    private final String creatorVersion;
    private int freeListHead;
    private int freePageCount;
    private long changeCounter;
    private long checkpointLsn;
    private final int[] rootPages = new int[ROOT_SLOTS];

    public DatabaseHeader(int pageSize, long creationTimeMillis, String creatorVersion) {
        this.pageSize = pageSize;
        this.creationTimeMillis = creationTimeMillis;
        this.creatorVersion = creatorVersion;
    }

    public int pageSize() {
        return pageSize;
    }

    public long creationTimeMillis() {
        return creationTimeMillis;
    }

    /** The RustyDB version that created the file. */
    public String creatorVersion() {
        return creatorVersion;
    }

    public synchronized int freeListHead() {
        return freeListHead;
    }

    public synchronized void setFreeListHead(int pageNo) {
        this.freeListHead = pageNo;
    }

    public synchronized int freePageCount() {
        return freePageCount;
    }

    public synchronized void setFreePageCount(int n) {
        this.freePageCount = n;
    }

    public synchronized long changeCounter() {
        return changeCounter;
    }

    /** Increments and returns the change counter (once per header write). */
    synchronized long nextChangeCounter() {
        return ++changeCounter;
    }

    synchronized void setChangeCounter(long v) {
        this.changeCounter = v;
    }

    /** The LSN of the latest checkpoint record: where crash recovery starts (0 = from the start of the log). */
    public synchronized long checkpointLsn() {
        return checkpointLsn;
    }

    public synchronized void setCheckpointLsn(long lsn) {
        this.checkpointLsn = lsn;
    }

    /** The root page in {@code slot} (0..7), 0 if unset. */
    public synchronized int rootPage(int slot) {
        checkSlot(slot);
        return rootPages[slot];
    }

    public synchronized void setRootPage(int slot, int pageNo) {
        checkSlot(slot);
        if (pageNo < 0) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "root page number must be >= 0: " + pageNo);
        }
        rootPages[slot] = pageNo;
    }

    private static void checkSlot(int slot) {
        if (slot < 0 || slot >= ROOT_SLOTS) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "root slot must be 0.." + (ROOT_SLOTS - 1) + ": " + slot);
        }
    }
}
