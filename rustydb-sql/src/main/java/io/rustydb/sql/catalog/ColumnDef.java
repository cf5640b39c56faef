package io.rustydb.sql.catalog;

import io.rustydb.core.type.DataType;

/**
 * One column of a table: its name (folded to lower case unless quoted), type, nullability and default (the SQL
 * text of its DEFAULT expression, or null for NULL; bound again by each statement that needs it).
 */
public record ColumnDef(String name, DataType type, boolean nullable, String defaultSql) {
    /** A column without a default. */
    public ColumnDef(String name, DataType type, boolean nullable) {
        this(name, type, nullable, null);
    }
}
