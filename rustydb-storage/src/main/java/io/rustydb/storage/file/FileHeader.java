package io.rustydb.storage.file;

import io.rustydb.core.DbException;
import io.rustydb.storage.page.PageChecksum;
import io.rustydb.storage.page.PageHeader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Layout of page 0, the file header. Unlike other pages it starts with the magic number, so that any tool can
 * recognise a RustyDB file from its first bytes without knowing the page size.
 *
 * <pre>
 *  offset size field
 *  +-----+----+------------------------------------------------------------------+
 *  |   0 |  8 | magic            "RustyDB\0" = 52 75 73 74 79 44 42 00             |
 *  |   8 |  4 | format version   {@link #FORMAT_VERSION}                             |
 *  |  12 |  4 | page size        power of two, 4096..65536                          |
 *  |  16 |  4 | checksum         CRC32C of [0,16) then [20, pageSize)               |
 *  |  20 |  4 | flags            0 (reserved)                                       |
 *  |  24 |  8 | creation time    epoch milliseconds                                 |
 *  |  32 |  4 | page count       pages in use, including page 0                     |
 *  |  36 |  4 | free-list head   first free page, 0 = none                          |
 *  |  40 |  4 | free page count  length of the free list                            |
 *  |  44 |  4 | reserved         0                                                  |
 *  |  48 |  8 | change counter   incremented on every header write                  |
 *  |  56 | 32 | creator version  UTF-8, zero padded (e.g. "RustyDB 0.1.0")          |
 *  |  88 | 32 | root pages       8 x i32, slot 0..7, 0 = unset                      |
 *  | 120 |  8 | checkpoint LSN   where crash recovery starts, 0 = log start         |
 *  | 128 | 64 | cipher descriptor reserve: cipher id, KDF salt, key check; 0 = none |
 *  | 192 |    | zero up to the page size                                           |
 *  +-----+----+------------------------------------------------------------------+
 * </pre>
 *
 * All integers little-endian. Page 0 is never encrypted and never goes through the buffer pool.
 */
public final class FileHeader {
    public static final int MAGIC_OFFSET = 0;
    public static final int FORMAT_VERSION_OFFSET = 8;
    public static final int PAGE_SIZE_OFFSET = 12;
    public static final int CHECKSUM_OFFSET = 16;
    public static final int FLAGS_OFFSET = 20;
    public static final int CREATION_TIME_OFFSET = 24;
    public static final int PAGE_COUNT_OFFSET = 32;
    public static final int FREE_LIST_HEAD_OFFSET = 36;
    public static final int FREE_PAGE_COUNT_OFFSET = 40;
    public static final int CHANGE_COUNTER_OFFSET = 48;
    public static final int CREATOR_VERSION_OFFSET = 56;
    public static final int CREATOR_VERSION_LENGTH = 32;
    public static final int ROOT_PAGES_OFFSET = 88;
    public static final int CHECKPOINT_LSN_OFFSET = 120;
    public static final int CIPHER_DESCRIPTOR_OFFSET = 128;
    public static final int CIPHER_DESCRIPTOR_LENGTH = 64;
    /** Bytes that must be read to validate the header before the page size is known. */
    public static final int SIZE = 192;

    public static final byte[] MAGIC = {'R', 'u', 's', 't', 'y', 'D', 'B', 0};
    /** The file format version this build writes and reads. */
    public static final int FORMAT_VERSION = 1;
    public static final int MIN_PAGE_SIZE = 4096;
    public static final int MAX_PAGE_SIZE = 65536;

    private FileHeader() {
    }

    /** True if {@code pageSize} is a power of two in 4096..65536. */
    public static boolean isValidPageSize(int pageSize) {
        return pageSize >= MIN_PAGE_SIZE && pageSize <= MAX_PAGE_SIZE && Integer.bitCount(pageSize) == 1;
    }

    /** Writes {@code header} and {@code pageCount} as a complete page 0 (with checksum) into {@code buf} at 0. */
    public static void write(ByteBuffer buf, DatabaseHeader header, int pageCount) {
        int pageSize = header.pageSize();
        PageHeader.zero(buf, 0, pageSize);
        buf.put(MAGIC_OFFSET, MAGIC, 0, MAGIC.length);
        buf.putInt(FORMAT_VERSION_OFFSET, FORMAT_VERSION);
        buf.putInt(PAGE_SIZE_OFFSET, pageSize);
        buf.putLong(CREATION_TIME_OFFSET, header.creationTimeMillis());
        buf.putInt(PAGE_COUNT_OFFSET, pageCount);
        synchronized (header) {
            buf.putInt(FREE_LIST_HEAD_OFFSET, header.freeListHead());
            buf.putInt(FREE_PAGE_COUNT_OFFSET, header.freePageCount());
            buf.putLong(CHANGE_COUNTER_OFFSET, header.nextChangeCounter());
            for (int i = 0; i < DatabaseHeader.ROOT_SLOTS; i++) {
                buf.putInt(ROOT_PAGES_OFFSET + 4 * i, header.rootPage(i));
            }
            buf.putLong(CHECKPOINT_LSN_OFFSET, header.checkpointLsn());
        }
        byte[] v = header.creatorVersion().getBytes(StandardCharsets.UTF_8);
        buf.put(CREATOR_VERSION_OFFSET, v, 0, Math.min(v.length, CREATOR_VERSION_LENGTH));
        buf.putInt(CHECKSUM_OFFSET, checksum(buf, pageSize));
    }

    static int checksum(ByteBuffer buf, int pageSize) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        ByteBuffer view = buf.duplicate();
        view.clear().limit(CHECKSUM_OFFSET);
        crc.update(view);
        view.clear().limit(pageSize).position(CHECKSUM_OFFSET + 4);
        crc.update(view);
        return (int) crc.getValue();
    }

    /**
     * Validates the first {@link #SIZE} bytes of a file (magic, version, page size) and returns the page size.
     *
     * @throws DbException XX001 naming {@code file} if it is not a RustyDB database of a version this build reads
     */
    public static int validatePrefix(ByteBuffer buf, String file) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (buf.get(MAGIC_OFFSET + i) != MAGIC[i]) {
                throw DbException.corruption(file, -1, "not a RustyDB database (bad magic number)");
            }
        }
        int version = buf.getInt(FORMAT_VERSION_OFFSET);
        if (version != FORMAT_VERSION) {
            throw DbException.corruption(file, -1, "unsupported file format version " + version
                    + " (this build reads version " + FORMAT_VERSION + ")");
        }
        int pageSize = buf.getInt(PAGE_SIZE_OFFSET);
        if (!isValidPageSize(pageSize)) {
            throw DbException.corruption(file, -1, "invalid page size " + pageSize + " in the file header");
        }
        return pageSize;
    }

    /**
     * Verifies the checksum of a complete page 0 and reads it.
     *
     * @return the header; {@code pageCountOut[0]} receives the page count
     */
    public static DatabaseHeader read(ByteBuffer buf, String file, int[] pageCountOut) {
        int pageSize = validatePrefix(buf, file);
        int stored = buf.getInt(CHECKSUM_OFFSET);
        int actual = checksum(buf, pageSize);
        if (stored != actual) {
            throw DbException.corruption(file, 0, String.format(
                    "file header checksum mismatch (stored %08x, computed %08x)", stored, actual));
        }
        byte[] v = new byte[CREATOR_VERSION_LENGTH];
        buf.get(CREATOR_VERSION_OFFSET, v, 0, v.length);
        int len = 0;
        while (len < v.length && v[len] != 0) {
            len++;
        }
        DatabaseHeader h = new DatabaseHeader(pageSize, buf.getLong(CREATION_TIME_OFFSET),
                new String(v, 0, len, StandardCharsets.UTF_8));
        int pageCount = buf.getInt(PAGE_COUNT_OFFSET);
        if (pageCount < 1) {
            throw DbException.corruption(file, 0, "invalid page count " + pageCount + " in the file header");
        }
        int head = buf.getInt(FREE_LIST_HEAD_OFFSET);
        if (head < 0 || head >= pageCount || head == 0 && buf.getInt(FREE_PAGE_COUNT_OFFSET) != 0) {
            throw DbException.corruption(file, 0, "invalid free-list head " + head + " in the file header");
        }
        h.setFreeListHead(head);
        h.setFreePageCount(buf.getInt(FREE_PAGE_COUNT_OFFSET));
        h.setChangeCounter(buf.getLong(CHANGE_COUNTER_OFFSET));
        h.setCheckpointLsn(buf.getLong(CHECKPOINT_LSN_OFFSET));
        for (int i = 0; i < DatabaseHeader.ROOT_SLOTS; i++) {
            int root = buf.getInt(ROOT_PAGES_OFFSET + 4 * i);
            if (root < 0 || root >= pageCount) {
                throw DbException.corruption(file, 0, "root slot " + i + " points to page " + root
                        + " beyond the page count " + pageCount);
            }
            h.setRootPage(i, root);
        }
        pageCountOut[0] = pageCount;
        return h;
    }

    /** A little-endian heap buffer for a header page. */
    static ByteBuffer allocate(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
