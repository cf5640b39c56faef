package io.rustydb.sql.plan;

import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.ColumnRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the columns of a query's result come from: the table column a result column reads unchanged (through
 * filters, sorts, joins, projections of a plain column, group keys...), or none for a computed value. The JDBC
 * driver answers {@code ResultSetMetaData.getTableName}, {@code isNullable} and {@code isAutoIncrement} with it,
 * as tools that edit result sets expect.
 */
public final class ColumnOrigins {
    /**
     * One result column's origin.
     *
     * @param table    the table it is read from
     * @param column   its position in the table
     * @param nullable whether the result column can be NULL: the table column is nullable, or the table is on the
     *                 outer side of an outer join, or the column is a key some grouping sets leave out
     */
    public record Origin(TableDef table, int column, boolean nullable) {
        Origin nullable(boolean orMore) {
            return orMore && !nullable ? new Origin(table, column, true) : this;
        }
    }

    private ColumnOrigins() {
    }

    /** The origin of each output column of {@code plan} (null elements for computed columns). */
    public static List<Origin> of(LogicalPlan plan) {
        int width = plan.outputTypes().size();
        List<Origin> origins = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            origins.add(origin(plan, i));
        }
        return origins;
    }

    private static Origin origin(LogicalPlan plan, int column) {
        if (plan instanceof LogicalPlan.Scan scan) {
            TableDef table = scan.table();
            return column < table.columns().size()
                    ? new Origin(table, column, table.columns().get(column).nullable()) : null;
        }
        if (plan instanceof LogicalPlan.Filter f) {
            return origin(f.input(), column);
        }
        if (plan instanceof LogicalPlan.Sort s) {
            return origin(s.input(), column);
        }
        if (plan instanceof LogicalPlan.Limit l) {
            return origin(l.input(), column);
        }
        if (plan instanceof LogicalPlan.Distinct d) {
            return origin(d.input(), column);
        }
        if (plan instanceof LogicalPlan.DistinctOn d) {
            return origin(d.input(), column);
        }
        if (plan instanceof LogicalPlan.LockRows l) {
            return origin(l.input(), column);
        }
        if (plan instanceof LogicalPlan.Project p) {
            return p.expressions().get(column) instanceof ColumnRef ref ? origin(p.input(), ref.index()) : null;
        }
        if (plan instanceof LogicalPlan.Window w) {
            int inputWidth = w.input().outputTypes().size();
            return column < inputWidth ? origin(w.input(), column) : null;
        }
        if (plan instanceof LogicalPlan.Join j) {
            int leftWidth = j.left().outputTypes().size();
            JoinTypeNullability n = JoinTypeNullability.of(j.type());
            if (column < leftWidth) {
                Origin o = origin(j.left(), column);
                return o == null ? null : o.nullable(n.leftNullable);
            }
            Origin o = origin(j.right(), column - leftWidth);
            return o == null ? null : o.nullable(n.rightNullable);
        }
        if (plan instanceof LogicalPlan.Aggregate a) {
            if (column >= a.groupKeys().size() || !(a.groupKeys().get(column) instanceof ColumnRef ref)) {
                return null;
            }
            Origin o = origin(a.input(), ref.index());
            boolean inEverySet = a.groupingSets().stream().allMatch(set -> set.contains(column));
            return o == null ? null : o.nullable(!inEverySet);
        }
        return null; // VALUES, set operations, recursion, EXPLAIN: computed
    }

    /** Which side of a join may be NULL-extended. */
    private record JoinTypeNullability(boolean leftNullable, boolean rightNullable) {
        static JoinTypeNullability of(LogicalPlan.JoinType type) {
            return new JoinTypeNullability(type == LogicalPlan.JoinType.RIGHT || type == LogicalPlan.JoinType.FULL,
                    type == LogicalPlan.JoinType.LEFT || type == LogicalPlan.JoinType.FULL);
        }
    }
}
