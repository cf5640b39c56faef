package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeRules;
import io.rustydb.sql.expr.CastExpr;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.LogicalPlan;
import io.rustydb.sql.plan.SortKey;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ExceptOp;
import net.sf.jsqlparser.statement.select.IntersectOp;
import net.sf.jsqlparser.statement.select.MinusOp;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.SetOperation;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * Binds {@code q1 UNION|INTERSECT|EXCEPT [ALL] q2 ...} with an optional ORDER BY (by output name or position),
 * LIMIT/OFFSET. INTERSECT binds tighter than UNION and EXCEPT, which apply left to right. Every query must have the
 * same number of columns; each column takes the common type of its queries (42804 if there is none). The result's
 * column names are the first query's.
 */
final class SetOperationBinder {
    private final SelectBinder selects;

    SetOperationBinder(SelectBinder selects) {
        this.selects = selects;
    }

    BoundStatement.Query bind(SetOperationList list, java.util.function.Function<Expr, Expr> countCheck) {
        List<BoundStatement.Query> queries = new ArrayList<>();
        for (var select : list.getSelects()) {
            queries.add(selects.bind(select));
        }
        int width = queries.get(0).columnNames().size();
        List<DataType> types = new ArrayList<>(queries.get(0).plan().outputTypes());
        for (BoundStatement.Query q : queries) {
            if (q.columnNames().size() != width) {
                throw new DbException(ErrorCode.SYNTAX_ERROR,
                        "each UNION, INTERSECT or EXCEPT query must have the same number of columns");
            }
            for (int c = 0; c < width; c++) {
                types.set(c, TypeRules.commonType(types.get(c), q.plan().outputTypes().get(c)));
            }
        }
        List<LogicalPlan> operands = new ArrayList<>();
        for (BoundStatement.Query q : queries) {
            operands.add(convert(q.plan(), types));
        }
        List<SetOperation> ops = new ArrayList<>(list.getOperations());
        // INTERSECT first
        for (int i = 0; i < ops.size(); ) {
            if (ops.get(i) instanceof IntersectOp) {
                operands.set(i, new LogicalPlan.SetOp(LogicalPlan.SetOpKind.INTERSECT, ops.get(i).isAll(),
                        operands.get(i), operands.remove(i + 1)));
                ops.remove(i);
            } else {
                i++;
            }
        }
        LogicalPlan plan = operands.get(0);
        for (int i = 0; i < ops.size(); i++) {
            SetOperation op = ops.get(i);
            LogicalPlan.SetOpKind kind = op instanceof ExceptOp || op instanceof MinusOp
                    ? LogicalPlan.SetOpKind.EXCEPT : LogicalPlan.SetOpKind.UNION;
            plan = new LogicalPlan.SetOp(kind, op.isAll(), plan, operands.get(i + 1));
        }
        List<String> names = queries.get(0).columnNames();
        if (list.getOrderByElements() != null) {
            List<SortKey> keys = new ArrayList<>();
            for (OrderByElement order : list.getOrderByElements()) {
                int column = orderColumn(order, names);
                boolean descending = !order.isAsc();
                boolean nullsFirst = order.getNullOrdering() == null ? descending
                        : order.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST;
                keys.add(new SortKey(column, descending, nullsFirst));
            }
            plan = new LogicalPlan.Sort(plan, keys);
        }
        Expr limit = null;
        Expr offset = null;
        if (list.getLimit() != null && list.getLimit().getRowCount() != null && !list.getLimit().isLimitAll()) {
            limit = countCheck.apply(new ExpressionBinder(Scope.empty(), new ParameterTypes(), null, "LIMIT")
                    .bind(list.getLimit().getRowCount()));
        }
        if (list.getOffset() != null) {
            offset = countCheck.apply(new ExpressionBinder(Scope.empty(), new ParameterTypes(), null, "OFFSET")
                    .bind(list.getOffset().getOffset()));
        }
        if (limit != null || offset != null) {
            plan = new LogicalPlan.Limit(plan, limit, offset);
        }
        return new BoundStatement.Query(plan, names, queries.get(0).parameterTypes());
    }

    private static int orderColumn(OrderByElement order, List<String> names) {
        if (order.getExpression() instanceof LongValue position) {
            long p = position.getValue();
            if (p < 1 || p > names.size()) {
                throw new DbException(ErrorCode.INVALID_COLUMN_REFERENCE, "ORDER BY position " + p + " is not in select list");
            }
            return (int) p - 1;
        }
        if (order.getExpression() instanceof Column c && c.getTable() == null) {
            int i = names.indexOf(Identifiers.normalize(c.getColumnName()));
            if (i >= 0) {
                return i;
            }
            throw new DbException(ErrorCode.UNDEFINED_COLUMN, Identifiers.normalize(c.getColumnName()));
        }
        throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                "ORDER BY an expression of a UNION/INTERSECT/EXCEPT (order by a result column)");
    }

    /** {@code plan} with its columns converted to {@code types} where they differ. */
    private static LogicalPlan convert(LogicalPlan plan, List<DataType> types) {
        List<DataType> have = plan.outputTypes();
        if (have.equals(types)) {
            return plan;
        }
        List<Expr> exprs = new ArrayList<>();
        for (int c = 0; c < types.size(); c++) {
            Expr ref = new ColumnRef(c, have.get(c), "c" + c);
            exprs.add(have.get(c).equals(types.get(c)) ? ref : new CastExpr(ref, types.get(c)));
        }
        return new LogicalPlan.Project(plan, exprs);
    }
}
