package io.rustydb.jdbc;

import io.rustydb.core.config.DatabaseConfig;
import io.rustydb.sql.engine.SqlEngine;

/**
 * One open database, shared by every connection and embedded handle that names it, and closed when the last of
 * them lets go (see {@link DatabaseRegistry}).
 */
final class SharedDatabase {
    private final String key;
    private final SqlEngine engine;
    private final DatabaseConfig config;
    private int references;

    SharedDatabase(String key, SqlEngine engine, DatabaseConfig config) {
        this.key = key;
        this.engine = engine;
        this.config = config;
    }

    String key() {
        return key;
    }

    SqlEngine engine() {
        return engine;
    }

    DatabaseConfig config() {
        return config;
    }

    /** Called under the registry's lock. */
    int references() {
        return references;
    }

    /** Called under the registry's lock. */
    void retain() {
        references++;
    }

    /** Called under the registry's lock; true when this was the last reference. */
    boolean release() {
        return --references == 0;
    }
}
