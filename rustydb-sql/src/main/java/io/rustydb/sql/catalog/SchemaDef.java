package io.rustydb.sql.catalog;

/**
 * A schema (namespace) of tables, views, indexes and sequences. Objects refer to their schema by id, so that a
 * rename touches only the schema's own row. Schema {@code public} (id {@value #PUBLIC_ID}) always exists and has no
 * row: a database written before schemas existed has every object in it.
 *
 * @param owner the role named by {@code AUTHORIZATION}, or null
 */
public record SchemaDef(int schemaId, String name, String owner) {
    /** The default schema. */
    public static final String PUBLIC = "public";
    /** The id of {@link #PUBLIC}; objects stored without a schema id are in it. */
    public static final int PUBLIC_ID = 0;
    /** The schema of the standard's views (virtual: computed from the catalog, nothing can be created in it). */
    public static final String INFORMATION_SCHEMA = "information_schema";
    /** PostgreSQL's system schema: implicitly first on every search path (virtual, nothing in it yet). */
    public static final String PG_CATALOG = "pg_catalog";

    /** Whether {@code name} is a schema the system provides, in which nothing can be created or dropped. */
    public static boolean isSystem(String name) {
        return INFORMATION_SCHEMA.equals(name) || PG_CATALOG.equals(name);
    }

    SchemaDef renamed(String newName) {
        return new SchemaDef(schemaId, newName, owner);
    }
}
