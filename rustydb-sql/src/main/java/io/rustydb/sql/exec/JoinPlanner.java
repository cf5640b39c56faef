package io.rustydb.sql.exec;

import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.CompareOp;
import io.rustydb.sql.expr.ComparisonExpr;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.LogicalExpr;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders the inner joins of a query by cost. A tree of INNER and CROSS joins (comma joins included), with the
 * WHERE clause above it, is flattened into its relations (tables, derived tables, outer joins — an outer join
 * keeps its own order and is one relation here) and the AND-ed conditions. Each condition that reads one relation
 * becomes a filter on it (where it can pick an index); each that reads several joins them. Then:
 * <ol>
 *   <li>up to {@value #DP_LIMIT} relations: dynamic programming over the subsets, cheapest plan per subset, joining
 *       two subsets only when a condition connects them (a cross product only where the query has no condition to
 *       connect them);</li>
 *   <li>more: greedily, the connected pair with the smallest result first.</li>
 * </ol>
 * The cost of a plan is the rows its joins produce and read: a hash join reads both inputs (and builds the right
 * one), a nested loop the product of its inputs, an index nested-loop join ({@link IndexJoins}) a few index probes
 * per outer row instead of reading the inner table. Each condition is checked at the lowest join that has all its
 * columns; conditions with subqueries, and those that read no column, are checked last. A projection restores the
 * column order of the FROM clause.
 */
final class JoinPlanner {
    static final int DP_LIMIT = 10;
    private static final int MAX_RELATIONS = 62;

    private final Cardinality cardinality;
    private final List<Relation> relations = new ArrayList<>();
    private final List<Predicate> predicates = new ArrayList<>();
    private final List<Expr> last = new ArrayList<>();
    private final Map<Long, Double> rowsMemo = new HashMap<>();
    private final Map<Long, IndexJoins.Match> indexJoinMemo = new HashMap<>();
    private int width;

    /** One input of the join: its plan, where its columns start in the FROM row, and its own conditions. */
    private static final class Relation {
        final LogicalPlan plan;
        final int offset;
        final int width;
        final List<Expr> local = new ArrayList<>();
        LogicalPlan filtered;
        double rows;
        double readCost;

        Relation(LogicalPlan plan, int offset) {
            this.plan = plan;
            this.offset = offset;
            this.width = plan.outputTypes().size();
        }
    }

    /**
     * A condition over several relations (columns of the FROM row), the relations it reads, and for an equality
     * the relations each side reads (0 otherwise).
     */
    private record Predicate(Expr expr, long relations, double selectivity, long leftSide, long rightSide) {
    }

    /** A plan for a set of relations: a relation, or a join of two plans. */
    private record Node(long relations, double rows, double cost, Node left, Node right, int relation,
                        IndexJoins.Match indexJoin) {
        boolean isRelation() {
            return relation >= 0;
        }
    }

    private JoinPlanner(Cardinality cardinality) {
        this.cardinality = cardinality;
    }

    /** Whether {@code plan} is a join this planner orders (INNER or CROSS, or a filter over one). */
    static boolean applies(LogicalPlan plan) {
        LogicalPlan p = plan instanceof LogicalPlan.Filter f ? f.input() : plan;
        return p instanceof LogicalPlan.Join join && isInner(join);
    }

    private static boolean isInner(LogicalPlan.Join join) {
        return join.type() == LogicalPlan.JoinType.INNER || join.type() == LogicalPlan.JoinType.CROSS;
    }

    /** The physical plan of {@code plan} (see {@link #applies}), or null if it cannot be reordered. */
    static PhysicalOperator plan(LogicalPlan plan, Cardinality cardinality) {
        JoinPlanner planner = new JoinPlanner(cardinality);
        return planner.build(plan);
    }

    private PhysicalOperator build(LogicalPlan plan) {
        List<Expr> conditions = new ArrayList<>();
        LogicalPlan joins = plan;
        if (plan instanceof LogicalPlan.Filter filter) {
            conditions.addAll(CommonConjuncts.factor(AccessPaths.conjuncts(filter.predicate())));
            joins = filter.input();
        }
        if (!flatten(joins, 0, conditions) || relations.size() > MAX_RELATIONS) {
            return null;
        }
        width = joins.outputTypes().size();
        for (Expr c : conditions) {
            classify(c);
        }
        for (Relation r : relations) {
            r.filtered = r.local.isEmpty() ? r.plan : new LogicalPlan.Filter(r.plan, and(r.local));
            r.rows = cardinality.rows(r.filtered);
            r.readCost = Math.max(r.rows, cardinality.rows(r.plan));
        }
        Node best = relations.size() <= DP_LIMIT ? dynamicProgramming() : greedy();
        Built built = physical(best);
        PhysicalOperator out = built.operator;
        boolean identity = true;
        for (int g = 0; g < width; g++) {
            identity &= built.position[g] == g;
        }
        if (!identity) {
            List<Expr> restore = new ArrayList<>();
            List<io.rustydb.core.type.DataType> types = joins.outputTypes();
            for (int g = 0; g < width; g++) {
                restore.add(new ColumnRef(built.position[g], types.get(g), "c" + g));
            }
            out = PhysicalPlanner.instrument(new ProjectOperator(out, restore));
        }
        if (!last.isEmpty()) {
            out = PhysicalPlanner.instrument(new FilterOperator(out, and(last)));
        }
        return out;
    }

    /** Collects the relations and conditions of a join tree whose columns start at {@code offset}. */
    private boolean flatten(LogicalPlan plan, int offset, List<Expr> conditions) {
        if (plan instanceof LogicalPlan.Join join && isInner(join)) {
            if (!flatten(join.left(), offset, conditions)) {
                return false;
            }
            if (!flatten(join.right(), offset + join.left().outputTypes().size(), conditions)) {
                return false;
            }
            for (Expr c : CommonConjuncts.factor(AccessPaths.conjuncts(join.condition()))) {
                Expr shifted = offset == 0 ? c : ExprRewriter.remap(c, i -> i + offset);
                if (shifted == null) {
                    return false;
                }
                conditions.add(shifted);
            }
            return true;
        }
        relations.add(new Relation(plan, offset));
        return true;
    }

    private int relationOf(int column) {
        for (int i = relations.size() - 1; i >= 0; i--) {
            if (column >= relations.get(i).offset) {
                return i;
            }
        }
        return 0;
    }

    private void classify(Expr condition) {
        Set<Integer> columns = ColumnUsage.ofOwnRow(List.of(condition));
        if (columns == null || columns.isEmpty()) {
            last.add(condition);
            return;
        }
        long mask = 0;
        for (int c : columns) {
            mask |= 1L << relationOf(c);
        }
        if (Long.bitCount(mask) == 1) {
            Relation r = relations.get(Long.numberOfTrailingZeros(mask));
            Expr local = ExprRewriter.remap(condition, i -> i - r.offset);
            if (local != null) {
                r.local.add(local);
                return;
            }
            last.add(condition);
            return;
        }
        long leftSide = 0;
        long rightSide = 0;
        if (condition instanceof ComparisonExpr cmp && cmp.op() == CompareOp.EQ) {
            leftSide = relationsOf(cmp.left());
            rightSide = relationsOf(cmp.right());
            if (leftSide <= 0 || rightSide <= 0) {
                leftSide = 0;
                rightSide = 0;
            }
        }
        predicates.add(new Predicate(condition, mask, joinSelectivity(condition), leftSide, rightSide));
    }

    /** The selectivity of a condition over several relations. */
    private double joinSelectivity(Expr condition) {
        if (condition instanceof ComparisonExpr cmp && cmp.op() == CompareOp.EQ) {
            return 1 / Math.max(1, Math.max(ndv(cmp.left()), ndv(cmp.right())));
        }
        if (condition instanceof ComparisonExpr cmp) {
            return cmp.op() == CompareOp.NE ? 0.9 : Cardinality.RANGE;
        }
        return Cardinality.OTHER;
    }

    private double ndv(Expr e) {
        if (!(e instanceof ColumnRef ref)) {
            return 1;
        }
        Relation r = relations.get(relationOf(ref.index()));
        return cardinality.ndv(new ColumnRef(ref.index() - r.offset, ref.type(), ref.name()), r.plan);
    }

    // ------------------------------------------------------------------ search

    private double rows(long set) {
        Double memo = rowsMemo.get(set);
        if (memo != null) {
            return memo;
        }
        double rows = 1;
        for (int i = 0; i < relations.size(); i++) {
            if ((set & (1L << i)) != 0) {
                rows *= relations.get(i).rows;
            }
        }
        for (Predicate p : predicates) {
            if ((p.relations & ~set) == 0) {
                rows *= p.selectivity;
            }
        }
        rows = Math.max(1, rows);
        rowsMemo.put(set, rows);
        return rows;
    }

    private boolean connected(long a, long b) {
        for (Predicate p : predicates) {
            if ((p.relations & ~(a | b)) == 0 && (p.relations & a) != 0 && (p.relations & b) != 0) {
                return true;
            }
        }
        return false;
    }

    private Node leaf(int i) {
        Relation r = relations.get(i);
        return new Node(1L << i, r.rows, r.readCost, null, null, i, null);
    }

    /** The cheaper way to join {@code left} and {@code right} in that orientation (null if not better). */
    private Node join(Node left, Node right, Node best) {
        long set = left.relations | right.relations;
        double out = rows(set);
        boolean equi = hasEquality(left.relations, right.relations);
        double work = equi ? left.rows + 2 * right.rows : left.rows * right.rows;
        Node candidate = new Node(set, out, left.cost + right.cost + work + out, left, right, -1, null);
        if (right.isRelation() && PlannerSettings.indexJoins()) {
            IndexJoins.Match match = indexJoin(left.relations, right.relation);
            if (match != null) {
                double probes = left.rows * match.probeCost();
                Node indexed = new Node(set, out, left.cost + probes + out, left, right, -1, match);
                if (indexed.cost < candidate.cost) {
                    candidate = indexed;
                }
            }
        }
        return best == null || candidate.cost < best.cost ? candidate : best;
    }

    private boolean hasEquality(long left, long right) {
        for (Predicate p : predicates) {
            long l = p.leftSide;
            long r = p.rightSide;
            if (l != 0 && ((l & ~left) == 0 && (r & ~right) == 0 || (l & ~right) == 0 && (r & ~left) == 0)) {
                return true;
            }
        }
        return false;
    }

    private long relationsOf(Expr e) {
        Set<Integer> columns = ColumnUsage.ofOwnRow(List.of(e));
        if (columns == null) {
            return -1;
        }
        long mask = 0;
        for (int c : columns) {
            mask |= 1L << relationOf(c);
        }
        return mask;
    }

    /** The index nested-loop join of the relations {@code outer} with relation {@code inner}, or null. */
    private IndexJoins.Match indexJoin(long outer, int inner) {
        long memoKey = outer * 64 + inner;
        if (indexJoinMemo.containsKey(memoKey)) {
            return indexJoinMemo.get(memoKey);
        }
        Relation r = relations.get(inner);
        long innerSet = 1L << inner;
        List<IndexJoins.KeyCandidate> keys = new ArrayList<>();
        for (Predicate p : predicates) {
            if (p.leftSide == 0 || (p.relations & ~(outer | innerSet)) != 0) {
                continue;
            }
            ComparisonExpr cmp = (ComparisonExpr) p.expr;
            if (p.leftSide == innerSet && (p.rightSide & ~outer) == 0 && cmp.left() instanceof ColumnRef col) {
                keys.add(new IndexJoins.KeyCandidate(col.index() - r.offset, cmp.right()));
            } else if (p.rightSide == innerSet && (p.leftSide & ~outer) == 0 && cmp.right() instanceof ColumnRef col) {
                keys.add(new IndexJoins.KeyCandidate(col.index() - r.offset, cmp.left()));
            }
        }
        IndexJoins.Match match = keys.isEmpty() ? null : IndexJoins.match(r.plan, r.local, keys, cardinality);
        indexJoinMemo.put(memoKey, match);
        return match;
    }

    private Node dynamicProgramming() {
        int n = relations.size();
        Node[] best = new Node[1 << n];
        for (int i = 0; i < n; i++) {
            best[1 << i] = leaf(i);
        }
        for (int set = 1; set < (1 << n); set++) {
            if (Integer.bitCount(set) < 2) {
                continue;
            }
            for (boolean allowCross : new boolean[] {false, true}) {
                for (int left = (set - 1) & set; left > 0; left = (left - 1) & set) {
                    int right = set ^ left;
                    if (best[left] == null || best[right] == null
                            || !allowCross && !connected(left, right)) {
                        continue;
                    }
                    best[set] = join(best[left], best[right], best[set]);
                }
                if (best[set] != null) {
                    break;
                }
            }
        }
        return best[(1 << n) - 1];
    }

    private Node greedy() {
        List<Node> parts = new ArrayList<>();
        for (int i = 0; i < relations.size(); i++) {
            parts.add(leaf(i));
        }
        while (parts.size() > 1) {
            Node chosen = null;
            int ci = -1;
            int cj = -1;
            for (boolean allowCross : new boolean[] {false, true}) {
                for (int i = 0; i < parts.size(); i++) {
                    for (int j = 0; j < parts.size(); j++) {
                        if (i == j || !allowCross && !connected(parts.get(i).relations, parts.get(j).relations)) {
                            continue;
                        }
                        Node candidate = join(parts.get(i), parts.get(j), null);
                        if (chosen == null || candidate.rows < chosen.rows
                                || candidate.rows == chosen.rows && candidate.cost < chosen.cost) {
                            chosen = candidate;
                            ci = i;
                            cj = j;
                        }
                    }
                }
                if (chosen != null) {
                    break;
                }
            }
            parts.remove(Math.max(ci, cj));
            parts.remove(Math.min(ci, cj));
            parts.add(chosen);
        }
        return parts.get(0);
    }

    // ------------------------------------------------------------------ operators

    /** An operator and, for each column of the FROM row it has, its position in the operator's output (or -1). */
    private record Built(PhysicalOperator operator, int[] position, int width) {
    }

    private Built physical(Node node) {
        if (node.isRelation()) {
            Relation r = relations.get(node.relation);
            int[] position = new int[width];
            java.util.Arrays.fill(position, -1);
            for (int c = 0; c < r.width; c++) {
                position[r.offset + c] = c;
            }
            return new Built(PhysicalPlanner.plan(r.filtered), position, r.width);
        }
        Built left = physical(node.left);
        int[] position = left.position.clone();
        Relation inner = node.indexJoin != null ? relations.get(node.right.relation) : null;
        Built right = inner != null ? null : physical(node.right);
        int rightWidth = inner != null ? inner.width : right.width;
        for (int g = 0; g < width; g++) {
            if (inner != null && g >= inner.offset && g < inner.offset + inner.width) {
                position[g] = left.width + g - inner.offset;
            } else if (right != null && right.position[g] >= 0) {
                position[g] = left.width + right.position[g];
            }
        }
        List<Expr> conditions = new ArrayList<>();
        for (Predicate p : predicates) {
            if ((p.relations & ~node.relations) == 0 && (p.relations & ~node.left.relations) != 0
                    && (p.relations & ~node.right.relations) != 0) {
                conditions.add(ExprRewriter.remap(p.expr, g -> position[g]));
            }
        }
        Expr condition = conditions.isEmpty() ? null : and(conditions);
        PhysicalOperator op;
        if (inner != null) {
            op = IndexJoins.operator(left.operator, node.indexJoin, inner.local, LogicalPlan.JoinType.INNER,
                    condition, g -> left.position[g]);
        } else {
            op = new JoinOperator(left.operator, right.operator,
                    condition == null ? LogicalPlan.JoinType.CROSS : LogicalPlan.JoinType.INNER, condition);
        }
        return new Built(PhysicalPlanner.instrument(op), position, left.width + rightWidth);
    }

    static Expr and(List<Expr> conjuncts) {
        Expr out = conjuncts.get(0);
        for (int i = 1; i < conjuncts.size(); i++) {
            out = new LogicalExpr(true, out, conjuncts.get(i));
        }
        return out;
    }
}
