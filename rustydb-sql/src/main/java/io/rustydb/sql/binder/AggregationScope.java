package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.Literal;
import io.rustydb.sql.plan.AggregateCall;
import io.rustydb.sql.plan.AggregateFunction;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;

/**
 * What expressions above an aggregation may refer to: the GROUP BY keys and aggregate calls, each a column of the
 * aggregation's output (keys first, then aggregates in order of first appearance).
 *
 * <p>In <em>probe</em> mode it only records that an aggregate was seen, so the SELECT binder can find out whether
 * a query aggregates before binding it for real.
 */
final class AggregationScope {
    private final boolean probe;
    private final List<String> keyTexts;
    private final List<Expr> keys;
    private final List<AggregateCall> calls = new ArrayList<>();
    private final List<String> callTexts = new ArrayList<>();
    private boolean sawAggregate;

    private AggregationScope(boolean probe, List<String> keyTexts, List<Expr> keys) {
        this.probe = probe;
        this.keyTexts = keyTexts;
        this.keys = keys;
    }

    static AggregationScope probe() {
        return new AggregationScope(true, List.of(), List.of());
    }

    static AggregationScope grouping(List<String> keyTexts, List<Expr> keys) {
        return new AggregationScope(false, List.copyOf(keyTexts), List.copyOf(keys));
    }

    boolean isProbe() {
        return probe;
    }

    boolean sawAggregate() {
        return sawAggregate;
    }

    List<Expr> keys() {
        return keys;
    }

    List<AggregateCall> calls() {
        return List.copyOf(calls);
    }

    /** The key column an expression is (by its text, or for a column by what it resolves to), or null. */
    Expr matchKey(Expression expression, Expr resolvedColumn) {
        if (probe) {
            return null;
        }
        String text = expression.toString();
        for (int i = 0; i < keys.size(); i++) {
            if (keyTexts.get(i).equals(text) || (resolvedColumn != null && keys.get(i).equals(resolvedColumn))) {
                return new ColumnRef(i, keys.get(i).type(), text);
            }
        }
        return null;
    }

    /** Registers {@code function(argument)} (argument bound in the input scope) and returns its output column. */
    Expr aggregate(String text, AggregateFunction function, Expr argument, boolean distinct) {
        DataType argType = argument == null ? null : argument.type();
        return aggregate(text, new AggregateCall(function, argument, distinct, function.resultType(argType)));
    }

    /** The output column of the grouping set's bit mask, which {@code GROUPING(...)} reads. */
    Expr groupingId() {
        return aggregate("\0grouping_id", AggregateFunction.GROUPING_ID, null, false);
    }

    /** Registers {@code call} (written as {@code text}) and returns its output column. */
    Expr aggregate(String text, AggregateCall call) {
        DataType resultType = call.resultType();
        sawAggregate = true;
        if (probe) {
            return new Literal(null, resultType);
        }
        int index = callTexts.indexOf(text);
        if (index < 0 || !calls.get(index).equals(call)) {
            calls.add(call);
            callTexts.add(text);
            index = calls.size() - 1;
        }
        return new ColumnRef(keys.size() + index, resultType, text);
    }

    /** A scope with the same GROUP BY keys and no aggregate calls yet, to bind a query again. */
    AggregationScope withoutCalls() {
        return probe ? probe() : grouping(keyTexts, keys);
    }

    /** The 42803 error for a column that is neither grouped nor aggregated. */
    static DbException ungrouped(String column) {
        return new DbException(ErrorCode.GROUPING_ERROR,
                "column \"" + column + "\" must appear in the GROUP BY clause or be used in an aggregate function");
    }
}
