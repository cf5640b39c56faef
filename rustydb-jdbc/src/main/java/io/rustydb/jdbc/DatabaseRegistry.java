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

    private DatabaseRegistry() {
    }

    /** Opens (or joins) the database {@code url} names, taking one reference to it. */
    static synchronized SharedDatabase acquire(ConnectionUrl url) {
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

    /** Gives back one reference; the last one closes the database. */
    static synchronized void release(SharedDatabase db) {
        if (db.release()) {
            OPEN.remove(db.key());
            db.engine().close();
        }
    }

    /** Whether a database with this key is open (for tests and diagnostics). */
    static synchronized boolean isOpen(String key) {
        return OPEN.containsKey(key);
    }
}
