package io.rustydb.sql.exec;

import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.LogicalExpr;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Predicate pushdown: the parts of a WHERE clause above a join that read only one side's columns move below the
 * join, onto that side, so that they filter rows before the join builds or probes — and, on a table, can choose an
 * index. Which sides may take them depends on the join: both for INNER and CROSS, only the preserved side for LEFT
 * and RIGHT (a condition on the other side must still see the NULL-extended rows), none for FULL. A conjunct that
 * reads both sides of an INNER or CROSS join becomes part of the join condition (so {@code FROM a, b WHERE a.x = b.y}
 * is a hash join, not a filtered cross product). A conjunct with a subquery, or that reads no column, stays where
 * it is.
 */
final class FilterPushdown {
    private FilterPushdown() {
    }

    /** {@code filter} over {@code join} with what can move pushed into the inputs, or null if nothing moves. */
    static LogicalPlan pushIntoJoin(LogicalPlan.Filter filter, LogicalPlan.Join join) {
        int leftWidth = join.left().outputTypes().size();
        boolean toLeft = join.type() != LogicalPlan.JoinType.RIGHT && join.type() != LogicalPlan.JoinType.FULL;
        boolean toRight = join.type() == LogicalPlan.JoinType.INNER || join.type() == LogicalPlan.JoinType.CROSS
                || join.type() == LogicalPlan.JoinType.RIGHT;
        List<Expr> left = new ArrayList<>();
        List<Expr> right = new ArrayList<>();
        List<Expr> stay = new ArrayList<>();
        List<Expr> joinCondition = new ArrayList<>();
        boolean intoCondition = join.type() == LogicalPlan.JoinType.INNER || join.type() == LogicalPlan.JoinType.CROSS;
        for (Expr conjunct : CommonConjuncts.factor(AccessPaths.conjuncts(filter.predicate()))) {
            Set<Integer> columns = ColumnUsage.of(List.of(conjunct));
            if (columns == null || columns.isEmpty()) {
                stay.add(conjunct);
                continue;
            }
            boolean allLeft = columns.stream().allMatch(c -> c < leftWidth);
            boolean allRight = columns.stream().allMatch(c -> c >= leftWidth);
            Expr shifted = allRight && toRight ? shift(conjunct, -leftWidth) : null;
            if (allLeft && toLeft) {
                left.add(conjunct);
            } else if (shifted != null) {
                right.add(shifted);
            } else if (intoCondition && !allLeft && !allRight) {
                joinCondition.add(conjunct);
            } else {
                stay.add(conjunct);
            }
        }
        if (left.isEmpty() && right.isEmpty() && joinCondition.isEmpty()) {
            return null;
        }
        LogicalPlan newLeft = left.isEmpty() ? join.left() : new LogicalPlan.Filter(join.left(), and(left));
        LogicalPlan newRight = right.isEmpty() ? join.right() : new LogicalPlan.Filter(join.right(), and(right));
        LogicalPlan.JoinType type = join.type();
        Expr condition = join.condition();
        if (!joinCondition.isEmpty()) {
            if (condition != null) {
                joinCondition.add(0, condition);
            }
            condition = and(joinCondition);
            type = LogicalPlan.JoinType.INNER;
        }
        LogicalPlan joined = new LogicalPlan.Join(newLeft, newRight, type, condition);
        return stay.isEmpty() ? joined : new LogicalPlan.Filter(joined, and(stay));
    }

    private static Expr and(List<Expr> conjuncts) {
        Expr out = conjuncts.get(0);
        for (int i = 1; i < conjuncts.size(); i++) {
            out = new LogicalExpr(true, out, conjuncts.get(i));
        }
        return out;
    }

    /** {@code e} with every column reference moved by {@code delta}; null if some part cannot be rebuilt. */
    static Expr shift(Expr e, int delta) {
        return ExprRewriter.remap(e, i -> i + delta);
    }
}
