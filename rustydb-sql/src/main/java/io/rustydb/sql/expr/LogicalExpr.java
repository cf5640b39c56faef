package io.rustydb.sql.expr;

import io.rustydb.core.type.DataType;
import io.rustydb.core.type.Logic;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;

/** AND / OR under three-valued logic; the right side is not evaluated when the left decides. */
public record LogicalExpr(boolean isAnd, Expr left, Expr right) implements Expr {
    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        Boolean l = (Boolean) left.eval(batch, row, context);
        if (isAnd && Boolean.FALSE.equals(l)) {
            return Boolean.FALSE;
        }
        if (!isAnd && Boolean.TRUE.equals(l)) {
            return Boolean.TRUE;
        }
        Boolean r = (Boolean) right.eval(batch, row, context);
        return isAnd ? Logic.and(l, r) : Logic.or(l, r);
    }

    @Override
    public String toString() {
        return "(" + left + (isAnd ? " AND " : " OR ") + right + ")";
    }
}
