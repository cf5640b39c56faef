package io.rustydb.sql.expr;

import io.rustydb.core.type.Arithmetic;
import io.rustydb.core.type.ArithmeticOp;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;

/** {@code left op right} for + - * / %, with overflow and division-by-zero errors from the core rules. */
public record ArithmeticExpr(ArithmeticOp op, Expr left, Expr right, DataType type) implements Expr {
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
        return Arithmetic.apply(op, l, r, type);
    }

    @Override
    public String toString() {
        return "(" + left + " " + op + " " + right + ")";
    }
}
