package io.rustydb.sql.plan;

/**
 * One ORDER BY key: an input column, its direction, and where NULLs go. The default, as in PostgreSQL, puts NULLs
 * last when ascending and first when descending (NULL sorts as the largest value).
 */
public record SortKey(int column, boolean descending, boolean nullsFirst) {
}
