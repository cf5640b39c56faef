package io.rustydb.storage.page;

/**
 * The kind of a page, stored in byte {@link PageHeader#TYPE_OFFSET} of every page except page 0.
 *
 * <p>Codes are part of the file format: append new types, never renumber.
 */
public enum PageType {
    /** A page that was allocated but never formatted (all zeros). Never valid on disk. */
    UNINITIALIZED(0),
    /** Page 0: the file header ({@code io.rustydb.storage.file.FileHeader}); it has its own layout. */
    FILE_HEADER(1),
    /** A page on the free list; {@link PageHeader#NEXT_PAGE_OFFSET} links to the next free page. */
    FREE(2),
    /** A slotted page of a table heap. */
    HEAP(3),
    /** A page of a large value (overflow chain, {@code io.rustydb.storage.heap.OverflowStore}). */
    OVERFLOW(4),
    /** Reserved for the index module: a B+tree inner node. */
    BTREE_INNER(5),
    /** Reserved for the index module: a B+tree leaf. */
    BTREE_LEAF(6),
    /** Reserved for the index module: a hash index's meta page (its fixed entry point). */
    HASH_META(7),
    /** Reserved for the index module: a page of a hash index's directory. */
    HASH_DIRECTORY(8),
    /** Reserved for the index module: a hash index's primary bucket page. */
    HASH_BUCKET(9),
    /** Reserved for the index module: a hash index's overflow page, chained behind a primary bucket page. */
    HASH_OVERFLOW(10);

    private static final PageType[] BY_CODE = new PageType[256];

    static {
        for (PageType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    PageType(int code) {
        this.code = code;
    }

    /** The on-disk code. */
    public int code() {
        return code;
    }

    /** The type for an on-disk code, or {@code null} if the code is unknown. */
    public static PageType fromCode(int code) {
        return code < 0 || code > 255 ? null : BY_CODE[code];
    }
}
