package io.rustydb.sql.engine;

import io.rustydb.core.type.DataType;
import java.util.List;

/**
 * The rows of a query with their column names and types. Rows are fully read before the result is handed over
 * (see {@link SqlEngine} on why, until MVCC snapshots let a cursor stay open without holding a lock).
 */
public record QueryResult(List<String> columnNames, List<DataType> columnTypes, List<Object[]> rows) {
    public QueryResult {
        columnNames = List.copyOf(columnNames);
        columnTypes = List.copyOf(columnTypes);
        rows = List.copyOf(rows);
    }
}
