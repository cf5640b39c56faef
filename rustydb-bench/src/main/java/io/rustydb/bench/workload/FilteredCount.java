package io.rustydb.bench.workload;

import io.rustydb.bench.engine.Engine;
import io.rustydb.bench.engine.Rows;
import java.sql.ResultSet;

/** {@code SELECT COUNT(*) FROM t WHERE k < 10000}: a full scan with a 10 % selective filter (no index is used). */
final class FilteredCount extends ScanWorkload {
    static final int BOUND = Rows.K_RANGE / 10;
    private long expected = -1;

    FilteredCount(Settings settings) {
        super(settings);
    }

    @Override
    public String id() {
        return "filtered-count";
    }

    @Override
    public String description() {
        return "`SELECT COUNT(*) FROM t WHERE k < " + BOUND + "` over " + settings.rows() + " rows (~10 % match, no index)";
    }

    @Override
    String sql(Engine engine) {
        return "SELECT COUNT(*) FROM " + TABLE + " WHERE k < " + BOUND;
    }

    @Override
    void check(ResultSet rs) throws Exception {
        if (expected < 0) {
            expected = Rows.countKBelow(settings.rows(), BOUND);
        }
        if (!rs.next() || rs.getLong(1) != expected) {
            throw new IllegalStateException("wrong result: expected " + expected);
        }
    }
}
