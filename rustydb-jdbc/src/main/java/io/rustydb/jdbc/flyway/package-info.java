/**
 * Flyway 10+ support, found by Flyway itself: {@link io.rustydb.jdbc.flyway.RustyDBDatabaseType} is registered in
 * {@code META-INF/services/org.flywaydb.core.extensibility.Plugin} and claims {@code jdbc:rustydb:} URLs and
 * connections whose product name is {@code RustyDB}. Without it Flyway stops with "Unsupported Database".
 *
 * <p>The classes follow the shape of Flyway's own database modules: a database type (detection, driver, parser),
 * a database (schema history table DDL, transactional DDL), a connection (current schema), a schema and a table
 * (existence, locking, cleaning). Everything they ask of the database goes through {@code information_schema}
 * and plain JDBC, never {@code pg_catalog}.
 *
 * <p>Flyway is a {@code provided} dependency of rustydb-jdbc: these classes are loaded only by Flyway's service
 * loader, never by the driver.
 */
package io.rustydb.jdbc.flyway;
