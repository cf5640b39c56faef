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
import java.util.List;

/**
 * {@code SELECT ... FOR UPDATE / FOR SHARE}: locks the row version of each input row (X or S until the transaction
 * ends, see {@link VersionedHeap#lockRow}) and passes the rows it locked. With SKIP LOCKED, rows another
 * transaction holds are left out; it stops locking once it has passed OFFSET + LIMIT rows, so that the
 * {@link LimitOperator} above it never lets go of rows it locked in vain.
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
        OperatorState source = input.open(context);
        return new OperatorState() {
            private long passed;
            private final int[] selection = new int[RowBatch.CAPACITY];

            @Override
            public RowBatch next() {
                RowBatch batch;
                while (passed < wanted && (batch = source.next()) != null) {
                    int[] sel = batch.size() <= selection.length ? selection : new int[batch.size()];
                    int kept = 0;
                    Object[] rowIds = batch.column(rowIdColumn);
                    for (int i = 0; i < batch.rowCount() && passed < wanted; i++) {
                        int row = batch.row(i);
                        if (heap.lockRow(context.transaction(), (Long) rowIds[row], exclusive, wait)) {
                            sel[kept++] = row;
                            passed++;
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
        return "LockRows " + table.name() + (exclusive ? " FOR UPDATE" : " FOR SHARE")
                + (policy == LockPolicy.WAIT ? "" : " " + policy.name().replace('_', ' '));
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(input);
    }
}
