package io.rustydb.bench.workload;

import java.sql.SQLException;
import java.util.Map;

/** A workload set up on one engine: each {@link #run()} is one round and returns that round's figure. */
public interface Trial extends AutoCloseable {
    /** Runs one round; returns the figure in the workload's unit. */
    double run() throws Exception;

    /** How the engine did it when that differs between engines (e.g. the load method), or {@code null}. */
    default String note() {
        return null;
    }

    /**
     * Counts of the round just run that the report sums over the measured rounds beside the figure (e.g. attempts
     * and aborts of transactions); empty by default.
     */
    default Map<String, Long> roundCounts() {
        return Map.of();
    }

    @Override
    default void close() throws SQLException {
    }
}
