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
 *
 * <p>The first file database opened installs one JVM shutdown hook; at exit it closes every file database still
 * open whose {@code close_on_exit} option is on (the default), as the last connection's close would have.
 */
final class DatabaseRegistry {
    private static final Map<String, SharedDatabase> OPEN = new HashMap<>();
    /** Databases being closed (outside the registry's lock): an open of the same key waits for the close. */
    private static final Map<String, java.util.concurrent.CountDownLatch> CLOSING = new HashMap<>();
    private static boolean shutdownHookInstalled;

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
            if (!url.inMemory() && config.closeOnExit()) {
                installShutdownHook();
            }
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
            if (!db.release() || OPEN.get(db.key()) != db) {
                return; // still in use, or already closed by the shutdown hook
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

    /** How many connections and handles hold {@code db} open. */
    static synchronized int references(SharedDatabase db) {
        return db.references();
    }

    /** Caller holds the registry's lock. */
    private static void installShutdownHook() {
        if (!shutdownHookInstalled) {
            shutdownHookInstalled = true;
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(DatabaseRegistry::closeAtExit, "rustydb-close-on-exit"));
            } catch (IllegalStateException exiting) {
                // opened while the JVM is already shutting down: nothing can close it later anyway
            }
        }
    }

    /** The shutdown hook: closes the file databases still open that have {@code close_on_exit} on. */
    private static void closeAtExit() {
        java.util.List<SharedDatabase> toClose = new java.util.ArrayList<>();
        synchronized (DatabaseRegistry.class) {
            for (SharedDatabase db : OPEN.values()) {
                if (db.config().closeOnExit() && !db.engine().storage().isInMemory()) {
                    toClose.add(db);
                }
            }
            for (SharedDatabase db : toClose) {
                OPEN.remove(db.key()); // later connects in this dying JVM open anew rather than use a closed engine
            }
        }
        for (SharedDatabase db : toClose) {
            try {
                db.engine().close(); // silently: a host without an SLF4J binding would get SLF4J's warning on stderr
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(DatabaseRegistry.class).warn(
                        "closing database {} at JVM exit failed; the next open recovers it from its log", db.key(), e);
            }
        }
    }

    /** Whether a database with this key is open (for tests and diagnostics). */
    static synchronized boolean isOpen(String key) {
        return OPEN.containsKey(key);
    }
}
