package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;
import io.rustydb.core.type.TypeRules;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.ParameterRef;
import io.rustydb.sql.plan.AggregateFunction;
import io.rustydb.sql.plan.WindowCall;
import io.rustydb.sql.plan.WindowFrame;
import io.rustydb.sql.plan.WindowFunction;
import io.rustydb.sql.plan.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.WindowElement;
import net.sf.jsqlparser.expression.WindowOffset;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;

/**
 * Binds one {@code function(...) OVER (...)} call into a {@link WindowCall} registered in the query's
 * {@link WindowScope}, and returns the column holding its values. Arguments, PARTITION BY and ORDER BY are bound
 * like the select list they appear in (over the FROM rows, or over the groups of an aggregation, so
 * {@code SUM(SUM(x)) OVER ()} works) but may not contain another window call; frame offsets must be constants or
 * parameters.
 */
final class WindowBinder {
    /** The clause name an argument binder reports when it meets a nested window call. */
    static final String NESTED = "window function calls";
    private static final String IN_AGGREGATE = "aggregate function calls";

    private final WindowScope windows;
    private final ExpressionBinder arguments;
    private final ParameterTypes parameters;

    /** @param arguments binds arguments and keys: the select list's scope and aggregation, no window calls */
    WindowBinder(WindowScope windows, ExpressionBinder arguments, ParameterTypes parameters) {
        this.windows = windows;
        this.arguments = arguments;
        this.parameters = parameters;
    }

    /** The error for a window call in {@code clause}, where none is allowed. */
    static DbException notAllowed(String clause) {
        if (NESTED.equals(clause)) {
            return new DbException(ErrorCode.WINDOWING_ERROR, "window function calls cannot be nested");
        }
        if (IN_AGGREGATE.equals(clause)) {
            return new DbException(ErrorCode.GROUPING_ERROR, "aggregate function calls cannot contain window function calls");
        }
        return new DbException(ErrorCode.WINDOWING_ERROR, "window functions are not allowed in " + clause);
    }

    /** The error for a window-only function called without OVER (null if {@code name} is not one). */
    static DbException withoutOver(String name) {
        if (WindowFunction.byName(name) == null) {
            return null;
        }
        return new DbException(ErrorCode.WRONG_OBJECT_TYPE, "window function " + name + " requires an OVER clause");
    }

    Expr bind(AnalyticExpression call) {
        String name = call.getName().toLowerCase(Locale.ROOT);
        if (call.getFilterExpression() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "FILTER in a window function call");
        }
        if (call.isIgnoreNulls() || call.getNullHandling() != null || call.getKeep() != null
                || call.getFuncOrderBy() != null || call.getHavingClause() != null || call.getLimit() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "this form of window function call: " + call);
        }
        WindowSpec spec = spec(call);
        WindowFunction function = WindowFunction.byName(name);
        WindowCall bound;
        if (function == null) {
            AggregateFunction aggregate = AggregateFunction.byName(name);
            if (aggregate == null) {
                throw new DbException(ErrorCode.WRONG_OBJECT_TYPE,
                        "OVER specified, but " + name + " is not a window function nor an aggregate function");
            }
            bound = aggregateCall(name, aggregate, call, spec);
        } else {
            if (call.isDistinct() || call.isUnique()) {
                throw new DbException(ErrorCode.WRONG_OBJECT_TYPE,
                        "DISTINCT specified, but " + name + " is not an aggregate function");
            }
            bound = windowCall(name, function, call, spec);
        }
        return windows.register(call.toString(), bound);
    }

    private WindowCall aggregateCall(String name, AggregateFunction aggregate, AnalyticExpression call, WindowSpec spec) {
        Expression argument = call.getExpression();
        if (call.getOffset() != null || call.getDefaultValue() != null) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + " with more than one argument");
        }
        if (argument instanceof AllColumns || call.isAllColumns() && argument == null) {
            if (aggregate != AggregateFunction.COUNT) {
                throw new DbException(ErrorCode.SYNTAX_ERROR, name + "(*) is only valid for COUNT");
            }
            return new WindowCall(WindowFunction.AGGREGATE, AggregateFunction.COUNT_STAR, List.of(), false, spec,
                    AggregateFunction.COUNT_STAR.resultType(null));
        }
        if (argument == null) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + "()");
        }
        Expr bound = arguments.bind(argument);
        return new WindowCall(WindowFunction.AGGREGATE, aggregate, List.of(bound), call.isDistinct(), spec,
                aggregate.resultType(bound.type()));
    }

    private WindowCall windowCall(String name, WindowFunction function, AnalyticExpression call, WindowSpec spec) {
        Expression value = call.getExpression();
        Expression offset = call.getOffset();
        Expression fallback = call.getDefaultValue();
        List<Expr> args = new ArrayList<>();
        DataType type;
        switch (function) {
            case ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST -> {
                requireArguments(name, value == null && offset == null && fallback == null, "no arguments");
                type = function == WindowFunction.PERCENT_RANK || function == WindowFunction.CUME_DIST
                        ? DataType.DOUBLE : DataType.BIGINT;
            }
            case NTILE -> {
                requireArguments(name, value != null && offset == null && fallback == null, "one argument");
                args.add(integer(arguments.bind(value), name));
                type = DataType.INTEGER;
            }
            case LAG, LEAD -> {
                requireArguments(name, value != null, "one to three arguments");
                Expr v = arguments.bind(value);
                Expr o = offset == null ? null : integer(arguments.bind(offset), name);
                Expr d = fallback == null ? null : arguments.bind(fallback);
                type = v.type();
                if (d != null) {
                    if (d instanceof io.rustydb.sql.expr.Literal || d instanceof ParameterRef) {
                        type = type.id() == TypeId.NULL ? d.type() : type; // a literal default is read as the value's type
                    } else if (type.id() == TypeId.NULL) {
                        type = d.type();
                    } else if (!TypeRules.isComparable(type, d.type()) && d.type().id() != TypeId.NULL) {
                        throw new DbException(ErrorCode.DATATYPE_MISMATCH, name + " default of type "
                                + d.type().sqlName() + " does not match the value type " + type.sqlName());
                    } else {
                        type = TypeRules.commonType(type, d.type());
                    }
                    d = arguments.convert(d, type);
                }
                args.add(arguments.convert(v, type));
                args.add(o);
                args.add(d);
            }
            case FIRST_VALUE, LAST_VALUE -> {
                requireArguments(name, value != null && offset == null && fallback == null, "one argument");
                Expr v = arguments.bind(value);
                args.add(v);
                type = v.type();
            }
            case NTH_VALUE -> {
                requireArguments(name, value != null && offset != null && fallback == null, "two arguments");
                Expr v = arguments.bind(value);
                args.add(v);
                args.add(integer(arguments.bind(offset), name));
                type = v.type();
            }
            default -> throw DbException.internal("window function " + function);
        }
        return new WindowCall(function, null, args, false, spec, type);
    }

    private static void requireArguments(String name, boolean ok, String expected) {
        if (!ok) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + " with other than " + expected);
        }
    }

    /** An integer argument (an untyped parameter becomes BIGINT). */
    private Expr integer(Expr e, String what) {
        if (e instanceof ParameterRef p && p.type().equals(DataType.NULL)) {
            parameters.infer(p.index(), DataType.BIGINT);
            return new ParameterRef(p.index(), DataType.BIGINT);
        }
        if (!e.type().id().isIntegral() && e.type().id() != TypeId.NULL) {
            throw new DbException(ErrorCode.DATATYPE_MISMATCH,
                    "argument of " + what + " must be an integer, not type " + e.type().sqlName());
        }
        return e;
    }

    private WindowSpec spec(AnalyticExpression call) {
        ExpressionList<?> partition = call.getPartitionExpressionList();
        List<OrderByElement> order = call.getOrderByElements();
        WindowElement frame = call.getWindowElement();
        if (call.getWindowName() != null) {
            WindowDefinition named = windows.named(call.getWindowName());
            partition = named.getPartitionExpressionList();
            order = named.getOrderByElements();
            frame = named.getWindowElement();
        }
        List<Expr> keys = new ArrayList<>();
        if (partition != null) {
            for (Expression e : partition) {
                keys.add(arguments.bind(e));
            }
        }
        List<WindowSpec.OrderKey> orderKeys = new ArrayList<>();
        if (order != null) {
            for (OrderByElement o : order) {
                boolean descending = !o.isAsc();
                boolean nullsFirst = o.getNullOrdering() == null
                        ? descending
                        : o.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST;
                orderKeys.add(new WindowSpec.OrderKey(arguments.bind(o.getExpression()), descending, nullsFirst));
            }
        }
        return new WindowSpec(keys, orderKeys, frame(frame, orderKeys));
    }

    private WindowFrame frame(WindowElement element, List<WindowSpec.OrderKey> order) {
        if (element == null) {
            return WindowFrame.DEFAULT;
        }
        if (element.getExclusion() != null && element.getExclusion() != WindowElement.Exclusion.NO_OTHERS) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "EXCLUDE " + element.getExclusion() + " in a window frame");
        }
        WindowFrame.Unit unit = WindowFrame.Unit.valueOf(element.getType().name());
        WindowFrame.Bound start;
        WindowFrame.Bound end;
        if (element.getRange() != null) {
            start = bound(element.getRange().getStart(), unit);
            end = bound(element.getRange().getEnd(), unit);
        } else {
            start = bound(element.getOffset(), unit);
            end = WindowFrame.Bound.CURRENT_ROW;
        }
        WindowFrame.BoundKind s = start.kind();
        WindowFrame.BoundKind e = end.kind();
        if (s == WindowFrame.BoundKind.UNBOUNDED_FOLLOWING) {
            throw new DbException(ErrorCode.WINDOWING_ERROR, "frame start cannot be UNBOUNDED FOLLOWING");
        }
        if (e == WindowFrame.BoundKind.UNBOUNDED_PRECEDING) {
            throw new DbException(ErrorCode.WINDOWING_ERROR, "frame end cannot be UNBOUNDED PRECEDING");
        }
        if (s == WindowFrame.BoundKind.CURRENT_ROW && e == WindowFrame.BoundKind.PRECEDING) {
            throw new DbException(ErrorCode.WINDOWING_ERROR, "frame starting from current row cannot have preceding rows");
        }
        if (s == WindowFrame.BoundKind.FOLLOWING
                && (e == WindowFrame.BoundKind.PRECEDING || e == WindowFrame.BoundKind.CURRENT_ROW)) {
            throw new DbException(ErrorCode.WINDOWING_ERROR, "frame starting from following row cannot have preceding rows");
        }
        boolean offsets = start.offset() != null || end.offset() != null;
        if (unit == WindowFrame.Unit.GROUPS && order.isEmpty()) {
            throw new DbException(ErrorCode.WINDOWING_ERROR, "GROUPS mode requires an ORDER BY clause");
        }
        if (unit == WindowFrame.Unit.RANGE && offsets) {
            if (order.size() != 1) {
                throw new DbException(ErrorCode.WINDOWING_ERROR,
                        "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column");
            }
            DataType key = order.get(0).expression().type();
            for (WindowFrame.Bound b : List.of(start, end)) {
                if (b.offset() != null) {
                    checkRangeOffset(key, b.offset().type());
                }
            }
        }
        return new WindowFrame(unit, start, end);
    }

    /** RANGE offsets work for a numeric key with a numeric offset and a DATE key with an integer (days) offset. */
    private static void checkRangeOffset(DataType key, DataType offset) {
        boolean numeric = key.id().isNumeric() && (offset.id().isNumeric() || offset.id() == TypeId.NULL);
        boolean date = key.id() == TypeId.DATE && (offset.id().isIntegral() || offset.id() == TypeId.NULL);
        if (!numeric && !date) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "RANGE with offset PRECEDING/FOLLOWING for column type "
                    + key.sqlName() + " and offset type " + offset.sqlName());
        }
    }

    private WindowFrame.Bound bound(WindowOffset offset, WindowFrame.Unit unit) {
        switch (offset.getType()) {
            case CURRENT:
                return WindowFrame.Bound.CURRENT_ROW;
            case PRECEDING:
            case FOLLOWING: {
                boolean preceding = offset.getType() == WindowOffset.Type.PRECEDING;
                if (offset.getExpression() == null) {
                    return preceding ? WindowFrame.Bound.UNBOUNDED_PRECEDING : WindowFrame.Bound.UNBOUNDED_FOLLOWING;
                }
                Expr value = new ExpressionBinder(Scope.empty(), parameters, null, "window frame offsets")
                        .bind(offset.getExpression());
                if (unit != WindowFrame.Unit.RANGE) {
                    value = integer(value, unit.name());
                } else if (value instanceof ParameterRef p && p.type().equals(DataType.NULL)) {
                    value = integer(value, unit.name());
                }
                return new WindowFrame.Bound(preceding ? WindowFrame.BoundKind.PRECEDING : WindowFrame.BoundKind.FOLLOWING,
                        value);
            }
            default:
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "window frame bound " + offset);
        }
    }
}
