package io.rustydb.bench.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** SQLite through xerial's sqlite-jdbc (native library inside the jar). */
final class SqliteEngine extends Engine {
    SqliteEngine() {
        super("sqlite", "SQLite", "org.sqlite.JDBC");
    }

    @Override
    public String url(Mode mode, String name, Path dir) {
        return mode == Mode.MEMORY ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + dir.resolve(name + ".db");
    }

    @Override
    public String configuration(Mode mode) {
        return mode == Mode.MEMORY
                ? "`jdbc:sqlite::memory:` (a private database per connection, so one connection)"
                : "`jdbc:sqlite:PATH` with `journal_mode=WAL`, `synchronous=FULL` (fsync of the WAL on every commit),"
                        + " `busy_timeout=30000` so writers from several threads wait rather than fail";
    }

    @Override
    protected void afterConnect(Connection c, Mode mode) throws SQLException {
        if (mode == Mode.DURABLE) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=30000");
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
            }
        }
    }

    @Override
    public Connection connectAnother(Connection first, String url, Mode mode) throws SQLException {
        if (mode == Mode.MEMORY) {
            throw new java.sql.SQLFeatureNotSupportedException("an in-memory SQLite database has one connection");
        }
        return connect(url, mode);
    }

    @Override
    public String mod(String expr, int n) {
        return expr + " % " + n;
    }
}
