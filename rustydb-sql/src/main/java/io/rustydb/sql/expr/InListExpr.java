package io.rustydb.sql.expr;

import io.rustydb.core.type.DataType;
import io.rustydb.core.type.Values;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;
import java.util.List;

/**
 * {@code operand [NOT] IN (e1, e2, ...)}: TRUE on a match; otherwise NULL if the operand or any element is NULL,
 * else FALSE (negated accordingly), as the SQL standard defines it.
 */
public record InListExpr(Expr operand, List<Expr> elements, boolean negated) implements Expr {
    public InListExpr {
        elements = List.copyOf(elements);
    }

    @Override
    public DataType type() {
        return DataType.BOOLEAN;
    }

    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        Object v = operand.eval(batch, row, context);
        if (v == null) {
            return null;
        }
        boolean sawNull = false;
        for (Expr element : elements) {
            Object e = element.eval(batch, row, context);
            if (e == null) {
                sawNull = true;
            } else if (Values.compare(v, e) == 0) {
                return !negated;
            }
        }
        return sawNull ? null : negated;
    }
}
