package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code WITH RECURSIVE}: streams the anchor's rows, then runs the recursive term over and over, each run reading
 * (through {@link WorkingTableScanOperator}) the rows the previous run added, until a run adds none, as PostgreSQL
 * does. With UNION (not ALL) a row equal to one already returned is dropped and not fed back, which ends
 * recursions that only revisit rows; the rows returned so far are kept in a hash set for that.
 *
 * <p>Rows are handed up as each run produces them, so a {@code LIMIT} above stops a recursion that would not end
 * by itself (an infinite {@code UNION ALL}). No depth limit or cycle guard is imposed (PostgreSQL has none): a
 * non-terminating recursion without a LIMIT runs until {@code Statement.cancel()} or the query timeout stops it
 * (checked once per batch here, since the working table is not a table scan), or memory runs out.
 *
 * <p>The working table lives in the {@link ExecContext}, bound around every call into the recursive term (and put
 * back after), so two uses of the same WITH query in one statement, or nested recursions, never see each other's.
 */
public final class RecursiveUnionOperator implements PhysicalOperator {
    private final PhysicalOperator anchor;
    private final PhysicalOperator recursive;
    private final boolean all;
    private final LogicalPlan.WorkingTable table;

    public RecursiveUnionOperator(PhysicalOperator anchor, PhysicalOperator recursive, boolean all,
                                  LogicalPlan.WorkingTable table) {
        this.anchor = anchor;
        this.recursive = recursive;
        this.all = all;
        this.table = table;
    }

    @Override
    public List<DataType> outputTypes() {
        return anchor.outputTypes();
    }

    @Override
    public OperatorState open(ExecContext context) {
        int width = anchor.outputTypes().size();
        return new OperatorState() {
            private OperatorState current = anchor.open(context);
            private boolean inRecursion;
            private boolean done;
            /** The rows the running step reads (those the previous step added). */
            private List<Object[]> working = List.of();
            /** The rows the running step adds. */
            private List<Object[]> added = new ArrayList<>();
            private final Set<RowKey> seen = all ? null : new HashSet<>();
            private final RowBatch out = new RowBatch(width);

            /** Runs {@code step} with the working table bound if the recursive term is running. */
            private <T> T call(Supplier<T> step) {
                if (!inRecursion) {
                    return step.get();
                }
                List<Object[]> previous = context.bindWorkingTable(table, working);
                try {
                    return step.get();
                } finally {
                    context.bindWorkingTable(table, previous);
                }
            }

            @Override
            public RowBatch next() {
                while (!done) {
                    context.checkCancelled();
                    RowBatch batch = call(current::next);
                    if (batch == null) {
                        call(() -> {
                            current.close();
                            return null;
                        });
                        working = added;
                        added = new ArrayList<>();
                        if (working.isEmpty()) {
                            done = true;
                            current = null;
                            return null;
                        }
                        inRecursion = true;
                        current = call(() -> recursive.open(context));
                        continue;
                    }
                    int n = 0;
                    for (int i = 0; i < batch.rowCount(); i++) {
                        int row = batch.row(i);
                        Object[] values = new Object[width];
                        for (int c = 0; c < width; c++) {
                            values[c] = batch.column(c)[row];
                        }
                        if (seen != null && !seen.add(new RowKey(values))) {
                            continue;
                        }
                        added.add(values);
                        for (int c = 0; c < width; c++) {
                            out.column(c)[n] = values[c];
                        }
                        n++;
                    }
                    if (n > 0) {
                        out.setSize(n);
                        return out;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                if (current != null) {
                    OperatorState open = current;
                    current = null;
                    call(() -> {
                        open.close();
                        return null;
                    });
                }
                done = true;
            }
        };
    }

    @Override
    public String describe() {
        return "RecursiveUnion" + (all ? " ALL" : "") + " " + table;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(anchor, recursive);
    }
}
