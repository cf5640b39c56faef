package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Passes each distinct row once (first occurrence), remembering the rows seen in a hash set. */
public final class DistinctOperator implements PhysicalOperator {
    private final PhysicalOperator input;

    public DistinctOperator(PhysicalOperator input) {
        this.input = input;
    }

    @Override
    public List<DataType> outputTypes() {
        return input.outputTypes();
    }

    @Override
    public OperatorState open(ExecContext context) {
        OperatorState source = input.open(context);
        int width = input.outputTypes().size();
        return new OperatorState() {
            private final Set<RowKey> seen = new HashSet<>();
            private final int[] selection = new int[RowBatch.CAPACITY];

            @Override
            public RowBatch next() {
                RowBatch batch;
                while ((batch = source.next()) != null) {
                    int[] sel = batch.size() <= selection.length ? selection : new int[batch.size()];
                    int kept = 0;
                    for (int i = 0; i < batch.rowCount(); i++) {
                        int row = batch.row(i);
                        Object[] values = new Object[width];
                        for (int c = 0; c < width; c++) {
                            values[c] = batch.column(c)[row];
                        }
                        if (seen.add(new RowKey(values))) {
                            sel[kept++] = row;
                        }
                    }
                    if (kept > 0) {
                        batch.select(sel, kept);
                        return batch;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    @Override
    public String describe() {
        return "HashDistinct";
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(input);
    }
}
