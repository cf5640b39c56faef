package io.rustydb.sql.index;

/**
 * A forward-only walk over index entries, each the key of the indexed columns followed by a row id (see
 * {@link TableIndex}). Holds no latch between calls.
 */
public interface IndexEntries {
    /** Advances to the next entry; false at the end. */
    boolean next();

    /** The current entry (a copy the caller owns). */
    byte[] entry();

    /** Entries of a list. */
    static IndexEntries of(java.util.List<byte[]> entries) {
        java.util.Iterator<byte[]> it = entries.iterator();
        return new IndexEntries() {
            private byte[] current;

            @Override
            public boolean next() {
                current = it.hasNext() ? it.next() : null;
                return current != null;
            }

            @Override
            public byte[] entry() {
                return current;
            }
        };
    }

    /** Entries of a B+tree scan. */
    static IndexEntries of(io.rustydb.index.btree.BTreeCursor cursor) {
        return new IndexEntries() {
            @Override
            public boolean next() {
                return cursor.next();
            }

            @Override
            public byte[] entry() {
                return cursor.key();
            }
        };
    }
}
