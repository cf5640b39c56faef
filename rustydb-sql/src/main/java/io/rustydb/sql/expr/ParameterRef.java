package io.rustydb.sql.expr;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;

/**
 * A {@code ?} parameter (0-based {@code index}). Its type is inferred by the binder from the context; values are
 * converted to that type before execution, so evaluation is a plain lookup.
 */
public record ParameterRef(int index, DataType type) implements Expr {
    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        return context.parameter(index);
    }

    @Override
    public String toString() {
        return "$" + (index + 1);
    }
}
