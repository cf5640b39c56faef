package io.rustydb.sql.catalog;

import java.util.Arrays;

/**
 * A FOREIGN KEY constraint of a (child) table: its name, the child's key columns (positions), the referenced
 * (parent) table and its columns, which hold a unique index, and what a delete or key update in the parent does to
 * the children (MATCH SIMPLE: a child key with a NULL column references nothing and is not checked). Immutable.
 */
public record ForeignKeyDef(String name, int[] columns, int parentTableId, int[] parentColumns, Action onDelete,
                            Action onUpdate) {
    public ForeignKeyDef {
        columns = columns.clone();
        parentColumns = parentColumns.clone();
    }

    /** The referential actions. */
    public enum Action {
        /** Fail (23503) if children remain at the end of the statement (the default). */
        NO_ACTION,
        /** Fail (23503) if children exist. */
        RESTRICT,
        /** Delete the children, or change their key along with the parent's. */
        CASCADE,
        /** Set the children's key columns to NULL. */
        SET_NULL,
        /** Set the children's key columns to their defaults (which must reference an existing parent). */
        SET_DEFAULT;

        /** The action named in SQL ({@code SET NULL}, {@code NO ACTION}...); null or empty gives NO ACTION. */
        public static Action parse(String sql) {
            if (sql == null || sql.isBlank()) {
                return NO_ACTION;
            }
            return valueOf(sql.trim().toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", "_"));
        }

        /** The SQL spelling. */
        public String sql() {
            return name().replace('_', ' ');
        }
    }

    @Override
    public int[] columns() {
        return columns.clone();
    }

    @Override
    public int[] parentColumns() {
        return parentColumns.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForeignKeyDef f && f.name.equals(name) && Arrays.equals(f.columns, columns)
                && f.parentTableId == parentTableId && Arrays.equals(f.parentColumns, parentColumns)
                && f.onDelete == onDelete && f.onUpdate == onUpdate;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + parentTableId;
    }
}
