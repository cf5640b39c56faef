package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.ViewDef;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.parser.SqlParser;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Views in use: a view's stored query is parsed and bound afresh each time a statement names the view (the
 * result is cached with that statement's plan, which the catalog version keys), so it sees the tables as they
 * are now; the view keeps the columns it was created with (a {@code SELECT *} view does not grow when its table
 * gets a column). Also tells which views no longer bind after a DDL change ({@link #broken}).
 */
public final class Views {
    /** The views being expanded on this thread, innermost last: a view that reads itself is 42P17. */
    private static final ThreadLocal<Deque<ViewDef>> EXPANDING = ThreadLocal.withInitial(ArrayDeque::new);

    private Views() {
    }

    /** {@code view}'s query bound now, with the view's column names (and only its columns). */
    static BoundStatement.Query expand(Catalog catalog, ViewDef view) {
        Deque<ViewDef> expanding = EXPANDING.get();
        if (expanding.contains(view)) {
            throw new DbException(ErrorCode.INVALID_OBJECT_DEFINITION, "infinite recursion detected in view \""
                    + view.name() + "\"");
        }
        expanding.addLast(view);
        try (Names.Scope path = Names.bindingWith(io.rustydb.sql.catalog.SearchPath.ofIds(catalog, view.searchPath()))) {
            if (!(SqlParser.parse(view.sql()) instanceof Select select)) {
                throw DbException.corruption("catalog", -1, "view " + view.name() + " does not hold a query");
            }
            BoundStatement.Query query = new SelectBinder(catalog, new ParameterTypes()).bind(select);
            int width = view.columns().size();
            List<io.rustydb.core.type.DataType> types = query.plan().outputTypes();
            if (types.size() < width) {
                throw new DbException(ErrorCode.INVALID_OBJECT_DEFINITION, "view \"" + view.name() + "\" has "
                        + width + " columns but its query now gives " + types.size());
            }
            LogicalPlan plan = query.plan();
            if (types.size() > width) {
                List<Expr> kept = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    kept.add(new ColumnRef(i, types.get(i), view.columns().get(i)));
                }
                plan = new LogicalPlan.Project(plan, kept);
            }
            return new BoundStatement.Query(plan, view.columns(), List.of());
        } finally {
            expanding.removeLast();
        }
    }

    /** The views that no longer bind against the catalog as it is now. */
    public static List<ViewDef> broken(Catalog catalog) {
        List<ViewDef> out = new ArrayList<>();
        for (ViewDef view : catalog.views()) {
            try {
                expand(catalog, view);
            } catch (DbException e) {
                out.add(view);
            }
        }
        return out;
    }
}
