/**
 * Hibernate ORM 7 support, found by Hibernate itself: {@link io.rustydb.jdbc.hibernate.RustyDBDialectResolver} is
 * registered in {@code META-INF/services/org.hibernate.engine.jdbc.dialect.spi.DialectResolver} and answers
 * {@link io.rustydb.jdbc.hibernate.RustyDBDialect} when the connection reports the product name {@code RustyDB}, so
 * an application sets nothing but its {@code jdbc:rustydb:} URL.
 *
 * <p>Hibernate is a {@code provided} dependency of rustydb-jdbc: these classes are loaded only by Hibernate's
 * service loader, never by the driver. They talk to the database through SQL and JDBC only, like any client.
 */
package io.rustydb.jdbc.hibernate;
