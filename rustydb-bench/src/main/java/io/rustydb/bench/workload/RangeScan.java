package io.rustydb.bench.workload;

import io.rustydb.bench.engine.Rows;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Prepared {@code SELECT id, k, v FROM p WHERE id BETWEEN ? AND ?} over {@link #SPAN} consecutive keys, the first
 * uniform over the loaded ids that leave a full range, from {@code threads} threads (table and threads:
 * {@link KeyReadWorkload}). Every scan reads its whole result and sums {@code id} and {@code k}; it must return
 * exactly {@link #SPAN} rows whose sums match the known data (so no engine can skip the reading), else the
 * engine fails the workload. Figure: scans per second, all threads together (rows/s = {@link #SPAN} × that).
 */
final class RangeScan extends KeyReadWorkload {
    /** Keys per scan. */
    static final int SPAN = 100;

    /** {@code kPrefix[i]} = sum of {@link Rows#k} over ids {@code [0, i)}; built at the first set-up. */
    private long[] kPrefix;

    RangeScan(Settings settings, int threads) {
        super(settings, threads);
    }

    @Override
    String family() {
        return "range-scan";
    }

    @Override
    String sql() {
        return "SELECT id, k, v FROM " + TABLE + " WHERE id BETWEEN ? AND ?";
    }

    @Override
    public String description() {
        return "prepared `" + sql() + "` over " + SPAN + " consecutive keys (all " + SPAN + " rows read, count and"
                + " sums checked) " + shape();
    }

    @Override
    public String unit() {
        return "scans/s";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>(super.parameters());
        p.put("rows per scan", SPAN);
        return p;
    }

    @Override
    void beforeSetUp() {
        if (settings.rows() < SPAN) {
            throw new IllegalArgumentException("range-scan needs at least " + SPAN + " rows, not " + settings.rows());
        }
        if (kPrefix == null) { // the same data for every engine: built once, read by all readers
            long[] prefix = new long[Math.toIntExact(settings.rows() + 1)];
            for (int i = 0; i < settings.rows(); i++) {
                prefix[i + 1] = prefix[i] + Rows.k(i);
            }
            kPrefix = prefix;
        }
    }

    @Override
    void readOnce(PreparedStatement ps, SplittableRandom random) throws SQLException {
        long first = random.nextLong(settings.rows() - SPAN + 1);
        ps.setLong(1, first);
        ps.setLong(2, first + SPAN - 1);
        int count = 0;
        long idSum = 0;
        long kSum = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                count++;
                idSum += rs.getLong(1);
                kSum += rs.getInt(2);
                rs.getDouble(3);
            }
        }
        long expectedIdSum = SPAN * first + (long) SPAN * (SPAN - 1) / 2;
        long expectedKSum = kPrefix[(int) (first + SPAN)] - kPrefix[(int) first];
        if (count != SPAN || idSum != expectedIdSum || kSum != expectedKSum) {
            throw new IllegalStateException("range [" + first + ", " + (first + SPAN - 1) + "] returned " + count
                    + " rows (expected " + SPAN + "), sum(id) " + idSum + " (expected " + expectedIdSum + "), sum(k) "
                    + kSum + " (expected " + expectedKSum + ")");
        }
    }
}
