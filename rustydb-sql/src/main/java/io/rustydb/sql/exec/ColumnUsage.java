package io.rustydb.sql.exec;

import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.OuterRef;
import io.rustydb.sql.expr.SubqueryExpr;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which input columns expressions read: the planner's test for an index that covers a query. Bound expressions are
 * records, so their parts are found through the record components (an expression type added later is covered
 * without a change here); a subquery, or anything that is not a record, counts as reading every column.
 */
final class ColumnUsage {
    private ColumnUsage() {
    }

    /**
     * Adds the input columns {@code node} (an expression, or a collection of them) reads to {@code columns}; parts
     * that are not expressions (a subquery's plan) are not looked into.
     */
    static void collect(Object node, java.util.BitSet columns) {
        if (node instanceof ColumnRef c) {
            columns.set(c.index());
            return;
        }
        if (node instanceof Collection<?> list) {
            for (Object o : list) {
                collect(o, columns);
            }
            return;
        }
        if (node instanceof Expr && node.getClass().isRecord()) {
            for (RecordComponent rc : node.getClass().getRecordComponents()) {
                try {
                    collect(rc.getAccessor().invoke(node), columns);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** The columns {@code expressions} read, or null if that cannot be known (treat as all). */
    static Set<Integer> of(Collection<? extends Expr> expressions) {
        Set<Integer> out = new TreeSet<>();
        for (Expr e : expressions) {
            if (e != null && !collect(e, out)) {
                return null;
            }
        }
        return out;
    }

    /**
     * Like {@link #of}, but a column of an enclosing query ({@link OuterRef}) counts as a constant: it is fixed while
     * a correlated subquery runs. Null if a subquery is among the expressions.
     */
    static Set<Integer> ofOwnRow(Collection<? extends Expr> expressions) {
        Set<Integer> out = new TreeSet<>();
        for (Expr e : expressions) {
            if (e != null && !collect(e, out, true)) {
                return null;
            }
        }
        return out;
    }

    private static boolean collect(Object e, Set<Integer> out) {
        return collect(e, out, false);
    }

    private static boolean collect(Object e, Set<Integer> out, boolean outerIsConstant) {
        if (e instanceof ColumnRef ref) {
            out.add(ref.index());
            return true;
        }
        if (e instanceof OuterRef && outerIsConstant) {
            return true;
        }
        if (e instanceof SubqueryExpr || e instanceof OuterRef || !e.getClass().isRecord()) {
            return false;
        }
        for (RecordComponent component : e.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(e);
            } catch (ReflectiveOperationException | RuntimeException failure) {
                return false;
            }
            if (value instanceof Expr inner) {
                if (!collect(inner, out, outerIsConstant)) {
                    return false;
                }
            } else if (value instanceof Collection<?> list) {
                for (Object item : list) {
                    if (item instanceof Expr inner && !collect(inner, out, outerIsConstant)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
