package io.rustydb.bench.engine;

import java.nio.file.Path;
import java.sql.SQLException;

/** H2 2.x, embedded. */
final class H2Engine extends Engine {
    H2Engine() {
        super("h2", "H2", "org.h2.Driver");
    }

    @Override
    public String url(Mode mode, String name, Path dir) {
        // OPTIMIZE_REUSE_RESULTS=FALSE: otherwise H2 returns a cached result for an identical query on unchanged
        // tables, and the scan workloads would measure the cache.
        return mode == Mode.MEMORY
                ? "jdbc:h2:mem:" + name + ";OPTIMIZE_REUSE_RESULTS=FALSE"
                : "jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0;OPTIMIZE_REUSE_RESULTS=FALSE";
    }

    @Override
    public String configuration(Mode mode) {
        return mode == Mode.MEMORY
                ? "`jdbc:h2:mem:NAME;OPTIMIZE_REUSE_RESULTS=FALSE` (no query-result cache)"
                : "`jdbc:h2:file:PATH;WRITE_DELAY=0;OPTIMIZE_REUSE_RESULTS=FALSE` (commits written at once instead of"
                        + " after the default 500 ms delay; H2 does not promise an fsync per commit — compare its"
                        + " commit rate with the disk's fsync rate)";
    }

    /**
     * Class 40 (40001: deadlock, or a serialization failure at REPEATABLE READ/SERIALIZABLE), plus H2's own
     * HYT00 (lock timeout: a row lock not granted within LOCK_TIMEOUT) and 90131 (concurrent update of the same
     * row).
     */
    @Override
    public boolean isTransactionConflict(SQLException e) {
        return super.isTransactionConflict(e) || "HYT00".equals(e.getSQLState()) || "90131".equals(e.getSQLState());
    }
}
