package io.rustydb.sql.engine;

/**
 * What executing one statement gave: rows ({@link #query()} non-null), an update count, or both (a data-changing
 * statement with RETURNING: its rows and how many rows it changed); for an INSERT also
 * the table and the rows it stored (every column in table order, generated values included), from which the driver
 * answers {@code getGeneratedKeys}.
 */
public record StatementResult(QueryResult query, long updateCount, io.rustydb.sql.catalog.TableDef insertedInto,
                              java.util.List<Object[]> insertedRows) {
    public static StatementResult rows(QueryResult query) {
        return new StatementResult(query, -1, null, null);
    }

    public static StatementResult count(long updateCount) {
        return new StatementResult(null, updateCount, null, null);
    }

    /** An INSERT's result: how many rows, into which table, with what values. */
    public static StatementResult inserted(io.rustydb.sql.catalog.TableDef table, java.util.List<Object[]> rows) {
        return new StatementResult(null, rows.size(), table, rows);
    }

    /** Whether the statement produced rows (a query, or RETURNING): then {@link #query()} holds them. */
    public boolean isQuery() {
        return query != null;
    }
}
