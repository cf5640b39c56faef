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
 * Runs an INSERT: pulls the source rows, places them in table order, checks NOT NULL (23502), encodes and stores
 * them. The statement is atomic: if any row fails, the rows it already stored are removed again.
 */
final class InsertExecutor {
    private InsertExecutor() {
    }

    static long execute(BoundStatement.Insert insert, PhysicalOperator source, ExecContext context) {
        TableDef table = insert.table();
        int[] targets = insert.targetColumns();
        DataType[] types = table.columnTypes();
        TableHeap heap = context.catalog().heap(table);
        List<Long> inserted = new ArrayList<>();
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
                    inserted.add(heap.insert(LargeValues.encode(context, heap, types, values)));
                }
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
