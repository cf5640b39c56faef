package io.rustydb.storage.page;

import java.nio.ByteBuffer;

/**
 * Layout of the 64-byte header that starts every page except page 0 (the file header).
 *
 * <pre>
 *  offset size field
 *  +-----+----+---------------------------------------------------------------------+
 *  |   0 |  4 | checksum      CRC32C of bytes [4, pageSize), see {@link PageChecksum} |
 *  |   4 |  1 | page type     {@link PageType#code()}                                 |
 *  |   5 |  1 | layout ver.   {@link #LAYOUT_VERSION} (1)                             |
 *  |   6 |  2 | flags         bit 0: encrypted on disk ({@link #FLAG_ENCRYPTED})      |
 *  |   8 |  8 | page LSN      LSN of the last WAL record that changed the page, 0=none |
 *  |  16 |  4 | page number   the page's own number: catches misdirected I/O         |
 *  |  20 |  4 | next page     heap chain / free-list link, 0 = none                   |
 *  |  24 |  8 | reserved      0                                                       |
 *  |  32 | 32 | cipher reserve: nonce (12) | GCM tag (16) | spare (4); 0 = plain      |
 *  +-----+----+---------------------------------------------------------------------+
 *  |  64 |    | type-specific content (e.g. {@link SlottedPage})                        |
 * </pre>
 *
 * All integers are little-endian. The cipher reserve is where a {@code PageCipher} (e.g. AES-256-GCM) keeps the
 * per-page nonce and authentication tag; the header bytes [0, 64) stay plaintext so that a page can be identified
 * and checksummed without the key. {@link #FLAG_ENCRYPTED} is set only in the on-disk image of an encrypted page,
 * never in a buffer-pool frame. Accessors are static and take the buffer and the page's base offset.
 */
public final class PageHeader {
    public static final int CHECKSUM_OFFSET = 0;
    public static final int TYPE_OFFSET = 4;
    public static final int LAYOUT_VERSION_OFFSET = 5;
    public static final int FLAGS_OFFSET = 6;
    public static final int LSN_OFFSET = 8;
    public static final int PAGE_NO_OFFSET = 16;
    public static final int NEXT_PAGE_OFFSET = 20;
    public static final int RESERVED_OFFSET = 24;
    public static final int CIPHER_RESERVE_OFFSET = 32;
    public static final int CIPHER_NONCE_LENGTH = 12;
    public static final int CIPHER_TAG_LENGTH = 16;
    public static final int CIPHER_RESERVE_LENGTH = 32;
    /** Flag bit: the page content on disk is encrypted by the database's {@code PageCipher}. */
    public static final int FLAG_ENCRYPTED = 1;
    /** Size of the common header; type-specific content starts here. */
    public static final int SIZE = 64;
    /** The only page layout version this build writes and reads. */
    public static final int LAYOUT_VERSION = 1;

    private static final byte[] ZEROS = new byte[65536];

    private PageHeader() {
    }

    /** Zeroes the whole page and writes a fresh header: type, layout version, page number; LSN and links 0. */
    public static void format(ByteBuffer buf, int base, int pageSize, int pageNo, PageType type) {
        zero(buf, base, pageSize);
        buf.put(base + TYPE_OFFSET, (byte) type.code());
        buf.put(base + LAYOUT_VERSION_OFFSET, (byte) LAYOUT_VERSION);
        buf.putInt(base + PAGE_NO_OFFSET, pageNo);
    }

    /** Writes {@code length} zero bytes at {@code offset}. */
    public static void zero(ByteBuffer buf, int offset, int length) {
        int done = 0;
        while (done < length) {
            int n = Math.min(ZEROS.length, length - done);
            buf.put(offset + done, ZEROS, 0, n);
            done += n;
        }
    }

    public static int typeCode(ByteBuffer buf, int base) {
        return buf.get(base + TYPE_OFFSET) & 0xFF;
    }

    /** The page type, or {@code null} if the stored code is unknown. */
    public static PageType type(ByteBuffer buf, int base) {
        return PageType.fromCode(typeCode(buf, base));
    }

    public static void setType(ByteBuffer buf, int base, PageType type) {
        buf.put(base + TYPE_OFFSET, (byte) type.code());
    }

    public static int layoutVersion(ByteBuffer buf, int base) {
        return buf.get(base + LAYOUT_VERSION_OFFSET) & 0xFF;
    }

    public static int flags(ByteBuffer buf, int base) {
        return buf.getShort(base + FLAGS_OFFSET) & 0xFFFF;
    }

    public static void setFlags(ByteBuffer buf, int base, int flags) {
        buf.putShort(base + FLAGS_OFFSET, (short) flags);
    }

    public static long lsn(ByteBuffer buf, int base) {
        return buf.getLong(base + LSN_OFFSET);
    }

    public static void setLsn(ByteBuffer buf, int base, long lsn) {
        buf.putLong(base + LSN_OFFSET, lsn);
    }

    public static int pageNo(ByteBuffer buf, int base) {
        return buf.getInt(base + PAGE_NO_OFFSET);
    }

    public static int nextPage(ByteBuffer buf, int base) {
        return buf.getInt(base + NEXT_PAGE_OFFSET);
    }

    public static void setNextPage(ByteBuffer buf, int base, int next) {
        buf.putInt(base + NEXT_PAGE_OFFSET, next);
    }

    public static int checksum(ByteBuffer buf, int base) {
        return buf.getInt(base + CHECKSUM_OFFSET);
    }
}
