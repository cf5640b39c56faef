package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeRules;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.expr.CastExpr;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperation;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.UnionOp;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Binds a WITH RECURSIVE query that refers to itself, with PostgreSQL's rules: it must be
 * {@code non-recursive-term UNION [ALL] recursive-term} (the last UNION of the body splits them), its name may not
 * appear in the non-recursive term, and appears exactly once in the recursive term: not in a subquery of an
 * expression, on the NULL-filled side of an outer join, or under an aggregation (all 42P19); ORDER BY, LIMIT and
 * OFFSET in it are 0A000. The non-recursive term fixes the column types: a recursive-term column of another type is
 * converted when the common type of both is the non-recursive one (e.g. a NULL), otherwise it is 42804, as in
 * PostgreSQL ({@code SELECT 1 UNION ALL SELECT n + 1.5 FROM t} must cast).
 *
 * <p>The result is a {@link LogicalPlan.RecursiveUnion}; the self-reference binds to a
 * {@link LogicalPlan.WorkingTableScan} of the same working table.
 */
final class RecursiveCteBinder {
    private final Catalog catalog;
    private final ParameterTypes parameters;
    private final Scope visible;
    private final String name;
    private final List<String> columnNames;

    /**
     * @param visible     the scope the query is bound in (the WITH queries before it)
     * @param columnNames the column list after the name ({@code WITH RECURSIVE t(n) AS ...}), maybe empty
     */
    RecursiveCteBinder(Catalog catalog, ParameterTypes parameters, Scope visible, String name,
                       List<String> columnNames) {
        this.catalog = catalog;
        this.parameters = parameters;
        this.visible = visible;
        this.name = name;
        this.columnNames = List.copyOf(columnNames);
    }

    /** Whether {@code select} names the table {@code name} anywhere (FROM clauses, subqueries). */
    static boolean refersTo(Object select, String name) {
        if (select == null) {
            return false;
        }
        java.util.Set<String> tables;
        if (select instanceof Select s) {
            tables = new TablesNamesFinder<>().getTables((net.sf.jsqlparser.statement.Statement) s);
        } else if (select instanceof Expression e) {
            // in an expression only the FROM clauses of its subqueries count, not the qualifiers of columns
            tables = new TablesNamesFinder<Void>() {
                @Override
                public <S> Void visit(net.sf.jsqlparser.schema.Column column, S context) {
                    return null;
                }
            }.getTables(e);
        } else {
            return false;
        }
        for (String table : tables) {
            if (!table.contains(".") && Identifiers.normalize(table).equals(name)) {
                return true;
            }
        }
        return false;
    }

    BoundStatement.Query bind(Select body) {
        while (body instanceof ParenthesedSelect p) {
            body = p.getSelect();
        }
        if (!(body instanceof SetOperationList list)
                || !(list.getOperations().get(list.getOperations().size() - 1) instanceof UnionOp)) {
            throw recursion("recursive query \"" + name
                    + "\" does not have the form non-recursive-term UNION [ALL] recursive-term");
        }
        if (list.getOrderByElements() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "ORDER BY in a recursive query");
        }
        if (list.getLimit() != null || list.getOffset() != null || list.getFetch() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "LIMIT or OFFSET in a recursive query");
        }
        int last = list.getSelects().size() - 1;
        boolean all = list.getOperations().get(last - 1).isAll();
        Select anchorSelect = last == 1 ? list.getSelects().get(0)
                : new SetOperationList().withSelects(new ArrayList<>(list.getSelects().subList(0, last)))
                        .withOperations(new ArrayList<SetOperation>(list.getOperations().subList(0, last - 1)));
        if (refersTo(anchorSelect, name)) {
            throw recursion("recursive reference to query \"" + name + "\" must not appear within its non-recursive term");
        }
        BoundStatement.Query anchor = new SelectBinder(catalog, parameters, visible).bind(anchorSelect);
        List<String> names = new ArrayList<>(anchor.columnNames());
        if (columnNames.size() > names.size()) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "WITH query \"" + name + "\" has " + names.size()
                    + " columns available but " + columnNames.size() + " columns specified");
        }
        for (int i = 0; i < columnNames.size(); i++) {
            names.set(i, columnNames.get(i));
        }
        List<DataType> types = anchor.plan().outputTypes();
        LogicalPlan.WorkingTable table = new LogicalPlan.WorkingTable(name);
        BoundStatement.Query self = new BoundStatement.Query(new LogicalPlan.WorkingTableScan(table, types), names,
                anchor.parameterTypes());

        Select recursiveSelect = list.getSelects().get(last);
        checkRecursiveTermSyntax(recursiveSelect);
        BoundStatement.Query recursive = new SelectBinder(catalog, parameters, visible.withCtes(Map.of(name, self)))
                .bind(recursiveSelect);
        int references = references(recursive.plan(), table, null);
        if (references == 0) {
            throw recursion("recursive reference to query \"" + name + "\" must be in the recursive term's FROM clause");
        }
        if (references > 1) {
            throw recursion("recursive reference to query \"" + name + "\" must not appear more than once");
        }
        LogicalPlan recursivePlan = convert(recursive.plan(), types);
        return new BoundStatement.Query(new LogicalPlan.RecursiveUnion(anchor.plan(), recursivePlan, all, table),
                names, parameters.types());
    }

    /** ORDER BY/LIMIT in the recursive term (0A000) and self-references in expression subqueries (42P19). */
    private void checkRecursiveTermSyntax(Select select) {
        while (select instanceof ParenthesedSelect p) {
            select = p.getSelect();
        }
        if (select.getOrderByElements() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "ORDER BY in a recursive query");
        }
        if (select.getLimit() != null || select.getOffset() != null || select.getFetch() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "LIMIT or OFFSET in a recursive query");
        }
        if (!(select instanceof PlainSelect plain)) {
            return;
        }
        List<Expression> expressions = new ArrayList<>();
        for (SelectItem<?> item : plain.getSelectItems()) {
            expressions.add(item.getExpression());
        }
        expressions.add(plain.getWhere());
        expressions.add(plain.getHaving());
        if (plain.getJoins() != null) {
            for (Join join : plain.getJoins()) {
                if (join.getOnExpressions() != null) {
                    expressions.addAll(join.getOnExpressions());
                }
            }
        }
        for (Expression e : expressions) {
            if (refersTo(e, name)) {
                throw recursion("recursive reference to query \"" + name + "\" must not appear within a subquery");
            }
        }
    }

    /**
     * Counts the scans of {@code table} in a bound plan (records walked by their components), failing on one on the
     * NULL-filled side of an outer join or under an aggregation; {@code context} names the enclosing construct.
     */
    private int references(Object node, LogicalPlan.WorkingTable table, String context) {
        if (node instanceof LogicalPlan.WorkingTableScan scan) {
            if (scan.table() != table) {
                return 0;
            }
            if (context != null) {
                throw recursion("recursive reference to query \"" + name + "\" must not appear within " + context);
            }
            return 1;
        }
        if (node instanceof LogicalPlan.Join join) {
            boolean leftNullable = join.type() == LogicalPlan.JoinType.RIGHT || join.type() == LogicalPlan.JoinType.FULL;
            boolean rightNullable = join.type() == LogicalPlan.JoinType.LEFT || join.type() == LogicalPlan.JoinType.FULL;
            return references(join.left(), table, leftNullable ? "an outer join" : context)
                    + references(join.right(), table, rightNullable ? "an outer join" : context);
        }
        if (node instanceof LogicalPlan.Aggregate aggregate) {
            if (references(aggregate.input(), table, null) > 0) {
                throw recursion("aggregate functions are not allowed in a recursive query's recursive term");
            }
            return 0;
        }
        if (node instanceof LogicalPlan.SetOp set && set.kind() != LogicalPlan.SetOpKind.UNION) {
            String kind = set.kind().name();
            return references(set.left(), table, kind) + references(set.right(), table, kind);
        }
        int count = 0;
        if (node instanceof Collection<?> items) {
            for (Object item : items) {
                count += references(item, table, context);
            }
        } else if (node instanceof LogicalPlan && node.getClass().isRecord()) {
            for (java.lang.reflect.RecordComponent rc : node.getClass().getRecordComponents()) {
                try {
                    count += references(rc.getAccessor().invoke(node), table, context);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return count;
    }

    /** The recursive term's rows converted to the non-recursive term's column types (42804 if they cannot be). */
    private LogicalPlan convert(LogicalPlan plan, List<DataType> types) {
        List<DataType> have = plan.outputTypes();
        if (have.size() != types.size()) {
            throw new DbException(ErrorCode.SYNTAX_ERROR,
                    "each UNION query must have the same number of columns");
        }
        if (have.equals(types)) {
            return plan;
        }
        List<Expr> exprs = new ArrayList<>();
        for (int c = 0; c < types.size(); c++) {
            Expr ref = new ColumnRef(c, have.get(c), "c" + c);
            if (have.get(c).equals(types.get(c))) {
                exprs.add(ref);
                continue;
            }
            DataType overall = TypeRules.commonType(types.get(c), have.get(c));
            if (!overall.equals(types.get(c))) {
                throw new DbException(ErrorCode.DATATYPE_MISMATCH, "recursive query \"" + name + "\" column "
                        + (c + 1) + " has type " + types.get(c).sqlName() + " in non-recursive term but type "
                        + overall.sqlName() + " overall");
            }
            exprs.add(new CastExpr(ref, types.get(c)));
        }
        return new LogicalPlan.Project(plan, exprs);
    }

    private static DbException recursion(String message) {
        return new DbException(ErrorCode.INVALID_RECURSION, message);
    }
}
