package io.rustydb.sql.catalog;

import io.rustydb.core.type.DataType;
import java.util.List;

/**
 * A table as the catalog knows it: id, name, columns, CHECK constraints, indexes (PRIMARY KEY and UNIQUE
 * constraints are unique indexes), the foreign keys it holds, and the first page of the heap that stores its rows. Immutable; DDL replaces the
 * whole definition.
 */
public record TableDef(int tableId, String name, List<ColumnDef> columns, int heapFirstPage, List<CheckDef> checks,
                       List<IndexDef> indexes, List<ForeignKeyDef> foreignKeys) {
    public TableDef {
        columns = List.copyOf(columns);
        checks = List.copyOf(checks);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** A table without indexes or foreign keys. */
    public TableDef(int tableId, String name, List<ColumnDef> columns, int heapFirstPage, List<CheckDef> checks) {
        this(tableId, name, columns, heapFirstPage, checks, List.of(), List.of());
    }

    /** This table with {@code indexes} instead of its own. */
    public TableDef withIndexes(List<IndexDef> newIndexes) {
        return new TableDef(tableId, name, columns, heapFirstPage, checks, newIndexes, foreignKeys);
    }

    /** This table with {@code keys} as its foreign keys. */
    public TableDef withForeignKeys(List<ForeignKeyDef> keys) {
        return new TableDef(tableId, name, columns, heapFirstPage, checks, indexes, keys);
    }

    /** The primary key's index, or null. */
    public IndexDef primaryKey() {
        for (IndexDef index : indexes) {
            if (index.primaryKey()) {
                return index;
            }
        }
        return null;
    }

    /** A table without CHECK constraints. */
    public TableDef(int tableId, String name, List<ColumnDef> columns, int heapFirstPage) {
        this(tableId, name, columns, heapFirstPage, List.of());
    }

    /** The position of the column named {@code columnName}, or -1. Names are compared exactly (already folded). */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }

    /** The column types in table order, as the row codec needs them. */
    public DataType[] columnTypes() {
        DataType[] types = new DataType[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.get(i).type();
        }
        return types;
    }
}
