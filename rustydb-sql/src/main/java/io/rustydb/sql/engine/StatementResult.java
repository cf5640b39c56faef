package io.rustydb.sql.engine;

/** What executing one statement gave: either rows ({@link #query()} non-null) or an update count. */
public record StatementResult(QueryResult query, long updateCount) {
    public static StatementResult rows(QueryResult query) {
        return new StatementResult(query, -1);
    }

    public static StatementResult count(long updateCount) {
        return new StatementResult(null, updateCount);
    }

    public boolean isQuery() {
        return query != null;
    }
}
