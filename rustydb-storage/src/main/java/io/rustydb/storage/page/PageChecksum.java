package io.rustydb.storage.page;

import io.rustydb.core.DbException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * CRC32C page checksums: computed when a page is written to disk, verified when it is read back.
 *
 * <p>Rules (also in {@code docs/file-format.md}):
 * <ol>
 *   <li>For every page but page 0 the checksum is CRC32C over bytes [4, pageSize) stored at
 *       {@link PageHeader#CHECKSUM_OFFSET}. Page 0 has its own rule ({@code FileHeader}).</li>
 *   <li>A page read from disk must have a matching checksum, its own page number in
 *       {@link PageHeader#PAGE_NO_OFFSET}, a known page type and layout version; otherwise the read fails with
 *       SQLSTATE XX001 naming the file and page. Rows are never returned from such a page.</li>
 * </ol>
 */
public final class PageChecksum {
    private PageChecksum() {
    }

    /** CRC32C over {@code [from, to)} of {@code buf}, absolute offsets; does not move {@code buf}. */
    public static int crc32c(ByteBuffer buf, int from, int to) {
        CRC32C crc = new CRC32C();
        ByteBuffer view = buf.duplicate();
        view.clear();
        view.limit(to);
        view.position(from);
        crc.update(view);
        return (int) crc.getValue();
    }

    /** The checksum a page should carry. */
    public static int compute(ByteBuffer buf, int base, int pageSize) {
        return crc32c(buf, base + PageHeader.CHECKSUM_OFFSET + 4, base + pageSize);
    }

    /** Computes and stores the checksum of the page at {@code base}. */
    public static void stamp(ByteBuffer buf, int base, int pageSize) {
        buf.putInt(base + PageHeader.CHECKSUM_OFFSET, compute(buf, base, pageSize));
    }

    /**
     * Verifies a page just read from disk.
     *
     * @throws DbException XX001 naming {@code fileName} and {@code pageNo} when any rule above fails
     */
    public static void verify(ByteBuffer buf, int base, int pageSize, int pageNo, String fileName) {
        int stored = PageHeader.checksum(buf, base);
        int actual = compute(buf, base, pageSize);
        if (stored != actual) {
            if (isAllZero(buf, base, pageSize)) {
                throw DbException.corruption(fileName, pageNo,
                        "checksum mismatch: the page is all zeros (never written, or zeroed by the file system)");
            }
            throw DbException.corruption(fileName, pageNo, String.format(
                    "checksum mismatch (stored %08x, computed %08x)", stored, actual));
        }
        int self = PageHeader.pageNo(buf, base);
        if (self != pageNo) {
            throw DbException.corruption(fileName, pageNo, "page header says it is page " + self
                    + " (misdirected write or a file copied with a different page size)");
        }
        int version = PageHeader.layoutVersion(buf, base);
        if (version != PageHeader.LAYOUT_VERSION) {
            throw DbException.corruption(fileName, pageNo, "unknown page layout version " + version);
        }
        PageType type = PageHeader.type(buf, base);
        if (type == null || type == PageType.FILE_HEADER || type == PageType.UNINITIALIZED) {
            throw DbException.corruption(fileName, pageNo, "invalid page type code " + PageHeader.typeCode(buf, base));
        }
    }

    private static boolean isAllZero(ByteBuffer buf, int base, int pageSize) {
        for (int i = 0; i < pageSize; i += 8) {
            if (buf.getLong(base + i) != 0) {
                return false;
            }
        }
        return true;
    }
}
