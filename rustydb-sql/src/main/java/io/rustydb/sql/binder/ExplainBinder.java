package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.List;
import net.sf.jsqlparser.statement.ExplainStatement;

/**
 * Binds {@code EXPLAIN statement}: the statement is bound and planned, and the result is its physical plan, one
 * operator per row ("QUERY PLAN"), children indented under their parent. {@code EXPLAIN ANALYZE query} runs the
 * query when executed and adds to each line the rows, batches and time the operator took
 * ({@link LogicalPlan.Explain}); of INSERT, UPDATE or DELETE it is not supported (0A000).
 */
final class ExplainBinder {
    private final Binder binder;

    ExplainBinder(Binder binder) {
        this.binder = binder;
    }

    BoundStatement.Query bind(ExplainStatement explain) {
        boolean analyze = explain.getOptions() != null && explain.getOptions().keySet().stream()
                .anyMatch(o -> o.name().equals("ANALYZE"));
        BoundStatement inner = binder.bind(explain.getStatement());
        LogicalPlan plan;
        String head;
        if (inner instanceof BoundStatement.Query q) {
            plan = q.plan();
            head = null;
        } else if (analyze) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "EXPLAIN ANALYZE of a statement other than a query");
        } else if (inner instanceof BoundStatement.Insert i) {
            plan = i.source();
            head = "Insert into " + i.table().name();
        } else if (inner instanceof BoundStatement.Update u) {
            plan = u.source();
            head = "Update " + u.table().name();
        } else if (inner instanceof BoundStatement.Delete d) {
            plan = d.source();
            head = "Delete from " + d.table().name();
        } else if (inner instanceof BoundStatement.Merge m) {
            plan = m.source();
            head = "Merge into " + m.table().name();
        } else {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "EXPLAIN of this statement");
        }
        // planned with the statement (and its table statistics), not here: see ExplainOperator
        return new BoundStatement.Query(new LogicalPlan.Explain(plan, head, analyze), List.of("query plan"),
                inner.parameterTypes());
    }
}
