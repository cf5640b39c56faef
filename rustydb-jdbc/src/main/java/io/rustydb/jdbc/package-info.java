/**
 * The connection layer: the JDBC driver, connections and statements, result sets and metadata, the embedded
 * API ({@link io.rustydb.jdbc.RustyDB}) and the registry of open databases.
 *
 * <p>The one place where internal errors become {@link java.sql.SQLException}s ({@link io.rustydb.jdbc.SqlExceptions}).
 * May use every lower layer.
 */
package io.rustydb.jdbc;
