package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.function.SetReturningFunction;
import io.rustydb.sql.function.TableFunctions;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.select.TableFunction;

/**
 * Binds a set-returning function in FROM ({@code generate_series(1, 10) AS g(n)}, {@code unnest(a) WITH
 * ORDINALITY AS u(x, i)}): resolves it in the {@link TableFunctions} registry, converts the arguments and names the
 * columns as PostgreSQL does: by the column aliases, else, for a single-column function, by the table alias (else
 * the function's name); the ordinality column is {@code ordinality}. The arguments see the enclosing query's
 * columns (a correlated subquery); {@link FromBinder} makes a function that reads earlier FROM items a LATERAL
 * join.
 */
final class TableFunctionBinder {
    private TableFunctionBinder() {
    }

    /** Whether {@code name} is a set-returning function (which only FROM may call). */
    static boolean handles(String name) {
        return TableFunctions.handles(name);
    }

    /** The error for a set-returning function called where a single value is expected (e.g. the select list). */
    static DbException notInExpression(String name) {
        return new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "set-returning function " + name
                + " in an expression; call it in FROM instead, e.g. SELECT * FROM " + name + "(...)");
    }

    static FromBinder.From bind(TableFunction item, ExpressionBinder arguments) {
        if (item.isRowsFrom()) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "ROWS FROM (...)");
        }
        net.sf.jsqlparser.expression.Function f = item.getFunction();
        String name = f.getName().toLowerCase(java.util.Locale.ROOT);
        if (!TableFunctions.handles(name)) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + " (as a table function)");
        }
        List<Expr> args = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        if (f.getParameters() != null) {
            for (Object p : f.getParameters()) {
                Expr bound = arguments.bind((Expression) p);
                args.add(bound);
                types.add(bound.type());
            }
        }
        SetReturningFunction function = TableFunctions.resolve(name, types);
        List<Expr> converted = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            converted.add(arguments.convert(args.get(i), function.argumentTypes().get(i)));
        }
        boolean ordinality = item.getWithClause() != null && item.getWithClause().toUpperCase(java.util.Locale.ROOT)
                .contains("ORDINALITY");
        LogicalPlan plan = new LogicalPlan.FunctionScan(function, converted, ordinality);

        List<String> names = new ArrayList<>(function.columnNames());
        String alias = item.getAlias() == null ? null : Identifiers.normalize(item.getAlias().getName());
        if (alias != null && names.size() == 1) {
            names.set(0, alias);
        }
        if (ordinality) {
            names.add("ordinality");
        }
        if (item.getAlias() != null && item.getAlias().getAliasColumns() != null) {
            var renamed = item.getAlias().getAliasColumns();
            if (renamed.size() > names.size()) {
                throw new DbException(ErrorCode.SYNTAX_ERROR, "table \"" + alias + "\" has " + names.size()
                        + " columns available but " + renamed.size() + " columns specified");
            }
            for (int i = 0; i < renamed.size(); i++) {
                names.set(i, Identifiers.normalize(renamed.get(i).name));
            }
        }
        List<DataType> outputs = plan.outputTypes();
        List<ColumnDef> defs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            defs.add(new ColumnDef(names.get(i), outputs.get(i), true));
        }
        String qualifier = alias != null ? alias : name;
        return new FromBinder.From(plan, Scope.of(new TableDef(-1, qualifier, defs, 0), qualifier));
    }
}
