package io.rustydb.jdbc;

import io.rustydb.core.config.DatabaseConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded API: opens a database without going through {@link java.sql.DriverManager}.
 * <pre>{@code
 * try (EmbeddedDatabase db = RustyDB.open(Path.of("/data/app"), Map.of("cache_size", "256"));
 *      Connection c = db.connect()) {
 *     ...
 * }
 * }</pre>
 */
public final class RustyDB {
    private RustyDB() {
    }

    /** Opens (creating if needed) the database file at {@code path}; options as in JDBC URLs. */
    public static EmbeddedDatabase open(Path path, Map<String, String> options) {
        String url = ConnectionUrl.PREFIX + "file:" + path.toAbsolutePath();
        return new EmbeddedDatabase(DatabaseRegistry.acquire(new ConnectionUrl(false, path.toAbsolutePath().normalize().toString(),
                path.toAbsolutePath().normalize(), options)), url);
    }

    /** Opens (or joins) the in-memory database {@code name}. */
    public static EmbeddedDatabase openInMemory(String name, Map<String, String> options) {
        String url = ConnectionUrl.PREFIX + "mem:" + name;
        return new EmbeddedDatabase(DatabaseRegistry.acquire(new ConnectionUrl(true, name, null, options)), url);
    }

    /** The configuration options and their defaults. */
    public static DatabaseConfig defaults() {
        return DatabaseConfig.defaults();
    }
}
