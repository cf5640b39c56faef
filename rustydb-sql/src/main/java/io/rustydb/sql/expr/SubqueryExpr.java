package io.rustydb.sql.expr;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.OperatorState;
import io.rustydb.sql.exec.PhysicalOperator;
import io.rustydb.sql.exec.RowBatch;
import io.rustydb.sql.exec.RowKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A subquery used as a value: a scalar subquery (its single value; NULL without rows; 21000 with more than one),
 * EXISTS, {@code ARRAY(subquery)} (its column's values in order, an array), {@code x IN (subquery)} and {@code x op ANY|ALL (subquery)} under SQL's three-valued rules. An
 * uncorrelated subquery runs once per execution of the statement; a correlated one runs for each outer row, which
 * it sees through {@link OuterRef}s.
 */
public final class SubqueryExpr implements Expr {
    /** What the subquery's rows become. */
    public enum Kind { SCALAR, EXISTS, IN, ANY, ALL, /** {@code ARRAY(subquery)}: its values in order. */ ARRAY }

    private final Kind kind;
    private final PhysicalOperator plan;
    private final boolean correlated;
    private final Expr operand;
    private final CompareOp op;
    private final DataType type;
    private final int maxOuterDepth;
    /** The subquery's logical plan (for the planner's rewrites into joins), or null. */
    private final io.rustydb.sql.plan.LogicalPlan logicalPlan;

    /**
     * @param operand the left side of IN/ANY/ALL (null otherwise)
     * @param op      the comparison of ANY/ALL ({@link CompareOp#EQ} for IN)
     */
    public SubqueryExpr(Kind kind, PhysicalOperator plan, int maxOuterDepth, Expr operand, CompareOp op, DataType type) {
        this(kind, plan, maxOuterDepth, operand, op, type, null);
    }

    /** With the logical plan {@code plan} was made from (null if unknown), for the planner's rewrites. */
    public SubqueryExpr(Kind kind, PhysicalOperator plan, int maxOuterDepth, Expr operand, CompareOp op, DataType type,
                        io.rustydb.sql.plan.LogicalPlan logicalPlan) {
        this.logicalPlan = logicalPlan;
        this.kind = kind;
        this.plan = plan;
        this.maxOuterDepth = maxOuterDepth;
        this.correlated = maxOuterDepth >= 1;
        this.operand = operand;
        this.op = op;
        this.type = type;
    }

    @Override
    public DataType type() {
        return type;
    }

    /**
     * How many levels out a bound plan reads enclosing rows (0 = it reads none, so it is not correlated): the
     * deepest {@link OuterRef} at its own level, or a nested subquery's depth minus one.
     */
    public static int outerDepth(Object node) {
        if (node instanceof OuterRef r) {
            return r.depth();
        }
        if (node instanceof io.rustydb.sql.plan.LogicalPlan.LateralJoin lateral) { // right reads left at depth 1
            return Math.max(Math.max(outerDepth(lateral.left()), outerDepth(lateral.right()) - 1),
                    outerDepth(lateral.condition()));
        }
        if (node instanceof SubqueryExpr s) {
            return Math.max(s.maxOuterDepth - 1, s.operand == null ? 0 : outerDepth(s.operand));
        }
        int max = 0;
        if (node instanceof java.util.Collection<?> list) {
            for (Object o : list) {
                max = Math.max(max, outerDepth(o));
            }
            return max;
        }
        if (node != null && node.getClass().isRecord()
                && (node instanceof Expr || node instanceof io.rustydb.sql.plan.LogicalPlan
                    || node instanceof io.rustydb.sql.plan.AggregateCall || node instanceof io.rustydb.sql.plan.WindowCall
                    || node instanceof io.rustydb.sql.plan.WindowSpec || node instanceof io.rustydb.sql.plan.WindowSpec.OrderKey)) {
            for (java.lang.reflect.RecordComponent rc : node.getClass().getRecordComponents()) {
                try {
                    max = Math.max(max, outerDepth(rc.getAccessor().invoke(node)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return max;
    }

    /** This subquery, remembering the logical plan it was planned from. */
    public SubqueryExpr withLogicalPlan(io.rustydb.sql.plan.LogicalPlan logical) {
        return new SubqueryExpr(kind, plan, maxOuterDepth, operand, op, type, logical);
    }

    /** The logical plan of the subquery, or null if not known. */
    public io.rustydb.sql.plan.LogicalPlan logicalPlan() {
        return logicalPlan;
    }

    public Kind kind() {
        return kind;
    }

    /** The comparison of ANY/ALL ({@link CompareOp#EQ} for IN). */
    public CompareOp op() {
        return op;
    }

    /** How many levels out the subquery reads enclosing rows (0: uncorrelated). */
    public int maxOuterDepth() {
        return maxOuterDepth;
    }

    public boolean correlated() {
        return correlated;
    }

    public Expr operand() {
        return operand;
    }

    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        Object result;
        if (correlated) {
            context.pushOuterRow(batch, row);
            try {
                result = run(context);
            } finally {
                context.popOuterRow();
            }
        } else {
            result = context.cachedSubquery(this);
            if (result == null) {
                result = run(context);
                context.cacheSubquery(this, result);
            }
        }
        switch (kind) {
            case SCALAR:
                return ((Object[]) result)[0];
            case EXISTS:
            case ARRAY:
                return result;
            default:
                return compareAll(operand.eval(batch, row, context), (SubqueryRows) result);
        }
    }

    /** The rows of an IN/ANY/ALL subquery: distinct non-NULL values, and whether a NULL was among them. */
    private record SubqueryRows(List<Object> list, Set<RowKey> set, boolean sawNull) {
    }

    private Object run(ExecContext context) {
        try (OperatorState state = plan.open(context)) {
            switch (kind) {
                case EXISTS:
                    return state.next() != null;
                case SCALAR: {
                    Object value = null;
                    int rows = 0;
                    RowBatch b;
                    while ((b = state.next()) != null) {
                        rows += b.rowCount();
                        if (rows > 1) {
                            throw new DbException(ErrorCode.CARDINALITY_VIOLATION,
                                    "more than one row returned by a subquery used as an expression");
                        }
                        value = b.column(0)[b.row(0)];
                    }
                    return new Object[] {value};
                }
                case ARRAY: {
                    List<Object> values = new ArrayList<>();
                    RowBatch b;
                    while ((b = state.next()) != null) {
                        for (int i = 0; i < b.rowCount(); i++) {
                            values.add(b.column(0)[b.row(i)]);
                        }
                    }
                    return io.rustydb.core.type.SqlArray.of(values);
                }
                default: {
                    List<Object> list = new ArrayList<>();
                    Set<RowKey> set = new HashSet<>();
                    boolean sawNull = false;
                    RowBatch b;
                    while ((b = state.next()) != null) {
                        for (int i = 0; i < b.rowCount(); i++) {
                            Object v = b.column(0)[b.row(i)];
                            if (v == null) {
                                sawNull = true;
                            } else if (set.add(new RowKey(new Object[] {v}))) {
                                list.add(v);
                            }
                        }
                    }
                    return new SubqueryRows(list, set, sawNull);
                }
            }
        }
    }

    private Object compareAll(Object left, SubqueryRows values) {
        boolean all = kind == Kind.ALL;
        if (values.list().isEmpty() && !values.sawNull()) {
            return all; // ANY over no rows is FALSE, ALL over no rows is TRUE
        }
        if (left == null) {
            return null;
        }
        if (op == CompareOp.EQ && !all) {
            if (values.set().contains(new RowKey(new Object[] {left}))) {
                return true;
            }
            return values.sawNull() ? null : false;
        }
        boolean unknown = values.sawNull();
        for (Object v : values.list()) {
            boolean ok = op.test(io.rustydb.core.type.Values.compare(left, v));
            if (all && !ok) {
                return false;
            }
            if (!all && ok) {
                return true;
            }
        }
        return unknown ? null : all;
    }

    @Override
    public String toString() {
        return kind + "(subquery" + (correlated ? ", correlated" : "") + ")";
    }
}
