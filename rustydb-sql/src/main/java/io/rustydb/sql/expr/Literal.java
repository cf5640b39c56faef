package io.rustydb.sql.expr;

import io.rustydb.core.type.DataType;
import io.rustydb.core.type.Values;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;

/** A constant value (possibly NULL) of a known type. */
public record Literal(Object value, DataType type) implements Expr {
    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        return value;
    }

    @Override
    public String toString() {
        return value == null ? "NULL" : Values.toSqlString(value);
    }
}
