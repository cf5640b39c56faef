package io.rustydb.bench.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** DuckDB through its JDBC driver (native library inside the jar). */
final class DuckDbEngine extends Engine {
    DuckDbEngine() {
        super("duckdb", "DuckDB", "org.duckdb.DuckDBDriver");
    }

    @Override
    public String url(Mode mode, String name, Path dir) {
        return mode == Mode.MEMORY ? "jdbc:duckdb:" : "jdbc:duckdb:" + dir.resolve(name + ".duckdb");
    }

    @Override
    public String configuration(Mode mode) {
        return mode == Mode.MEMORY
                ? "`jdbc:duckdb:` (a new in-memory database per connection; more connections by"
                        + " `DuckDBConnection.duplicate()`); bulk load through DuckDB's Appender, because each JDBC"
                        + " statement costs it ~0.5 ms"
                : "`jdbc:duckdb:PATH`, defaults (WAL, synced at commit); more connections by `duplicate()`";
    }

    @Override
    public Connection connectAnother(Connection first, String url, Mode mode) throws SQLException {
        return first.unwrap(DuckDBConnection.class).duplicate();
    }

    @Override
    public String mod(String expr, int n) {
        return expr + " % " + n;
    }

    @Override
    public String loadNative(Connection c, String table, long from, long count) throws SQLException {
        DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
        try (DuckDBAppender appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            for (long i = from; i < from + count; i++) {
                appender.beginRow();
                appender.append(i);
                appender.append(Rows.k(i));
                appender.append(Rows.v(i));
                appender.append(Rows.s(i));
                appender.endRow();
            }
        }
        return "DuckDB Appender (the recommended bulk path; its JDBC batches run row by row)";
    }
}
