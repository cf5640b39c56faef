package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.CompareOp;
import io.rustydb.sql.expr.ComparisonExpr;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.LogicalExpr;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;

/**
 * Binds a FROM clause: the first table, then each join (comma, CROSS, [INNER], LEFT, RIGHT, FULL [OUTER], with ON,
 * USING or NATURAL), left-deep; a parenthesized join ({@code a LEFT JOIN (b JOIN c ON ...) ON ...}) is bound as one
 * input. The result is the plan producing the joined rows and the scope naming their
 * columns. A USING column is one column for unqualified references and {@code *} (its left-hand copy).
 */
final class FromBinder {
    /** The rows of the FROM clause and the names of their columns. */
    record From(LogicalPlan plan, Scope scope) {
    }

    private final Catalog catalog;
    private final ParameterTypes parameters;
    private final Scope context;

    /** {@code context} holds the WITH queries in force (and, for a subquery, the enclosing columns: not used here). */
    FromBinder(Catalog catalog, ParameterTypes parameters, Scope context) {
        this.catalog = catalog;
        this.parameters = parameters;
        this.context = context == null ? Scope.empty() : context;
    }

    From bind(FromItem first, List<Join> joins) {
        From from = table(first);
        if (joins != null) {
            for (Join join : joins) {
                from = join(from, join);
            }
        }
        return from;
    }

    private From table(FromItem item) {
        if (item instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect sub) {
            return derivedTable(sub);
        }
        if (item instanceof net.sf.jsqlparser.statement.select.ParenthesedFromItem group) {
            if (group.getFromItem() instanceof net.sf.jsqlparser.statement.select.Values values
                    && (group.getJoins() == null || group.getJoins().isEmpty())) {
                return valuesTable(values, group.getAlias());
            }
            // (a JOIN b ON ...): the joined rows, their columns still named by a and b
            if (group.getAlias() != null) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "an alias for a parenthesized join");
            }
            return bind(group.getFromItem(), group.getJoins());
        }
        if (item instanceof net.sf.jsqlparser.statement.select.TableFunction function) {
            return TableFunctionBinder.bind(function,
                    new ExpressionBinder(catalog, Scope.empty().withParent(context), parameters, null,
                            "functions in FROM"));
        }
        if (!(item instanceof Table table)) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "FROM " + item.getClass().getSimpleName());
        }
        if (table.getSchemaName() == null) {
            io.rustydb.sql.plan.BoundStatement.Query cte = context.cte(Identifiers.normalize(table.getName()));
            if (cte != null) {
                String alias = table.getAlias() != null ? Identifiers.normalize(table.getAlias().getName())
                        : Identifiers.normalize(table.getName());
                return named(cte, alias, List.of());
            }
        }
        if (table.getSchemaName() != null) {
            String schema = Identifiers.normalize(table.getSchemaName());
            if (schema.equals(InformationSchema.SCHEMA)) {
                String name = Identifiers.normalize(table.getName());
                String alias = table.getAlias() != null ? Identifiers.normalize(table.getAlias().getName()) : name;
                return named(InformationSchema.query(catalog, name), alias, List.of());
            }
        }
        io.rustydb.sql.catalog.QualifiedName name = Names.lookup(catalog, table);
        io.rustydb.sql.catalog.ViewDef view = catalog.findView(name);
        if (view != null) {
            String alias = table.getAlias() != null ? Identifiers.normalize(table.getAlias().getName()) : view.name();
            return named(Views.expand(catalog, view), alias, List.of());
        }
        TableDef def = catalog.table(name);
        String qualifier = table.getAlias() != null ? Identifiers.normalize(table.getAlias().getName()) : def.name();
        return new From(new LogicalPlan.Scan(def), Scope.of(def, qualifier));
    }

    /** {@code (VALUES ...) [AS] alias [(col, ...)]}: literal rows in FROM (an alias is required, as in PostgreSQL). */
    private From valuesTable(net.sf.jsqlparser.statement.select.Values values,
                             net.sf.jsqlparser.expression.Alias alias) {
        if (alias == null) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "VALUES in FROM must have an alias");
        }
        io.rustydb.sql.plan.BoundStatement.Query query = new ValuesBinder(catalog, parameters).bind(values);
        List<String> renamed = new java.util.ArrayList<>();
        if (alias.getAliasColumns() != null) {
            for (var column : alias.getAliasColumns()) {
                renamed.add(Identifiers.normalize(column.name));
            }
        }
        return named(query, Identifiers.normalize(alias.getName()), renamed);
    }

    /** {@code (SELECT ...) [AS] alias [(col, ...)]}: a query in FROM, its columns named by its select list. */
    private From derivedTable(net.sf.jsqlparser.statement.select.ParenthesedSelect sub) {
        if (sub.getAlias() == null) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "subquery in FROM must have an alias");
        }
        io.rustydb.sql.plan.BoundStatement.Query query =
                new SelectBinder(catalog, parameters, context.ctesOnly()).bind(sub.getSelect());
        String alias = Identifiers.normalize(sub.getAlias().getName());
        List<String> renamed = new java.util.ArrayList<>();
        if (sub.getAlias().getAliasColumns() != null) {
            for (var column : sub.getAlias().getAliasColumns()) {
                renamed.add(Identifiers.normalize(column.name));
            }
        }
        return named(query, alias, renamed);
    }

    /** A query's rows as a table named {@code alias}, its columns optionally renamed (in order). */
    static From named(io.rustydb.sql.plan.BoundStatement.Query query, String alias, List<String> renamed) {
        List<String> names = new java.util.ArrayList<>(query.columnNames());
        if (renamed.size() > names.size()) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "table \"" + alias + "\" has " + names.size()
                    + " columns available but " + renamed.size() + " columns specified");
        }
        for (int i = 0; i < renamed.size(); i++) {
            names.set(i, renamed.get(i));
        }
        List<io.rustydb.sql.catalog.ColumnDef> defs = new java.util.ArrayList<>();
        List<io.rustydb.core.type.DataType> types = query.plan().outputTypes();
        for (int i = 0; i < names.size(); i++) {
            defs.add(new io.rustydb.sql.catalog.ColumnDef(names.get(i), types.get(i), true));
        }
        TableDef shape = new TableDef(-1, alias, defs, 0);
        return new From(query.plan(), Scope.of(shape, alias));
    }

    /**
     * A function in FROM after other items whose arguments read their columns ({@code FROM t, unnest(t.a)}; with
     * or without the LATERAL keyword, as in PostgreSQL): a {@link LogicalPlan.LateralJoin}. Null when the function
     * reads no earlier item (an ordinary join follows).
     */
    private From lateralFunction(From left, Join join,
                                 net.sf.jsqlparser.statement.select.TableFunction function) {
        boolean keyword = function.getPrefix() != null && function.getPrefix().equalsIgnoreCase("LATERAL");
        if (!keyword) {
            try {
                table(function);
                return null;
            } catch (DbException e) {
                if (e.code() != ErrorCode.UNDEFINED_COLUMN && e.code() != ErrorCode.UNDEFINED_TABLE) {
                    throw e;
                }
            }
        }
        if (join.isRight() || join.isFull() || join.isNatural()
                || join.getUsingColumns() != null && !join.getUsingColumns().isEmpty()) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "RIGHT, FULL, NATURAL or USING join with a LATERAL function");
        }
        Scope arguments = Scope.empty().withParent(left.scope().withParent(context));
        From right = TableFunctionBinder.bind(function,
                new ExpressionBinder(catalog, arguments, parameters, null, "functions in FROM"));
        Scope scope = Scope.join(left.scope(), right.scope(), java.util.Set.of());
        Expr condition = null;
        if (join.getOnExpressions() != null) {
            ExpressionBinder binder = new ExpressionBinder(catalog, scope, parameters, null, "JOIN ON");
            for (Expression on : join.getOnExpressions()) {
                Expr bound = binder.bindCondition(on);
                condition = condition == null ? bound : new LogicalExpr(true, condition, bound);
            }
        }
        LogicalPlan.JoinType type = join.isLeft() ? LogicalPlan.JoinType.LEFT
                : condition == null ? LogicalPlan.JoinType.CROSS : LogicalPlan.JoinType.INNER;
        return new From(new LogicalPlan.LateralJoin(left.plan(), right.plan(), type, condition), scope);
    }

    private From join(From left, Join join) {
        if (join.isSemi() || join.isApply() || join.isStraight() || join.isWindowJoin()) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "this kind of join");
        }
        if (join.getRightItem() instanceof net.sf.jsqlparser.statement.select.TableFunction function) {
            From lateral = lateralFunction(left, join, function);
            if (lateral != null) {
                return lateral;
            }
        }
        From right = table(join.getRightItem());
        LogicalPlan.JoinType type = join.isLeft() ? LogicalPlan.JoinType.LEFT
                : join.isRight() ? LogicalPlan.JoinType.RIGHT
                : join.isFull() ? LogicalPlan.JoinType.FULL
                : LogicalPlan.JoinType.INNER;
        Set<String> using = new LinkedHashSet<>();
        if (join.getUsingColumns() != null) {
            for (Column c : join.getUsingColumns()) {
                using.add(Identifiers.normalize(c.getColumnName()));
            }
        }
        if (join.isNatural()) {
            for (Scope.Entry r : right.scope().entries()) {
                for (Scope.Entry l : left.scope().entries()) {
                    if (!l.merged() && l.name().equals(r.name())) {
                        using.add(r.name());
                    }
                }
            }
        }
        Scope scope = Scope.join(left.scope(), right.scope(), using);
        Expr condition = null;
        boolean hasOn = join.getOnExpressions() != null && !join.getOnExpressions().isEmpty();
        if (hasOn) {
            ExpressionBinder binder = new ExpressionBinder(catalog, scope, parameters, null, "JOIN ON");
            for (Expression on : join.getOnExpressions()) {
                Expr bound = binder.bindCondition(on);
                condition = condition == null ? bound : new LogicalExpr(true, condition, bound);
            }
        }
        for (String name : using) {
            Expr l = left.scope().resolve(null, name);
            Scope.Entry r = null;
            for (Scope.Entry e : right.scope().entries()) {
                if (e.name().equals(name)) {
                    r = e;
                }
            }
            if (r == null) {
                throw new DbException(ErrorCode.UNDEFINED_COLUMN, name);
            }
            Expr rr = new io.rustydb.sql.expr.ColumnRef(r.index() + left.scope().size(), r.type(), name);
            Expr eq = new ComparisonExpr(CompareOp.EQ, l, rr);
            condition = condition == null ? eq : new LogicalExpr(true, condition, eq);
        }
        boolean simple = join.isSimple() || join.isCross();
        if (condition == null && !simple && !join.isNatural()) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "syntax error: JOIN needs ON or USING");
        }
        if (condition == null) {
            type = type == LogicalPlan.JoinType.INNER ? LogicalPlan.JoinType.CROSS : type;
        }
        return new From(new LogicalPlan.Join(left.plan(), right.plan(), type, condition), scope);
    }

}
