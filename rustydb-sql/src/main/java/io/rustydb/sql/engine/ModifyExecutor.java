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
import io.rustydb.sql.plan.CheckConstraint;
import io.rustydb.txn.mvcc.VersionedHeap;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs UPDATE and DELETE (also with FROM / USING and RETURNING) in two phases: first it reads every target row version its snapshot sees and computes
 * (and checks: types, NOT NULL) every new row, then it changes the heap: each old version is locked and marked
 * deleted (waiting for a concurrent writer of it; see {@link VersionedHeap#lockForWrite}) and, for UPDATE, a new
 * version is inserted, with its index entries (each version has its own); then the foreign keys that reference the
 * table act on the children (see {@link ForeignKeys}), and the new rows' own foreign keys are checked. Reading
 * everything first keeps a statement from seeing its own changes (the "Halloween
 * problem"), and an error in a value is found before anything was changed. Large values of the old versions stay
 * until vacuum removes the versions (older snapshots may still read them).
 */
final class ModifyExecutor {
    private ModifyExecutor() {
    }

    /**
     * Runs an UPDATE; returns the number of rows changed. A row the source names more than once (UPDATE ... FROM
     * with several matches) is changed once, by its first occurrence. If {@code returned} is not null, it receives
     * for each changed row the new values followed by the source's extra columns (what RETURNING reads).
     */
    static long update(BoundStatement.Update update, PhysicalOperator source, ExecContext context,
                       List<Object[]> returned) {
        TableDef table = update.table();
        DataType[] types = table.columnTypes();
        List<Long> rowIds = new ArrayList<>();
        List<byte[]> tuples = new ArrayList<>();
        List<Object[]> newValues = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        try (OperatorState state = source.open(context)) {
            RowBatch batch;
            while ((batch = state.next()) != null) {
                for (int i = 0; i < batch.rowCount(); i++) {
                    int row = batch.row(i);
                    Long rowId = (Long) batch.column(0)[row];
                    if (!seen.add(rowId)) {
                        continue;
                    }
                    Object[] values = new Object[types.length];
                    for (int c = 0; c < types.length; c++) {
                        values[c] = batch.column(c + 1)[row];
                    }
                    checkNotNull(table, values);
                    checkConstraints(table, update.checks(), values, context);
                    rowIds.add(rowId);
                    tuples.add(null);
                    newValues.add(values);
                    if (returned != null) {
                        returned.add(rowAfterId(batch, row));
                    }
                }
            }
        }
        VersionedHeap heap = context.catalog().heap(table);
        for (int i = 0; i < rowIds.size(); i++) {
            tuples.set(i, LargeValues.encode(context, heap, types, newValues.get(i)));
        }
        boolean keys = hasForeignKeys(context, table);
        List<Object[]> oldValues = keys ? oldRows(context, table, heap, rowIds) : null;
        for (int i = 0; i < rowIds.size(); i++) {
            long newRowId = heap.update(context.transaction(), rowIds.get(i), tuples.get(i), context.lockWait());
            if (!table.indexes().isEmpty()) {
                context.catalog().indexWriter().addVersion(context.catalog(), context.transaction(),
                        context.lockWait(), table, newValues.get(i), newRowId);
            }
        }
        if (keys) {
            ForeignKeys.afterUpdate(context, table, oldValues, newValues, 0);
        }
        return rowIds.size();
    }

    /** Whether {@code table} holds foreign keys or is referenced by one. */
    private static boolean hasForeignKeys(ExecContext context, TableDef table) {
        return !table.foreignKeys().isEmpty() || !context.catalog().referencing(table.tableId()).isEmpty();
    }

    /** The values of the versions {@code rowIds} (read before they are replaced or deleted). */
    private static List<Object[]> oldRows(ExecContext context, TableDef table, VersionedHeap heap, List<Long> rowIds) {
        List<Object[]> out = new ArrayList<>();
        for (long rowId : rowIds) {
            byte[] row = heap.readAny(rowId);
            out.add(io.rustydb.storage.tuple.RowCodec.decode(row, table.columnTypes(), context.catalog().overflow()));
        }
        return out;
    }

    /** Every column of {@code batch}'s row after the first (the row id): what RETURNING reads. */
    private static Object[] rowAfterId(RowBatch batch, int row) {
        Object[] values = new Object[batch.columnCount() - 1];
        for (int c = 0; c < values.length; c++) {
            values[c] = batch.column(c + 1)[row];
        }
        return values;
    }

    /**
     * Runs a DELETE; returns the number of rows deleted (each once, however often the source names it). If
     * {@code returned} is not null, it receives for each deleted row its values followed by the source's extra
     * columns (what RETURNING reads).
     */
    static long delete(BoundStatement.Delete delete, PhysicalOperator source, ExecContext context,
                       List<Object[]> returned) {
        List<Long> rowIds = new ArrayList<>();
        java.util.Map<Long, Object[]> returnedById = returned == null ? null : new java.util.HashMap<>();
        try (OperatorState state = source.open(context)) {
            RowBatch batch;
            while ((batch = state.next()) != null) {
                for (int i = 0; i < batch.rowCount(); i++) {
                    int row = batch.row(i);
                    Long rowId = (Long) batch.column(0)[row];
                    rowIds.add(rowId);
                    if (returnedById != null) {
                        returnedById.putIfAbsent(rowId, rowAfterId(batch, row));
                    }
                }
            }
        }
        TableDef table = delete.table();
        VersionedHeap heap = context.catalog().heap(table);
        boolean referenced = !context.catalog().referencing(table.tableId()).isEmpty();
        List<Object[]> deletedRows = new ArrayList<>();
        long deleted = 0;
        for (long rowId : rowIds) {
            if (heap.delete(context.transaction(), rowId, context.lockWait())) {
                deleted++;
                if (returned != null) {
                    returned.add(returnedById.get(rowId));
                }
                if (referenced) {
                    deletedRows.addAll(oldRows(context, table, heap, List.of(rowId)));
                }
            }
        }
        if (referenced) {
            ForeignKeys.afterDelete(context, table, deletedRows, 0);
        }
        return deleted;
    }

    /** 23514 if a CHECK constraint's condition is FALSE for the row ({@code values} in table order). */
    static void checkConstraints(TableDef table, List<CheckConstraint> checks, Object[] values, ExecContext context) {
        if (checks.isEmpty()) {
            return;
        }
        RowBatch row = new RowBatch(values.length, 1);
        for (int c = 0; c < values.length; c++) {
            row.column(c)[0] = values[c];
        }
        row.setSize(1);
        for (CheckConstraint check : checks) {
            if (Boolean.FALSE.equals(check.condition().eval(row, 0, context))) {
                throw new DbException(ErrorCode.CHECK_VIOLATION, table.name(), check.name());
            }
        }
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
