package io.rustydb.storage.heap;

import io.rustydb.storage.page.SlottedPage;

/**
 * Layout of a heap page: a {@link SlottedPage} of type HEAP whose aux area holds the heap's fields, linked to the
 * next page of its heap through the page header's next-page field.
 *
 * <pre>
 *  aux area (page offsets)
 *  +-----+----+---------------------------------------------------------------+
 *  |  72 |  4 | owner          first page of the heap this page belongs to     |
 *  |  76 |  4 | tail           last page of the chain (first page only)         |
 *  |  80 |  8 | tuple count    snapshot taken at flush (first page only)        |
 *  |  88 |  8 | reserved       0                                                |
 *  +-----+----+---------------------------------------------------------------+
 *
 *  tuples by slot flag
 *  NORMAL    the row's bytes
 *  REDIRECT  i64 row id of the MOVED tuple that holds the row (8 bytes)
 *  MOVED     i64 home row id | the row's bytes           (a relocated row)
 * </pre>
 *
 * A row that outgrows its page on update moves to another page as a MOVED tuple and its home slot becomes a
 * REDIRECT, so the row id never changes; there is at most one hop. Scans skip REDIRECT slots and report a MOVED
 * tuple under its home row id, so they never pin two pages.
 */
final class HeapPage {
    static final int OWNER_OFFSET = SlottedPage.AUX_OFFSET;           // 72
    static final int TAIL_OFFSET = SlottedPage.AUX_OFFSET + 4;        // 76
    static final int TUPLE_COUNT_OFFSET = SlottedPage.AUX_OFFSET + 8; // 80
    /** Bytes before the row in a MOVED tuple (the home row id). */
    static final int MOVED_PREFIX = 8;
    /** Length of a REDIRECT tuple. */
    static final int REDIRECT_LENGTH = 8;

    private HeapPage() {
    }
}
