package io.rustydb.jdbc;

import io.rustydb.core.config.DatabaseConfig;
import io.rustydb.sql.engine.SqlEngine;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import java.util.HashMap;
import java.util.Map;

/**
 * The databases open in this JVM, by {@link ConnectionUrl#registryKey()}. Two connections to {@code mem:app}
 * share one database; {@code mem:other} is another one. A database stays open while any connection or embedded
 * handle uses it and is closed when the last one closes: an in-memory database is then dropped, and a file
 * database is flushed, checkpointed and unlocked so another process may open it.
 */
final class DatabaseRegistry {
    private static final Map<String, SharedDatabase> OPEN = new HashMap<>();
    /** Databases being closed (outside the registry's lock): an open of the same key waits for the close. */
    private static final Map<String, java.util.concurrent.CountDownLatch> CLOSING = new HashMap<>();

    private DatabaseRegistry() {
    }

    /** Opens (or joins) the database {@code url} names, taking one reference to it. */
    static SharedDatabase acquire(ConnectionUrl url) {
        for (;;) {
            java.util.concurrent.CountDownLatch closing;
            synchronized (DatabaseRegistry.class) {
                closing = CLOSING.get(url.registryKey());
                if (closing == null) {
                    return acquireOpen(url);
                }
            }
            try {
                closing.await(); // the previous instance is still closing: open anew once it is done
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new io.rustydb.core.DbException(io.rustydb.core.ErrorCode.INVALID_CONNECTION_URL,
                        "interrupted while the database was closing");
            }
        }
    }

    /** Caller holds the registry's lock and no close of this key is in progress. */
    private static SharedDatabase acquireOpen(ConnectionUrl url) {
        DatabaseConfig config = DatabaseConfig.fromOptions(url.options());
        SharedDatabase db = OPEN.get(url.registryKey());
        if (db == null) {
            StorageOptions options = StorageOptionsMapper.from(config);
            StorageEngine storage = url.inMemory()
                    ? StorageEngine.inMemory(options)
                    : StorageEngine.openFile(url.path(), options);
            SqlEngine engine;
            try {
                engine = SqlEngine.open(storage, config);
            } catch (RuntimeException e) {
                storage.close();
                throw e;
            }
            db = new SharedDatabase(url.registryKey(), engine, config);
            OPEN.put(db.key(), db);
        }
        db.retain();
        return db;
    }

    /**
     * Gives back one reference; the last one closes the database — outside the registry's lock, so that a slow
     * close (a final checkpoint) does not hold up connections to other databases.
     */
    static void release(SharedDatabase db) {
        java.util.concurrent.CountDownLatch done;
        synchronized (DatabaseRegistry.class) {
            if (!db.release()) {
                return;
            }
            OPEN.remove(db.key());
            done = new java.util.concurrent.CountDownLatch(1);
            CLOSING.put(db.key(), done);
        }
        try {
            db.engine().close();
        } finally {
            synchronized (DatabaseRegistry.class) {
                CLOSING.remove(db.key());
            }
            done.countDown();
        }
    }

    /** Whether a database with this key is open (for tests and diagnostics). */
    static synchronized boolean isOpen(String key) {
        return OPEN.containsKey(key);
    }
}
