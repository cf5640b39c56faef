package io.rustydb.sql.engine;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.OperatorState;
import io.rustydb.sql.exec.PhysicalOperator;
import io.rustydb.sql.exec.RowBatch;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.MergeAction;
import io.rustydb.txn.Transaction;
import io.rustydb.txn.mvcc.VersionedHeap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs MERGE in two phases, like {@link ModifyExecutor}: first it reads every joined row (source row with its
 * matching target row, if any) and chooses and computes each action — the first WHEN clause of the row's kind whose
 * condition is TRUE; new rows are checked for NOT NULL and CHECK — then it applies the actions in source order:
 * updates and deletes lock and replace the target rows (a concurrent writer is waited for; at READ COMMITTED a row
 * changed by a transaction that committed after the snapshot restarts the statement), inserts add new rows; indexes
 * and unique keys as for INSERT and UPDATE; foreign keys are checked and acted on at the end. A target row that two
 * source rows would update or delete is 21000, as in PostgreSQL. The update count is the number of rows inserted,
 * updated and deleted.
 */
final class MergeExecutor {
    private MergeExecutor() {
    }

    /** One planned change: the action, the target row id (or -1), the joined row and the new values. */
    private record Change(MergeAction.Kind kind, long rowId, Object[] joined, Object[] values) {
    }

    static long execute(BoundStatement.Merge merge, PhysicalOperator source, ExecContext context,
                        List<Object[]> returned) {
        TableDef table = merge.table();
        int n = table.columns().size();
        int s = merge.sourceColumns();
        List<Change> changes = new ArrayList<>();
        Set<Long> acted = new HashSet<>();
        try (OperatorState state = source.open(context)) {
            RowBatch batch;
            while ((batch = state.next()) != null) {
                for (int i = 0; i < batch.rowCount(); i++) {
                    int row = batch.row(i);
                    Long rowId = (Long) batch.column(s + n)[row];
                    MergeAction action = choose(rowId != null ? merge.matched() : merge.notMatched(), batch, row,
                            context);
                    if (action == null || action.kind() == MergeAction.Kind.DO_NOTHING) {
                        continue;
                    }
                    if (rowId != null && !acted.add(rowId)) {
                        throw new DbException(ErrorCode.CARDINALITY_VIOLATION, "MERGE command cannot affect row a "
                                + "second time (ensure that not more than one source row matches any one target row)");
                    }
                    Object[] joined = new Object[s + n];
                    for (int c = 0; c < joined.length; c++) {
                        joined[c] = batch.column(c)[row];
                    }
                    Object[] values = null;
                    if (action.kind() != MergeAction.Kind.DELETE) {
                        values = new Object[n];
                        for (int c = 0; c < n; c++) {
                            Expr e = action.values().get(c);
                            values[c] = e == null ? joined[s + c] : e.eval(batch, row, context);
                        }
                        ModifyExecutor.checkNotNull(table, values);
                        ModifyExecutor.checkConstraints(table, merge.checks(), values, context);
                    }
                    changes.add(new Change(action.kind(), rowId == null ? -1 : rowId, joined, values));
                }
            }
        }
        return apply(merge, changes, context, returned);
    }

    /** The first action whose condition is TRUE for the row, or null. */
    private static MergeAction choose(List<MergeAction> actions, RowBatch batch, int row, ExecContext context) {
        for (MergeAction action : actions) {
            if (action.condition() == null || Boolean.TRUE.equals(action.condition().eval(batch, row, context))) {
                return action;
            }
        }
        return null;
    }

    private static long apply(BoundStatement.Merge merge, List<Change> changes, ExecContext context,
                              List<Object[]> returned) {
        TableDef table = merge.table();
        int n = table.columns().size();
        int s = merge.sourceColumns();
        DataType[] types = table.columnTypes();
        Transaction tx = context.transaction();
        VersionedHeap heap = context.catalog().heap(table);
        List<Object[]> inserted = new ArrayList<>();
        List<Object[]> olds = new ArrayList<>();
        List<Object[]> news = new ArrayList<>();
        List<Object[]> deleted = new ArrayList<>();
        for (Change change : changes) {
            Object[] old = null;
            if (change.rowId() >= 0) {
                old = new Object[n];
                System.arraycopy(change.joined(), s, old, 0, n);
            }
            switch (change.kind()) {
                case INSERT -> {
                    long rowId = heap.insert(tx, LargeValues.encode(context, heap, types, change.values()));
                    addIndexEntries(context, table, change.values(), rowId);
                    inserted.add(change.values());
                }
                case UPDATE -> {
                    long rowId = heap.update(tx, change.rowId(), LargeValues.encode(context, heap, types,
                            change.values()), context.lockWait());
                    addIndexEntries(context, table, change.values(), rowId);
                    olds.add(old);
                    news.add(change.values());
                }
                case DELETE -> {
                    heap.delete(tx, change.rowId(), context.lockWait());
                    deleted.add(old);
                }
                default -> throw DbException.internal("MERGE action " + change.kind());
            }
            if (returned != null) {
                Object[] out = new Object[n + s];
                System.arraycopy(change.kind() == MergeAction.Kind.DELETE ? old : change.values(), 0, out, 0, n);
                System.arraycopy(change.joined(), 0, out, n, s);
                returned.add(out);
            }
        }
        boolean referenced = !context.catalog().referencing(table.tableId()).isEmpty();
        if (!table.foreignKeys().isEmpty() && !inserted.isEmpty()) {
            ForeignKeys.checkParents(context, table, inserted);
        }
        if (!olds.isEmpty() && (referenced || !table.foreignKeys().isEmpty())) {
            ForeignKeys.afterUpdate(context, table, olds, news, 0);
        }
        if (!deleted.isEmpty() && referenced) {
            ForeignKeys.afterDelete(context, table, deleted, 0);
        }
        return changes.size();
    }

    private static void addIndexEntries(ExecContext context, TableDef table, Object[] values, long rowId) {
        if (!table.indexes().isEmpty()) {
            context.catalog().indexWriter().addVersion(context.catalog(), context.transaction(), context.lockWait(),
                    table, values, rowId);
        }
    }
}
