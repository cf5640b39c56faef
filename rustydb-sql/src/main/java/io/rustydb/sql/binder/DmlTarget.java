package io.rustydb.sql.binder;

import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.LogicalPlan;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;

/**
 * The rows an UPDATE or DELETE changes: the target table scanned with row ids, filtered by the WHERE clause.
 * Shared by {@link UpdateBinder} and {@link DeleteBinder}.
 */
final class DmlTarget {
    final TableDef table;
    final Scope scope;
    final LogicalPlan rows;
    /** The position of the row id column in {@link #rows}. */
    final int rowIdColumn;

    DmlTarget(Catalog catalog, ParameterTypes parameters, Table target, Expression where) {
        this.table = catalog.table(Identifiers.normalize(target.getName()));
        String qualifier = target.getAlias() != null ? Identifiers.normalize(target.getAlias().getName()) : table.name();
        this.scope = Scope.of(table, qualifier);
        this.rowIdColumn = table.columns().size();
        LogicalPlan plan = new LogicalPlan.Scan(table, true);
        if (where != null) {
            Expr predicate = new ExpressionBinder(catalog, scope, parameters, null, "WHERE").bindCondition(where);
            plan = new LogicalPlan.Filter(plan, predicate);
        }
        this.rows = plan;
    }
}
