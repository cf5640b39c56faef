package io.rustydb.sql.exec;

import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses an operator for each logical node. Mostly one to one (hash aggregation, in-memory sort); a filter above
 * a join first moves what it can onto the join's inputs ({@link FilterPushdown}); a table read under a filter or
 * below an ORDER BY goes through an index where {@link AccessPaths} finds one that helps (the filter stays above it
 * and re-checks every row). Inner joins are ordered by cost ({@link JoinPlanner}, with row counts from
 * {@link TableStatistics}); a join may probe an index of its inner table per outer row ({@link IndexJoins}); a
 * correlated subquery in WHERE may become a join ({@link Decorrelator}).
 */
public final class PhysicalPlanner {
    private PhysicalPlanner() {
    }

    /** What the planning in progress on this thread knows: statistics, and whether to instrument operators. */
    private record Planning(Cardinality cardinality, boolean analyze) {
    }

    private static final ThreadLocal<Planning> CURRENT = new ThreadLocal<>();

    /**
     * The physical plan of {@code plan}, costed with {@code statistics}; with {@code analyze}, every operator counts
     * its rows, batches and time for EXPLAIN ANALYZE ({@link AnalyzedOperator}).
     */
    public static PhysicalOperator plan(LogicalPlan plan, TableStatistics statistics, boolean analyze) {
        Planning outer = CURRENT.get();
        CURRENT.set(new Planning(new Cardinality(statistics), analyze));
        try {
            return plan(plan);
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The physical plan of {@code plan} with the statistics of the planning in progress (none: defaults). */
    public static PhysicalOperator plan(LogicalPlan plan) {
        return instrument(planNode(plan));
    }

    /** {@code op} wrapped to count its rows and time if the planning in progress is for EXPLAIN ANALYZE. */
    static PhysicalOperator instrument(PhysicalOperator op) {
        Planning planning = CURRENT.get();
        return planning != null && planning.analyze() && !(op instanceof AnalyzedOperator)
                ? new AnalyzedOperator(op) : op;
    }

    /** The row estimates of the planning in progress. */
    static Cardinality cardinality() {
        Planning planning = CURRENT.get();
        return planning != null ? planning.cardinality() : new Cardinality(TableStatistics.NONE);
    }

    private static PhysicalOperator planNode(LogicalPlan plan) {
        if (plan instanceof LogicalPlan.Explain explain) {
            return new ExplainOperator(plan(explain.input(), cardinality().statistics(), explain.analyze()),
                    explain.head(), explain.analyze());
        }
        if (plan instanceof LogicalPlan.Filter filter) {
            PhysicalOperator decorrelated = Decorrelator.plan(filter);
            if (decorrelated != null) {
                return decorrelated;
            }
        }
        if (PlannerSettings.reorderJoins() && JoinPlanner.applies(plan)) {
            PhysicalOperator ordered = JoinPlanner.plan(plan, cardinality());
            if (ordered != null) {
                return ordered;
            }
        }
        if (plan instanceof LogicalPlan.Scan scan) {
            return new TableScanOperator(scan.table(), scan.withRowId());
        }
        if (plan instanceof LogicalPlan.Values values) {
            return new ValuesOperator(values.rows(), values.outputTypes());
        }
        if (plan instanceof LogicalPlan.LateralJoin lateral) {
            return new LateralJoinOperator(plan(lateral.left()), plan(lateral.right()), lateral.type(),
                    lateral.condition());
        }
        if (plan instanceof LogicalPlan.FunctionScan scan) {
            return new FunctionScanOperator(scan.function(), scan.arguments(), scan.ordinality());
        }
        if (plan instanceof LogicalPlan.Join join) {
            PhysicalOperator indexed = IndexJoins.forJoin(join, cardinality());
            if (indexed != null) {
                return indexed;
            }
            return new JoinOperator(plan(join.left()), plan(join.right()), join.type(), join.condition());
        }
        if (plan instanceof LogicalPlan.SetOp set) {
            return new SetOperator(set.kind(), set.all(), plan(set.left()), plan(set.right()));
        }
        if (plan instanceof LogicalPlan.Filter filter) {
            if (filter.input() instanceof LogicalPlan.Join join) {
                LogicalPlan pushed = FilterPushdown.pushIntoJoin(filter, join);
                if (pushed != null) {
                    return plan(pushed);
                }
            }
            if (filter.input() instanceof LogicalPlan.Scan scan && !scan.table().indexes().isEmpty()) {
                PhysicalOperator index = AccessPaths.forFilter(scan.table(), filter.predicate(), scan.withRowId());
                if (index != null) {
                    return new FilterOperator(index, filter.predicate());
                }
            }
            return new FilterOperator(plan(filter.input()), filter.predicate());
        }
        if (plan instanceof LogicalPlan.Project project) {
            return new ProjectOperator(coveringScan(plan(project.input()), project.expressions()),
                    project.expressions());
        }
        if (plan instanceof LogicalPlan.Aggregate aggregate) {
            List<Expr> read = new ArrayList<>(aggregate.groupKeys());
            for (io.rustydb.sql.plan.AggregateCall call : aggregate.aggregates()) {
                if (call.argument() != null) {
                    read.add(call.argument());
                }
                read.addAll(call.extraArguments());
                call.order().forEach(o -> read.add(o.expression()));
                if (call.filter() != null) {
                    read.add(call.filter());
                }
            }
            return new HashAggregateOperator(coveringScan(plan(aggregate.input()), read), aggregate.groupKeys(),
                    aggregate.aggregates(), aggregate.groupingSets());
        }
        if (plan instanceof LogicalPlan.DistinctOn distinctOn) {
            return new DistinctOnOperator(plan(distinctOn.input()), distinctOn.keyColumns());
        }
        if (plan instanceof LogicalPlan.RecursiveUnion union) {
            return new RecursiveUnionOperator(plan(union.anchor()), plan(union.recursive()), union.all(),
                    union.table());
        }
        if (plan instanceof LogicalPlan.WorkingTableScan scan) {
            return new WorkingTableScanOperator(scan.table(), scan.outputTypes());
        }
        if (plan instanceof LogicalPlan.Window window) {
            return new WindowOperator(plan(window.input()), window.calls());
        }
        if (plan instanceof LogicalPlan.Distinct distinct) {
            return new DistinctOperator(plan(distinct.input()));
        }
        if (plan instanceof LogicalPlan.Sort sort) {
            PhysicalOperator ordered = orderedByIndex(sort);
            if (ordered != null) {
                return ordered;
            }
            return new SortOperator(plan(sort.input()), sort.keys());
        }
        if (plan instanceof LogicalPlan.LockRows lock) {
            return new LockRowsOperator(plan(lock.input()), lock.table(), lock.rowIdColumn(), lock.exclusive(),
                    lock.policy(), lock.limit(), lock.offset());
        }
        LogicalPlan.Limit limit = (LogicalPlan.Limit) plan;
        return new LimitOperator(plan(limit.input()), limit.limit(), limit.offset());
    }

    /**
     * {@code Sort(Project(Scan | Filter(Scan)))} whose keys are plain table columns in an index's order: the
     * projection over an ordered index scan (and the filter), no sort. Null if no index has that order.
     */
    private static PhysicalOperator orderedByIndex(LogicalPlan.Sort sort) {
        if (!(sort.input() instanceof LogicalPlan.Project project)) {
            return null;
        }
        LogicalPlan below = project.input();
        io.rustydb.sql.expr.Expr predicate = null;
        if (below instanceof LogicalPlan.Filter filter) {
            predicate = filter.predicate();
            below = filter.input();
        }
        if (!(below instanceof LogicalPlan.Scan scan) || scan.table().indexes().isEmpty()) {
            return null;
        }
        java.util.List<io.rustydb.sql.plan.SortKey> tableKeys = new java.util.ArrayList<>();
        for (io.rustydb.sql.plan.SortKey key : sort.keys()) {
            if (!(project.expressions().get(key.column()) instanceof io.rustydb.sql.expr.ColumnRef ref)
                    || ref.index() >= scan.table().columns().size()) {
                return null;
            }
            tableKeys.add(new io.rustydb.sql.plan.SortKey(ref.index(), key.descending(), key.nullsFirst()));
        }
        PhysicalOperator input = AccessPaths.forOrder(scan.table(), predicate, tableKeys, scan.withRowId());
        if (input == null) {
            return null;
        }
        if (predicate != null) {
            input = new FilterOperator(input, predicate);
        }
        return new ProjectOperator(coveringScan(input, project.expressions()), project.expressions());
    }

    /**
     * {@code input} with its index scan made index-only when the index holds every column the expressions above
     * (a projection's or an aggregation's) and the filter between them read; {@code input} itself otherwise.
     */
    private static PhysicalOperator coveringScan(PhysicalOperator input, List<Expr> projected) {
        if (input instanceof AnalyzedOperator analyzed) {
            return instrument(coveringScan(analyzed.inner(), projected));
        }
        List<Expr> read = new ArrayList<>(projected);
        PhysicalOperator scan = input;
        FilterOperator filter = null;
        if (input instanceof FilterOperator f) {
            filter = f;
            read.add(f.predicate());
            scan = f.input();
        }
        if (!(scan instanceof IndexScanOperator indexScan)) {
            return input;
        }
        IndexScanOperator covering = indexScan.indexOnly(ColumnUsage.of(read));
        if (covering == null) {
            return input;
        }
        return filter == null ? covering : new FilterOperator(covering, filter.predicate());
    }
}
