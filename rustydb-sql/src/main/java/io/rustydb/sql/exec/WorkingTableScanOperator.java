package io.rustydb.sql.exec;

import io.rustydb.core.DbException;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.List;

/**
 * Reads a recursive WITH query's working table: the rows its {@link RecursiveUnionOperator} added in the previous
 * step, which that operator binds in the {@link ExecContext} around every call into its recursive term.
 */
public final class WorkingTableScanOperator implements PhysicalOperator {
    private final LogicalPlan.WorkingTable table;
    private final List<DataType> types;

    public WorkingTableScanOperator(LogicalPlan.WorkingTable table, List<DataType> types) {
        this.table = table;
        this.types = List.copyOf(types);
    }

    @Override
    public List<DataType> outputTypes() {
        return types;
    }

    @Override
    public OperatorState open(ExecContext context) {
        return new OperatorState() {
            private List<Object[]> rows;
            private int position;
            private final RowBatch out = new RowBatch(types.size());

            @Override
            public RowBatch next() {
                if (rows == null) {
                    rows = context.workingTable(table);
                    if (rows == null) {
                        throw DbException.internal("working table of " + table + " read outside its recursion");
                    }
                }
                int n = 0;
                while (n < out.capacity() && position < rows.size()) {
                    Object[] row = rows.get(position++);
                    for (int c = 0; c < row.length; c++) {
                        out.column(c)[n] = row[c];
                    }
                    n++;
                }
                out.setSize(n);
                return n == 0 ? null : out;
            }

            @Override
            public void close() {
                rows = List.of();
            }
        };
    }

    @Override
    public String describe() {
        return "WorkingTableScan " + table;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of();
    }
}
