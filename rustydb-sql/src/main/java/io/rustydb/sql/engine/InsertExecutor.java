package io.rustydb.sql.engine;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.OperatorState;
import io.rustydb.sql.exec.PhysicalOperator;
import io.rustydb.sql.exec.RowBatch;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.txn.mvcc.VersionedHeap;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an INSERT: reads all the source rows, places them in table order and checks NOT NULL (23502) and CHECK
 * constraints (23514), then encodes and stores them as new row versions and adds their index entries (UNIQUE and
 * PRIMARY KEY checked there: 23505), and finally checks their foreign keys (23503). The statement is atomic: if any row fails, the engine's statement rollback
 * removes the versions it already stored.
 */
final class InsertExecutor {
    private InsertExecutor() {
    }

    /** Runs the insert; returns the rows stored (table order, generated values included). */
    static List<Object[]> execute(BoundStatement.Insert insert, PhysicalOperator source, ExecContext context) {
        TableDef table = insert.table();
        DataType[] types = table.columnTypes();
        List<Object[]> rows = readRows(insert, source, context);
        VersionedHeap heap = context.catalog().heap(table);
        for (Object[] values : rows) {
            long rowId = heap.insert(context.transaction(), LargeValues.encode(context, heap, types, values));
            if (!table.indexes().isEmpty()) {
                context.catalog().indexWriter().addVersion(context.catalog(), context.transaction(),
                        context.lockWait(), table, values, rowId);
            }
        }
        if (!table.foreignKeys().isEmpty()) {
            ForeignKeys.checkParents(context, table, rows); // after all rows: they may reference each other
        }
        return rows;
    }

    /**
     * Every row the source proposes, in table order, checked for NOT NULL and CHECK constraints. All are read
     * before any is stored: INSERT INTO t SELECT ... FROM t must not see (or wait on the page latch of) its own
     * new rows.
     */
    static List<Object[]> readRows(BoundStatement.Insert insert, PhysicalOperator source, ExecContext context) {
        TableDef table = insert.table();
        int[] targets = insert.targetColumns();
        DataType[] types = table.columnTypes();
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
                    ModifyExecutor.checkConstraints(table, insert.checks(), values, context);
                    rows.add(values);
                }
            }
        }
        return rows;
    }
}
