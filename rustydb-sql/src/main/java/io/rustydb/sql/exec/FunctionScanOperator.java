package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.function.SetReturningFunction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of a set-returning function in FROM: evaluates the arguments once per execution (they may read
 * parameters or, in a correlated subquery, outer rows), then pulls the function's rows into batches; with
 * ordinality, appends each row's 1-based number as a BIGINT.
 */
public final class FunctionScanOperator implements PhysicalOperator {
    private static final RowBatch NO_INPUT = new RowBatch(0, 1);

    private final SetReturningFunction function;
    private final List<Expr> arguments;
    private final boolean ordinality;
    private final List<DataType> types;

    public FunctionScanOperator(SetReturningFunction function, List<Expr> arguments, boolean ordinality) {
        this.function = function;
        this.arguments = List.copyOf(arguments);
        this.ordinality = ordinality;
        List<DataType> t = new ArrayList<>(function.columnTypes());
        if (ordinality) {
            t.add(DataType.BIGINT);
        }
        this.types = List.copyOf(t);
    }

    @Override
    public List<DataType> outputTypes() {
        return types;
    }

    @Override
    public OperatorState open(ExecContext context) {
        return new OperatorState() {
            private Iterator<Object[]> rows;
            private long ordinal;

            @Override
            public RowBatch next() {
                if (rows == null) {
                    Object[] values = new Object[arguments.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = arguments.get(i).eval(NO_INPUT, 0, context);
                    }
                    rows = function.rows(values);
                }
                if (!rows.hasNext()) {
                    return null;
                }
                int width = function.columnTypes().size();
                RowBatch batch = new RowBatch(types.size(), RowBatch.CAPACITY);
                int n = 0;
                while (n < RowBatch.CAPACITY && rows.hasNext()) {
                    if ((n & 1023) == 0) {
                        context.checkCancelled();
                    }
                    Object[] row = rows.next();
                    for (int c = 0; c < width; c++) {
                        batch.column(c)[n] = row[c];
                    }
                    if (ordinality) {
                        batch.column(width)[n] = ++ordinal;
                    }
                    n++;
                }
                batch.setSize(n);
                return batch;
            }

            @Override
            public void close() {
                rows = java.util.Collections.emptyIterator();
            }
        };
    }

    @Override
    public String describe() {
        return "Function Scan on " + function.name() + arguments + (ordinality ? " WITH ORDINALITY" : "");
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of();
    }
}
