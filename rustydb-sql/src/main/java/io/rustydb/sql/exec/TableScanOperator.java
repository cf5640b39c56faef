package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.txn.mvcc.VersionCursor;
import io.rustydb.storage.tuple.RowCodec;
import java.util.List;

/**
 * Reads the row versions of a table that the transaction's snapshot sees, page by page, decoding rows straight
 * from the pinned page into column batches.
 */
public final class TableScanOperator implements PhysicalOperator {
    private final TableDef table;
    private final DataType[] types;
    private final boolean withRowId;

    public TableScanOperator(TableDef table, boolean withRowId) {
        this.table = table;
        this.types = table.columnTypes();
        this.withRowId = withRowId;
    }

    @Override
    public List<DataType> outputTypes() {
        List<DataType> out = new java.util.ArrayList<>(List.of(types));
        if (withRowId) {
            out.add(DataType.BIGINT);
        }
        return out;
    }

    @Override
    public OperatorState open(ExecContext context) {
        VersionCursor cursor = context.catalog().heap(table).scan(context.transaction());
        io.rustydb.storage.heap.OverflowStore overflow = context.catalog().overflow();
        RowBatch batch = new RowBatch(types.length + (withRowId ? 1 : 0));
        return new OperatorState() {
            private boolean done;

            @Override
            public RowBatch next() {
                if (done) {
                    return null;
                }
                context.checkCancelled();
                Object[][] columns = new Object[types.length][];
                for (int c = 0; c < columns.length; c++) {
                    columns[c] = batch.column(c);
                }
                int n = 0;
                Object[] rowIds = withRowId ? batch.column(types.length) : null;
                while (n < batch.capacity() && cursor.next()) {
                    RowCodec.decodeInto(cursor.buffer(), cursor.rowOffset(), cursor.rowLength(), types, columns, n,
                            overflow);
                    if (rowIds != null) {
                        rowIds[n] = cursor.rowId();
                    }
                    n++;
                }
                if (n < batch.capacity()) {
                    done = true;
                    cursor.close();
                }
                batch.setSize(n);
                return n == 0 ? null : batch;
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }

    @Override
    public String describe() {
        return "TableScan " + table.name();
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of();
    }
}
