package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.WindowCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.WindowDefinition;

/**
 * Where the window calls of one SELECT go: each becomes a column of the {@link io.rustydb.sql.plan.LogicalPlan.Window}
 * node, after the {@code inputWidth} columns of its input (the FROM rows, or the groups of an aggregation). Also holds
 * the query's named windows ({@code WINDOW w AS (...)}).
 */
final class WindowScope {
    private final int inputWidth;
    private final Map<String, WindowDefinition> named = new LinkedHashMap<>();
    private final List<WindowCall> calls = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    /** @param definitions the WINDOW clause (null if none) */
    WindowScope(int inputWidth, List<WindowDefinition> definitions) {
        this.inputWidth = inputWidth;
        if (definitions != null) {
            for (WindowDefinition d : definitions) {
                String name = Identifiers.normalize(d.getWindowName());
                if (named.put(name, d) != null) {
                    throw new DbException(ErrorCode.WINDOWING_ERROR, "window \"" + name + "\" is already defined");
                }
            }
        }
    }

    /** The definition of the named window {@code name}; 42704 if the query has none of that name. */
    WindowDefinition named(String name) {
        WindowDefinition d = named.get(Identifiers.normalize(name));
        if (d == null) {
            throw new DbException(ErrorCode.UNDEFINED_OBJECT, "window \"" + Identifiers.normalize(name) + "\" does not exist");
        }
        return d;
    }

    /** Registers a call (once per distinct call) and returns the column that holds its values. */
    Expr register(String text, WindowCall call) {
        int index = -1;
        for (int i = 0; i < calls.size(); i++) {
            if (texts.get(i).equals(text) && calls.get(i).equals(call)) {
                index = i;
            }
        }
        if (index < 0) {
            calls.add(call);
            texts.add(text);
            index = calls.size() - 1;
        }
        return new ColumnRef(inputWidth + index, call.resultType(), text);
    }

    List<WindowCall> calls() {
        return List.copyOf(calls);
    }

    boolean isEmpty() {
        return calls.isEmpty();
    }
}
