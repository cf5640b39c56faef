package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.Expr;
import java.util.List;

/** Produces literal rows, evaluating each expression once per execution (parameters may differ each time). */
public final class ValuesOperator implements PhysicalOperator {
    private static final RowBatch NO_INPUT = new RowBatch(0, 1);

    private final List<List<Expr>> rows;
    private final List<DataType> types;

    public ValuesOperator(List<List<Expr>> rows, List<DataType> types) {
        this.rows = List.copyOf(rows);
        this.types = List.copyOf(types);
    }

    @Override
    public List<DataType> outputTypes() {
        return types;
    }

    @Override
    public OperatorState open(ExecContext context) {
        return new OperatorState() {
            private int nextRow;

            @Override
            public RowBatch next() {
                if (nextRow >= rows.size()) {
                    return null;
                }
                int n = Math.min(RowBatch.CAPACITY, rows.size() - nextRow);
                RowBatch batch = new RowBatch(types.size(), Math.max(n, 1));
                for (int r = 0; r < n; r++) {
                    List<Expr> row = rows.get(nextRow + r);
                    for (int c = 0; c < row.size(); c++) {
                        batch.column(c)[r] = row.get(c).eval(NO_INPUT, 0, context);
                    }
                }
                nextRow += n;
                batch.setSize(n);
                return batch;
            }

            @Override
            public void close() {
                nextRow = rows.size();
            }
        };
    }

    @Override
    public String describe() {
        return "Values (" + rows.size() + " rows)";
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of();
    }
}
