package io.rustydb.storage.heap;

import io.rustydb.storage.page.PageHeader;

/**
 * Layout of an overflow page (page type {@code OVERFLOW}, code 4): one chunk of a large value. A value is a chain of
 * overflow pages linked through the common header's next-page field, identified by its first page.
 *
 * <pre>
 *  offset size field (after the 64-byte common header)
 *  +-----+----+----------------------------------------------------------------+
 *  |  64 |  4 | first page    first page of the value this page belongs to      |
 *  |  68 |  4 | page index    0 for the first page, then 1, 2, ... along the chain|
 *  |  72 |  8 | total length  length of the whole value in bytes               |
 *  |  80 |  4 | chunk length  bytes of the value on this page                  |
 *  |  84 |  4 | reserved      0                                                |
 *  +-----+----+----------------------------------------------------------------+
 *  |  88 |    | chunk: value bytes [index * capacity, index * capacity + chunk) |
 *  +-----+----+----------------------------------------------------------------+
 *  capacity = pageSize - 88 (4008 bytes for 4 KiB pages, 8104 for 8 KiB)
 * </pre>
 *
 * Every page but the last is full. A reader checks each page's type, first page, index, total length and chunk
 * length against what the reference and the position in the chain imply, so a chain that wanders into another value
 * or a freed page is reported as corruption (XX001) instead of returning wrong bytes.
 */
final class OverflowPage {
    static final int FIRST_PAGE_OFFSET = PageHeader.SIZE;          // 64
    static final int INDEX_OFFSET = PageHeader.SIZE + 4;           // 68
    static final int TOTAL_LENGTH_OFFSET = PageHeader.SIZE + 8;    // 72
    static final int CHUNK_LENGTH_OFFSET = PageHeader.SIZE + 16;   // 80
    static final int DATA_OFFSET = PageHeader.SIZE + 24;           // 88

    private OverflowPage() {
    }

    /** Value bytes per page. */
    static int capacity(int pageSize) {
        return pageSize - DATA_OFFSET;
    }
}
