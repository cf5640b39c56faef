package io.rustydb.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver for {@code jdbc:rustydb:} URLs, registered through {@code META-INF/services/java.sql.Driver}
 * (and when this class loads). See {@link ConnectionUrl} for the URL forms and {@code docs/} for the options.
 */
public final class Driver implements java.sql.Driver {
    public static final int MAJOR_VERSION = 0;
    public static final int MINOR_VERSION = 1;
    public static final String VERSION = "0.1.0-SNAPSHOT";

    static {
        try {
            DriverManager.registerDriver(new Driver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        try {
            ConnectionUrl parsed = ConnectionUrl.parse(url, info);
            io.rustydb.core.config.DatabaseConfig config =
                    io.rustydb.core.config.DatabaseConfig.fromOptions(parsed.options());
            SharedDatabase db = DatabaseRegistry.acquire(parsed);
            try {
                return new RustyConnection(db, url, config);
            } catch (RuntimeException e) {
                DatabaseRegistry.release(db);
                throw e;
            }
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return ConnectionUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        String[] names = io.rustydb.core.config.DatabaseConfig.optionNames().toArray(new String[0]);
        DriverPropertyInfo[] result = new DriverPropertyInfo[names.length];
        for (int i = 0; i < names.length; i++) {
            result[i] = new DriverPropertyInfo(names[i], info == null ? null : info.getProperty(names[i]));
        }
        return result;
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    /** Not yet: the driver does not pass the JDBC compliance suite, so it says so. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("RustyDB logs through SLF4J, not java.util.logging");
    }
}
