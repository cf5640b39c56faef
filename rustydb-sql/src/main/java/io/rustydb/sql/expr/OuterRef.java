package io.rustydb.sql.expr;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;

/**
 * A column of an enclosing query, read by a correlated subquery: column {@code index} of the row {@code depth}
 * levels out (1 = the query directly around the subquery).
 */
public record OuterRef(int depth, int index, DataType type, String name) implements Expr {
    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        return context.outerValue(depth, index);
    }

    @Override
    public String toString() {
        return "outer" + depth + "." + name;
    }
}
