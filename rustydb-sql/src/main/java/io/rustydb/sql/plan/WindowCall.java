package io.rustydb.sql.plan;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.Expr;
import java.util.List;

/**
 * One window function call {@code function(arguments) OVER spec}, computed by a {@link LogicalPlan.Window}.
 *
 * <p>Arguments by function: none for the ranking functions; {@code [buckets]} for NTILE; {@code [value, offset,
 * default]} for LAG and LEAD (offset and default may be null: 1 and NULL); {@code [value]} for FIRST_VALUE and
 * LAST_VALUE; {@code [value, n]} for NTH_VALUE; {@code [argument]} for an aggregate ({@code []} for COUNT(*)).
 *
 * @param aggregate the aggregate when {@code function} is {@link WindowFunction#AGGREGATE}, else null
 * @param distinct  {@code aggregate(DISTINCT x)}
 */
public record WindowCall(WindowFunction function, AggregateFunction aggregate, List<Expr> arguments, boolean distinct,
                         WindowSpec spec, DataType resultType) {
    public WindowCall {
        arguments = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arguments)); // nulls allowed
    }

    /** The call as an aggregation would see it (only for {@link WindowFunction#AGGREGATE}). */
    public AggregateCall aggregateCall() {
        return new AggregateCall(aggregate, arguments.isEmpty() ? null : arguments.get(0), distinct, resultType);
    }

    @Override
    public String toString() {
        String name = function == WindowFunction.AGGREGATE ? aggregate.name().toLowerCase(java.util.Locale.ROOT)
                : function.sqlName();
        return name + "(" + (distinct ? "DISTINCT " : "") + arguments + ") OVER "
                + (function.usesFrame() ? spec : spec.ordering());
    }
}
