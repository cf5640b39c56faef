package io.rustydb.sql.exec;

import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.CompareOp;
import io.rustydb.sql.expr.ComparisonExpr;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.InListExpr;
import io.rustydb.sql.expr.IsNullExpr;
import io.rustydb.sql.expr.LikeExpr;
import io.rustydb.sql.expr.Literal;
import io.rustydb.sql.expr.LogicalExpr;
import io.rustydb.sql.expr.NotExpr;
import io.rustydb.sql.plan.LogicalPlan;

/**
 * The cost model's row estimates: how many rows a logical plan yields and what fraction of rows a condition keeps.
 * Table sizes come from {@link TableStatistics}; without value distributions the selectivities are the classic
 * guesses:
 * <ul>
 *   <li>{@code col = value}: one row if {@code col} alone is a unique key, else {@code 1/ndv(col)};</li>
 *   <li>{@code a = b} between two inputs: {@code 1/max(ndv(a), ndv(b))} (a key joined to its foreign key keeps one
 *       row per foreign-key row);</li>
 *   <li>ranges ({@code <, <=, >, >=}) 1/3, {@code IN (n values)} n equalities,
 *       {@code IS NULL} 1/10, {@code LIKE} 1/4, anything else 1/2; AND multiplies, OR adds, NOT complements.</li>
 * </ul>
 * {@code ndv} (distinct values) is the row count of the column's table for a single-column unique key, else a tenth
 * of it (at least one).
 */
final class Cardinality {
    static final double RANGE = 1.0 / 3;
    static final double OTHER = 0.5;

    private final TableStatistics statistics;

    Cardinality(TableStatistics statistics) {
        this.statistics = statistics;
    }

    TableStatistics statistics() {
        return statistics;
    }

    /** The estimated row count of {@code plan} (at least 1). */
    double rows(LogicalPlan plan) {
        return Math.max(1, estimate(plan));
    }

    private double estimate(LogicalPlan plan) {
        if (plan instanceof LogicalPlan.Scan scan) {
            return statistics.rowCount(scan.table());
        }
        if (plan instanceof LogicalPlan.Values values) {
            return values.rows().size();
        }
        if (plan instanceof LogicalPlan.Filter filter) {
            return rows(filter.input()) * selectivity(filter.predicate(), filter.input());
        }
        if (plan instanceof LogicalPlan.Project project) {
            return rows(project.input());
        }
        if (plan instanceof LogicalPlan.Sort sort) {
            return rows(sort.input());
        }
        if (plan instanceof LogicalPlan.LockRows lock) {
            return rows(lock.input());
        }
        if (plan instanceof LogicalPlan.Limit limit) {
            double in = rows(limit.input());
            return limit.limit() instanceof Literal l && l.value() instanceof Number n
                    ? Math.min(in, n.doubleValue()) : in;
        }
        if (plan instanceof LogicalPlan.Aggregate aggregate) {
            return aggregate.groupKeys().isEmpty() ? 1 : rows(aggregate.input()) / 10;
        }
        if (plan instanceof LogicalPlan.Distinct distinct) {
            return rows(distinct.input()) / 2;
        }
        if (plan instanceof LogicalPlan.SetOp set) {
            double l = rows(set.left());
            double r = rows(set.right());
            return set.kind() == LogicalPlan.SetOpKind.UNION ? l + r
                    : set.kind() == LogicalPlan.SetOpKind.INTERSECT ? Math.min(l, r) : l;
        }
        if (plan instanceof LogicalPlan.Join join) {
            double l = rows(join.left());
            double r = rows(join.right());
            double inner = l * r * selectivity(join.condition(), join);
            switch (join.type()) {
                case LEFT:
                    return Math.max(inner, l);
                case RIGHT:
                    return Math.max(inner, r);
                case FULL:
                    return Math.max(inner, l + r);
                default:
                    return inner;
            }
        }
        for (java.lang.reflect.RecordComponent c : plan.getClass().getRecordComponents()) {
            try {
                if (c.getAccessor().invoke(plan) instanceof LogicalPlan input) {
                    return rows(input); // a node this estimator does not know: as many rows as its input
                }
            } catch (ReflectiveOperationException e) {
                break;
            }
        }
        return TableStatistics.DEFAULT_ROWS;
    }

    /** The fraction of {@code input}'s rows for which {@code predicate} (over its columns; null = TRUE) holds. */
    double selectivity(Expr predicate, LogicalPlan input) {
        if (predicate == null) {
            return 1;
        }
        if (predicate instanceof LogicalExpr logical) {
            double l = selectivity(logical.left(), input);
            double r = selectivity(logical.right(), input);
            return logical.isAnd() ? l * r : Math.min(1, l + r - l * r);
        }
        if (predicate instanceof NotExpr not) {
            return Math.max(0.05, 1 - selectivity(not.operand(), input));
        }
        if (predicate instanceof ComparisonExpr cmp) {
            if (cmp.op() == CompareOp.EQ) {
                double ndv = Math.max(ndv(cmp.left(), input), ndv(cmp.right(), input));
                return 1 / Math.max(1, ndv);
            }
            return cmp.op() == CompareOp.NE ? 0.9 : RANGE;
        }
        if (predicate instanceof InListExpr in) {
            double eq = 1 / Math.max(1, ndv(in.operand(), input));
            double s = Math.min(OTHER, eq * in.elements().size());
            return in.negated() ? 1 - s : s;
        }
        if (predicate instanceof IsNullExpr isNull) {
            return isNull.negated() ? 0.9 : 0.1;
        }
        if (predicate instanceof LikeExpr) {
            return 0.25;
        }
        if (predicate instanceof Literal literal) {
            return Boolean.TRUE.equals(literal.value()) ? 1 : 0;
        }
        return OTHER;
    }

    /** The estimated number of distinct values of {@code e} over {@code input}'s rows (1 for a non-column). */
    double ndv(Expr e, LogicalPlan input) {
        if (!(e instanceof ColumnRef ref)) {
            return 1;
        }
        Origin origin = origin(input, ref.index());
        if (origin == null) {
            return Math.max(1, rows(input) / 10);
        }
        double tableRows = Math.max(1, statistics.rowCount(origin.table()));
        return isUniqueKey(origin.table(), origin.column()) ? tableRows : Math.max(1, tableRows / 10);
    }

    /** Whether {@code column} of {@code table} alone is a unique key (a one-column unique index). */
    static boolean isUniqueKey(TableDef table, int column) {
        for (IndexDef index : table.indexes()) {
            if (index.unique() && index.columns().size() == 1 && index.columns().get(0).column() == column) {
                return true;
            }
        }
        return false;
    }

    /** The table column that column {@code column} of {@code plan} reads unchanged. */
    record Origin(TableDef table, int column) {
    }

    /** Where column {@code column} of {@code plan} comes from, or null if it is computed. */
    static Origin origin(LogicalPlan plan, int column) {
        if (plan instanceof LogicalPlan.Scan scan) {
            return column < scan.table().columns().size() ? new Origin(scan.table(), column) : null;
        }
        if (plan instanceof LogicalPlan.Filter filter) {
            return origin(filter.input(), column);
        }
        if (plan instanceof LogicalPlan.Sort sort) {
            return origin(sort.input(), column);
        }
        if (plan instanceof LogicalPlan.Limit limit) {
            return origin(limit.input(), column);
        }
        if (plan instanceof LogicalPlan.Distinct distinct) {
            return origin(distinct.input(), column);
        }
        if (plan instanceof LogicalPlan.Project project) {
            return project.expressions().get(column) instanceof ColumnRef ref
                    ? origin(project.input(), ref.index()) : null;
        }
        if (plan instanceof LogicalPlan.Join join) {
            int leftWidth = join.left().outputTypes().size();
            return column < leftWidth ? origin(join.left(), column) : origin(join.right(), column - leftWidth);
        }
        return null;
    }
}
