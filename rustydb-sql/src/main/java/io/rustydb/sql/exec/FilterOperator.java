package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.Expr;
import java.util.List;

/** Narrows each batch's selection vector to the rows where the predicate is TRUE (not FALSE, not NULL). */
public final class FilterOperator implements PhysicalOperator {
    private final PhysicalOperator input;
    private final Expr predicate;

    /** The operator whose rows are filtered. */
    PhysicalOperator input() {
        return input;
    }

    Expr predicate() {
        return predicate;
    }

    public FilterOperator(PhysicalOperator input, Expr predicate) {
        this.input = input;
        this.predicate = predicate;
    }

    @Override
    public List<DataType> outputTypes() {
        return input.outputTypes();
    }

    @Override
    public OperatorState open(ExecContext context) {
        OperatorState source = input.open(context);
        return new OperatorState() {
            private int[] selection = new int[0];

            @Override
            public RowBatch next() {
                RowBatch batch;
                while ((batch = source.next()) != null) {
                    if (selection.length < batch.size()) {
                        selection = new int[Math.max(batch.size(), Math.min(batch.capacity(), RowBatch.CAPACITY))];
                    }
                    int[] sel = selection;
                    int kept = 0;
                    int live = batch.rowCount();
                    for (int i = 0; i < live; i++) {
                        int row = batch.row(i);
                        if (Boolean.TRUE.equals(predicate.eval(batch, row, context))) {
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
        return "Filter " + predicate;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(input);
    }
}
