package io.rustydb.sql.plan;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.Expr;
import java.util.List;

/**
 * One aggregate computed by an aggregation: {@code function([DISTINCT] argument, extra...) [ORDER BY order]
 * [FILTER (WHERE filter)]}. {@code argument} is null for COUNT(*) and for the grouping-set id; {@code extraArguments}
 * are the further arguments (STRING_AGG's delimiter, a percentile's fraction); {@code order} sorts the input rows
 * before they are aggregated (STRING_AGG ... ORDER BY, WITHIN GROUP (ORDER BY ...)); {@code filter} (null: none)
 * keeps the rows for which it is TRUE.
 */
public record AggregateCall(AggregateFunction function, Expr argument, boolean distinct, DataType resultType,
                            List<Expr> extraArguments, List<Ordering> order, Expr filter) {
    /** One key of an aggregate's ORDER BY: an expression over the input rows, its direction and NULL placement. */
    public record Ordering(Expr expression, boolean descending, boolean nullsFirst) {
    }

    public AggregateCall {
        extraArguments = List.copyOf(extraArguments);
        order = List.copyOf(order);
    }

    /** A plain call: one argument, no ORDER BY, no FILTER. */
    public AggregateCall(AggregateFunction function, Expr argument, boolean distinct, DataType resultType) {
        this(function, argument, distinct, resultType, List.of(), List.of(), null);
    }
}
