package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code SELECT DISTINCT ON (...)}: passes the first row of each set of rows equal on the key columns (NULLs equal),
 * remembering the keys seen in a hash set. Below it, a sort puts the row the query wants first (its ORDER BY
 * starts with the DISTINCT ON expressions), so "first seen" is "first in order".
 */
public final class DistinctOnOperator implements PhysicalOperator {
    private final PhysicalOperator input;
    private final List<Integer> keyColumns;

    public DistinctOnOperator(PhysicalOperator input, List<Integer> keyColumns) {
        this.input = input;
        this.keyColumns = List.copyOf(keyColumns);
    }

    @Override
    public List<DataType> outputTypes() {
        return input.outputTypes();
    }

    @Override
    public OperatorState open(ExecContext context) {
        return firstOfEachKey(input.open(context), keyColumns);
    }

    /** The rows of {@code source} whose values in {@code keyColumns} were not seen before (NULLs equal). */
    static OperatorState firstOfEachKey(OperatorState source, List<Integer> keyColumns) {
        return new OperatorState() {
            private final Set<RowKey> seen = new HashSet<>();
            private final int[] selection = new int[RowBatch.CAPACITY];

            @Override
            public RowBatch next() {
                RowBatch batch;
                while ((batch = source.next()) != null) {
                    int[] sel = batch.size() <= selection.length ? selection : new int[batch.size()];
                    int kept = 0;
                    for (int i = 0; i < batch.rowCount(); i++) {
                        int row = batch.row(i);
                        Object[] key = new Object[keyColumns.size()];
                        for (int k = 0; k < key.length; k++) {
                            key[k] = batch.column(keyColumns.get(k))[row];
                        }
                        if (seen.add(new RowKey(key))) {
                            sel[kept++] = row;
                        }
                    }
                    if (kept > 0) {
                        batch.select(sel, kept);
                        return batch;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    @Override
    public String describe() {
        return "DistinctOn columns=" + keyColumns;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(input);
    }
}
