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
        checkHandleOpen();
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

    /**
     * Takes a checkpoint now: writes every dirty page, forces the file and truncates the write-ahead log, so that
     * opening the database after a crash has nothing to replay. A no-op for in-memory databases. The background
     * checkpointer does this on its own; call it before copying the file, say.
     */
    public synchronized void checkpoint() throws SQLException {
        checkHandleOpen();
        if (database.engine().storage().isInMemory()) {
            return;
        }
        try {
            database.engine().store().checkpointer().checkpoint();
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        }
    }

    /** A snapshot of the database's counters. */
    public synchronized DatabaseStatistics statistics() throws SQLException {
        checkHandleOpen();
        var engine = database.engine();
        var pool = engine.storage().bufferPool();
        var cache = pool.stats();
        var store = engine.store();
        return new DatabaseStatistics(engine.storage().name(), engine.storage().isInMemory(), pool.pageSize(),
                pool.diskManager().pageCount(), engine.tables().size(), DatabaseRegistry.references(database),
                engine.transactions().active().size(), cache.hits(), cache.misses(), cache.evictions(),
                cache.capacityFrames(), store.checkpointer().checkpoints(), store.recoveredRecords(),
                store.rolledBackAtOpen());
    }

    private void checkHandleOpen() throws SQLException {
        if (closed) {
            throw SqlExceptions.closed("database handle");
        }
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
