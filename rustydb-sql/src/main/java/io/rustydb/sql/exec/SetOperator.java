package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.plan.LogicalPlan.SetOpKind;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UNION, INTERSECT and EXCEPT, with or without ALL. UNION ALL streams both inputs; the others count the right
 * input's rows in a hash table, then stream the left one (UNION streams the left then the right, each row once).
 * Rows compare under grouping rules: NULLs are equal to each other. Holds the right input in memory.
 */
public final class SetOperator implements PhysicalOperator {
    private final SetOpKind kind;
    private final boolean all;
    private final PhysicalOperator left;
    private final PhysicalOperator right;

    public SetOperator(SetOpKind kind, boolean all, PhysicalOperator left, PhysicalOperator right) {
        this.kind = kind;
        this.all = all;
        this.left = left;
        this.right = right;
    }

    @Override
    public List<DataType> outputTypes() {
        return left.outputTypes();
    }

    private static Object[] row(RowBatch b, int row, int width) {
        Object[] values = new Object[width];
        for (int c = 0; c < width; c++) {
            values[c] = b.column(c)[row];
        }
        return values;
    }

    @Override
    public OperatorState open(ExecContext context) {
        int width = left.outputTypes().size();
        return new OperatorState() {
            private OperatorState current = left.open(context);
            private boolean onRight;
            private Map<RowKey, long[]> counts;
            private final Set<RowKey> emitted = new HashSet<>();
            private final ArrayDeque<Object[]> pending = new ArrayDeque<>();
            private final RowBatch out = new RowBatch(width);
            private boolean done;

            private void countRight() {
                counts = new HashMap<>();
                try (OperatorState r = right.open(context)) {
                    RowBatch b;
                    while ((b = r.next()) != null) {
                        for (int i = 0; i < b.rowCount(); i++) {
                            counts.computeIfAbsent(new RowKey(row(b, b.row(i), width)), k -> new long[1])[0]++;
                        }
                    }
                }
            }

            /** Whether a row of the current input goes to the output (and updates the bookkeeping). */
            private boolean keep(Object[] values) {
                RowKey key = new RowKey(values);
                switch (kind) {
                    case UNION:
                        return all || emitted.add(key);
                    case INTERSECT: {
                        long[] n = counts.get(key);
                        if (n == null || n[0] == 0) {
                            return false;
                        }
                        if (all) {
                            n[0]--;
                            return true;
                        }
                        return emitted.add(key);
                    }
                    default: {
                        long[] n = counts.get(key);
                        if (n != null && n[0] > 0) {
                            if (all) {
                                n[0]--;
                            }
                            return false;
                        }
                        return all || emitted.add(key);
                    }
                }
            }

            @Override
            public RowBatch next() {
                if (counts == null && kind != SetOpKind.UNION) {
                    countRight();
                }
                while (pending.size() < out.capacity() && !done) {
                    RowBatch b = current.next();
                    if (b == null) {
                        current.close();
                        if (kind == SetOpKind.UNION && !onRight) {
                            onRight = true;
                            current = right.open(context);
                            continue;
                        }
                        done = true;
                        break;
                    }
                    for (int i = 0; i < b.rowCount(); i++) {
                        Object[] values = row(b, b.row(i), width);
                        if (keep(values)) {
                            pending.add(values);
                        }
                    }
                }
                int n = 0;
                while (n < out.capacity() && !pending.isEmpty()) {
                    Object[] values = pending.poll();
                    for (int c = 0; c < width; c++) {
                        out.column(c)[n] = values[c];
                    }
                    n++;
                }
                out.setSize(n);
                return n == 0 ? null : out;
            }

            @Override
            public void close() {
                current.close();
            }
        };
    }

    @Override
    public String describe() {
        return kind + (all ? " ALL" : "");
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(left, right);
    }
}
