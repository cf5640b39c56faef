package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeRules;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.select.Values;

/**
 * Binds {@code VALUES (...), (...)} used as a query — on its own, in a set operation or as {@code (VALUES ...) AS
 * v(a, b)} in FROM: every row must have the same number of columns (42601); each column takes the common type of
 * its rows (42804 when there is none; TEXT when every row is NULL), and the columns are named {@code column1},
 * {@code column2}... as in PostgreSQL. The rows see no columns of an enclosing query.
 */
final class ValuesBinder {
    private final Catalog catalog;
    private final ParameterTypes parameters;

    ValuesBinder(Catalog catalog, ParameterTypes parameters) {
        this.catalog = catalog;
        this.parameters = parameters;
    }

    BoundStatement.Query bind(Values values) {
        List<List<Expression>> rows = InsertBinder.rows(values.getExpressions());
        ExpressionBinder binder = new ExpressionBinder(catalog, Scope.empty(), parameters, null, "VALUES");
        List<List<Expr>> bound = new ArrayList<>();
        int width = rows.get(0).size();
        for (List<Expression> row : rows) {
            if (row.size() != width) {
                throw new DbException(ErrorCode.SYNTAX_ERROR, "VALUES lists must all be the same length");
            }
            List<Expr> exprs = new ArrayList<>();
            for (Expression e : row) {
                exprs.add(binder.bind(e));
            }
            bound.add(exprs);
        }
        List<DataType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            DataType type = DataType.NULL;
            for (List<Expr> row : bound) {
                type = TypeRules.commonType(type, row.get(c).type());
            }
            types.add(type.equals(DataType.NULL) ? DataType.TEXT : type);
            names.add("column" + (c + 1));
        }
        List<List<Expr>> converted = new ArrayList<>();
        for (List<Expr> row : bound) {
            List<Expr> exprs = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                exprs.add(binder.convert(row.get(c), types.get(c)));
            }
            converted.add(exprs);
        }
        return new BoundStatement.Query(new LogicalPlan.Values(converted, types), names, parameters.types());
    }
}
