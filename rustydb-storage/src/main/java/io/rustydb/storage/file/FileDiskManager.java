package io.rustydb.storage.file;

import io.rustydb.core.DbException;
import io.rustydb.storage.io.ChannelOpener;
import io.rustydb.core.ErrorCode;
import io.rustydb.storage.page.PageChecksum;
import io.rustydb.storage.page.PageHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A disk manager over one database file, with positional {@link FileChannel} I/O and an optional {@link PageCipher}.
 *
 * <p>Invariants:
 * <ol>
 *   <li>The file is exclusively locked (OS lock + {@link FileLocks}) from open to close.</li>
 *   <li>{@code physicalPages * pageSize <= file size}; {@code pageCount <= physicalPages}. The file grows in
 *       extents of zeros (1/8 of its size, at least 16 pages, at most 64 MiB) so that a full disk shows up at
 *       allocation time, not when a dirty page is written back.</li>
 *   <li>Page 0 on disk holds the header as of the last {@link #sync()}; it is written only there.</li>
 * </ol>
 *
 * Opening validates magic, version, page size, header checksum and that the file is not shorter than the page count
 * says; each failure is an XX001 error naming the file. An existing empty file is initialised as a new database.
 */
public final class FileDiskManager implements DiskManager {
    private static final int MIN_EXTENT_PAGES = 16;
    private static final long MAX_EXTENT_BYTES = 64L << 20;

    private final Path path;
    private final String name;
    private final FileChannel channel;
    private final FileLock lock;
    private final int pageSize;
    private final DatabaseHeader header;
    private final PageCipher cipher;
    private final ThreadLocal<ByteBuffer> scratch;
    private final Object growLock = new Object();
    private volatile int pageCount;
    private long physicalPages;
    private volatile boolean closed;

    private FileDiskManager(Path path, String name, FileChannel channel, FileLock lock, int pageSize,
                            DatabaseHeader header, int pageCount, long physicalPages, PageCipher cipher) {
        this.cipher = cipher;
        this.scratch = ThreadLocal.withInitial(
                () -> ByteBuffer.allocateDirect(pageSize).order(ByteOrder.LITTLE_ENDIAN));
        this.path = path;
        this.name = name;
        this.channel = channel;
        this.lock = lock;
        this.pageSize = pageSize;
        this.header = header;
        this.pageCount = pageCount;
        this.physicalPages = physicalPages;
    }

    /**
     * Whether the file holds nothing but zeros (and is no longer than a first extent): a database whose creation
     * was cut short before its header was written (a crash, a full disk). Nothing was ever stored in it, so it is
     * created anew. A file with any other content is never overwritten.
     */
    private static boolean headerNeverWritten(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size > (64L << 20)) {
            return false;
        }
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        long position = 0;
        while (position < size) {
            chunk.clear();
            int n = ch.read(chunk, position);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (chunk.get(i) != 0) {
                    return false;
                }
            }
            position += n;
        }
        return true;
    }

    /**
     * Opens {@code path}, creating it with {@code pageSizeForNewFile} if it does not exist (or is empty). An existing
     * file keeps the page size in its header; {@code pageSizeForNewFile} is then ignored.
     *
     * @throws DbException 55006 if the file is open elsewhere, XX001 if it is not a valid database, 58030 on I/O errors
     */
    public static FileDiskManager open(Path path, int pageSizeForNewFile) {
        return open(path, pageSizeForNewFile, PageCipher.IDENTITY);
    }

    /**
     * Like {@link #open(Path, int)}, encrypting data pages with {@code cipher} ({@link PageCipher#IDENTITY}: none).
     * The caller must open a file with the cipher (and key) it was written with: a page written with another cipher
     * or key fails to read with XX001.
     */
    public static FileDiskManager open(Path path, int pageSizeForNewFile, PageCipher cipher) {
        return open(path, pageSizeForNewFile, cipher, ChannelOpener.DEFAULT);
    }

    /** Like {@link #open(Path, int, PageCipher)}, opening the file through {@code opener} (fault injection). */
    public static FileDiskManager open(Path path, int pageSizeForNewFile, PageCipher cipher, ChannelOpener opener) {
        if (cipher == null) {
            cipher = PageCipher.IDENTITY;
        }
        if (cipher.overhead() < 0 || cipher.overhead() > PageCipher.MAX_OVERHEAD) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "page cipher " + cipher.name() + " needs "
                    + cipher.overhead() + " bytes per page; the page header reserves " + PageCipher.MAX_OVERHEAD);
        }
        if (!FileHeader.isValidPageSize(pageSizeForNewFile)) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "page size must be a power of two from 4096 to 65536: " + pageSizeForNewFile);
        }
        Path abs = path.toAbsolutePath().normalize();
        String canonical;
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            canonical = abs.getParent() == null ? abs.toString()
                    : abs.getParent().toRealPath().resolve(abs.getFileName()).toString();
        } catch (IOException e) {
            throw ioError(abs.toString(), e);
        }
        if (!FileLocks.acquire(canonical)) {
            throw new DbException(ErrorCode.DATABASE_IN_USE, canonical);
        }
        FileChannel ch = null;
        boolean ok = false;
        try {
            ch = opener.open(abs, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new DbException(ErrorCode.DATABASE_IN_USE, canonical);
            }
            FileDiskManager dm = ch.size() == 0 || headerNeverWritten(ch)
                    ? create(abs, canonical, ch, lock, pageSizeForNewFile, cipher)
                    : openExisting(abs, canonical, ch, lock, cipher);
            ok = true;
            return dm;
        } catch (IOException e) {
            throw ioError(canonical, e);
        } finally {
            if (!ok) {
                if (ch != null) {
                    try {
                        ch.close();
                    } catch (IOException ignored) {
                        // already failing
                    }
                }
                FileLocks.release(canonical);
            }
        }
    }

    private static FileDiskManager create(Path path, String name, FileChannel ch, FileLock lock, int pageSize,
                                          PageCipher cipher) {
        DatabaseHeader h = new DatabaseHeader(pageSize, System.currentTimeMillis(), StorageVersion.CREATOR);
        FileDiskManager dm = new FileDiskManager(path, name, ch, lock, pageSize, h, 1, 0, cipher);
        dm.growTo(1);
        dm.sync();
        return dm;
    }

    private static FileDiskManager openExisting(Path path, String name, FileChannel ch, FileLock lock,
                                                PageCipher cipher) throws IOException {
        long size = ch.size();
        if (size < FileHeader.SIZE) {
            throw DbException.corruption(name, -1, "file of " + size + " bytes is too short to be a RustyDB database");
        }
        ByteBuffer prefix = FileHeader.allocate(FileHeader.SIZE);
        readFully(ch, prefix, 0, name, 0);
        int pageSize = FileHeader.validatePrefix(prefix, name);
        if (size < pageSize) {
            throw DbException.corruption(name, 0, "file is truncated: " + size + " bytes, less than one page of "
                    + pageSize);
        }
        ByteBuffer page0 = FileHeader.allocate(pageSize);
        readFully(ch, page0, 0, name, 0);
        int[] count = new int[1];
        DatabaseHeader h = FileHeader.read(page0, name, count);
        long needed = (long) count[0] * pageSize;
        if (size < needed) {
            throw DbException.corruption(name, -1, "file is truncated: the header records " + count[0]
                    + " pages (" + needed + " bytes) but the file has " + size + " bytes");
        }
        return new FileDiskManager(path, name, ch, lock, pageSize, h, count[0], size / pageSize, cipher);
    }

    private static void readFully(FileChannel ch, ByteBuffer dst, long position, String name, int pageNo)
            throws IOException {
        while (dst.hasRemaining()) {
            int n = ch.read(dst, position + dst.position());
            if (n < 0) {
                throw DbException.corruption(name, pageNo, "file is truncated: page " + pageNo + " is incomplete");
            }
        }
    }

    /** The file's path as opened. */
    public Path path() {
        return path;
    }

    @Override
    public String name() {
        return name;
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
            checkOpen();
            int p = pageCount;
            if (p == Integer.MAX_VALUE) {
                throw new DbException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "database file " + name + " has too many pages");
            }
            if (p + 1L > physicalPages) {
                long extent = Math.max(MIN_EXTENT_PAGES, Math.min(physicalPages / 8, MAX_EXTENT_BYTES / pageSize));
                growTo(Math.min(Integer.MAX_VALUE, physicalPages + extent));
            }
            pageCount = p + 1;
            return p;
        }
    }

    /** Extends the file with zeros to {@code pages} pages. Caller holds growLock (or is the constructor). */
    private void growTo(long pages) {
        ByteBuffer zeros = ByteBuffer.allocateDirect(Math.max(pageSize, 1 << 16));
        long pos = physicalPages * pageSize;
        long end = pages * pageSize;
        try {
            while (pos < end) {
                zeros.clear();
                zeros.limit((int) Math.min(zeros.capacity(), end - pos));
                while (zeros.hasRemaining()) {
                    pos += channel.write(zeros, pos);
                }
            }
        } catch (IOException e) {
            throw ioError(name, e);
        }
        physicalPages = pages;
    }

    @Override
    public void readPage(int pageNo, ByteBuffer dst, int offset) {
        checkPage(pageNo);
        ByteBuffer view = dst.duplicate();
        view.clear().limit(offset + pageSize).position(offset);
        long pos = (long) pageNo * pageSize;
        try {
            while (view.hasRemaining()) {
                int n = channel.read(view, pos + (view.position() - offset));
                if (n < 0) {
                    throw DbException.corruption(name, pageNo, "file is truncated: page " + pageNo + " is incomplete");
                }
            }
        } catch (IOException e) {
            throw ioError(name, e);
        }
        int flags = PageHeader.flags(dst, offset);
        boolean encrypted = (flags & PageHeader.FLAG_ENCRYPTED) != 0;
        if (cipher.isIdentity()) {
            if (encrypted) {
                PageChecksum.verify(dst, offset, pageSize, pageNo, name);
                throw DbException.corruption(name, pageNo, "the page is encrypted, but the database was opened "
                        + "without a page cipher");
            }
            return;
        }
        // ciphertext on disk: checksum and plaintext header first, then authenticate and decrypt
        PageChecksum.verify(dst, offset, pageSize, pageNo, name);
        if (!encrypted) {
            throw DbException.corruption(name, pageNo, "the page is not encrypted, but the database uses page cipher "
                    + cipher.name());
        }
        ByteBuffer page = pageView(dst, offset);
        if (!cipher.decrypt(pageNo, page)) {
            throw DbException.corruption(name, pageNo, "the page failed " + cipher.name()
                    + " authentication (tampered with, moved from another page, or a wrong key)");
        }
        PageHeader.setFlags(dst, offset, flags & ~PageHeader.FLAG_ENCRYPTED);
        PageHeader.zero(dst, offset + PageHeader.CIPHER_RESERVE_OFFSET, PageHeader.CIPHER_RESERVE_LENGTH);
        PageChecksum.stamp(dst, offset, pageSize);
    }

    private ByteBuffer pageView(ByteBuffer buf, int offset) {
        ByteBuffer view = buf.duplicate();
        view.clear().limit(offset + pageSize).position(offset);
        return view.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public void writePage(int pageNo, ByteBuffer src, int offset) {
        checkPage(pageNo);
        ByteBuffer view;
        if (cipher.isIdentity()) {
            view = src.duplicate();
            view.clear().limit(offset + pageSize).position(offset);
        } else {
            // encrypt a copy: the frame stays plaintext for its concurrent readers
            ByteBuffer page = scratch.get();
            page.clear();
            page.put(0, pageView(src, offset), 0, pageSize);
            PageHeader.setFlags(page, 0, PageHeader.flags(page, 0) | PageHeader.FLAG_ENCRYPTED);
            cipher.encrypt(pageNo, page);
            PageChecksum.stamp(page, 0, pageSize);
            page.clear();
            view = page;
            offset = 0;
        }
        long pos = (long) pageNo * pageSize;
        try {
            while (view.hasRemaining()) {
                channel.write(view, pos + (view.position() - offset));
            }
        } catch (IOException e) {
            throw ioError(name, e);
        }
    }

    private void checkPage(int pageNo) {
        checkOpen();
        if (pageNo <= 0 || pageNo >= pageCount) {
            throw DbException.corruption(name, pageNo, "page number out of range 1.." + (pageCount - 1));
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new DbException(ErrorCode.OBJECT_CLOSED, "database file " + name);
        }
    }

    /** The page cipher ({@link PageCipher#IDENTITY} if none). */
    public PageCipher cipher() {
        return cipher;
    }

    @Override
    public DatabaseHeader header() {
        return header;
    }

    @Override
    public void sync() {
        synchronized (growLock) {
            checkOpen();
            ByteBuffer page0 = FileHeader.allocate(pageSize);
            FileHeader.write(page0, header, pageCount);
            try {
                page0.clear();
                while (page0.hasRemaining()) {
                    channel.write(page0, page0.position());
                }
                channel.force(true);
            } catch (IOException e) {
                throw ioError(name, e);
            }
        }
    }

    @Override
    public boolean isPersistent() {
        return true;
    }

    @Override
    public void close() {
        close(true);
    }

    @Override
    public void closeWithoutHeader() {
        close(false);
    }

    private void close(boolean writeHeader) {
        synchronized (growLock) {
            if (closed) {
                return;
            }
            try {
                if (writeHeader) {
                    sync();
                }
            } finally {
                closed = true;
                try {
                    if (lock.isValid()) {
                        lock.release();
                    }
                    channel.close();
                } catch (IOException e) {
                    throw ioError(name, e);
                } finally {
                    FileLocks.release(name);
                }
            }
        }
    }

    /** Maps an I/O failure to 53100 (disk full) or 58030 (other I/O error). */
    static DbException ioError(String file, IOException e) {
        String msg = String.valueOf(e.getMessage());
        String lower = msg.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("not enough space") || lower.contains("disk full")
                || lower.contains("quota exceeded")) {
            return new DbException(ErrorCode.DISK_FULL, e, file);
        }
        return new DbException(ErrorCode.IO_ERROR, e, file, e.getClass().getSimpleName() + ": " + msg);
    }
}
