package io.rustydb.sql.expr;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;
import java.util.List;

/**
 * {@code CASE WHEN c1 THEN r1 ... [ELSE e] END}: the result of the first condition that is TRUE, else the ELSE
 * value (NULL without one). The simple form {@code CASE x WHEN v THEN ...} is bound to conditions {@code x = v}.
 * Results are already converted to the common type.
 */
public record CaseExpr(List<Expr> conditions, List<Expr> results, Expr otherwise, DataType type) implements Expr {
    public CaseExpr {
        conditions = List.copyOf(conditions);
        results = List.copyOf(results);
    }

    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        for (int i = 0; i < conditions.size(); i++) {
            if (Boolean.TRUE.equals(conditions.get(i).eval(batch, row, context))) {
                return results.get(i).eval(batch, row, context);
            }
        }
        return otherwise == null ? null : otherwise.eval(batch, row, context);
    }
}
