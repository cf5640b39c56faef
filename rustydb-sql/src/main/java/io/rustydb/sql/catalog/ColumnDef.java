package io.rustydb.sql.catalog;

import io.rustydb.core.type.DataType;

/** One column of a table: its name (folded to lower case unless quoted), type and nullability. */
public record ColumnDef(String name, DataType type, boolean nullable) {
}
