package io.rustydb.sql.exec;

import io.rustydb.sql.plan.LogicalPlan;

/**
 * Chooses an operator for each logical node. For now the mapping is one to one (table scans, hash aggregation,
 * in-memory sort); access-path and join-order choices come with indexes and the cost model.
 */
public final class PhysicalPlanner {
    private PhysicalPlanner() {
    }

    public static PhysicalOperator plan(LogicalPlan plan) {
        if (plan instanceof LogicalPlan.Scan scan) {
            return new TableScanOperator(scan.table(), scan.withRowId());
        }
        if (plan instanceof LogicalPlan.Values values) {
            return new ValuesOperator(values.rows(), values.outputTypes());
        }
        if (plan instanceof LogicalPlan.Join join) {
            return new JoinOperator(plan(join.left()), plan(join.right()), join.type(), join.condition());
        }
        if (plan instanceof LogicalPlan.SetOp set) {
            return new SetOperator(set.kind(), set.all(), plan(set.left()), plan(set.right()));
        }
        if (plan instanceof LogicalPlan.Filter filter) {
            return new FilterOperator(plan(filter.input()), filter.predicate());
        }
        if (plan instanceof LogicalPlan.Project project) {
            return new ProjectOperator(plan(project.input()), project.expressions());
        }
        if (plan instanceof LogicalPlan.Aggregate aggregate) {
            return new HashAggregateOperator(plan(aggregate.input()), aggregate.groupKeys(), aggregate.aggregates());
        }
        if (plan instanceof LogicalPlan.Distinct distinct) {
            return new DistinctOperator(plan(distinct.input()));
        }
        if (plan instanceof LogicalPlan.Sort sort) {
            return new SortOperator(plan(sort.input()), sort.keys());
        }
        if (plan instanceof LogicalPlan.LockRows lock) {
            return new LockRowsOperator(plan(lock.input()), lock.table(), lock.rowIdColumn(), lock.exclusive(),
                    lock.policy(), lock.limit(), lock.offset());
        }
        LogicalPlan.Limit limit = (LogicalPlan.Limit) plan;
        return new LimitOperator(plan(limit.input()), limit.limit(), limit.offset());
    }
}
