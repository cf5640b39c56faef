package io.rustydb.sql.exec;

import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.CompareOp;
import io.rustydb.sql.expr.ComparisonExpr;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * When a join can probe an index of its inner table per outer row instead of reading the whole table: the inner
 * side is a table (a plain scan, its own conditions aside) with an index whose leading columns are each bound by an
 * equality, to an expression over the outer row or to a constant, at least one of them to the outer row (all of
 * them for a hash index). The longest such prefix wins, a unique index bound whole first. The probe cost grows with
 * the rows one key is expected to find.
 */
final class IndexJoins {
    private IndexJoins() {
    }

    /** An equality {@code inner column = outer expression} (the expression over the outer row's columns). */
    record KeyCandidate(int innerColumn, Expr outer) {
    }

    /** A usable index: one key expression per bound leading column, and the cost of one probe in rows. */
    record Match(TableDef table, IndexDef index, List<Expr> keys, double probeCost) {
    }

    /**
     * The best index of {@code inner} for {@code keys}, where {@code local} are the inner table's own conditions
     * (its columns), or null if {@code inner} is not a plain table scan or no index fits.
     */
    static Match match(LogicalPlan inner, List<Expr> local, List<KeyCandidate> keys, Cardinality cardinality) {
        if (!(inner instanceof LogicalPlan.Scan scan) || scan.withRowId() || scan.table().indexes().isEmpty()) {
            return null;
        }
        TableDef table = scan.table();
        Match best = null;
        int bestScore = -1;
        for (IndexDef index : table.indexes()) {
            List<Expr> bound = new ArrayList<>();
            boolean usesOuter = false;
            for (IndexDef.IndexColumn column : index.columns()) {
                Expr key = null;
                for (KeyCandidate k : keys) {
                    if (k.innerColumn() == column.column() && AccessPaths.comparable(table, column.column(), k.outer())) {
                        key = k.outer();
                        usesOuter = true;
                        break;
                    }
                }
                if (key == null) {
                    key = constant(table, column.column(), local);
                }
                if (key == null) {
                    break;
                }
                bound.add(key);
            }
            boolean whole = bound.size() == index.columns().size();
            if (!usesOuter || bound.isEmpty() || index.method() == IndexDef.IndexMethod.HASH && !whole) {
                continue;
            }
            int score = index.unique() && whole ? 1000 : 10 * bound.size();
            if (score > bestScore) {
                double tableRows = Math.max(1, cardinality.statistics().rowCount(table));
                double matches = index.unique() && whole ? 1 : Math.max(1, tableRows / Math.pow(10, bound.size()));
                best = new Match(table, index, bound, 3 + matches);
                bestScore = score;
            }
        }
        return best;
    }

    /** A constant that {@code local} binds {@code column} to by equality, or null. */
    private static Expr constant(TableDef table, int column, List<Expr> local) {
        for (Expr c : local) {
            if (c instanceof ComparisonExpr cmp && cmp.op() == CompareOp.EQ) {
                if (cmp.left() instanceof ColumnRef ref && ref.index() == column && AccessPaths.isValue(cmp.right())
                        && AccessPaths.comparable(table, column, cmp.right())) {
                    return cmp.right();
                }
                if (cmp.right() instanceof ColumnRef ref && ref.index() == column && AccessPaths.isValue(cmp.left())
                        && AccessPaths.comparable(table, column, cmp.left())) {
                    return cmp.left();
                }
            }
        }
        return null;
    }

    /**
     * The index nested-loop join of {@code outer} with the table of {@code match}: keys are read from the outer row
     * ({@code outerPosition} maps the keys' columns to the outer operator's), {@code local} filters inner rows, and
     * {@code residual} (over outer columns then table columns) decides each pair.
     */
    static PhysicalOperator operator(PhysicalOperator outer, Match match, List<Expr> local, LogicalPlan.JoinType type,
                                     Expr residual, IntUnaryOperator outerPosition) {
        List<Expr> keys = new ArrayList<>();
        for (Expr k : match.keys()) {
            Expr remapped = ExprRewriter.remap(k, outerPosition);
            if (remapped == null) {
                throw io.rustydb.core.DbException.internal("index join key cannot be rebuilt: " + k);
            }
            keys.add(remapped);
        }
        Expr filter = local.isEmpty() ? null : JoinPlanner.and(local);
        return new IndexNestedLoopJoinOperator(outer, match.table(), match.index(), keys, filter, type, residual);
    }

    /**
     * A LEFT (or INNER) join of two inputs whose right one is a table with an index the condition binds, planned as
     * an index nested-loop join when the left side is expected to be small against the table; else null.
     */
    static PhysicalOperator forJoin(LogicalPlan.Join join, Cardinality cardinality) {
        if (!PlannerSettings.indexJoins() || join.condition() == null
                || join.type() != LogicalPlan.JoinType.LEFT && join.type() != LogicalPlan.JoinType.INNER
                || !(join.right() instanceof LogicalPlan.Scan scan) || scan.table().indexes().isEmpty()) {
            return null;
        }
        int leftWidth = join.left().outputTypes().size();
        List<Expr> local = new ArrayList<>();
        List<Expr> residual = new ArrayList<>();
        List<KeyCandidate> keys = new ArrayList<>();
        for (Expr c : AccessPaths.conjuncts(join.condition())) {
            Set<Integer> columns = ColumnUsage.ofOwnRow(List.of(c));
            residual.add(c);
            if (columns == null || columns.isEmpty()) {
                continue;
            }
            if (columns.stream().allMatch(i -> i >= leftWidth)) {
                Expr shifted = ExprRewriter.remap(c, i -> i - leftWidth);
                if (shifted != null) {
                    local.add(shifted);
                }
                continue;
            }
            if (c instanceof ComparisonExpr cmp && cmp.op() == CompareOp.EQ) {
                KeyCandidate k = key(cmp.left(), cmp.right(), leftWidth);
                k = k != null ? k : key(cmp.right(), cmp.left(), leftWidth);
                if (k != null) {
                    keys.add(k);
                }
            }
        }
        if (keys.isEmpty()) {
            return null;
        }
        Match match = match(scan, local, keys, cardinality);
        if (match == null) {
            return null;
        }
        double outerRows = cardinality.rows(join.left());
        double tableRows = cardinality.rows(scan);
        if (outerRows * match.probeCost() >= tableRows + outerRows) {
            return null; // reading the table once into a hash table is cheaper
        }
        return operator(PhysicalPlanner.plan(join.left()), match, local, join.type(), JoinPlanner.and(residual),
                i -> i);
    }

    private static KeyCandidate key(Expr innerSide, Expr outerSide, int leftWidth) {
        if (!(innerSide instanceof ColumnRef ref) || ref.index() < leftWidth) {
            return null;
        }
        Set<Integer> columns = ColumnUsage.ofOwnRow(List.of(outerSide));
        if (columns == null || columns.isEmpty() || !columns.stream().allMatch(i -> i < leftWidth)) {
            return null;
        }
        return new KeyCandidate(ref.index() - leftWidth, outerSide);
    }
}
