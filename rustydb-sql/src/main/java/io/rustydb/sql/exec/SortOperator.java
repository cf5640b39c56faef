package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import io.rustydb.core.type.Values;
import io.rustydb.sql.plan.SortKey;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts its input (stably, so ties keep input order): in memory while the query's memory budget allows, else as
 * an external merge sort over runs in temporary files ({@link ExternalSort}).
 */
public final class SortOperator implements PhysicalOperator {
    private final PhysicalOperator input;
    private final List<SortKey> keys;

    public SortOperator(PhysicalOperator input, List<SortKey> keys) {
        this.input = input;
        this.keys = List.copyOf(keys);
    }

    @Override
    public List<DataType> outputTypes() {
        return input.outputTypes();
    }

    /** Orders rows by the sort keys; NULLs go first or last per key. */
    static Comparator<Object[]> comparator(List<SortKey> keys) {
        return (a, b) -> {
            for (SortKey key : keys) {
                Object x = a[key.column()];
                Object y = b[key.column()];
                int cmp;
                if (x == null || y == null) {
                    if (x == y) {
                        continue;
                    }
                    cmp = (x == null) == key.nullsFirst() ? -1 : 1;
                    return cmp;
                }
                cmp = Values.compare(x, y);
                if (cmp != 0) {
                    return key.descending() ? -cmp : cmp;
                }
            }
            return 0;
        };
    }

    @Override
    public OperatorState open(ExecContext context) {
        OperatorState source = input.open(context);
        int width = input.outputTypes().size();
        return new OperatorState() {
            private ExternalSort sort;
            private ExternalSort.Sorted rows;
            private final RowBatch out = new RowBatch(width);

            @Override
            public RowBatch next() {
                if (rows == null) {
                    sort = new ExternalSort(comparator(keys), context,
                            () -> context.profile().spill(SortOperator.this));
                    try (source) {
                        RowBatch batch;
                        while ((batch = source.next()) != null) {
                            for (int i = 0; i < batch.rowCount(); i++) {
                                int row = batch.row(i);
                                Object[] values = new Object[width];
                                for (int c = 0; c < width; c++) {
                                    values[c] = batch.column(c)[row];
                                }
                                sort.add(values);
                            }
                        }
                    }
                    rows = sort.sorted();
                }
                int n = 0;
                Object[] row;
                while (n < out.capacity() && (row = rows.next()) != null) {
                    for (int c = 0; c < width; c++) {
                        out.column(c)[n] = row[c];
                    }
                    n++;
                }
                out.setSize(n);
                return n == 0 ? null : out;
            }

            @Override
            public void close() {
                source.close();
                if (sort != null) {
                    sort.close();
                }
                rows = () -> null;
            }
        };
    }

    @Override
    public String describe() {
        return "Sort " + keys;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(input);
    }
}
