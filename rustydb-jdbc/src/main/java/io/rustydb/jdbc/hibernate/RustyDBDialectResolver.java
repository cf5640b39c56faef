package io.rustydb.jdbc.hibernate;

import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Tells Hibernate that a connection whose {@code DatabaseMetaData.getDatabaseProductName()} is {@code RustyDB} is
 * spoken to with {@link RustyDBDialect}; any other product is left to the next resolver (null). Registered through
 * {@code META-INF/services/org.hibernate.engine.jdbc.dialect.spi.DialectResolver}, which Hibernate's
 * {@code DialectResolverInitiator} loads and consults before its own resolver.
 */
public final class RustyDBDialectResolver implements DialectResolver {
    /** The product name the driver reports. */
    static final String PRODUCT_NAME = "RustyDB";

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        return PRODUCT_NAME.equals(info.getDatabaseName()) ? new RustyDBDialect(info) : null;
    }
}
