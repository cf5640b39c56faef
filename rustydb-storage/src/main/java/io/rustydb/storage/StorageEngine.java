package io.rustydb.storage;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.storage.buffer.BufferPool;
import io.rustydb.storage.file.DiskManager;
import io.rustydb.storage.file.FileDiskManager;
import io.rustydb.storage.file.MemoryDiskManager;
import io.rustydb.storage.heap.OverflowStore;
import io.rustydb.storage.heap.TableHeap;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens and owns one database's storage: disk manager, buffer pool and free-page list; the entry point the upper
 * layers use. Thread-safe.
 *
 * <p>Durability: until the WAL exists, {@link #flush()} (and {@link #close()}) is the durability point: it writes
 * every dirty page and the header, then forces the file. A crash between flushes can leave the file inconsistent.
 * Root slots and the free list are persisted in the header at flush.
 */
public final class StorageEngine implements AutoCloseable {
    private final DiskManager disk;
    private final BufferPool pool;
    private final OverflowStore overflow;
    private final ConcurrentHashMap<Integer, TableHeap> heaps = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final io.rustydb.storage.io.ChannelOpener opener;

    private StorageEngine(DiskManager disk, StorageOptions options) {
        this.disk = disk;
        this.opener = options.opener();
        try {
            // an in-memory store gains nothing from early write-backs: its pages are written only on eviction
            long bgWriter = disk.isPersistent() ? options.backgroundWriterIntervalMillis() : 0;
            this.pool = new BufferPool(disk, options.cacheSizeBytes(), options.policy(), bgWriter, null);
        } catch (RuntimeException e) {
            disk.close();
            throw e;
        }
        this.overflow = new OverflowStore(pool);
    }

    /**
     * Opens the database file at {@code path}, creating it (with {@code options.pageSize()}) if it does not exist or
     * is empty. An existing file is validated (magic, version, page size, header checksum, length) and keeps the page
     * size recorded in its header: a different {@code options.pageSize()} is ignored, not an error.
     *
     * @throws DbException 55006 if the file is open in this or another process; XX001 if it is not a valid RustyDB
     *     database; 58030/53100 on I/O failures
     */
    public static StorageEngine openFile(Path path, StorageOptions options) {
        return new StorageEngine(FileDiskManager.open(path, options.pageSize(), options.cipher(), options.opener()),
                options);
    }

    /**
     * A new, empty in-memory database ({@code mem:}); its pages live in the buffer pool and on the Java heap. The
     * cipher option is ignored (nothing is at rest).
     */
    public static StorageEngine inMemory(StorageOptions options) {
        return new StorageEngine(new MemoryDiskManager(options.pageSize()), options);
    }

    public int pageSize() {
        return disk.pageSize();
    }

    /** How this database's files are opened (the log opens its segments the same way). */
    public io.rustydb.storage.io.ChannelOpener channelOpener() {
        return opener;
    }

    public BufferPool bufferPool() {
        return pool;
    }

    /** Large values (overflow page chains) of this database. */
    public OverflowStore overflowStore() {
        checkOpen();
        return overflow;
    }

    /** Creates an empty table heap; it is identified by {@link TableHeap#firstPageNo()}. */
    public TableHeap createHeap() {
        checkOpen();
        TableHeap heap = TableHeap.create(pool);
        heaps.put(heap.firstPageNo(), heap);
        return heap;
    }

    /**
     * The heap whose first page is {@code firstPageNo}; one instance per heap per engine.
     *
     * @throws DbException XX001 if that page is not the first page of a heap
     */
    public TableHeap openHeap(int firstPageNo) {
        checkOpen();
        return heaps.computeIfAbsent(firstPageNo, p -> TableHeap.open(pool, p));
    }

    /** Frees all pages of the heap to the free list. The caller must ensure nobody uses the heap any more. */
    public void dropHeap(int firstPageNo) {
        checkOpen();
        TableHeap heap = openHeap(firstPageNo);
        heaps.remove(firstPageNo);
        heap.dropPages();
    }

    /** The page number in root slot {@code slot} (0..7), 0 if unset. */
    public int rootPage(int slot) {
        return disk.header().rootPage(slot);
    }

    /** Sets root slot {@code slot} (0..7); persisted in the header page at the next {@link #flush()} or close. */
    public void setRootPage(int slot, int pageNo) {
        checkOpen();
        if (pageNo != 0 && (pageNo < 0 || pageNo >= disk.pageCount())) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "root page " + pageNo + " does not exist");
        }
        disk.header().setRootPage(slot, pageNo);
        pool.logHeader();
    }

    /** The LSN of the latest checkpoint record (0 if none): where crash recovery starts. */
    public long checkpointLsn() {
        return disk.header().checkpointLsn();
    }

    /** Records a completed checkpoint in the file header and forces the file. */
    public void recordCheckpoint(long checkpointLsn) {
        checkOpen();
        disk.header().setCheckpointLsn(checkpointLsn);
        disk.sync();
    }

    /**
     * Forgets the cached heap instances, whose in-memory state (tail page, free-space hints, row counts) may no
     * longer match their pages after a rollback undid changes to them; the next {@link #openHeap} reads them anew.
     */
    public void invalidateHeaps() {
        heaps.clear();
    }

    /** Writes all dirty pages and the header and forces the file (durability point until the WAL exists). */
    public void flush() {
        checkOpen();
        for (TableHeap heap : heaps.values()) {
            heap.persistStats();
        }
        pool.flush();
    }

    public boolean isInMemory() {
        return !disk.isPersistent();
    }

    /** The file path (canonical), or "mem". */
    public String name() {
        return disk.name();
    }

    /** Flushes, forces and releases the file and its lock; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            for (TableHeap heap : heaps.values()) {
                heap.persistStats();
            }
        } finally {
            pool.close();
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new DbException(ErrorCode.OBJECT_CLOSED, "database " + disk.name());
        }
    }
}
