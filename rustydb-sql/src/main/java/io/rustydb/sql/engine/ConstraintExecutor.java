package io.rustydb.sql.engine;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.binder.ConstraintBinding;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.CheckDef;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.ForeignKeyDef;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.index.TableIndex;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.CheckConstraint;
import io.rustydb.sql.plan.IndexSpec;
import io.rustydb.storage.tuple.RowCodec;
import io.rustydb.txn.Transaction;
import io.rustydb.txn.mvcc.VersionCursor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the DDL that creates and drops keys and constraints: CREATE INDEX (and the indexes of PRIMARY KEY / UNIQUE),
 * {@code ALTER TABLE ... ADD CONSTRAINT} (checking the rows already there: 23502 for a NULL in a new primary key,
 * 23505, 23503, 23514) and {@code DROP CONSTRAINT} (2BP01 while a foreign key needs the unique index). Runs under
 * the database's exclusive lock, so the rows it checks cannot change meanwhile.
 */
final class ConstraintExecutor {
    private ConstraintExecutor() {
    }

    /** Builds {@code spec} over {@code table}'s rows and adds it to the catalog; returns the table's new definition. */
    static TableDef createIndex(Catalog catalog, TableDef table, IndexSpec spec, Transaction tx) {
        if (catalog.nameTaken(new io.rustydb.sql.catalog.QualifiedName(catalog.schemaOf(table), spec.name()))) {
            throw new DbException(ErrorCode.DUPLICATE_TABLE, spec.name());
        }
        IndexDef def = new IndexDef(catalog.newIndexId(), spec.name(), table.tableId(), spec.columns(), spec.unique(),
                spec.primaryKey(), spec.method(), 0);
        TableIndex built = TableIndex.build(catalog.bufferPool(), def, table, catalog.heap(table), tx,
                catalog.overflow());
        return catalog.addIndex(table, built);
    }

    static void add(Catalog catalog, BoundStatement.AddConstraint add, ExecContext context) {
        TableDef table = catalog.current(add.table());
        Transaction tx = context.transaction();
        if (add.key() != null) {
            IndexSpec key = add.key();
            if (key.primaryKey()) {
                if (table.primaryKey() != null) {
                    throw new DbException(ErrorCode.INVALID_TABLE_DEFINITION, "multiple primary keys for table \""
                            + table.name() + "\" are not allowed");
                }
                table = makeNotNull(catalog, table, key, tx);
            }
            createIndex(catalog, table, key, tx);
        } else if (add.foreignKey() != null) {
            List<ForeignKeyDef> resolved = ForeignKeys.resolve(catalog, table, List.of(add.foreignKey()));
            List<ForeignKeyDef> keys = new ArrayList<>(table.foreignKeys());
            keys.addAll(resolved);
            catalog.alterTable(table, table.withForeignKeys(keys));
            // the rows already there must reference existing parents (only the new key is checked)
            ForeignKeys.checkParents(context, table.withForeignKeys(resolved), latestRows(catalog, table, tx));
        } else {
            List<CheckDef> checks = new ArrayList<>(table.checks());
            checks.add(add.check());
            TableDef altered = new TableDef(table.tableId(), table.name(), table.columns(), table.heapFirstPage(),
                    checks, table.indexes(), table.foreignKeys());
            List<CheckConstraint> bound = ConstraintBinding.checks(altered);
            CheckConstraint added = bound.get(bound.size() - 1);
            for (Object[] row : latestRows(catalog, table, tx)) {
                ModifyExecutor.checkConstraints(altered, List.of(added), row, context);
            }
            catalog.alterTable(table, altered);
        }
    }

    /** A new primary key's columns become NOT NULL: 23502 if a row has a NULL there. */
    private static TableDef makeNotNull(Catalog catalog, TableDef table, IndexSpec key, Transaction tx) {
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        boolean changed = false;
        List<Object[]> rows = null;
        for (IndexDef.IndexColumn c : key.columns()) {
            ColumnDef column = columns.get(c.column());
            if (!column.nullable()) {
                continue;
            }
            if (rows == null) {
                rows = latestRows(catalog, table, tx);
            }
            for (Object[] row : rows) {
                if (row[c.column()] == null) {
                    throw new DbException(ErrorCode.NOT_NULL_VIOLATION, column.name(), table.name());
                }
            }
            columns.set(c.column(), new ColumnDef(column.name(), column.type(), false, column.defaultSql()));
            changed = true;
        }
        if (!changed) {
            return table;
        }
        TableDef altered = new TableDef(table.tableId(), table.name(), columns, table.heapFirstPage(), table.checks(),
                table.indexes(), table.foreignKeys());
        catalog.alterTable(table, altered);
        return altered;
    }

    static long drop(Catalog catalog, BoundStatement.DropConstraint drop, Transaction tx) {
        TableDef table = catalog.current(drop.table());
        String name = drop.name();
        for (IndexDef index : table.indexes()) {
            if (index.name().equals(name)) {
                checkNotNeeded(catalog, table, index);
                catalog.dropIndex(table, index, tx::afterCommit);
                return 0;
            }
        }
        for (ForeignKeyDef key : table.foreignKeys()) {
            if (key.name().equals(name)) {
                List<ForeignKeyDef> keys = new ArrayList<>(table.foreignKeys());
                keys.remove(key);
                catalog.alterTable(table, table.withForeignKeys(keys));
                return 0;
            }
        }
        for (CheckDef check : table.checks()) {
            if (check.name().equals(name)) {
                List<CheckDef> checks = new ArrayList<>(table.checks());
                checks.remove(check);
                catalog.alterTable(table, new TableDef(table.tableId(), table.name(), table.columns(),
                        table.heapFirstPage(), checks, table.indexes(), table.foreignKeys()));
                return 0;
            }
        }
        if (!drop.ifExists()) {
            throw new DbException(ErrorCode.UNDEFINED_OBJECT, "constraint \"" + name + "\" of relation \""
                    + table.name() + "\" does not exist");
        }
        Notices.add("constraint \"" + name + "\" of relation \"" + table.name() + "\" does not exist, skipping");
        return 0;
    }

    /** 2BP01 if a foreign key references exactly the columns of unique {@code index} and no other index has them. */
    private static void checkNotNeeded(Catalog catalog, TableDef table, IndexDef index) {
        if (!index.unique()) {
            return;
        }
        Set<Integer> columns = set(index.columnPositions());
        for (Catalog.Reference reference : catalog.referencing(table.tableId())) {
            if (!set(reference.key().parentColumns()).equals(columns)) {
                continue;
            }
            boolean another = table.indexes().stream().anyMatch(i -> i.indexId() != index.indexId() && i.unique()
                    && i.method() == IndexDef.IndexMethod.BTREE && set(i.columnPositions()).equals(columns));
            if (!another) {
                throw new DbException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop " + index.name()
                        + " on table " + table.name() + " because constraint " + reference.key().name()
                        + " on table " + reference.child().name() + " depends on it");
            }
        }
    }

    private static Set<Integer> set(int[] values) {
        Set<Integer> out = new HashSet<>();
        for (int v : values) {
            out.add(v);
        }
        return out;
    }

    /** The rows of {@code table} as of now (every commit, and {@code tx}'s own changes), decoded. */
    static List<Object[]> latestRows(Catalog catalog, TableDef table, Transaction tx) {
        DataType[] types = table.columnTypes();
        List<Object[]> rows = new ArrayList<>();
        Object[][] cells = new Object[types.length][1];
        try (VersionCursor cursor = catalog.heap(table).scanLatest(tx)) {
            while (cursor.next()) {
                RowCodec.decodeInto(cursor.buffer(), cursor.rowOffset(), cursor.rowLength(), types, cells, 0,
                        catalog.overflow());
                Object[] row = new Object[types.length];
                for (int c = 0; c < types.length; c++) {
                    row[c] = cells[c][0];
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
