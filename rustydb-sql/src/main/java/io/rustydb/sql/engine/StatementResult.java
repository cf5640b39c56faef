package io.rustydb.sql.engine;

/**
 * What executing one statement gave: rows ({@link #query()} non-null), an update count, or both (a data-changing
 * statement with RETURNING: its rows and how many rows it changed); for an INSERT also
 * the table and the rows it stored (every column in table order, generated values included), from which the driver
 * answers {@code getGeneratedKeys}.
 */
public record StatementResult(QueryResult query, long updateCount, io.rustydb.sql.catalog.TableDef insertedInto,
                              java.util.List<Object[]> insertedRows, java.util.List<String> notices) {
    /** Without notices. */
    public StatementResult(QueryResult query, long updateCount, io.rustydb.sql.catalog.TableDef insertedInto,
                           java.util.List<Object[]> insertedRows) {
        this(query, updateCount, insertedInto, insertedRows, java.util.List.of());
    }

    /** This result with the notices the statement gave ({@link Notices}). */
    public StatementResult withNotices(java.util.List<String> messages) {
        return messages.isEmpty() ? this : new StatementResult(query, updateCount, insertedInto, insertedRows, messages);
    }

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
