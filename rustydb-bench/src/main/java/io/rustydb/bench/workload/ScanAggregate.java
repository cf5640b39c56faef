package io.rustydb.bench.workload;

import io.rustydb.bench.engine.Engine;
import java.sql.ResultSet;

/** {@code SELECT k % 100, COUNT(*), SUM(v) FROM t GROUP BY k % 100}: a full scan feeding a 100-group hash aggregate. */
final class ScanAggregate extends ScanWorkload {
    ScanAggregate(Settings settings) {
        super(settings);
    }

    @Override
    public String id() {
        return "scan-aggregate";
    }

    @Override
    public String description() {
        return "`SELECT k % 100, COUNT(*), SUM(v) FROM t GROUP BY k % 100` over " + settings.rows() + " rows"
                + " (grouped by the expression: H2, HSQLDB and Derby reject GROUP BY 1; MOD(k, 100) where % is not SQL)";
    }

    @Override
    String sql(Engine engine) {
        String g = engine.mod("k", 100);
        return "SELECT " + g + ", COUNT(*), SUM(v) FROM " + TABLE + " GROUP BY " + g;
    }

    @Override
    void check(ResultSet rs) throws Exception {
        int groups = 0;
        long total = 0;
        while (rs.next()) {
            groups++;
            total += rs.getLong(2);
            rs.getDouble(3);
        }
        long expectedGroups = Math.min(100, settings.rows());
        if (groups != expectedGroups || total != settings.rows()) {
            throw new IllegalStateException("wrong result: " + groups + " groups, " + total + " rows counted");
        }
    }
}
