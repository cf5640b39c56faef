package io.rustydb.sql.catalog;

/** What a comment ({@code COMMENT ON}) is on: a table ({@code column} -1) or one of its columns (by position). */
public record CommentKey(int tableId, int column) {
}
