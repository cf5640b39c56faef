package io.rustydb.sql.plan;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.Expr;

/** One aggregate computed by an aggregation: {@code function([DISTINCT] argument)}; argument is null for COUNT(*). */
public record AggregateCall(AggregateFunction function, Expr argument, boolean distinct, DataType resultType) {
}
