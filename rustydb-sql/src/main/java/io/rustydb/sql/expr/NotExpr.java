package io.rustydb.sql.expr;

import io.rustydb.core.type.DataType;
import io.rustydb.core.type.Logic;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;

/** NOT under three-valued logic (NOT NULL is NULL). */
public record NotExpr(Expr operand) implements Expr {
    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        return Logic.not((Boolean) operand.eval(batch, row, context));
    }

    @Override
    public String toString() {
        return "NOT " + operand;
    }
}
