package io.rustydb.sql.plan;

import io.rustydb.sql.expr.Expr;
import java.util.List;

/**
 * What a window call's {@code OVER (...)} says: how rows are partitioned and ordered, and the frame. Calls with the
 * same {@link #ordering()} share one sort.
 */
public record WindowSpec(List<Expr> partitionKeys, List<OrderKey> orderKeys, WindowFrame frame) {
    public WindowSpec {
        partitionKeys = List.copyOf(partitionKeys);
        orderKeys = List.copyOf(orderKeys);
    }

    /** One ORDER BY key of a window; NULLs go first or last as in a query's ORDER BY. */
    public record OrderKey(Expr expression, boolean descending, boolean nullsFirst) {
        @Override
        public String toString() {
            return expression + (descending ? " DESC" : "") + (nullsFirst != descending ? (nullsFirst ? " NULLS FIRST" : " NULLS LAST") : "");
        }
    }

    /** The partition and order of this spec without the frame: what one sort of the rows serves. */
    public WindowSpec ordering() {
        return new WindowSpec(partitionKeys, orderKeys, null);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("(");
        if (!partitionKeys.isEmpty()) {
            s.append("PARTITION BY ").append(partitionKeys);
        }
        if (!orderKeys.isEmpty()) {
            s.append(s.length() > 1 ? " " : "").append("ORDER BY ").append(orderKeys);
        }
        if (frame != null) {
            s.append(s.length() > 1 ? " " : "").append(frame);
        }
        return s.append(')').toString();
    }
}
