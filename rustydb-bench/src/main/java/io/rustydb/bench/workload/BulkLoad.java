package io.rustydb.bench.workload;

import io.rustydb.bench.engine.Database;
import io.rustydb.bench.engine.Loader;
import io.rustydb.bench.engine.Mode;
import io.rustydb.bench.engine.Rows;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads N rows into an empty table, timed from the first insert to the last commit (CREATE and DROP excluded).
 * Each round starts from a freshly created table.
 */
final class BulkLoad implements Workload {
    private final Settings settings;

    BulkLoad(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return "bulk-load";
    }

    @Override
    public String description() {
        return "load " + settings.rows() + " rows `(id BIGINT, k INT, v DOUBLE, s VARCHAR(32))` into an empty table";
    }

    @Override
    public Mode mode() {
        return Mode.MEMORY;
    }

    @Override
    public String unit() {
        return "rows/s";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rows", settings.rows());
        p.put("rows per batch or statement", Loader.CHUNK);
        p.put("method", "JDBC batches in one transaction where supported, else multi-row VALUES; DuckDB: Appender");
        return p;
    }

    @Override
    public Trial prepare(Database db) throws Exception {
        Connection c = db.connection();
        String table = "bulk";
        // Prove the schema works before timing anything.
        db.engine().dropIfExists(c, table);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (" + Rows.COLUMNS + ")");
        }
        db.engine().dropIfExists(c, table);
        return new Trial() {
            private String how;

            @Override
            public double run() throws Exception {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE " + table + " (" + Rows.COLUMNS + ")");
                }
                long start = System.nanoTime();
                how = Loader.load(db.engine(), c, table, 0, settings.rows());
                long elapsed = System.nanoTime() - start;
                db.engine().dropIfExists(c, table);
                return settings.rows() * 1e9 / elapsed;
            }

            @Override
            public String note() {
                return how;
            }
        };
    }
}
