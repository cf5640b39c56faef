package io.rustydb.sql.catalog;

/**
 * The full name of a table, view, index or sequence: its schema and its name within it (both already
 * case-folded). Printed as {@code schema.name} in messages.
 */
public record QualifiedName(String schema, String name) {
    /** {@code name} in schema {@code public}. */
    public static QualifiedName inPublic(String name) {
        return new QualifiedName(SchemaDef.PUBLIC, name);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
