package io.rustydb.bench.workload;

import java.sql.SQLException;

/** A workload set up on one engine: each {@link #run()} is one round and returns that round's figure. */
public interface Trial extends AutoCloseable {
    /** Runs one round; returns the figure in the workload's unit. */
    double run() throws Exception;

    /** How the engine did it when that differs between engines (e.g. the load method), or {@code null}. */
    default String note() {
        return null;
    }

    @Override
    default void close() throws SQLException {
    }
}
