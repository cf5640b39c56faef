package io.rustydb.sql.catalog;

/**
 * How the catalog keys an object of a schema internally: by the schema's id (stable across ALTER SCHEMA RENAME)
 * and the object's name. {@link QualifiedName} is the form by schema name that callers use.
 */
record QualifiedKey(int schemaId, String name) {
}
