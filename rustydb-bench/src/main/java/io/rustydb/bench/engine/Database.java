package io.rustydb.bench.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One open database of one engine for one workload: its main connection plus any extra ones; closes them all. */
public final class Database implements AutoCloseable {
    private final Engine engine;
    private final Mode mode;
    private final String url;
    private final Path directory;
    private final Connection main;
    private final List<Connection> extra = new ArrayList<>();

    private Database(Engine engine, Mode mode, String url, Path directory, Connection main) {
        this.engine = engine;
        this.mode = mode;
        this.url = url;
        this.directory = directory;
        this.main = main;
    }

    /** Opens database {@code name}; file databases go under {@code dir}. */
    public static Database open(Engine engine, Mode mode, String name, Path dir) throws SQLException {
        String url = engine.url(mode, name, dir);
        return new Database(engine, mode, url, dir, engine.connect(url, mode));
    }

    public Engine engine() {
        return engine;
    }

    public Mode mode() {
        return mode;
    }

    public String url() {
        return url;
    }

    /** The directory the database's files go under (a workload may put more files there). */
    public Path directory() {
        return directory;
    }

    public Connection connection() {
        return main;
    }

    /** A further connection to the same database, closed with it. */
    public Connection newConnection() throws SQLException {
        Connection c = engine.connectAnother(main, url, mode);
        extra.add(c);
        return c;
    }

    @Override
    public void close() {
        for (Connection c : extra) {
            closeQuietly(c);
        }
        closeQuietly(main);
        engine.shutdown(url, mode);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing is best effort
        }
    }
}
