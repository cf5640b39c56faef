package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/** Computes one output column per expression over the live rows of each input batch (output is dense). */
public final class ProjectOperator implements PhysicalOperator {
    private final PhysicalOperator input;
    private final List<Expr> expressions;

    public ProjectOperator(PhysicalOperator input, List<Expr> expressions) {
        this.input = input;
        this.expressions = List.copyOf(expressions);
    }

    @Override
    public List<DataType> outputTypes() {
        List<DataType> types = new ArrayList<>();
        for (Expr e : expressions) {
            types.add(e.type());
        }
        return types;
    }

    @Override
    public OperatorState open(ExecContext context) {
        OperatorState source = input.open(context);
        return new OperatorState() {
            private RowBatch out;

            @Override
            public RowBatch next() {
                RowBatch batch = source.next();
                if (batch == null) {
                    return null;
                }
                int live = batch.rowCount();
                if (out == null || out.capacity() < live) {
                    // as large as the input's batches: a point query's single-row batch stays small
                    out = new RowBatch(expressions.size(), Math.max(live, batch.capacity()));
                }
                for (int c = 0; c < expressions.size(); c++) {
                    Expr e = expressions.get(c);
                    Object[] column = out.column(c);
                    for (int i = 0; i < live; i++) {
                        column[i] = e.eval(batch, batch.row(i), context);
                    }
                }
                out.setSize(live);
                return out;
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    @Override
    public String describe() {
        return "Project " + expressions;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(input);
    }
}
