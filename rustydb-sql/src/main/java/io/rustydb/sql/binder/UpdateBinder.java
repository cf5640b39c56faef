package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.LogicalPlan;
import io.rustydb.sql.plan.Returning;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Binds {@code UPDATE t [AS x] SET col = expr [, ...] [FROM other [, ...]] [WHERE condition] [RETURNING ...]}:
 * every new value is computed from the row as it was before the statement (all right-hand sides see the old values)
 * and converted under assignment rules. With FROM, the target is joined to the other tables and a target row that
 * matches several of their rows is updated once, with one of the matches (PostgreSQL: which one is unspecified).
 */
final class UpdateBinder {
    private final Catalog catalog;
    private final ParameterTypes parameters;

    UpdateBinder(Catalog catalog, ParameterTypes parameters) {
        this.catalog = catalog;
        this.parameters = parameters;
    }

    BoundStatement.Update bind(Update update) {
        if ((update.getStartJoins() != null && !update.getStartJoins().isEmpty()) || update.getLimit() != null
                || update.getOrderByElements() != null || update.getOutputClause() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "UPDATE with joins before SET, ORDER BY, LIMIT or OUTPUT");
        }
        DmlTarget.rejectWith(update.getWithItemsList(), "UPDATE");
        if (update.getFromItem() == null && update.getJoins() != null && !update.getJoins().isEmpty()) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "UPDATE with joins without FROM");
        }
        DmlTarget target = new DmlTarget(catalog, parameters, update.getTable(), update.getFromItem(),
                update.getJoins(), update.getWhere());
        ExpressionBinder binder = new ExpressionBinder(catalog, target.scope, parameters, null, "UPDATE");
        Expr[] newValues = assignments(catalog, parameters, target.table, update.getUpdateSets(), binder);
        List<ColumnDef> columns = target.table.columns();
        List<Expr> output = new ArrayList<>();
        output.add(target.rowId());
        for (int c = 0; c < columns.size(); c++) {
            output.add(newValues[c] != null ? newValues[c] : target.column(c));
        }
        Returning returning = ReturningBinder.bind(catalog, parameters, update.getReturningClause(),
                target.returningScope());
        if (returning != null) {
            output.addAll(target.otherColumnRefs());
        }
        return new BoundStatement.Update(target.table, new LogicalPlan.Project(target.rows, output),
                StoredExpressions.checks(target.table, parameters), returning, parameters.types());
    }

    /**
     * The new value of each column of {@code table} named in {@code sets} (null for the others), bound by
     * {@code binder} and converted to the column's type; {@code DEFAULT} is the column's default. Also used by
     * ON CONFLICT DO UPDATE and MERGE.
     */
    static Expr[] assignments(Catalog catalog, ParameterTypes parameters, TableDef table, List<UpdateSet> sets,
                              ExpressionBinder binder) {
        List<ColumnDef> columns = table.columns();
        Expr[] newValues = new Expr[columns.size()];
        for (UpdateSet set : sets) {
            if (set.getColumns().size() != set.getValues().size()) {
                throw new DbException(ErrorCode.SYNTAX_ERROR, "number of columns does not match number of values");
            }
            for (int i = 0; i < set.getColumns().size(); i++) {
                Column column = set.getColumns().get(i);
                String name = Identifiers.normalize(column.getColumnName());
                int index = table.columnIndex(name);
                if (index < 0) {
                    throw new DbException(ErrorCode.UNDEFINED_COLUMN, name + "\" of relation \"" + table.name());
                }
                if (newValues[index] != null) {
                    throw new DbException(ErrorCode.SYNTAX_ERROR, "multiple assignments to same column \"" + name + "\"");
                }
                Expression value = (Expression) set.getValues().get(i);
                if (!isDefaultKeyword(value)) {
                    IdentityColumns.checkUpdate(catalog, table, index);
                }
                newValues[index] = isDefaultKeyword(value)
                        ? StoredExpressions.defaultValue(columns.get(index), parameters)
                        : Assignment.assign(binder.bind(value), columns.get(index), parameters);
            }
        }
        return newValues;
    }

    /** {@code DEFAULT} as a value (JSqlParser reads it as a column named DEFAULT). */
    static boolean isDefaultKeyword(Expression e) {
        return e instanceof Column c && c.getTable() == null && c.getColumnName().equalsIgnoreCase("DEFAULT");
    }
}
