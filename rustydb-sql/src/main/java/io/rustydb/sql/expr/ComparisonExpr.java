package io.rustydb.sql.expr;

import io.rustydb.core.type.DataType;
import io.rustydb.core.type.Values;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;

/** {@code left op right} under SQL rules: NULL if either side is NULL. */
public record ComparisonExpr(CompareOp op, Expr left, Expr right) implements Expr {
    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        Object l = left.eval(batch, row, context);
        if (l == null) {
            return null;
        }
        Object r = right.eval(batch, row, context);
        if (r == null) {
            return null;
        }
        return op.test(Values.compare(l, r));
    }

    @Override
    public String toString() {
        return "(" + left + " " + op.symbol() + " " + right + ")";
    }
}
