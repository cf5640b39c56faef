package io.rustydb.sql.expr;

import io.rustydb.core.type.Casts;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;

/** {@code CAST(operand AS type)}, also inserted by the binder for implicit conversions. */
public record CastExpr(Expr operand, DataType type) implements Expr {
    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        return Casts.cast(operand.eval(batch, row, context), type);
    }

    @Override
    public String toString() {
        return "CAST(" + operand + " AS " + type.sqlName() + ")";
    }
}
