package io.rustydb.bench.workload;

import io.rustydb.bench.engine.Database;
import io.rustydb.bench.engine.Engine;
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
 * A read-only query over N loaded rows, timed per execution (mean over a time box per round). The result is
 * checked against the known data on every execution, so an engine cannot win by answering wrongly.
 */
abstract class ScanWorkload implements Workload {
    static final String TABLE = "t";
    final Settings settings;

    ScanWorkload(Settings settings) {
        this.settings = settings;
    }

    /** The query in {@code engine}'s dialect. */
    abstract String sql(Engine engine);

    /** Consumes the whole result and throws if it is not the expected answer. */
    abstract void check(ResultSet rs) throws Exception;

    @Override
    public Mode mode() {
        return Mode.MEMORY;
    }

    @Override
    public String unit() {
        return "ms/query";
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rows", settings.rows());
        p.put("time box per round (ms)", settings.timeMs());
        p.put("statement", "prepared once, executed repeatedly, whole result read and checked");
        return p;
    }

    @Override
    public Trial prepare(Database db) throws Exception {
        Connection c = db.connection();
        db.engine().dropIfExists(c, TABLE);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + TABLE + " (" + Rows.COLUMNS + ")");
        }
        Loader.load(db.engine(), c, TABLE, 0, settings.rows());
        PreparedStatement ps = c.prepareStatement(sql(db.engine()));
        try (ResultSet rs = ps.executeQuery()) {
            check(rs); // a wrong answer or unsupported SQL makes the workload n/a for this engine
        }
        return new Trial() {
            @Override
            public double run() throws Exception {
                return TimedLoop.msPerOp(TimedLoop.run(settings.timeMs(), () -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        check(rs);
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
