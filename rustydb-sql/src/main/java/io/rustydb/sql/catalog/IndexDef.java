package io.rustydb.sql.catalog;

import java.util.List;

/**
 * An index of a table as the catalog knows it: id, name (unique in the database, like table names), the indexed
 * columns (positions in the table, each with its order), whether it is UNIQUE and whether it is the PRIMARY KEY,
 * its method, and the page that identifies its structure (the B+tree's root). Immutable.
 */
public record IndexDef(int indexId, String name, int tableId, List<IndexColumn> columns, boolean unique,
                       boolean primaryKey, IndexMethod method, int rootPage) {
    public IndexDef {
        columns = List.copyOf(columns);
    }

    /** One indexed column: its position in the table, direction, and where its NULLs sort. */
    public record IndexColumn(int column, boolean descending, boolean nullsFirst) {
        /** PostgreSQL's default null placement: NULL sorts as the largest value (last ascending, first descending). */
        public static IndexColumn of(int column, boolean descending) {
            return new IndexColumn(column, descending, descending);
        }
    }

    /** How the index is stored. */
    public enum IndexMethod { BTREE, HASH }

    /** The same index with its structure at {@code page}. */
    public IndexDef withRootPage(int page) {
        return new IndexDef(indexId, name, tableId, columns, unique, primaryKey, method, page);
    }

    /** The table column positions, in index order. */
    public int[] columnPositions() {
        int[] out = new int[columns.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = columns.get(i).column();
        }
        return out;
    }
}
