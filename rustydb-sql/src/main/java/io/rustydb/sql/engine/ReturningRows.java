package io.rustydb.sql.engine;

import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.Returning;
import java.util.ArrayList;
import java.util.List;

/** Computes the rows of a RETURNING list from the rows a statement changed (see {@link Returning}). */
final class ReturningRows {
    private ReturningRows() {
    }

    /** One result row per row of {@code changed}, in order. */
    static QueryResult evaluate(Returning returning, List<Object[]> changed, ExecContext context) {
        List<Object[]> out = new ArrayList<>(changed.size());
        List<Expr> expressions = returning.expressions();
        int width = changed.isEmpty() ? 0 : changed.get(0).length;
        for (int start = 0; start < changed.size(); start += RowBatch.CAPACITY) {
            int count = Math.min(RowBatch.CAPACITY, changed.size() - start);
            RowBatch batch = new RowBatch(width, count);
            for (int r = 0; r < count; r++) {
                Object[] row = changed.get(start + r);
                for (int c = 0; c < width; c++) {
                    batch.column(c)[r] = row[c];
                }
            }
            batch.setSize(count);
            for (int r = 0; r < count; r++) {
                Object[] values = new Object[expressions.size()];
                for (int e = 0; e < values.length; e++) {
                    values[e] = expressions.get(e).eval(batch, r, context);
                }
                out.add(values);
            }
        }
        return new QueryResult(returning.columnNames(), returning.outputTypes(), out);
    }
}
