package io.rustydb.sql.engine;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.PhysicalOperator;
import io.rustydb.sql.exec.RowBatch;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.index.TableIndex;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.OnConflict;
import io.rustydb.storage.tuple.RowCodec;
import io.rustydb.txn.Transaction;
import io.rustydb.txn.mvcc.VersionedHeap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs {@code INSERT ... ON CONFLICT} one proposed row at a time, as PostgreSQL's speculative insertion does:
 * <ol>
 *   <li>probe the arbiter indexes for a version that exists now with the row's key (waiting for a running
 *       inserter or deleter of one to end, as a uniqueness check does);</li>
 *   <li>none: insert the row, adding the arbiters' entries first under the index writer's uniqueness check. If a
 *       concurrent inserter took the key in between, the check waits for it and, once it committed, reports the
 *       clash instead of 23505: the new version is deleted again and the row starts over at 1;</li>
 *   <li>a conflicting row: DO NOTHING skips the proposed row; DO UPDATE locks the existing row (waiting for a
 *       running writer), evaluates the action's WHERE over existing and proposed row and, if TRUE, replaces it by
 *       the new values (NOT NULL, CHECK, unique and foreign keys checked as for UPDATE). A row that was locked but
 *       not updated stays locked until the transaction ends.</li>
 * </ol>
 * So of two transactions upserting one key, the second waits for the first and then updates (or skips) its row,
 * never failing with 23505 on an arbiter. One statement that would update a row twice — a row it inserted or
 * updated itself — is 21000. At REPEATABLE READ and SERIALIZABLE, a conflicting row the snapshot does not see is
 * 40001 (as in PostgreSQL); at READ COMMITTED it is updated, and a row changed by a transaction that committed
 * after the snapshot restarts the statement (see {@link VersionedHeap#lockForWrite}).
 */
final class UpsertExecutor {
    private UpsertExecutor() {
    }

    /** Runs the statement; returns the rows inserted or updated (new values, table order), in order. */
    static List<Object[]> execute(BoundStatement.Insert insert, PhysicalOperator source, ExecContext context) {
        TableDef table = insert.table();
        OnConflict onConflict = insert.onConflict();
        Transaction tx = context.transaction();
        VersionedHeap heap = context.catalog().heap(table);
        heap.noteRead(tx); // the arbiters are read (SERIALIZABLE)
        List<TableIndex> arbiters = new ArrayList<>();
        for (IndexDef def : onConflict.arbiters()) {
            arbiters.add(context.catalog().index(table, def));
        }
        DataType[] types = table.columnTypes();
        Set<Long> touched = new HashSet<>(); // versions this statement created
        List<Object[]> inserted = new ArrayList<>();
        List<Object[]> olds = new ArrayList<>();
        List<Object[]> news = new ArrayList<>();
        List<Object[]> affected = new ArrayList<>();
        for (Object[] proposed : InsertExecutor.readRows(insert, source, context)) {
            for (;;) {
                long existing = findConflict(context, heap, arbiters, proposed);
                if (existing >= 0) {
                    Object[][] change = onConflict(context, insert, heap, existing, proposed, touched);
                    if (change != null) {
                        olds.add(change[0]);
                        news.add(change[1]);
                        affected.add(change[1]);
                    }
                    break;
                }
                long rowId = heap.insert(tx, LargeValues.encode(context, heap, types, proposed));
                long clash = context.catalog().indexWriter().addVersionUnlessConflict(context.catalog(), tx,
                        context.lockWait(), table, proposed, rowId, onConflict.arbiters());
                if (clash < 0) {
                    touched.add(rowId);
                    inserted.add(proposed);
                    affected.add(proposed);
                    break;
                }
                heap.delete(tx, rowId, context.lockWait()); // lost the key to a concurrent insert: look again
            }
        }
        if (!table.foreignKeys().isEmpty() && !inserted.isEmpty()) {
            ForeignKeys.checkParents(context, table, inserted);
        }
        if (!olds.isEmpty() && (!table.foreignKeys().isEmpty()
                || !context.catalog().referencing(table.tableId()).isEmpty())) {
            ForeignKeys.afterUpdate(context, table, olds, news, 0);
        }
        return affected;
    }

    /** The row id of a version that exists now with {@code row}'s key in an arbiter, or -1. */
    private static long findConflict(ExecContext context, VersionedHeap heap, List<TableIndex> arbiters, Object[] row) {
        Transaction tx = context.transaction();
        for (TableIndex index : arbiters) {
            if (index.hasNullKey(row)) {
                continue; // NULLs never conflict
            }
            byte[] key = index.keyOf(row);
            for (;;) {
                TableIndex.Probe found = index.probe(heap, tx, context.catalog().overflow(), key, -1);
                if (found.liveRowId() >= 0) {
                    return found.liveRowId();
                }
                if (found.writer() == 0) {
                    break;
                }
                heap.awaitWriter(tx, found.writer(), context.lockWait());
            }
        }
        return -1;
    }

    /**
     * The conflict action for {@code proposed} against the existing version {@code existing}: null if nothing
     * changed, else {old values, new values}.
     */
    private static Object[][] onConflict(ExecContext context, BoundStatement.Insert insert, VersionedHeap heap,
                                         long existing, Object[] proposed, Set<Long> touched) {
        Transaction tx = context.transaction();
        OnConflict onConflict = insert.onConflict();
        TableDef table = insert.table();
        if (touched.contains(existing)) {
            if (!onConflict.doUpdate()) {
                return null;
            }
            throw new DbException(ErrorCode.CARDINALITY_VIOLATION, "ON CONFLICT DO UPDATE command cannot affect row "
                    + "a second time (rows proposed for insertion within the same command have duplicate "
                    + "constrained values)");
        }
        if (tx.keepsSnapshot() && heap.readVisible(tx, existing) == null) {
            throw new DbException(ErrorCode.SERIALIZATION_FAILURE, "concurrent update: the conflicting row of \""
                    + table.name() + "\" was inserted by a transaction this transaction's snapshot does not see");
        }
        if (!onConflict.doUpdate()) {
            return null;
        }
        if (!heap.lockRow(tx, existing, true, context.lockWait())) {
            throw new DbException(ErrorCode.LOCK_NOT_AVAILABLE, "the conflicting row of \"" + table.name()
                    + "\" is locked");
        }
        Object[] old = RowCodec.decode(heap.readAny(existing), table.columnTypes(), context.catalog().overflow());
        int n = old.length;
        RowBatch both = new RowBatch(2 * n, 1);
        for (int c = 0; c < n; c++) {
            both.column(c)[0] = old[c];
            both.column(n + c)[0] = proposed[c];
        }
        both.setSize(1);
        if (onConflict.condition() != null && !Boolean.TRUE.equals(onConflict.condition().eval(both, 0, context))) {
            return null;
        }
        Object[] updated = new Object[n];
        for (int c = 0; c < n; c++) {
            Expr value = onConflict.newValues().get(c);
            updated[c] = value == null ? old[c] : value.eval(both, 0, context);
        }
        ModifyExecutor.checkNotNull(table, updated);
        ModifyExecutor.checkConstraints(table, insert.checks(), updated, context);
        long newRowId = heap.update(tx, existing, LargeValues.encode(context, heap, table.columnTypes(), updated),
                context.lockWait());
        if (!table.indexes().isEmpty()) {
            context.catalog().indexWriter().addVersion(context.catalog(), tx, context.lockWait(), table, updated,
                    newRowId);
        }
        touched.add(newRowId);
        return new Object[][] {old, updated};
    }
}
