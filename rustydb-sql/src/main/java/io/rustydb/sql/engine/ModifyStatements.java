package io.rustydb.sql.engine;

import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.PhysicalOperator;
import io.rustydb.sql.plan.BoundStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a data-changing statement (INSERT, INSERT ... ON CONFLICT, UPDATE, DELETE, MERGE) with its executor and,
 * if it has a RETURNING list, computes the returned rows from the rows it changed.
 */
final class ModifyStatements {
    private ModifyStatements() {
    }

    static StatementResult execute(BoundStatement.Modify statement, PhysicalOperator source, ExecContext context) {
        boolean returning = statement.returning() != null;
        List<Object[]> changed = returning ? new ArrayList<>() : null;
        StatementResult result;
        if (statement instanceof BoundStatement.Insert insert) {
            List<Object[]> rows = insert.onConflict() == null ? InsertExecutor.execute(insert, source, context)
                    : UpsertExecutor.execute(insert, source, context);
            if (returning) {
                changed.addAll(rows);
            }
            result = StatementResult.inserted(insert.table(), rows);
        } else if (statement instanceof BoundStatement.Update update) {
            result = StatementResult.count(ModifyExecutor.update(update, source, context, changed));
        } else if (statement instanceof BoundStatement.Delete delete) {
            result = StatementResult.count(ModifyExecutor.delete(delete, source, context, changed));
        } else {
            BoundStatement.Merge merge = (BoundStatement.Merge) statement;
            result = StatementResult.count(MergeExecutor.execute(merge, source, context, changed));
        }
        if (!returning) {
            return result;
        }
        return new StatementResult(ReturningRows.evaluate(statement.returning(), changed, context),
                result.updateCount(), result.insertedInto(), result.insertedRows());
    }
}
