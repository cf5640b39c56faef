package io.rustydb.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A handle on an open database from {@link RustyDB}: hands out connections and keeps the database open until it
 * is closed (connections it handed out keep it open too, until they are closed).
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private final SharedDatabase database;
    private final String url;
    private boolean closed;

    EmbeddedDatabase(SharedDatabase database, String url) {
        this.database = database;
        this.url = url;
    }

    /** A new connection to this database. */
    public synchronized Connection connect() throws SQLException {
        if (closed) {
            throw SqlExceptions.closed("database handle");
        }
        synchronized (DatabaseRegistry.class) {
            database.retain();
        }
        try {
            return new RustyConnection(database, url, database.config());
        } catch (RuntimeException e) {
            DatabaseRegistry.release(database);
            throw SqlExceptions.of(e);
        }
    }

    /** Writes every dirty page and forces the file (a no-op for in-memory databases). */
    public void flush() {
        database.engine().storage().flush();
    }

    /** Releases this handle; the database closes when no connection uses it either. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            DatabaseRegistry.release(database);
        }
    }
}
