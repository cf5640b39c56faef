package io.rustydb.sql.expr;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;

/** Reads column {@code index} of the input batch. */
public record ColumnRef(int index, DataType type, String name) implements Expr {
    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        return batch.column(index)[row];
    }

    @Override
    public String toString() {
        return name + "#" + index;
    }
}
