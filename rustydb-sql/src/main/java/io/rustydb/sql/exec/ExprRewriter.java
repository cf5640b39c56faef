package io.rustydb.sql.exec;

import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.Expr;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * Rebuilds bound expressions with some parts replaced: column references renumbered when the planner reorders or
 * narrows a row, or whole sub-expressions swapped (a subquery for the column a join now supplies). Bound expressions
 * are records, so they are rebuilt through their canonical constructors; a part that is not a record (a subquery)
 * can only be replaced whole, and makes the rewrite fail (null) if the replacement function leaves it in place.
 */
final class ExprRewriter {
    private ExprRewriter() {
    }

    /** {@code e} with column {@code i} read as column {@code map.applyAsInt(i)}; null if it cannot be rebuilt. */
    static Expr remap(Expr e, IntUnaryOperator map) {
        return rewrite(e, node -> node instanceof ColumnRef ref
                ? new ColumnRef(map.applyAsInt(ref.index()), ref.type(), ref.name()) : null);
    }

    /**
     * {@code e} with every part for which {@code replace} returns non-null replaced by that (not looked into
     * further); null if some part is neither replaced nor rebuildable.
     */
    static Expr rewrite(Expr e, Function<Expr, Expr> replace) {
        Object out = rebuild(e, replace);
        return out instanceof Expr expr ? expr : null;
    }

    private static Object rebuild(Object node, Function<Expr, Expr> replace) {
        if (node instanceof Expr expr) {
            Expr replaced = replace.apply(expr);
            if (replaced != null) {
                return replaced;
            }
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                Object rebuilt = rebuild(item, replace);
                if (rebuilt == null) {
                    return null;
                }
                out.add(rebuilt);
            }
            return out;
        }
        if (!(node instanceof Expr)) {
            return node; // a type, an operator, a literal value: unchanged
        }
        if (!node.getClass().isRecord()) {
            return null;
        }
        RecordComponent[] components = node.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                Object value = components[i].getAccessor().invoke(node);
                values[i] = value == null ? null : rebuild(value, replace);
                if (value != null && values[i] == null) {
                    return null;
                }
                types[i] = components[i].getType();
            }
            Constructor<?> canonical = node.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
