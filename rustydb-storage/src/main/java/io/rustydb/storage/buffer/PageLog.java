package io.rustydb.storage.buffer;

import io.rustydb.storage.file.DatabaseHeader;
import java.nio.ByteBuffer;

/**
 * How the buffer pool reports changes to the write-ahead log (implemented in {@code io.rustydb.storage.wal}):
 * every write guard's change to a page when the guard closes, and every change of the allocation state.
 */
public interface PageLog {
    /**
     * Logs the change of page {@code pageNo} from {@code before} to the current content of {@code page} (whole
     * page at offset 0), while the page is still write-latched. Returns the LSN to stamp on the page, or 0 if the
     * page did not change.
     */
    long pageChanged(int pageNo, byte[] before, ByteBuffer page);

    /**
     * Logs the changes of several pages as one redo-only record (an {@link AtomicPageChange}): page
     * {@code pageNos[i]} changed from {@code befores[i]} to the content of {@code pages[i]}; all are still
     * write-latched. Returns the LSN to stamp on every one of them, or 0 if none changed.
     */
    long pagesChanged(int[] pageNos, byte[][] befores, ByteBuffer[] pages);

    /** Logs the allocation state (free list, page count, root slots) after a change to it; returns the LSN. */
    long headerChanged(DatabaseHeader header, int pageCount);
}
