/**
 * The SQL engine's entry point: prepares statements (with the plan cache) and executes them.
 *
 * <p>Used by the connection layer (rustydb-jdbc). May use every package of rustydb-sql and rustydb-storage.
 */
package io.rustydb.sql.engine;
