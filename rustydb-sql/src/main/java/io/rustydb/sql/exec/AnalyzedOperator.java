package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import java.util.List;

/**
 * An operator of an EXPLAIN ANALYZE plan: runs its inner operator unchanged and counts, in the execution's
 * {@link OperatorProfile}, the rows and batches it returned and the wall-clock time spent in it (its inputs
 * included). Describes itself as the inner operator does.
 */
final class AnalyzedOperator implements PhysicalOperator {
    private final PhysicalOperator inner;

    AnalyzedOperator(PhysicalOperator inner) {
        this.inner = inner;
    }

    PhysicalOperator inner() {
        return inner;
    }

    @Override
    public List<DataType> outputTypes() {
        return inner.outputTypes();
    }

    @Override
    public OperatorState open(ExecContext context) {
        OperatorProfile.Counters counters = context.profile().of(this);
        long start = System.nanoTime();
        OperatorState state = inner.open(context);
        counters.opens++;
        counters.nanos += System.nanoTime() - start;
        return new OperatorState() {
            @Override
            public RowBatch next() {
                long t = System.nanoTime();
                RowBatch batch = state.next();
                counters.nanos += System.nanoTime() - t;
                if (batch != null) {
                    counters.rows += batch.rowCount();
                    counters.batches++;
                }
                return batch;
            }

            @Override
            public void close() {
                long t = System.nanoTime();
                state.close();
                counters.nanos += System.nanoTime() - t;
            }
        };
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public List<PhysicalOperator> children() {
        return inner.children();
    }
}
