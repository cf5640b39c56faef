package io.rustydb.storage.file;

import java.nio.ByteBuffer;

/**
 * Moves whole pages between a backing store and memory, and owns the file header (page 0).
 *
 * <p>A disk manager moves bytes: checksums are stamped and verified by the buffer pool, which is the only caller of
 * {@link #readPage} and {@link #writePage}. The one transformation is encryption at rest: a {@link FileDiskManager}
 * with a {@link PageCipher} writes an encrypted copy (checksummed over the ciphertext) and hands back plaintext with a
 * plaintext checksum, so the buffer pool never sees ciphertext. Page 0 is reserved for the header and never read or written
 * through these methods. Implementations are thread-safe; reads and writes of different pages may run concurrently.
 */
public interface DiskManager extends AutoCloseable {
    /** The file path, or "mem" for an in-memory store; used in error messages. */
    String name();

    int pageSize();

    /** Pages in use, including page 0; valid page numbers are 1..pageCount()-1. */
    int pageCount();

    /** Extends the store by one page and returns its number. The page's content on disk is undefined. */
    int allocatePage();

    /**
     * Makes the store at least {@code pages} pages long (recovery: the log says pages up to there were allocated;
     * the new pages' content is undefined until recovery writes them). Does nothing if it is already that long.
     */
    default void ensurePageCount(int pages) {
        while (pageCount() < pages) {
            allocatePage();
        }
    }

    /** Reads page {@code pageNo} into {@code dst} at absolute {@code offset} (pageSize bytes). */
    void readPage(int pageNo, ByteBuffer dst, int offset);

    /** Writes pageSize bytes of {@code src} at absolute {@code offset} as page {@code pageNo}. */
    void writePage(int pageNo, ByteBuffer src, int offset);

    /** The header values, persisted on {@link #sync()}. */
    DatabaseHeader header();

    /** Writes the header page and forces everything written so far to stable storage. */
    void sync();

    /** True if the store outlives the process (a file). */
    boolean isPersistent();

    /**
     * Releases the store (and its lock) without writing the header: when the log could not make the header's
     * state durable, the old header on disk is the consistent one. Idempotent.
     */
    default void closeWithoutHeader() {
        close();
    }

    /** Syncs and releases the store (and its lock); idempotent. */
    @Override
    void close();
}
