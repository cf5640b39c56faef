package io.rustydb.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.PooledConnection;

/**
 * A {@link DataSource} (and {@link ConnectionPoolDataSource}, for pools that build on one) for application servers,
 * Spring and connection pools, configured as a JavaBean: {@code url} ({@code jdbc:rustydb:mem:NAME},
 * {@code jdbc:rustydb:file:PATH;option=value...}), optional {@code user} and {@code password}. Every connection it
 * hands out is a new connection to the same embedded database (the database stays open while any is); options in
 * the URL apply to each, and an unknown option is an error, as with {@code DriverManager}.
 */
public class RustyDataSource implements DataSource, ConnectionPoolDataSource {
    private String url;
    private String user;
    private String password;
    private int loginTimeout;
    private PrintWriter logWriter;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        if (url == null) {
            throw new SQLException("the data source has no url (setUrl(\"jdbc:rustydb:mem:NAME\"))", "08001");
        }
        Properties info = new Properties();
        if (username != null) {
            info.setProperty("user", username);
        }
        if (pass != null) {
            info.setProperty("password", pass);
        }
        Connection c = new Driver().connect(url, info);
        if (c == null) {
            throw new SQLException("not a RustyDB URL: " + url, "08001");
        }
        return c;
    }

    @Override
    public PooledConnection getPooledConnection() throws SQLException {
        return new RustyPooledConnection(getConnection());
    }

    @Override
    public PooledConnection getPooledConnection(String username, String pass) throws SQLException {
        return new RustyPooledConnection(getConnection(username, pass));
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    /** Accepted and reported back; opening an embedded database does not wait for a server. */
    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("RustyDB logs through SLF4J, not java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
