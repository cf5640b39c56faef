package io.rustydb.sql.exec;

import io.rustydb.core.type.Casts;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.CaseExpr;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.CompareOp;
import io.rustydb.sql.expr.ComparisonExpr;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.IsNullExpr;
import io.rustydb.sql.expr.Literal;
import io.rustydb.sql.expr.NotExpr;
import io.rustydb.sql.expr.OuterRef;
import io.rustydb.sql.expr.SubqueryExpr;
import io.rustydb.sql.plan.AggregateCall;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites correlated subqueries of a WHERE clause into joins, so that the subquery runs once instead of once per
 * row. The subquery must read only the row directly around it, and mostly through equalities
 * {@code inner expression = outer column} in its own WHERE clause (the correlation):
 * <ul>
 *   <li>{@code [NOT] EXISTS (SELECT ... WHERE corr AND ...)}: a hash semi (anti) join on the correlation, the
 *       subquery's other conditions on outer columns checked per candidate pair;</li>
 *   <li>{@code x [NOT] IN (SELECT y ... WHERE corr ...)}: a semi join on the correlation and {@code x = y}, or for
 *       NOT IN an anti join with SQL's NULL rules (see {@link SemiJoinOperator});</li>
 *   <li>{@code ... (SELECT f(agg(...)) FROM ... WHERE corr AND local) ...} (one aggregate row, no GROUP BY): the
 *       aggregate grouped by the correlation's inner expressions, LEFT-joined on them; an outer row without a group
 *       sees the aggregates of no rows (COUNT 0, others NULL) put into {@code f}.</li>
 * </ul>
 * Anything else (LIMIT, HAVING, deeper correlation, a correlation that is not an equality where one is needed)
 * keeps the nested evaluation of {@link SubqueryExpr}.
 */
final class Decorrelator {
    private Decorrelator() {
    }

    /** The physical plan of {@code filter} with one of its subqueries made a join, or null if none can be. */
    static PhysicalOperator plan(LogicalPlan.Filter filter) {
        if (!PlannerSettings.decorrelate()) {
            return null;
        }
        List<Expr> conjuncts = AccessPaths.conjuncts(filter.predicate());
        int width = filter.input().outputTypes().size();
        for (int i = 0; i < conjuncts.size(); i++) {
            List<Expr> rest = new ArrayList<>(conjuncts);
            Expr c = rest.remove(i);
            PhysicalOperator semi = semiJoin(filter.input(), c, rest, width);
            if (semi != null) {
                return semi;
            }
        }
        for (int i = 0; i < conjuncts.size(); i++) {
            LogicalPlan rewritten = scalarAggregate(filter.input(), conjuncts, i, width);
            if (rewritten != null) {
                return PhysicalPlanner.plan(rewritten);
            }
        }
        return null;
    }

    /** A correlated subquery's WHERE clause taken apart. */
    private record Body(LogicalPlan from, List<Expr> local, List<Expr> innerKeys, List<Expr> outerKeys,
                        List<Expr> residual) {
        LogicalPlan filteredFrom() {
            return local.isEmpty() ? from : new LogicalPlan.Filter(from, JoinPlanner.and(local));
        }
    }

    /**
     * The parts of {@code plan} = Filter(from, where) of a subquery correlated one level out, for an enclosing row
     * of {@code outerWidth} columns: conditions on the subquery's own row, equalities between an expression of it
     * and an outer column (the keys, the outer side as a column of the enclosing row), and the other conditions
     * (over the enclosing row followed by the subquery's row). Null if it does not have that shape.
     */
    private static Body body(LogicalPlan plan, int outerWidth) {
        if (!(plan instanceof LogicalPlan.Filter filter) || SubqueryExpr.outerDepth(filter.input()) != 0) {
            return null;
        }
        List<Expr> local = new ArrayList<>();
        List<Expr> innerKeys = new ArrayList<>();
        List<Expr> outerKeys = new ArrayList<>();
        List<Expr> residual = new ArrayList<>();
        for (Expr c : AccessPaths.conjuncts(filter.predicate())) {
            if (SubqueryExpr.outerDepth(c) == 0) {
                local.add(c);
                continue;
            }
            if (c instanceof ComparisonExpr cmp && cmp.op() == CompareOp.EQ) {
                Expr outer = outerOnly(cmp.right());
                if (outer != null && innerOnly(cmp.left())) {
                    innerKeys.add(cmp.left());
                    outerKeys.add(outer);
                    continue;
                }
                outer = outerOnly(cmp.left());
                if (outer != null && innerOnly(cmp.right())) {
                    innerKeys.add(cmp.right());
                    outerKeys.add(outer);
                    continue;
                }
            }
            Expr joined = ExprRewriter.rewrite(c, e -> e instanceof OuterRef o
                    ? new ColumnRef(o.index(), o.type(), o.name())
                    : e instanceof ColumnRef ref ? new ColumnRef(ref.index() + outerWidth, ref.type(), ref.name())
                    : null);
            if (joined == null) {
                return null;
            }
            residual.add(joined);
        }
        return new Body(filter.input(), local, innerKeys, outerKeys, residual);
    }

    /** {@code e} over the subquery's own row only (no outer column, no subquery). */
    private static boolean innerOnly(Expr e) {
        Set<Integer> columns = ColumnUsage.of(List.of(e));
        return columns != null && !columns.isEmpty();
    }

    /** {@code e}, reading only outer columns, as an expression over the enclosing row; else null. */
    private static Expr outerOnly(Expr e) {
        BitSet own = new BitSet();
        ColumnUsage.collect(e, own);
        if (!own.isEmpty() || SubqueryExpr.outerDepth(e) != 1) {
            return null;
        }
        return ExprRewriter.rewrite(e, x -> x instanceof OuterRef o ? new ColumnRef(o.index(), o.type(), o.name())
                : null);
    }

    /** The subquery's FROM/WHERE below its select list (DISTINCT and ORDER BY dropped), with the select list. */
    private record Shape(LogicalPlan below, List<Expr> select) {
    }

    private static Shape shape(LogicalPlan plan) {
        List<Expr> select = null;
        while (true) {
            if (plan instanceof LogicalPlan.Distinct d) {
                plan = d.input();
            } else if (plan instanceof LogicalPlan.Sort s) {
                plan = s.input();
            } else if (plan instanceof LogicalPlan.Project p) {
                if (select == null) {
                    select = p.expressions();
                } else {
                    List<Expr> composed = new ArrayList<>();
                    for (Expr e : select) {
                        Expr c = ExprRewriter.rewrite(e, x -> x instanceof ColumnRef r ? p.expressions().get(r.index())
                                : null);
                        if (c == null) {
                            return null;
                        }
                        composed.add(c);
                    }
                    select = composed;
                }
                plan = p.input();
            } else {
                return select == null ? null : new Shape(plan, select);
            }
        }
    }

    /** {@code c} = [NOT] EXISTS / [NOT] IN over a correlated subquery, as a semi or anti join; else null. */
    private static PhysicalOperator semiJoin(LogicalPlan input, Expr c, List<Expr> rest, int width) {
        boolean negated = false;
        if (c instanceof NotExpr not) {
            negated = true;
            c = not.operand();
        }
        if (!(c instanceof SubqueryExpr s) || s.logicalPlan() == null || s.maxOuterDepth() != 1
                || s.kind() != SubqueryExpr.Kind.EXISTS && !(s.kind() == SubqueryExpr.Kind.IN
                        && s.op() == CompareOp.EQ)) {
            return null;
        }
        Shape shape = shape(s.logicalPlan());
        if (shape == null) {
            return null;
        }
        Body body = body(shape.below(), width);
        if (body == null || body.innerKeys().isEmpty() && s.kind() == SubqueryExpr.Kind.EXISTS) {
            return null;
        }
        List<Expr> leftKeys = new ArrayList<>(body.outerKeys());
        List<Expr> rightKeys = new ArrayList<>(body.innerKeys());
        SemiJoinOperator.Mode mode = negated ? SemiJoinOperator.Mode.ANTI : SemiJoinOperator.Mode.SEMI;
        Expr notInLeft = null;
        Expr notInRight = null;
        if (s.kind() == SubqueryExpr.Kind.IN) {
            Expr y = shape.select().get(0);
            if (SubqueryExpr.outerDepth(y) != 0 || ColumnUsage.of(List.of(s.operand())) == null) {
                return null;
            }
            if (negated) {
                if (body.innerKeys().isEmpty()) {
                    return null;
                }
                mode = SemiJoinOperator.Mode.NOT_IN;
                notInLeft = s.operand();
                notInRight = y;
            } else {
                leftKeys.add(s.operand());
                rightKeys.add(y);
            }
        }
        PhysicalOperator left = PhysicalPlanner.plan(rest.isEmpty() ? input
                : new LogicalPlan.Filter(input, JoinPlanner.and(rest)));
        PhysicalOperator right = PhysicalPlanner.plan(body.filteredFrom());
        Expr residual = body.residual().isEmpty() ? null : JoinPlanner.and(body.residual());
        return PhysicalPlanner.instrument(new SemiJoinOperator(left, right, mode, leftKeys, rightKeys, notInLeft,
                notInRight, residual));
    }

    /** Aggregates whose value over no rows is known here (COUNT: 0, the others NULL). */
    private static final Set<String> KNOWN_AGGREGATES = Set.of("COUNT_STAR", "COUNT", "SUM", "AVG", "MIN", "MAX");

    /**
     * The filter with a correlated scalar aggregate subquery of conjunct {@code index} replaced by a LEFT join with
     * the aggregate grouped on the correlation, under a projection back to the input's columns; else null.
     */
    private static LogicalPlan scalarAggregate(LogicalPlan input, List<Expr> conjuncts, int index, int width) {
        Expr conjunct = conjuncts.get(index);
        List<SubqueryExpr> found = new ArrayList<>();
        ExprRewriter.rewrite(conjunct, e -> {
            if (e instanceof SubqueryExpr s) {
                found.add(s);
                return s;
            }
            return null;
        });
        for (SubqueryExpr s : found) {
            LogicalPlan rewritten = scalarAggregate(input, conjuncts, index, width, s);
            if (rewritten != null) {
                return rewritten;
            }
        }
        return null;
    }

    private static LogicalPlan scalarAggregate(LogicalPlan input, List<Expr> conjuncts, int index, int width,
                                               SubqueryExpr s) {
        if (s.kind() != SubqueryExpr.Kind.SCALAR || s.logicalPlan() == null || s.maxOuterDepth() != 1) {
            return null;
        }
        LogicalPlan plan = s.logicalPlan();
        while (plan instanceof LogicalPlan.Sort sort) {
            plan = sort.input();
        }
        if (!(plan instanceof LogicalPlan.Project project) || project.expressions().size() != 1
                || !(project.input() instanceof LogicalPlan.Aggregate aggregate)
                || !aggregate.groupKeys().isEmpty()) {
            return null;
        }
        Expr value = project.expressions().get(0);
        if (SubqueryExpr.outerDepth(value) != 0 || SubqueryExpr.outerDepth(aggregate.aggregates()) != 0) {
            return null;
        }
        for (AggregateCall call : aggregate.aggregates()) {
            if (!KNOWN_AGGREGATES.contains(call.function().name())) {
                return null;
            }
        }
        Body body = body(aggregate.input(), width);
        if (body == null || body.innerKeys().isEmpty() || !body.residual().isEmpty()) {
            return null;
        }
        int keys = body.innerKeys().size();
        LogicalPlan grouped = new LogicalPlan.Aggregate(body.filteredFrom(), body.innerKeys(),
                aggregate.aggregates());
        Expr shifted = ExprRewriter.remap(value, j -> j + keys);
        Expr empty = ExprRewriter.rewrite(value, e -> e instanceof ColumnRef r
                ? new Literal(emptyValue(aggregate.aggregates().get(r.index())), r.type()) : null);
        if (shifted == null || empty == null) {
            return null;
        }
        List<Expr> derived = new ArrayList<>();
        Expr condition = null;
        for (int k = 0; k < keys; k++) {
            DataType type = body.innerKeys().get(k).type();
            derived.add(new ColumnRef(k, type, "key" + k));
            Expr eq = new ComparisonExpr(CompareOp.EQ, body.outerKeys().get(k), new ColumnRef(width + k, type,
                    "key" + k));
            condition = condition == null ? eq : new io.rustydb.sql.expr.LogicalExpr(true, condition, eq);
        }
        derived.add(shifted);
        derived.add(new Literal(Boolean.TRUE, DataType.BOOLEAN));
        LogicalPlan joined = new LogicalPlan.Join(input, new LogicalPlan.Project(grouped, derived),
                LogicalPlan.JoinType.LEFT, condition);
        Expr replacement = new CaseExpr(
                List.of(new IsNullExpr(new ColumnRef(width + keys + 1, DataType.BOOLEAN, "matched"), false)),
                List.of(empty), new ColumnRef(width + keys, value.type(), "value"), value.type());
        Expr rewritten = ExprRewriter.rewrite(conjuncts.get(index), e -> e == s ? replacement
                : e instanceof SubqueryExpr ? e : null);
        if (rewritten == null) {
            return null;
        }
        List<Expr> all = new ArrayList<>(conjuncts);
        all.set(index, rewritten);
        List<Expr> back = new ArrayList<>();
        List<DataType> types = input.outputTypes();
        for (int i = 0; i < width; i++) {
            back.add(new ColumnRef(i, types.get(i), "c" + i));
        }
        return new LogicalPlan.Project(new LogicalPlan.Filter(joined, JoinPlanner.and(all)), back);
    }

    private static Object emptyValue(AggregateCall call) {
        String name = call.function().name();
        return name.equals("COUNT") || name.equals("COUNT_STAR") ? Casts.cast(0L, call.resultType()) : null;
    }
}
