package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.Literal;
import io.rustydb.sql.expr.ParameterRef;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.LogicalPlan;
import io.rustydb.sql.plan.SortKey;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Binds a SELECT: FROM (one table for now), WHERE, GROUP BY (with grouping sets, see {@link GroupByBinder}), HAVING,
 * the select list with {@code *} expansion, DISTINCT, DISTINCT ON, ORDER BY (by output name, position or
 * expression), LIMIT/OFFSET and FETCH FIRST; WITH queries ({@link RecursiveCteBinder} for recursive ones).
 *
 * <p>Produces Scan → Filter → Aggregate → Filter(HAVING) → Window → Project → Distinct → Sort → Limit → Project
 * (dropping ORDER BY helper columns); with DISTINCT ON, Sort → DistinctOn instead of Distinct → Sort.
 */
final class SelectBinder {
    private final Catalog catalog;
    private final ParameterTypes parameters;

    private final Scope outer;

    SelectBinder(Catalog catalog, ParameterTypes parameters) {
        this(catalog, parameters, null);
    }

    /** A binder for a subquery whose enclosing query's columns are {@code outer} (null: not correlated). */
    SelectBinder(Catalog catalog, ParameterTypes parameters, Scope outer) {
        this.catalog = catalog;
        this.parameters = parameters;
        this.outer = outer;
    }

    BoundStatement.Query bind(Select select) {
        if (select.getWithItemsList() != null && !select.getWithItemsList().isEmpty()) {
            Scope base = outer == null ? Scope.empty() : outer;
            java.util.Map<String, BoundStatement.Query> ctes = new java.util.LinkedHashMap<>();
            boolean recursive = select.getWithItemsList().stream().anyMatch(w -> w.isRecursive());
            for (net.sf.jsqlparser.statement.select.WithItem<?> item : select.getWithItemsList()) {
                net.sf.jsqlparser.statement.select.ParenthesedSelect body = item.getSelect();
                if (body == null) {
                    throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "WITH with a data-modifying statement");
                }
                String name = Identifiers.normalize(item.getAliasName());
                if (ctes.containsKey(name)) {
                    throw new DbException(ErrorCode.DUPLICATE_ALIAS, name);
                }
                List<String> renamed = new ArrayList<>();
                if (item.getWithItemList() != null) {
                    for (SelectItem<?> column : item.getWithItemList()) {
                        renamed.add(Identifiers.normalize(column.toString()));
                    }
                }
                // each WITH query sees the ones before it, and no columns of an enclosing query
                Scope visible = base.withCtes(ctes).ctesOnly();
                BoundStatement.Query query = recursive && RecursiveCteBinder.refersTo(body.getSelect(), name)
                        ? new RecursiveCteBinder(catalog, parameters, visible, name, renamed).bind(body.getSelect())
                        : new SelectBinder(catalog, parameters, visible).bind(body.getSelect());
                List<String> names = new ArrayList<>(query.columnNames());
                if (renamed.size() > names.size()) {
                    throw new DbException(ErrorCode.SYNTAX_ERROR, "WITH query \"" + name + "\" has " + names.size()
                            + " columns available but " + renamed.size() + " columns specified");
                }
                for (int i = 0; i < renamed.size(); i++) {
                    names.set(i, renamed.get(i));
                }
                ctes.put(name, new BoundStatement.Query(query.plan(), names, query.parameterTypes()));
            }
            return new SelectBinder(catalog, parameters, base.withCtes(ctes)).bindBody(select);
        }
        return bindBody(select);
    }

    /** A derived table's query: it sees the WITH queries in force but no columns of the enclosing query. */
    BoundStatement.Query bindWithoutCorrelation(Select select) {
        return new SelectBinder(catalog, parameters, outer == null ? null : outer.ctesOnly()).bind(select);
    }

    private BoundStatement.Query bindBody(Select select) {
        if (select instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect p) {
            return bind(p.getSelect());
        }
        if (select instanceof net.sf.jsqlparser.statement.select.Values values) {
            return new ValuesBinder(catalog, parameters).bind(values);
        }
        if (select instanceof net.sf.jsqlparser.statement.select.SetOperationList set) {
            return new SetOperationBinder(this).bind(set, e -> e);
        }
        if (!(select instanceof PlainSelect plain)) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, select.getClass().getSimpleName() + " queries");
        }
        return bindPlain(plain);
    }

    private BoundStatement.Query bindPlain(PlainSelect select) {
        rejectUnsupported(select);
        LogicalPlan input;
        Scope scope;
        if (select.getFromItem() == null) {
            input = new LogicalPlan.Values(List.of(List.of()), List.of());
            scope = Scope.empty();
        } else {
            FromBinder.From from = new FromBinder(catalog, parameters, outer).bind(select.getFromItem(), select.getJoins());
            input = from.plan();
            scope = from.scope();
        }
        RowLocking locking = RowLocking.of(select, input);
        if (locking != null) {
            input = locking.scanWithRowIds();
        }
        if (outer != null) {
            scope = scope.withParent(outer);
        }
        if (select.getWhere() != null) {
            Expr predicate = new ExpressionBinder(catalog, scope, parameters, null, "WHERE").bindCondition(select.getWhere());
            input = new LogicalPlan.Filter(input, predicate);
        }

        Scope inputScope = scope;
        GroupByBinder.Grouping grouping = GroupByBinder.bind(select.getGroupBy(),
                new ExpressionBinder(catalog, scope, parameters, null, "GROUP BY"),
                key -> GroupByAliases.resolve(select, inputScope, key));
        AggregationScope probe = AggregationScope.probe();
        bindOutputs(select, scope, probe, new WindowScope(0, select.getWindowDefinitions()));
        boolean aggregating = grouping != null || probe.sawAggregate() || select.getHaving() != null;

        AggregationScope aggregation = null;
        if (aggregating) {
            aggregation = grouping == null ? AggregationScope.grouping(List.of(), List.of())
                    : AggregationScope.grouping(grouping.keyTexts(), grouping.keys());
        }
        Outputs outputs = bindOutputs(select, scope, aggregation,
                new WindowScope(aggregating ? 0 : input.outputTypes().size(), select.getWindowDefinitions()));
        if (aggregating && !outputs.windows.isEmpty()) {
            // window calls read the groups, whose number of columns is known only now: bind once more
            int width = aggregation.keys().size() + aggregation.calls().size();
            aggregation = aggregation.withoutCalls();
            outputs = bindOutputs(select, scope, aggregation, new WindowScope(width, select.getWindowDefinitions()));
            if (aggregation.keys().size() + aggregation.calls().size() != width) {
                throw DbException.internal("aggregates changed between binding passes");
            }
        }
        List<Integer> distinctOn = select.getDistinct() == null || select.getDistinct().getOnSelectItems() == null
                ? null : distinctOnColumns(select, scope, aggregation, outputs);
        if (aggregating) {
            input = new LogicalPlan.Aggregate(input, aggregation.keys(), aggregation.calls(),
                    grouping == null ? List.of(List.of()) : grouping.sets());
            if (outputs.having != null) {
                input = new LogicalPlan.Filter(input, outputs.having);
            }
        }
        if (!outputs.windows.isEmpty()) {
            if (locking != null) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "FOR UPDATE/SHARE with window functions");
            }
            input = new LogicalPlan.Window(input, outputs.windows.calls());
        }
        if (locking != null) {
            if (aggregating || select.getDistinct() != null) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                        "FOR UPDATE/SHARE with GROUP BY, aggregates or DISTINCT");
            }
            outputs.expressions.add(locking.rowIdColumn());
        }
        input = new LogicalPlan.Project(input, outputs.expressions);
        if (distinctOn != null) {
            // the sort picks which row of each DISTINCT ON group comes first
            if (!outputs.sortKeys.isEmpty()) {
                input = new LogicalPlan.Sort(input, outputs.sortKeys);
            }
            input = new LogicalPlan.DistinctOn(input, distinctOn);
        } else if (select.getDistinct() != null) {
            if (outputs.expressions.size() > outputs.names.size()) {
                throw new DbException(ErrorCode.INVALID_COLUMN_REFERENCE,
                        "for SELECT DISTINCT, ORDER BY expressions must appear in select list");
            }
            input = new LogicalPlan.Distinct(input);
        }
        if (!outputs.sortKeys.isEmpty() && distinctOn == null) {
            input = new LogicalPlan.Sort(input, outputs.sortKeys);
        }
        Expr limit = limitExpr(select);
        Expr offset = select.getOffset() == null ? null : countExpr(select.getOffset().getOffset(), "OFFSET");
        if (locking != null) {
            input = locking.lock(input, outputs.expressions.size() - 1, limit, offset);
        }
        if (limit != null || offset != null) {
            input = new LogicalPlan.Limit(input, limit, offset);
        }
        if (outputs.expressions.size() > outputs.names.size()) {
            List<Expr> visible = new ArrayList<>();
            for (int i = 0; i < outputs.names.size(); i++) {
                visible.add(new ColumnRef(i, outputs.expressions.get(i).type(), outputs.names.get(i)));
            }
            input = new LogicalPlan.Project(input, visible);
        }
        return new BoundStatement.Query(input, outputs.names, parameters.types());
    }

    /** The select list, HAVING and ORDER BY, bound against the input (or the aggregation). */
    private static final class Outputs {
        final List<Expr> expressions = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<SortKey> sortKeys = new ArrayList<>();
        Expr having;
        WindowScope windows;
    }

    private Outputs bindOutputs(PlainSelect select, Scope scope, AggregationScope aggregation, WindowScope windows) {
        Outputs out = new Outputs();
        out.windows = windows;
        ExpressionBinder binder = new ExpressionBinder(catalog, scope, parameters, aggregation, windows, "SELECT");
        for (SelectItem<?> item : select.getSelectItems()) {
            Expression e = item.getExpression();
            if (e instanceof AllTableColumns all) {
                expandStar(scope, Identifiers.normalize(all.getTable().getName()), binder, out);
            } else if (e instanceof AllColumns) {
                if (scope.entries().isEmpty()) {
                    throw new DbException(ErrorCode.SYNTAX_ERROR, "SELECT * with no tables specified is not valid");
                }
                expandStar(scope, null, binder, out);
            } else {
                out.expressions.add(binder.bind(e));
                out.names.add(item.getAlias() != null ? Identifiers.normalize(item.getAlias().getName()) : columnName(e));
            }
        }
        if (select.getHaving() != null) {
            out.having = new ExpressionBinder(catalog, scope, parameters, aggregation, "HAVING").bindCondition(select.getHaving());
        }
        if (select.getOrderByElements() != null) {
            ExpressionBinder orderBinder = new ExpressionBinder(catalog, scope, parameters, aggregation, windows, "ORDER BY");
            for (OrderByElement order : select.getOrderByElements()) {
                int column = orderColumn(order.getExpression(), out, orderBinder);
                boolean descending = !order.isAsc();
                boolean nullsFirst = order.getNullOrdering() == null
                        ? descending
                        : order.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST;
                out.sortKeys.add(new SortKey(column, descending, nullsFirst));
            }
        }
        return out;
    }

    /**
     * The output columns of {@code DISTINCT ON (...)} (resolved as ORDER BY items are, hidden columns added as
     * needed). As in PostgreSQL, the ORDER BY must begin with them, in any order among themselves (42P10).
     */
    private List<Integer> distinctOnColumns(PlainSelect select, Scope scope, AggregationScope aggregation,
                                            Outputs out) {
        ExpressionBinder binder = new ExpressionBinder(catalog, scope, parameters, aggregation, "DISTINCT ON");
        List<Integer> columns = new ArrayList<>();
        for (SelectItem<?> item : select.getDistinct().getOnSelectItems()) {
            Expression e = item.getExpression();
            if (e instanceof net.sf.jsqlparser.expression.StringValue
                    || e instanceof net.sf.jsqlparser.expression.DoubleValue
                    || e instanceof net.sf.jsqlparser.expression.NullValue) {
                throw new DbException(ErrorCode.SYNTAX_ERROR, "non-integer constant in DISTINCT ON");
            }
            int column = orderColumn(e, out, binder);
            if (!columns.contains(column)) {
                columns.add(column);
            }
        }
        boolean skipped = false;
        java.util.Set<Integer> matched = new java.util.HashSet<>();
        for (SortKey key : out.sortKeys) {
            if (!columns.contains(key.column())) {
                skipped = true;
            } else if (skipped) {
                throw distinctOnMismatch();
            } else {
                matched.add(key.column());
            }
        }
        if (skipped && matched.size() < columns.size()) {
            throw distinctOnMismatch();
        }
        return columns;
    }

    private static DbException distinctOnMismatch() {
        return new DbException(ErrorCode.INVALID_COLUMN_REFERENCE,
                "SELECT DISTINCT ON expressions must match initial ORDER BY expressions");
    }

    /** The output column an ORDER BY item sorts on: a select-list name, a position, or a new hidden column. */
    private int orderColumn(Expression e, Outputs out, ExpressionBinder binder) {
        if (e instanceof LongValue position) {
            long p = position.getValue();
            if (p < 1 || p > out.names.size()) {
                throw new DbException(ErrorCode.INVALID_COLUMN_REFERENCE, "ORDER BY position " + p + " is not in select list");
            }
            return (int) p - 1;
        }
        if (e instanceof Column c && c.getTable() == null) {
            String name = Identifiers.normalize(c.getColumnName());
            int found = -1;
            for (int i = 0; i < out.names.size(); i++) {
                if (out.names.get(i).equals(name)) {
                    if (found >= 0 && !out.expressions.get(found).equals(out.expressions.get(i))) {
                        throw new DbException(ErrorCode.AMBIGUOUS_COLUMN, name);
                    }
                    found = found >= 0 ? found : i;
                }
            }
            if (found >= 0) {
                return found;
            }
        }
        Expr bound = binder.bind(e);
        for (int i = 0; i < out.expressions.size(); i++) {
            if (out.expressions.get(i).equals(bound)) {
                return i;
            }
        }
        out.expressions.add(bound);
        return out.expressions.size() - 1;
    }

    private static void expandStar(Scope scope, String qualifier, ExpressionBinder binder, Outputs out) {
        boolean any = false;
        for (Scope.Entry entry : scope.entries()) {
            if (qualifier == null ? !entry.merged() : qualifier.equals(entry.qualifier())) {
                Column column = new Column(new Table(quote(entry.qualifier())), quote(entry.name()));
                out.expressions.add(binder.bind(column));
                out.names.add(entry.name());
                any = true;
            }
        }
        if (!any) {
            throw new DbException(ErrorCode.UNDEFINED_TABLE, qualifier);
        }
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String columnName(Expression e) {
        if (e instanceof Column c) {
            return Identifiers.normalize(c.getColumnName());
        }
        if (e instanceof Function f) {
            return f.getName().toLowerCase(java.util.Locale.ROOT);
        }
        if (e instanceof net.sf.jsqlparser.expression.AnalyticExpression a) {
            return a.getName().toLowerCase(java.util.Locale.ROOT);
        }
        return "?column?";
    }

    private Expr limitExpr(PlainSelect select) {
        if (select.getLimit() != null && select.getFetch() != null) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "LIMIT and FETCH cannot both be used");
        }
        if (select.getLimit() != null) {
            if (select.getLimit().getOffset() != null) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "LIMIT offset, count (use LIMIT count OFFSET offset)");
            }
            if (select.getLimit().isLimitAll() || select.getLimit().isLimitNull()) {
                return null;
            }
            return countExpr(select.getLimit().getRowCount(), "LIMIT");
        }
        if (select.getFetch() != null) {
            if (select.getFetch().getExpression() == null) {
                return new Literal(1L, DataType.BIGINT);
            }
            return countExpr(select.getFetch().getExpression(), "FETCH FIRST");
        }
        return null;
    }

    /** A LIMIT/OFFSET count: a constant or parameter of an integer type. */
    private Expr countExpr(Expression e, String clause) {
        Expr bound = new ExpressionBinder(Scope.empty(), parameters, null, clause).bind(e);
        if (bound instanceof ParameterRef p && p.type().equals(DataType.NULL)) {
            parameters.infer(p.index(), DataType.BIGINT);
            return new ParameterRef(p.index(), DataType.BIGINT);
        }
        TypeId id = bound.type().id();
        if (id != TypeId.SMALLINT && id != TypeId.INTEGER && id != TypeId.BIGINT && id != TypeId.NULL) {
            throw new DbException(ErrorCode.DATATYPE_MISMATCH,
                    "argument of " + clause + " must be an integer, not type " + bound.type().sqlName());
        }
        return bound;
    }

    private static void rejectUnsupported(PlainSelect select) {
        if (select.getIntoTables() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "SELECT INTO");
        }
        if (select.getTop() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "TOP (use LIMIT)");
        }
    }
}
