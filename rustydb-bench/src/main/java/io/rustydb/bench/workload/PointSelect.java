package io.rustydb.bench.workload;

import io.rustydb.bench.engine.Database;
import io.rustydb.bench.engine.Loader;
import io.rustydb.bench.engine.Mode;
import io.rustydb.bench.engine.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepared {@code SELECT k, v, s FROM p WHERE id = ?} on a table with a PRIMARY KEY, keys drawn pseudo-randomly,
 * one thread. An engine without primary keys fails at CREATE TABLE and is reported as n/a.
 */
final class PointSelect implements Workload {
    private final Settings settings;

    PointSelect(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return "point-select";
    }

    @Override
    public String description() {
        return "prepared `SELECT k, v, s FROM p WHERE id = ?` by primary key over " + settings.rows()
                + " rows, random keys, 1 thread";
    }

    @Override
    public Mode mode() {
        return Mode.MEMORY;
    }

    @Override
    public String unit() {
        return "lookups/s";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rows", settings.rows());
        p.put("threads", 1);
        p.put("time box per round (ms)", settings.timeMs());
        return p;
    }

    @Override
    public Trial prepare(Database db) throws Exception {
        Connection c = db.connection();
        db.engine().dropIfExists(c, "p");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE p (id BIGINT NOT NULL PRIMARY KEY, k INTEGER NOT NULL, v DOUBLE NOT NULL,"
                    + " s VARCHAR(32) NOT NULL)");
        }
        Loader.load(db.engine(), c, "p", 0, settings.rows());
        PreparedStatement ps = c.prepareStatement("SELECT k, v, s FROM p WHERE id = ?");
        long n = settings.rows();
        long[] next = {12345};
        return new Trial() {
            @Override
            public double run() throws Exception {
                return TimedLoop.perSecond(TimedLoop.run(settings.timeMs(), () -> {
                    long x = next[0];
                    x ^= x << 13;
                    x ^= x >>> 7;
                    x ^= x << 17;
                    next[0] = x;
                    long id = Math.floorMod(x, n);
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next() || rs.getInt(1) != Rows.k(id)) {
                            throw new IllegalStateException("wrong result for id " + id);
                        }
                        rs.getDouble(2);
                        rs.getString(3);
                    }
                }));
            }

            @Override
            public void close() throws SQLException {
                ps.close();
            }
        };
    }
}
