package io.rustydb.sql.engine;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.OperatorState;
import io.rustydb.sql.exec.PhysicalOperator;
import io.rustydb.sql.exec.RowBatch;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.storage.heap.TableHeap;
import io.rustydb.storage.tuple.RowCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an INSERT: reads all the source rows, places them in table order and checks NOT NULL (23502), then encodes
 * and stores them. The statement is atomic: if any row fails, the rows it already stored are removed again (and
 * the transaction's statement rollback undoes the rest).
 */
final class InsertExecutor {
    private InsertExecutor() {
    }

    static long execute(BoundStatement.Insert insert, PhysicalOperator source, ExecContext context) {
        TableDef table = insert.table();
        int[] targets = insert.targetColumns();
        DataType[] types = table.columnTypes();
        // Read every source row before storing any: INSERT INTO t SELECT ... FROM t must not see (or wait on the
        // page latch of) its own new rows.
        List<Object[]> rows = new ArrayList<>();
        try (OperatorState state = source.open(context)) {
            RowBatch batch;
            while ((batch = state.next()) != null) {
                for (int i = 0; i < batch.rowCount(); i++) {
                    int row = batch.row(i);
                    Object[] values = new Object[types.length];
                    for (int c = 0; c < targets.length; c++) {
                        values[targets[c]] = batch.column(c)[row];
                    }
                    ModifyExecutor.checkNotNull(table, values);
                    rows.add(values);
                }
            }
        }
        TableHeap heap = context.catalog().heap(table);
        List<Long> inserted = new ArrayList<>();
        try {
            for (Object[] values : rows) {
                inserted.add(heap.insert(LargeValues.encode(context, heap, types, values)));
            }
        } catch (RuntimeException e) {
            undo(heap, inserted, e);
            throw e;
        }
        return inserted.size();
    }

    private static void undo(TableHeap heap, List<Long> inserted, RuntimeException cause) {
        for (int i = inserted.size() - 1; i >= 0; i--) {
            try {
                heap.delete(inserted.get(i));
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
