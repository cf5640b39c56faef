package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.Returning;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.ReturningClause;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Binds a {@code RETURNING} list against the columns a data-changing statement hands it (see {@link Returning}):
 * expressions with optional aliases, {@code *} (every column in scope) and {@code t.*}. Aggregates are not
 * allowed (42803), as in PostgreSQL.
 */
final class ReturningBinder {
    private ReturningBinder() {
    }

    /** The bound list, or null if {@code clause} is null. */
    static Returning bind(Catalog catalog, ParameterTypes parameters, ReturningClause clause, Scope scope) {
        if (clause == null) {
            return null;
        }
        if (clause.getDataItems() != null && !clause.getDataItems().isEmpty()) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "RETURNING ... INTO");
        }
        if (clause.getOutputAliases() != null && !clause.getOutputAliases().isEmpty()) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "RETURNING WITH (OLD/NEW AS ...)");
        }
        ExpressionBinder binder = new ExpressionBinder(catalog, scope, parameters, null, "RETURNING");
        List<Expr> expressions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (SelectItem<?> item : clause) {
            Expression e = item.getExpression();
            if (e instanceof AllColumns && !(e instanceof AllTableColumns)) {
                expand(scope, null, expressions, names);
            } else if (e instanceof AllTableColumns all) {
                expand(scope, Identifiers.normalize(all.getTable().getName()), expressions, names);
            } else {
                expressions.add(binder.bind(e));
                names.add(item.getAlias() != null ? Identifiers.normalize(item.getAlias().getName())
                        : SelectBinder.columnName(e));
            }
        }
        return new Returning(expressions, names);
    }

    private static void expand(Scope scope, String qualifier, List<Expr> expressions, List<String> names) {
        boolean any = false;
        for (Scope.Entry entry : scope.entries()) {
            if (qualifier == null ? !entry.merged() : qualifier.equals(entry.qualifier())) {
                expressions.add(new ColumnRef(entry.index(), entry.type(), entry.name()));
                names.add(entry.name());
                any = true;
            }
        }
        if (!any && qualifier != null) {
            throw new DbException(ErrorCode.UNDEFINED_TABLE, qualifier);
        }
    }
}
