package io.rustydb.index.hash;

import io.rustydb.storage.page.PageHeader;
import io.rustydb.storage.page.PageType;
import java.nio.ByteBuffer;

/**
 * Layout of a hash index's meta page: the index's fixed entry point (its page number is the index's identity),
 * holding the directory's depth and the page numbers of the directory pages.
 *
 * <pre>
 *  offset size field (after the 64-byte {@link PageHeader}; the header's type is HASH_META)
 *  +-----+----+---------------------------------------------------------------------+
 *  |  64 |  2 | version         {@link #VERSION} (1)                                  |
 *  |  66 |  2 | global depth    G: the directory has 2^G slots                      |
 *  |  68 |  2 | max depth       the directory never grows past 2^max slots          |
 *  |  70 |  2 | reserved        0                                                   |
 *  |  72 |  4 | slots per page  slots of one directory page ({@link HashDirectoryPage}) |
 *  |  76 |  4 | directory pages n = ceil(2^G / slots per page)                      |
 *  |  80 |  8 | hash seed       XXH64 seed of every key of the index ({@link KeyHash})  |
 *  |  88 | 4n | directory page numbers, in slot order                               |
 *  +-----+----+---------------------------------------------------------------------+
 * </pre>
 *
 * Entries past {@code n} in the page-number array are meaningless (a directory doubling cut short by a crash may
 * have written some). Static accessors over the page buffer; the caller holds the page's latch.
 */
final class HashMetaPage {
    static final int VERSION_OFFSET = PageHeader.SIZE;
    static final int GLOBAL_DEPTH = PageHeader.SIZE + 2;
    static final int MAX_DEPTH = PageHeader.SIZE + 4;
    static final int SLOTS_PER_PAGE = PageHeader.SIZE + 8;
    static final int DIRECTORY_PAGE_COUNT = PageHeader.SIZE + 12;
    static final int HASH_SEED = PageHeader.SIZE + 16;
    static final int DIRECTORY_PAGES = PageHeader.SIZE + 24;
    /** The only meta page layout this build writes and reads. */
    static final int VERSION = 1;
    /**
     * The deepest directory whatever the page size: 2^20 slots (4 MiB of directory). A bucket at this depth no
     * longer splits (it chains overflow pages), so no split or doubling ever touches more directory than this.
     */
    static final int DEPTH_LIMIT = 20;

    private HashMetaPage() {
    }

    /** Formats the page as the meta page of an index with an empty directory of depth 0. */
    static void format(ByteBuffer b, int pageSize, int pageNo, long hashSeed, int slotsPerPage) {
        PageHeader.format(b, 0, pageSize, pageNo, PageType.HASH_META);
        b.putShort(VERSION_OFFSET, (short) VERSION);
        b.putShort(MAX_DEPTH, (short) maxDepth(pageSize, slotsPerPage));
        b.putInt(SLOTS_PER_PAGE, slotsPerPage);
        b.putLong(HASH_SEED, hashSeed);
    }

    /** How many directory page numbers fit a meta page. */
    static int maxDirectoryPages(int pageSize) {
        return (pageSize - DIRECTORY_PAGES) / 4;
    }

    /** The deepest directory the meta page can describe, at most {@link #DEPTH_LIMIT}. */
    static int maxDepth(int pageSize, int slotsPerPage) {
        long slots = (long) maxDirectoryPages(pageSize) * slotsPerPage;
        return Math.min(DEPTH_LIMIT, 63 - Long.numberOfLeadingZeros(slots));
    }

    /** Directory pages needed for a directory of depth {@code depth}. */
    static int pagesFor(int depth, int slotsPerPage) {
        return (int) (((1L << depth) + slotsPerPage - 1) / slotsPerPage);
    }

    static boolean isMeta(ByteBuffer b) {
        return PageHeader.type(b, 0) == PageType.HASH_META;
    }

    static int version(ByteBuffer b) {
        return Short.toUnsignedInt(b.getShort(VERSION_OFFSET));
    }

    static int globalDepth(ByteBuffer b) {
        return Short.toUnsignedInt(b.getShort(GLOBAL_DEPTH));
    }

    static void setGlobalDepth(ByteBuffer b, int depth) {
        b.putShort(GLOBAL_DEPTH, (short) depth);
    }

    static int maxDepth(ByteBuffer b) {
        return Short.toUnsignedInt(b.getShort(MAX_DEPTH));
    }

    static int slotsPerPage(ByteBuffer b) {
        return b.getInt(SLOTS_PER_PAGE);
    }

    static int directoryPageCount(ByteBuffer b) {
        return b.getInt(DIRECTORY_PAGE_COUNT);
    }

    static void setDirectoryPageCount(ByteBuffer b, int n) {
        b.putInt(DIRECTORY_PAGE_COUNT, n);
    }

    static long hashSeed(ByteBuffer b) {
        return b.getLong(HASH_SEED);
    }

    /** Page number of directory page {@code i}. */
    static int directoryPage(ByteBuffer b, int i) {
        return b.getInt(DIRECTORY_PAGES + 4 * i);
    }

    static void setDirectoryPage(ByteBuffer b, int i, int pageNo) {
        b.putInt(DIRECTORY_PAGES + 4 * i, pageNo);
    }
}
