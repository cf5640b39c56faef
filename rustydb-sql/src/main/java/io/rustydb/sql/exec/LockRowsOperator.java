package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.LogicalPlan.LockPolicy;
import io.rustydb.txn.lock.LockKey;
import io.rustydb.txn.lock.LockManager;
import io.rustydb.txn.lock.LockMode;
import io.rustydb.txn.lock.LockWait;
import io.rustydb.txn.mvcc.VersionedHeap;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SELECT ... FOR UPDATE / FOR SHARE}: locks the row version of each input row (X or S until the transaction
 * ends, see {@link VersionedHeap#lockRow}) and passes the rows it locked. With SKIP LOCKED, rows another
 * transaction holds are left out; it stops locking once it has passed OFFSET + LIMIT rows, so that the
 * {@link LimitOperator} above it never lets go of rows it locked in vain. Its input is read completely before the
 * first lock is taken (see {@link #drain}).
 */
public final class LockRowsOperator implements PhysicalOperator {
    private final PhysicalOperator input;
    private final TableDef table;
    private final int rowIdColumn;
    private final boolean exclusive;
    private final LockPolicy policy;
    private final Expr limit;
    private final Expr offset;

    public LockRowsOperator(PhysicalOperator input, TableDef table, int rowIdColumn, boolean exclusive,
                            LockPolicy policy, Expr limit, Expr offset) {
        this.input = input;
        this.table = table;
        this.rowIdColumn = rowIdColumn;
        this.exclusive = exclusive;
        this.policy = policy;
        this.limit = limit;
        this.offset = offset;
    }

    @Override
    public List<DataType> outputTypes() {
        return input.outputTypes();
    }

    @Override
    public OperatorState open(ExecContext context) {
        long max = LimitOperator.count(limit, context, "LIMIT");
        long skip = Math.max(0, LimitOperator.count(offset, context, "OFFSET"));
        long wanted = max < 0 ? Long.MAX_VALUE : skip + max;
        VersionedHeap heap = context.catalog().heap(table);
        LockWait wait = switch (policy) {
            case WAIT -> context.lockWait();
            case NOWAIT -> LockWait.NOWAIT;
            case SKIP_LOCKED -> LockWait.SKIP_LOCKED;
        };
        context.transaction().checkWritable();
        // row locks until the transaction ends, announced on the table and the database (DDL waits for them)
        LockManager locks = context.catalog().transactions().locks();
        locks.acquire(context.transaction().txnId(), LockKey.database(), LockMode.IX, context.lockWait());
        locks.acquire(context.transaction().txnId(), LockKey.table(table.tableId()), LockMode.IX, context.lockWait());
        List<Object[]> rows = drain(input.open(context), input.outputTypes().size());
        int width = input.outputTypes().size();
        return new OperatorState() {
            private long passed;
            private int next;
            private final RowBatch out = new RowBatch(width);

            @Override
            public RowBatch next() {
                int n = 0;
                while (n < out.capacity() && passed < wanted && next < rows.size()) {
                    Object[] row = rows.get(next++);
                    if (heap.lockRow(context.transaction(), (Long) row[rowIdColumn], exclusive, wait)) {
                        for (int c = 0; c < width; c++) {
                            out.column(c)[n] = row[c];
                        }
                        n++;
                        passed++;
                    }
                }
                out.setSize(n);
                return n == 0 ? null : out;
            }

            @Override
            public void close() {
                next = rows.size();
            }
        };
    }

    /**
     * Reads the whole input first: a scan keeps its current page latched between batches, and waiting for a row
     * lock while holding a page latch could deadlock with the lock holder, who may need that page to commit.
     */
    private static List<Object[]> drain(OperatorState source, int width) {
        List<Object[]> rows = new ArrayList<>();
        try (source) {
            RowBatch batch;
            while ((batch = source.next()) != null) {
                for (int i = 0; i < batch.rowCount(); i++) {
                    int row = batch.row(i);
                    Object[] values = new Object[width];
                    for (int c = 0; c < width; c++) {
                        values[c] = batch.column(c)[row];
                    }
                    rows.add(values);
                }
            }
        }
        return rows;
    }

    @Override
    public String describe() {
        return "LockRows " + table.name() + (exclusive ? " FOR UPDATE" : " FOR SHARE")
                + (policy == LockPolicy.WAIT ? "" : " " + policy.name().replace('_', ' '));
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(input);
    }
}
