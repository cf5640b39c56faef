package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.LogicalPlan.JoinType;
import java.util.ArrayList;
import java.util.List;

/**
 * A LATERAL join ({@code FROM t, unnest(t.tags)}): for each left row, makes it the enclosing row at depth 1 and
 * runs the right plan, pairing the left row with each right row that satisfies the condition; a LEFT join emits a
 * left row without any such right row once, with NULLs. Output = left columns, then right columns.
 */
public final class LateralJoinOperator implements PhysicalOperator {
    private final PhysicalOperator left;
    private final PhysicalOperator right;
    private final JoinType type;
    private final Expr condition;
    private final List<DataType> types;

    public LateralJoinOperator(PhysicalOperator left, PhysicalOperator right, JoinType type, Expr condition) {
        this.left = left;
        this.right = right;
        this.type = type;
        this.condition = condition;
        List<DataType> t = new ArrayList<>(left.outputTypes());
        t.addAll(right.outputTypes());
        this.types = List.copyOf(t);
    }

    @Override
    public List<DataType> outputTypes() {
        return types;
    }

    @Override
    public OperatorState open(ExecContext context) {
        int leftWidth = left.outputTypes().size();
        int width = types.size();
        OperatorState leftState = left.open(context);
        return new OperatorState() {
            private RowBatch leftBatch;
            private int leftIndex;
            private boolean leftDone;

            /** Combined rows of the current left row not yet returned. */
            private List<Object[]> pending = List.of();
            private int pendingIndex;

            @Override
            public RowBatch next() {
                RowBatch out = new RowBatch(width, RowBatch.CAPACITY);
                int n = 0;
                while (n < RowBatch.CAPACITY) {
                    if (pendingIndex < pending.size()) {
                        Object[] row = pending.get(pendingIndex++);
                        for (int c = 0; c < width; c++) {
                            out.column(c)[n] = row[c];
                        }
                        n++;
                        continue;
                    }
                    if (leftDone) {
                        break;
                    }
                    if (leftBatch == null || leftIndex >= leftBatch.rowCount()) {
                        leftBatch = leftState.next();
                        leftIndex = 0;
                        leftDone = leftBatch == null;
                        continue;
                    }
                    int leftRow = leftBatch.row(leftIndex++);
                    pending = rightRows(leftBatch, leftRow);
                    pendingIndex = 0;
                    if (pending.isEmpty() && type == JoinType.LEFT) {
                        Object[] padded = new Object[width];
                        copyLeft(leftBatch, leftRow, padded);
                        pending = java.util.Collections.singletonList(padded);
                    }
                }
                if (n == 0) {
                    return null;
                }
                out.setSize(n);
                return out;
            }

            /** The combined rows of one left row (condition applied). */
            private List<Object[]> rightRows(RowBatch batch, int row) {
                List<Object[]> rows = new ArrayList<>();
                context.pushOuterRow(batch, row);
                try (OperatorState rightState = right.open(context)) {
                    RowBatch r;
                    while ((r = rightState.next()) != null) {
                        for (int i = 0; i < r.rowCount(); i++) {
                            Object[] combined = new Object[width];
                            copyLeft(batch, row, combined);
                            for (int c = leftWidth; c < width; c++) {
                                combined[c] = r.column(c - leftWidth)[r.row(i)];
                            }
                            if (condition == null || Boolean.TRUE.equals(test(combined))) {
                                rows.add(combined);
                            }
                        }
                    }
                } finally {
                    context.popOuterRow();
                }
                return rows;
            }

            private Object test(Object[] combined) {
                RowBatch one = new RowBatch(width, 1);
                for (int c = 0; c < width; c++) {
                    one.column(c)[0] = combined[c];
                }
                one.setSize(1);
                return condition.eval(one, 0, context);
            }

            private void copyLeft(RowBatch batch, int row, Object[] target) {
                for (int c = 0; c < leftWidth; c++) {
                    target[c] = batch.column(c)[row];
                }
            }

            @Override
            public void close() {
                leftState.close();
            }
        };
    }

    @Override
    public String describe() {
        return "Lateral Join (" + type + ")" + (condition == null ? "" : " on " + condition);
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(left, right);
    }
}
