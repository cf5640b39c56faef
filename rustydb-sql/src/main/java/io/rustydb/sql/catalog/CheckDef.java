package io.rustydb.sql.catalog;

/**
 * A CHECK constraint of a table: its name (given, or {@code <table>_<column>_check} / {@code <table>_check} as
 * PostgreSQL names them) and the SQL text of its condition over the table's columns, bound again by each INSERT
 * and UPDATE that must enforce it.
 */
public record CheckDef(String name, String sql) {
}
