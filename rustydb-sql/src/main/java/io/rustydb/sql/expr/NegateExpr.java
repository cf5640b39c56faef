package io.rustydb.sql.expr;

import io.rustydb.core.type.Arithmetic;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;

/** Unary minus. */
public record NegateExpr(Expr operand) implements Expr {
    @Override
    public DataType type() {
        return operand.type();
    }

    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        Object v = operand.eval(batch, row, context);
        return v == null ? null : Arithmetic.negate(v);
    }

    @Override
    public String toString() {
        return "-" + operand;
    }
}
