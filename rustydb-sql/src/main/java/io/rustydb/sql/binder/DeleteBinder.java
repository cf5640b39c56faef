package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.LogicalPlan;
import io.rustydb.sql.plan.Returning;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;

/**
 * Binds {@code DELETE FROM t [AS x] [USING other [, ...]] [WHERE condition] [RETURNING ...]}. With USING, the
 * target is joined to the other tables; a target row that matches several of their rows is deleted (and returned)
 * once.
 */
final class DeleteBinder {
    private final Catalog catalog;
    private final ParameterTypes parameters;

    DeleteBinder(Catalog catalog, ParameterTypes parameters) {
        this.catalog = catalog;
        this.parameters = parameters;
    }

    BoundStatement.Delete bind(Delete delete) {
        if ((delete.getJoins() != null && !delete.getJoins().isEmpty())
                || (delete.getTables() != null && !delete.getTables().isEmpty())
                || delete.getLimit() != null || delete.getOrderByElements() != null
                || delete.getOutputClause() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "DELETE with joins, several tables, ORDER BY, LIMIT or OUTPUT");
        }
        DmlTarget.rejectWith(delete.getWithItemsList(), "DELETE");
        List<FromItem> using = delete.getUsingFromItemList();
        FromItem first = null;
        List<Join> joins = new ArrayList<>();
        if (using != null && !using.isEmpty()) {
            first = using.get(0);
            for (FromItem item : using.subList(1, using.size())) {
                Join join = new Join();
                join.setSimple(true);
                join.setRightItem(item);
                joins.add(join);
            }
        }
        DmlTarget target = new DmlTarget(catalog, parameters, delete.getTable(), first, joins, delete.getWhere());
        Returning returning = ReturningBinder.bind(catalog, parameters, delete.getReturningClause(),
                target.returningScope());
        List<Expr> output = new ArrayList<>();
        output.add(target.rowId());
        if (returning != null) {
            for (int c = 0; c < target.table.columns().size(); c++) {
                output.add(target.column(c));
            }
            output.addAll(target.otherColumnRefs());
        }
        return new BoundStatement.Delete(target.table, new LogicalPlan.Project(target.rows, output), returning,
                parameters.types());
    }
}
