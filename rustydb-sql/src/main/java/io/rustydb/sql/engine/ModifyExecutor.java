package io.rustydb.sql.engine;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.OperatorState;
import io.rustydb.sql.exec.PhysicalOperator;
import io.rustydb.sql.exec.RowBatch;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.storage.heap.TableHeap;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs UPDATE and DELETE in two phases: first it reads every target row and computes (and checks: types, NOT
 * NULL) every new row, then it changes the heap. Reading everything first keeps a statement from seeing its own
 * changes (the "Halloween problem"), and an error in a value is found before anything was changed.
 */
final class ModifyExecutor {
    private ModifyExecutor() {
    }

    static long update(BoundStatement.Update update, PhysicalOperator source, ExecContext context) {
        TableDef table = update.table();
        DataType[] types = table.columnTypes();
        List<Long> rowIds = new ArrayList<>();
        List<byte[]> tuples = new ArrayList<>();
        List<Object[]> newValues = new ArrayList<>();
        try (OperatorState state = source.open(context)) {
            RowBatch batch;
            while ((batch = state.next()) != null) {
                for (int i = 0; i < batch.rowCount(); i++) {
                    int row = batch.row(i);
                    Object[] values = new Object[types.length];
                    for (int c = 0; c < types.length; c++) {
                        values[c] = batch.column(c + 1)[row];
                    }
                    checkNotNull(table, values);
                    rowIds.add((Long) batch.column(0)[row]);
                    tuples.add(null);
                    newValues.add(values);
                }
            }
        }
        TableHeap heap = context.catalog().heap(table);
        for (int i = 0; i < rowIds.size(); i++) {
            LargeValues.releaseAtCommit(context, heap, types, rowIds.get(i));
            tuples.set(i, LargeValues.encode(context, heap, types, newValues.get(i)));
        }
        for (int i = 0; i < rowIds.size(); i++) {
            if (heap.update(rowIds.get(i), tuples.get(i)) < 0) {
                throw DbException.internal("row " + rowIds.get(i) + " of " + table.name() + " vanished during UPDATE");
            }
        }
        return rowIds.size();
    }

    static long delete(BoundStatement.Delete delete, PhysicalOperator source, ExecContext context) {
        List<Long> rowIds = new ArrayList<>();
        try (OperatorState state = source.open(context)) {
            RowBatch batch;
            while ((batch = state.next()) != null) {
                for (int i = 0; i < batch.rowCount(); i++) {
                    rowIds.add((Long) batch.column(0)[batch.row(i)]);
                }
            }
        }
        TableHeap heap = context.catalog().heap(delete.table());
        DataType[] types = delete.table().columnTypes();
        long deleted = 0;
        for (long rowId : rowIds) {
            LargeValues.releaseAtCommit(context, heap, types, rowId);
            if (heap.delete(rowId)) {
                deleted++;
            }
        }
        return deleted;
    }

    static void checkNotNull(TableDef table, Object[] values) {
        for (int c = 0; c < values.length; c++) {
            ColumnDef column = table.columns().get(c);
            if (values[c] == null && !column.nullable()) {
                throw new DbException(ErrorCode.NOT_NULL_VIOLATION, column.name(), table.name());
            }
        }
    }
}
