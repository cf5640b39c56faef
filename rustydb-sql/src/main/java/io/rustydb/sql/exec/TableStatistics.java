package io.rustydb.sql.exec;

import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.TableDef;

/**
 * What the cost model knows about the data: the number of rows of a table, read from the counter the table heap
 * keeps as rows are inserted and removed (cheap, approximate: it counts versions vacuum has not removed yet).
 * Indexes and their uniqueness come from the table definition itself.
 */
public interface TableStatistics {
    /** Rows assumed for a table when nothing is known. */
    long DEFAULT_ROWS = 1000;

    /** Statistics that know nothing: every table has {@link #DEFAULT_ROWS} rows. */
    TableStatistics NONE = table -> DEFAULT_ROWS;

    /** The estimated number of rows of {@code table}. */
    long rowCount(TableDef table);

    /** The row counts of the tables of {@code catalog}. */
    static TableStatistics of(Catalog catalog) {
        return table -> table.tableId() < 0 ? DEFAULT_ROWS : catalog.heap(table).estimatedRowCount();
    }
}
