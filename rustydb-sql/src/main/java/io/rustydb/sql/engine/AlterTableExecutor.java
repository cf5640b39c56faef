package io.rustydb.sql.engine;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.binder.ConstraintBinding;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.ForeignKeyDef;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.SequenceDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.CheckConstraint;
import io.rustydb.sql.plan.IndexSpec;
import io.rustydb.sql.plan.TableChange;
import io.rustydb.txn.Transaction;
import io.rustydb.txn.mvcc.VersionedHeap;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs ALTER TABLE, one action after the other, under the database's exclusive lock (no other statement runs
 * meanwhile) and inside the statement's transaction (a rollback undoes all of it: the catalog rows and the row
 * versions are logged like any other change).
 *
 * <p>A change whose stored rows stay valid (renames, defaults, NOT NULL, a nullable column added at the end) only
 * replaces the catalog definition; SET NOT NULL first checks the rows (23502). A change that needs the rows
 * rewritten (a column dropped, retyped, or added with a default, NOT NULL or CHECK) reads the latest version of
 * every row, computes the new rows and checks them (NOT NULL, CHECK), moves the table to a new heap
 * ({@link Catalog#replaceHeap}), stores the new rows there and builds every index again; the old heap and indexes
 * are freed once the transaction commits. As in PostgreSQL, a rewrite is not MVCC-safe for snapshots older than
 * the ALTER: a REPEATABLE READ transaction that began before it sees the rewritten table as empty.
 *
 * <p>A dropped column takes its indexes, CHECKs and the table's own foreign keys with it; a foreign key of
 * another table on it is 2BP01 unless CASCADE, which drops that key. Columns owned by a sequence (identity,
 * SERIAL) keep their position, so a column before one of them cannot be dropped yet (0A000).
 */
final class AlterTableExecutor {
    private AlterTableExecutor() {
    }

    static long execute(Catalog catalog, BoundStatement.AlterTable alter, ExecContext context) {
        boolean dropsColumns = false;
        boolean cascade = false;
        for (BoundStatement step : alter.steps()) {
            if (step instanceof BoundStatement.AlterColumns columns) {
                TableDef table = catalog.table(columns.tableName());
                dropsColumns |= columns.change().columns().size() < table.columns().size();
                cascade |= columns.change().cascade();
                change(catalog, table, columns.change(), context);
            } else if (step instanceof BoundStatement.AddConstraint add) {
                ConstraintExecutor.add(catalog, add, context);
            } else if (step instanceof BoundStatement.DropConstraint drop) {
                ConstraintExecutor.drop(catalog, drop, context.transaction());
            } else {
                throw DbException.internal("unexpected ALTER TABLE step " + step);
            }
        }
        if (alter.table() != null) {
            checkViews(catalog, alter.table().name(), dropsColumns, cascade);
        }
        return 0;
    }

    private static void change(Catalog catalog, TableDef table, TableChange change, ExecContext context) {
        Transaction tx = context.transaction();
        TableDef altered = change.applyTo(table);
        checkOwnedSequences(catalog, table, change);
        catalog.moveColumnComments(table.tableId(), change::newPosition);
        for (Catalog.Reference reference : catalog.referencing(table.tableId())) {
            TableDef child = catalog.current(reference.child());
            if (child.tableId() == table.tableId()) {
                continue; // the table's own key: applyTo moved it (or dropped it with its column)
            }
            ForeignKeyDef key = reference.key();
            int[] parentColumns = change.remap(key.parentColumns());
            List<ForeignKeyDef> keys = new ArrayList<>(child.foreignKeys());
            keys.remove(key);
            if (parentColumns == null) {
                if (!change.cascade()) {
                    throw new DbException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop column of table "
                            + table.name() + " because constraint " + key.name() + " on table " + child.name()
                            + " depends on it (use CASCADE)");
                }
            } else {
                keys.add(new ForeignKeyDef(key.name(), key.columns(), key.parentTableId(), parentColumns,
                        key.onDelete(), key.onUpdate()));
            }
            catalog.alterTable(child, child.withForeignKeys(keys));
        }
        if (change.rewrite() == null) {
            if (change.validate()) {
                List<CheckConstraint> checks = ConstraintBinding.checks(altered);
                for (Object[] row : ConstraintExecutor.latestRows(catalog, table, tx)) {
                    ModifyExecutor.checkNotNull(altered, row);
                    ModifyExecutor.checkConstraints(altered, checks, row, context);
                }
            }
            catalog.alterTable(table, altered);
            return;
        }
        rewrite(catalog, table, altered, change.rewrite(), context);
    }

    /** Moves the rows of {@code table} to a new heap in the layout of {@code altered}, then rebuilds its indexes. */
    private static void rewrite(Catalog catalog, TableDef table, TableDef altered, List<Expr> expressions,
                                ExecContext context) {
        Transaction tx = context.transaction();
        List<Object[]> oldRows = ConstraintExecutor.latestRows(catalog, table, tx);
        List<CheckConstraint> checks = ConstraintBinding.checks(altered);
        List<Object[]> newRows = new ArrayList<>(oldRows.size());
        RowBatch batch = new RowBatch(table.columns().size(), 1);
        for (Object[] old : oldRows) {
            for (int c = 0; c < old.length; c++) {
                batch.column(c)[0] = old[c];
            }
            batch.setSize(1);
            Object[] values = new Object[expressions.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = expressions.get(c).eval(batch, 0, context);
            }
            ModifyExecutor.checkNotNull(altered, values);
            ModifyExecutor.checkConstraints(altered, checks, values, context);
            newRows.add(values);
        }
        TableDef moved = catalog.replaceHeap(table, altered, tx::afterCommit);
        VersionedHeap heap = catalog.heap(moved);
        DataType[] types = moved.columnTypes();
        for (Object[] values : newRows) {
            heap.insert(tx, LargeValues.encode(context, heap, types, values));
        }
        TableDef current = moved;
        for (IndexDef index : altered.indexes()) {
            current = ConstraintExecutor.createIndex(catalog, current, new IndexSpec(index.name(), index.columns(),
                    index.unique(), index.primaryKey(), index.method()), tx);
        }
    }

    /**
     * The views that no longer bind after the change: dropped with CASCADE, else 2BP01 for a dropped column and
     * 0A000 for a rename or type change (a view keeps the SQL text it was created with and cannot follow them).
     */
    private static void checkViews(Catalog catalog, String table, boolean dropsColumns, boolean cascade) {
        List<String> broken = new ArrayList<>();
        for (io.rustydb.sql.catalog.ViewDef view : io.rustydb.sql.binder.Views.broken(catalog)) {
            broken.add(view.name());
        }
        if (!broken.isEmpty() && !dropsColumns) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "this change of table " + table
                    + " would break view " + broken.get(0) + ", which keeps the text of its query: drop the view, "
                    + "alter the table, then create the view again");
        }
        DropExecutor.dropBrokenViews(catalog, cascade, "a column of table " + table);
    }

    /** 0A000 if a column owned by a sequence would move or go (sequences know their column by position). */
    private static void checkOwnedSequences(Catalog catalog, TableDef table, TableChange change) {
        for (SequenceDef sequence : catalog.sequences().ownedBy(table.tableId())) {
            if (change.newPosition(sequence.ownerColumn()) != sequence.ownerColumn()) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "dropping a column before or of identity "
                        + "or serial column \"" + table.columns().get(sequence.ownerColumn()).name() + "\"");
            }
        }
    }
}
