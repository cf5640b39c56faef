package io.rustydb.sql.expr;

import io.rustydb.core.type.Casts;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;

/**
 * Converts a value being stored into {@code column} to the column's type under assignment rules (a string too
 * long for VARCHAR(n) is 22001 rather than silently truncated).
 */
public record AssignmentCastExpr(Expr operand, DataType type, String column) implements Expr {
    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        return Casts.castForAssignment(operand.eval(batch, row, context), type, column);
    }
}
