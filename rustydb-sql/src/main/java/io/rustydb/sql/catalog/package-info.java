/**
 * The catalog: table and column definitions, stored in system heaps of the database itself.
 *
 * <p>May use rustydb-core and rustydb-storage; knows nothing of parsing or execution.
 */
package io.rustydb.sql.catalog;
