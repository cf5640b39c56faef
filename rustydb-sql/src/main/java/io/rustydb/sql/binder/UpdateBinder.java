package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.Casts;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.expr.AssignmentCastExpr;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.Literal;
import io.rustydb.sql.expr.ParameterRef;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Binds {@code UPDATE t SET col = expr [, ...] [WHERE condition]}: every new value is computed from the row as it
 * was before the statement (all right-hand sides see the old values) and converted under assignment rules.
 */
final class UpdateBinder {
    private final Catalog catalog;
    private final ParameterTypes parameters;

    UpdateBinder(Catalog catalog, ParameterTypes parameters) {
        this.catalog = catalog;
        this.parameters = parameters;
    }

    BoundStatement.Update bind(Update update) {
        if (update.getFromItem() != null || (update.getJoins() != null && !update.getJoins().isEmpty())
                || update.getReturningClause() != null || update.getLimit() != null
                || update.getOrderByElements() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "UPDATE with FROM, joins, RETURNING, ORDER BY or LIMIT");
        }
        DmlTarget target = new DmlTarget(catalog, parameters, update.getTable(), update.getWhere());
        List<ColumnDef> columns = target.table.columns();
        Expr[] newValues = new Expr[columns.size()];
        ExpressionBinder binder = new ExpressionBinder(catalog, target.scope, parameters, null, "UPDATE");
        for (UpdateSet set : update.getUpdateSets()) {
            if (set.getColumns().size() != set.getValues().size()) {
                throw new DbException(ErrorCode.SYNTAX_ERROR, "number of columns does not match number of values");
            }
            for (int i = 0; i < set.getColumns().size(); i++) {
                Column column = set.getColumns().get(i);
                String name = Identifiers.normalize(column.getColumnName());
                int index = target.table.columnIndex(name);
                if (index < 0) {
                    throw new DbException(ErrorCode.UNDEFINED_COLUMN, name + "\" of relation \"" + target.table.name());
                }
                if (newValues[index] != null) {
                    throw new DbException(ErrorCode.SYNTAX_ERROR, "multiple assignments to same column \"" + name + "\"");
                }
                Expression value = (Expression) set.getValues().get(i);
                if (!isDefaultKeyword(value)) {
                    IdentityColumns.checkUpdate(catalog, target.table, index);
                }
                newValues[index] = isDefaultKeyword(value)
                        ? StoredExpressions.defaultValue(columns.get(index), parameters)
                        : Assignment.assign(binder.bind(value), columns.get(index), parameters);
            }
        }
        List<Expr> output = new ArrayList<>();
        output.add(new ColumnRef(target.rowIdColumn, DataType.BIGINT, "rowid"));
        for (int c = 0; c < columns.size(); c++) {
            output.add(newValues[c] != null ? newValues[c]
                    : new ColumnRef(c, columns.get(c).type(), columns.get(c).name()));
        }
        return new BoundStatement.Update(target.table, new LogicalPlan.Project(target.rows, output),
                StoredExpressions.checks(target.table, parameters), parameters.types());
    }

    /** {@code DEFAULT} as a value (JSqlParser reads it as a column named DEFAULT). */
    static boolean isDefaultKeyword(Expression e) {
        return e instanceof Column c && c.getTable() == null && c.getColumnName().equalsIgnoreCase("DEFAULT");
    }
}
