package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * A GROUP BY key may name an output column of the select list ({@code SELECT l_suppkey AS s ... GROUP BY s}), as
 * in PostgreSQL: a bare name that is not a column of the FROM clause (whose columns win) stands for the
 * expression of the select item with that alias. Two select items with that alias make it ambiguous (42702).
 */
final class GroupByAliases {
    private GroupByAliases() {
    }

    /** The expression {@code key} stands for: the aliased select item's, or {@code key} itself. */
    static Expression resolve(PlainSelect select, Scope scope, Expression key) {
        if (!(key instanceof Column column) || column.getTable() != null && column.getTable().getName() != null) {
            return key;
        }
        String name = Identifiers.normalize(column.getColumnName());
        try {
            scope.resolve(null, name);
            return key;
        } catch (DbException e) {
            if (e.code() != ErrorCode.UNDEFINED_COLUMN) {
                throw e;
            }
            Expression aliased = null;
            for (SelectItem<?> item : select.getSelectItems()) {
                if (item.getAlias() != null && Identifiers.normalize(item.getAlias().getName()).equals(name)) {
                    if (aliased != null) {
                        throw new DbException(ErrorCode.AMBIGUOUS_COLUMN, name);
                    }
                    aliased = item.getExpression();
                }
            }
            if (aliased == null) {
                throw e;
            }
            return aliased;
        }
    }
}
