package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;
import io.rustydb.sql.expr.CastExpr;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.FunctionCallExpr;
import io.rustydb.sql.expr.Literal;
import io.rustydb.sql.expr.ParameterRef;
import io.rustydb.sql.plan.AggregateCall;
import io.rustydb.sql.plan.AggregateFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnalyticType;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;

/**
 * Binds aggregate calls in every form PostgreSQL has: {@code f([DISTINCT] args [ORDER BY ...])}, with
 * {@code FILTER (WHERE ...)}, the ordered-set form {@code f(direct args) WITHIN GROUP (ORDER BY x)}, and the
 * {@code GROUPING(...)} function of grouping sets. Arguments, ORDER BY keys and filters are bound over the input rows
 * and may not contain aggregates (42803); the call is registered in the {@link AggregationScope}, which gives the
 * column of the aggregation's output that holds its value.
 *
 * <p>ARRAY_AGG is 0A000: RustyDB has no array type.
 */
final class AggregateCallBinder {
    /** GROUPING takes at most this many arguments (its result is an INTEGER bit mask), as in PostgreSQL. */
    private static final int MAX_GROUPING_ARGUMENTS = 31;

    private final ExpressionBinder inputBinder;
    private final ParameterTypes parameters;
    private final AggregationScope aggregation;
    private final String clause;

    AggregateCallBinder(io.rustydb.sql.catalog.Catalog catalog, Scope scope, ParameterTypes parameters,
                        AggregationScope aggregation, String clause) {
        this.inputBinder = new ExpressionBinder(catalog, scope, parameters, null, "aggregate function calls");
        this.parameters = parameters;
        this.aggregation = aggregation;
        this.clause = clause;
    }

    /** Whether a function of this (lower-case) name is bound here. */
    static boolean handles(String name) {
        return AggregateFunction.byName(name) != null || name.equals("grouping");
    }

    /** Whether an analytic expression is an aggregate with FILTER or WITHIN GROUP (not a window function). */
    static boolean handles(AnalyticExpression e) {
        return (e.getType() == AnalyticType.FILTER_ONLY || e.getType() == AnalyticType.WITHIN_GROUP)
                && handles(e.getName().toLowerCase(Locale.ROOT));
    }

    Expr bind(Function f) {
        String name = f.getName().toLowerCase(Locale.ROOT);
        List<Expression> args = new ArrayList<>();
        if (f.getParameters() != null) {
            for (Object p : f.getParameters()) {
                args.add((Expression) p);
            }
        }
        if (name.equals("grouping")) {
            return bindGrouping(args);
        }
        return bindCall(f.toString(), name, args, f.isDistinct(), f.getOrderByElements(), null, null);
    }

    Expr bind(AnalyticExpression e) {
        String name = e.getName().toLowerCase(Locale.ROOT);
        List<Expression> args = new ArrayList<>();
        for (Expression arg : new Expression[] {e.getExpression(), e.getOffset(), e.getDefaultValue()}) {
            if (arg != null) {
                args.add(arg);
            }
        }
        if (name.equals("grouping")) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "GROUPING with FILTER or WITHIN GROUP");
        }
        if (e.getType() == AnalyticType.WITHIN_GROUP) {
            return bindCall(e.toString(), name, args, e.isDistinct(), null, null, e.getOrderByElements());
        }
        return bindCall(e.toString(), name, args, e.isDistinct(), e.getFuncOrderBy(), e.getFilterExpression(), null);
    }

    private Expr bindCall(String text, String name, List<Expression> args, boolean distinct,
                          List<OrderByElement> orderBy, Expression filterExpression, List<OrderByElement> withinGroup) {
        if (aggregation == null) {
            throw new DbException(ErrorCode.GROUPING_ERROR, "aggregate functions are not allowed in " + clause);
        }
        AggregateFunction function = AggregateFunction.byName(name);
        Expr filter = filterExpression == null ? null : inputBinder.bindCondition(filterExpression);
        if (function.isOrderedSet()) {
            return aggregation.aggregate(text, orderedSet(name, function, args, distinct, withinGroup, filter));
        }
        if (withinGroup != null) {
            throw new DbException(ErrorCode.WRONG_OBJECT_TYPE,
                    name + " is not an ordered-set aggregate, so it cannot have WITHIN GROUP");
        }
        boolean star = args.size() == 1 && args.get(0) instanceof AllColumns;
        if (star) {
            if (function != AggregateFunction.COUNT) {
                throw new DbException(ErrorCode.SYNTAX_ERROR, name + "(*) is only valid for COUNT");
            }
            DataType type = AggregateFunction.COUNT_STAR.resultType(null);
            return aggregation.aggregate(text, new AggregateCall(AggregateFunction.COUNT_STAR, null, false, type,
                    List.of(), ordering(orderBy), filter));
        }
        boolean objectAgg = function == AggregateFunction.JSON_OBJECT_AGG
                || function == AggregateFunction.JSONB_OBJECT_AGG;
        int expected = function == AggregateFunction.STRING_AGG || objectAgg ? 2 : 1;
        if (args.size() != expected) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + " with " + args.size() + " arguments");
        }
        Expr argument = inputBinder.bind(args.get(0));
        List<Expr> extras = new ArrayList<>();
        if (function == AggregateFunction.STRING_AGG) {
            argument = typed(argument, DataType.VARCHAR);
            Expr delimiter = typed(inputBinder.bind(args.get(1)), DataType.VARCHAR);
            if (!delimiter.type().id().isString() && delimiter.type().id() != TypeId.NULL) {
                throw new DbException(ErrorCode.UNDEFINED_FUNCTION,
                        "string_agg(" + argument.type().sqlName() + ", " + delimiter.type().sqlName() + ")");
            }
            extras.add(delimiter);
        }
        if (objectAgg) {
            argument = typed(argument, DataType.VARCHAR);
            extras.add(typed(inputBinder.bind(args.get(1)), DataType.VARCHAR));
        } else if (function == AggregateFunction.JSON_AGG || function == AggregateFunction.JSONB_AGG) {
            argument = typed(argument, DataType.VARCHAR);
        }
        List<AggregateCall.Ordering> order = ordering(orderBy);
        if (distinct) {
            for (AggregateCall.Ordering o : order) {
                if (!o.expression().equals(argument) && !extras.contains(o.expression())) {
                    throw new DbException(ErrorCode.INVALID_COLUMN_REFERENCE,
                            "in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list");
                }
            }
        }
        DataType type = function.resultType(argument.type());
        return aggregation.aggregate(text, new AggregateCall(function, argument, distinct, type, extras, order, filter));
    }

    /** PERCENTILE_CONT/DISC(fraction) or MODE() WITHIN GROUP (ORDER BY x): x is the argument and the sort key. */
    private AggregateCall orderedSet(String name, AggregateFunction function, List<Expression> direct,
                                     boolean distinct, List<OrderByElement> withinGroup, Expr filter) {
        if (withinGroup == null) {
            throw new DbException(ErrorCode.WRONG_OBJECT_TYPE,
                    "WITHIN GROUP is required for ordered-set aggregate " + name);
        }
        if (distinct) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "cannot use DISTINCT with WITHIN GROUP");
        }
        int expected = function == AggregateFunction.MODE ? 0 : 1;
        if (direct.size() != expected || withinGroup.size() != 1) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION,
                    name + " with " + direct.size() + " direct and " + withinGroup.size() + " ordered arguments");
        }
        List<AggregateCall.Ordering> order = ordering(withinGroup);
        Expr argument = order.get(0).expression();
        List<Expr> extras = new ArrayList<>();
        if (expected == 1) {
            Expr fraction = typed(inputBinder.bind(direct.get(0)), DataType.DOUBLE);
            Expr inner = fraction instanceof CastExpr cast ? cast.operand() : fraction;
            if (!(inner instanceof Literal) && !(inner instanceof ParameterRef)) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                        "a percentile fraction that is not a constant or parameter");
            }
            if (!fraction.type().id().isNumeric() && fraction.type().id() != TypeId.NULL) {
                throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + "(" + fraction.type().sqlName() + ")");
            }
            extras.add(fraction);
        }
        return new AggregateCall(function, argument, false, function.resultType(argument.type()), extras, order,
                filter);
    }

    private List<AggregateCall.Ordering> ordering(List<OrderByElement> orderBy) {
        List<AggregateCall.Ordering> order = new ArrayList<>();
        if (orderBy != null) {
            for (OrderByElement element : orderBy) {
                boolean descending = !element.isAsc();
                boolean nullsFirst = element.getNullOrdering() == null ? descending
                        : element.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST;
                order.add(new AggregateCall.Ordering(inputBinder.bind(element.getExpression()), descending, nullsFirst));
            }
        }
        return order;
    }

    /** An untyped parameter (or NULL) given {@code type}; anything else unchanged. */
    private Expr typed(Expr e, DataType type) {
        if (e instanceof ParameterRef p && p.type().equals(DataType.NULL)) {
            parameters.infer(p.index(), type);
            return new ParameterRef(p.index(), type);
        }
        return e;
    }

    /**
     * {@code GROUPING(k1, ..., kn)}: an INTEGER whose bit {@code n-1-i} is set when {@code ki} is not grouped in the
     * row's grouping set; every argument must be a GROUP BY expression (42803).
     */
    private Expr bindGrouping(List<Expression> args) {
        if (aggregation == null) {
            throw new DbException(ErrorCode.GROUPING_ERROR, "grouping operations are not allowed in " + clause);
        }
        if (args.isEmpty() || args.get(0) instanceof AllColumns) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "GROUPING needs at least one argument");
        }
        if (args.size() > MAX_GROUPING_ARGUMENTS) {
            throw new DbException(ErrorCode.TOO_MANY_ARGUMENTS, "GROUPING must have fewer than 32 arguments");
        }
        if (aggregation.isProbe()) {
            aggregation.groupingId();
            return new Literal(null, DataType.INTEGER);
        }
        int[] keyIndexes = new int[args.size()];
        for (int i = 0; i < args.size(); i++) {
            Expression arg = args.get(i);
            Expr resolved = arg instanceof Column ? inputBinder.bind(arg) : null;
            Expr key = aggregation.matchKey(arg, resolved);
            if (!(key instanceof ColumnRef ref)) {
                throw new DbException(ErrorCode.GROUPING_ERROR,
                        "arguments to GROUPING must be grouping expressions of the associated query level");
            }
            keyIndexes[i] = ref.index();
        }
        Expr groupingId = aggregation.groupingId();
        return new FunctionCallExpr("grouping", List.of(groupingId), DataType.INTEGER, true, values -> {
            long mask = (Long) values[0];
            int result = 0;
            for (int key : keyIndexes) {
                result = (result << 1) | (int) ((mask >>> key) & 1);
            }
            return result;
        });
    }
}
