package io.rustydb.bench.workload;

import io.rustydb.bench.engine.Rows;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * Prepared {@code SELECT k, v, s FROM p WHERE id = ?} by primary key, keys uniform over the loaded ids, from
 * {@code threads} threads (table and threads: {@link KeyReadWorkload}). Each lookup must find its row with the
 * known {@code k}. Figure: lookups per second, all threads together.
 */
final class PointSelect extends KeyReadWorkload {
    PointSelect(Settings settings, int threads) {
        super(settings, threads);
    }

    @Override
    String family() {
        return "point-select";
    }

    @Override
    String sql() {
        return "SELECT k, v, s FROM " + TABLE + " WHERE id = ?";
    }

    @Override
    public String description() {
        return "prepared `" + sql() + "` " + shape();
    }

    @Override
    public String unit() {
        return "lookups/s";
    }

    @Override
    void readOnce(PreparedStatement ps, SplittableRandom random) throws SQLException {
        long id = random.nextLong(settings.rows());
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getInt(1) != Rows.k(id)) {
                throw new IllegalStateException("wrong result for id " + id);
            }
            rs.getDouble(2);
            rs.getString(3);
        }
    }
}
