package io.rustydb.sql.catalog;

import io.rustydb.core.type.DataType;
import java.util.List;

/**
 * A table as the catalog knows it: id, name, columns, CHECK constraints and the first page of the heap that
 * stores its rows. Immutable; DDL replaces the whole definition.
 */
public record TableDef(int tableId, String name, List<ColumnDef> columns, int heapFirstPage, List<CheckDef> checks) {
    public TableDef {
        columns = List.copyOf(columns);
        checks = List.copyOf(checks);
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
