package io.rustydb.sql.exec;

/** The running state of one execution of a {@link PhysicalOperator}: pulls batches, then is closed. */
public interface OperatorState extends AutoCloseable {
    /** The next non-empty batch, or {@code null} at the end. The batch is valid until the next call. */
    RowBatch next();

    /** Releases what the execution holds (pinned pages, memory); idempotent. */
    @Override
    void close();
}
