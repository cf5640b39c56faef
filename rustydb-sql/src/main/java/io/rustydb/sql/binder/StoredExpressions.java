package io.rustydb.sql.binder;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.CheckDef;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.Literal;
import io.rustydb.sql.parser.SqlParser;
import io.rustydb.sql.plan.CheckConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * The expressions the catalog keeps as SQL text — column defaults and CHECK conditions — bound for a statement:
 * a default in an empty scope (it sees no columns; functions such as {@code current_timestamp} are evaluated per
 * row), a CHECK condition over the table's columns in table order.
 */
final class StoredExpressions {
    private StoredExpressions() {
    }

    /** The value a row gets for {@code column} when none is given: its default, assigned to its type, or NULL. */
    static Expr defaultValue(Catalog catalog, ColumnDef column, ParameterTypes parameters) {
        if (column.defaultSql() == null) {
            return Assignment.assign(new Literal(null, DataType.NULL), column, parameters);
        }
        ExpressionBinder binder = new ExpressionBinder(catalog, Scope.empty(), parameters, null, "DEFAULT");
        return Assignment.assign(binder.bind(SqlParser.parseExpression(column.defaultSql())), column, parameters);
    }

    /** The table's CHECK constraints, bound over its columns. */
    static List<CheckConstraint> checks(Catalog catalog, TableDef table, ParameterTypes parameters) {
        List<CheckConstraint> out = new ArrayList<>();
        if (table.checks().isEmpty()) {
            return out;
        }
        ExpressionBinder binder = new ExpressionBinder(catalog, Scope.of(table, table.name()), parameters, null,
                "CHECK");
        for (CheckDef check : table.checks()) {
            out.add(new CheckConstraint(check.name(), binder.bindCondition(SqlParser.parseExpression(check.sql()))));
        }
        return out;
    }
}
