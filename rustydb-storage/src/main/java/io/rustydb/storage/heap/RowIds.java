package io.rustydb.storage.heap;

/**
 * Packs a row id: the page number in the high 32 bits, the slot in the low 32 bits. A row id stays valid for the
 * row's life (updates that relocate a row leave a forward pointer); after a delete the slot may be reused.
 */
public final class RowIds {
    private RowIds() {
    }

    public static long of(int pageNo, int slot) {
        return ((long) pageNo << 32) | (slot & 0xFFFFFFFFL);
    }

    public static int pageNo(long rowId) {
        return (int) (rowId >>> 32);
    }

    public static int slot(long rowId) {
        return (int) rowId;
    }

    /** "(page,slot)", for messages. */
    public static String toString(long rowId) {
        return "(" + pageNo(rowId) + "," + slot(rowId) + ")";
    }
}
