package io.rustydb.index.key;

import io.rustydb.core.type.DataType;

import java.util.Objects;

/**
 * One column of an index key: its SQL type, its direction and where its NULLs sort. {@code nullsFirst} is
 * independent of {@code descending}: {@code DESC NULLS LAST} puts NULLs after the smallest value.
 *
 * @param type       the column's type; its values must be of {@link DataType#javaClass()}
 * @param descending true for {@code DESC}
 * @param nullsFirst true for {@code NULLS FIRST}
 */
public record KeyColumn(DataType type, boolean descending, boolean nullsFirst) {
    public KeyColumn {
        Objects.requireNonNull(type, "type");
    }

    /** {@code ASC}, with PostgreSQL's default {@code NULLS LAST}. */
    public static KeyColumn asc(DataType type) {
        return new KeyColumn(type, false, false);
    }

    /** {@code DESC}, with PostgreSQL's default {@code NULLS FIRST}. */
    public static KeyColumn desc(DataType type) {
        return new KeyColumn(type, true, true);
    }
}
