package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.PhysicalOperator;
import io.rustydb.sql.exec.PhysicalPlanner;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.Literal;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.ExplainStatement;

/**
 * Binds {@code EXPLAIN statement}: the statement is bound and planned, and the result is its physical plan, one
 * operator per row ("QUERY PLAN"), children indented under their parent. EXPLAIN ANALYZE is not supported yet.
 */
final class ExplainBinder {
    private final Binder binder;

    ExplainBinder(Binder binder) {
        this.binder = binder;
    }

    BoundStatement.Query bind(ExplainStatement explain) {
        if (explain.getOptions() != null && explain.getOptions().keySet().stream()
                .anyMatch(o -> o.name().equals("ANALYZE"))) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "EXPLAIN ANALYZE");
        }
        BoundStatement inner = binder.bind(explain.getStatement());
        LogicalPlan plan;
        String head;
        if (inner instanceof BoundStatement.Query q) {
            plan = q.plan();
            head = null;
        } else if (inner instanceof BoundStatement.Insert i) {
            plan = i.source();
            head = "Insert into " + i.table().name();
        } else if (inner instanceof BoundStatement.Update u) {
            plan = u.source();
            head = "Update " + u.table().name();
        } else if (inner instanceof BoundStatement.Delete d) {
            plan = d.source();
            head = "Delete from " + d.table().name();
        } else {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "EXPLAIN of this statement");
        }
        List<String> lines = new ArrayList<>();
        int indent = 0;
        if (head != null) {
            lines.add(head);
            indent = 1;
        }
        describe(PhysicalPlanner.plan(plan), indent, lines);
        List<List<Expr>> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(List.of(new Literal(line, DataType.VARCHAR)));
        }
        return new BoundStatement.Query(new LogicalPlan.Values(rows, List.of(DataType.VARCHAR)), List.of("query plan"),
                inner.parameterTypes());
    }

    private static void describe(PhysicalOperator op, int indent, List<String> lines) {
        lines.add("  ".repeat(indent) + (indent > 0 ? "-> " : "") + op.describe());
        for (PhysicalOperator child : op.children()) {
            describe(child, indent + 1, lines);
        }
    }
}
