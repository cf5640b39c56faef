package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.List;
import net.sf.jsqlparser.statement.delete.Delete;

/** Binds {@code DELETE FROM t [WHERE condition]}. */
final class DeleteBinder {
    private final Catalog catalog;
    private final ParameterTypes parameters;

    DeleteBinder(Catalog catalog, ParameterTypes parameters) {
        this.catalog = catalog;
        this.parameters = parameters;
    }

    BoundStatement.Delete bind(Delete delete) {
        if ((delete.getJoins() != null && !delete.getJoins().isEmpty())
                || (delete.getUsingList() != null && !delete.getUsingList().isEmpty())
                || (delete.getTables() != null && !delete.getTables().isEmpty())
                || delete.getReturningClause() != null || delete.getLimit() != null
                || delete.getOrderByElements() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "DELETE with USING, joins, RETURNING, ORDER BY or LIMIT");
        }
        DmlTarget target = new DmlTarget(catalog, parameters, delete.getTable(), delete.getWhere());
        LogicalPlan rowIds = new LogicalPlan.Project(target.rows,
                List.of(new ColumnRef(target.rowIdColumn, DataType.BIGINT, "rowid")));
        return new BoundStatement.Delete(target.table, rowIds, parameters.types());
    }
}
