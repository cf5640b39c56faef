package io.rustydb.jdbc.flyway;

import java.sql.Connection;
import java.sql.Types;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.base.BaseDatabaseType;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParsingContext;

/**
 * The Flyway plugin for RustyDB: claims {@code jdbc:rustydb:} URLs (driver {@code io.rustydb.jdbc.Driver}) and
 * connections that report the product name {@code RustyDB} (a DataSource handed to Flyway), and creates the
 * {@link RustyDBDatabase} and the {@link RustyDBParser} for them.
 */
public final class RustyDBDatabaseType extends BaseDatabaseType {
    static final String PRODUCT_NAME = "RustyDB";
    private static final String URL_PREFIX = "jdbc:rustydb:";

    @Override
    public String getName() {
        return PRODUCT_NAME;
    }

    @Override
    public int getNullType() {
        return Types.NULL;
    }

    @Override
    public boolean handlesJDBCUrl(String url) {
        return url.startsWith(URL_PREFIX);
    }

    @Override
    public String getDriverClass(String url, ClassLoader classLoader) {
        return "io.rustydb.jdbc.Driver";
    }

    @Override
    public boolean handlesDatabaseProductNameAndVersion(String databaseProductName, String databaseProductVersion,
            Connection connection) {
        // Flyway passes "<product name> <major>.<minor>" here (JdbcUtils.getDatabaseProductName), e.g. "RustyDB 0.1".
        return databaseProductName.equals(PRODUCT_NAME) || databaseProductName.startsWith(PRODUCT_NAME + " ");
    }

    @Override
    public Database<?> createDatabase(Configuration configuration, JdbcConnectionFactory jdbcConnectionFactory,
            StatementInterceptor statementInterceptor) {
        return new RustyDBDatabase(configuration, jdbcConnectionFactory, statementInterceptor);
    }

    @Override
    public Parser createParser(Configuration configuration, ResourceProvider resourceProvider,
            ParsingContext parsingContext) {
        return new RustyDBParser(configuration, parsingContext);
    }
}
