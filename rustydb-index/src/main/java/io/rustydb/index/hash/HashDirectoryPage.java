package io.rustydb.index.hash;

import io.rustydb.storage.page.PageHeader;
import io.rustydb.storage.page.PageType;
import java.nio.ByteBuffer;

/**
 * Layout of one page of a hash index's directory: a run of slots, each the page number of the primary bucket page
 * for the keys whose hash ends in the slot's number (its low G bits, G the global depth in the meta page).
 *
 * <pre>
 *  offset size field (after the 64-byte {@link PageHeader}; the header's type is HASH_DIRECTORY)
 *  +-----+----+---------------------------------------------------------------------+
 *  |  64 |  4 | first slot      number of this page's first slot = page index x s   |
 *  |  68 |  4 | reserved        0                                                   |
 *  |  72 | 4s | slots           u32 primary bucket page of slots first .. first+s-1 |
 *  +-----+----+---------------------------------------------------------------------+
 *  s = slots per page, from the meta page: at most (pageSize - 72) / 4 (1006 for 4 KiB pages)
 * </pre>
 *
 * Slot {@code i} lives in directory page {@code i / s} at index {@code i % s}. Slots at or past 2^G are
 * meaningless. Static accessors over the page buffer; the caller holds the page's latch.
 */
final class HashDirectoryPage {
    static final int FIRST_SLOT = PageHeader.SIZE;
    static final int SLOTS = PageHeader.SIZE + 8;

    private HashDirectoryPage() {
    }

    /** The most slots a directory page of {@code pageSize} bytes holds. */
    static int capacity(int pageSize) {
        return (pageSize - SLOTS) / 4;
    }

    /** Formats the page as directory page holding the slots from {@code firstSlot} on, all 0. */
    static void format(ByteBuffer b, int pageSize, int pageNo, int firstSlot) {
        PageHeader.format(b, 0, pageSize, pageNo, PageType.HASH_DIRECTORY);
        b.putInt(FIRST_SLOT, firstSlot);
    }

    static boolean isDirectory(ByteBuffer b) {
        return PageHeader.type(b, 0) == PageType.HASH_DIRECTORY;
    }

    static int firstSlot(ByteBuffer b) {
        return b.getInt(FIRST_SLOT);
    }

    /** The bucket page of the page's slot at index {@code i} (not the global slot number). */
    static int bucket(ByteBuffer b, int i) {
        return b.getInt(SLOTS + 4 * i);
    }

    static void setBucket(ByteBuffer b, int i, int pageNo) {
        b.putInt(SLOTS + 4 * i, pageNo);
    }
}
