package io.rustydb.sql.expr;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;

/** {@code operand IS [NOT] NULL}: never NULL itself. */
public record IsNullExpr(Expr operand, boolean negated) implements Expr {
    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        return (operand.eval(batch, row, context) == null) != negated;
    }

    @Override
    public String toString() {
        return operand + (negated ? " IS NOT NULL" : " IS NULL");
    }
}
