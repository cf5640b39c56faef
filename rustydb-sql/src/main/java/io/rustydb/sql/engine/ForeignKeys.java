package io.rustydb.sql.engine;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.Casts;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;
import io.rustydb.core.type.Values;
import io.rustydb.sql.binder.ConstraintBinding;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.ForeignKeyDef;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;
import io.rustydb.sql.index.IndexEntries;
import io.rustydb.sql.index.TableIndex;
import io.rustydb.sql.plan.ForeignKeySpec;
import io.rustydb.storage.tuple.RowCodec;
import io.rustydb.txn.mvcc.VersionCursor;
import io.rustydb.txn.mvcc.VersionedHeap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Enforces FOREIGN KEY constraints (MATCH SIMPLE: a child key with a NULL column is not checked).
 *
 * <p><b>Child side</b> ({@link #checkParents}): after an INSERT or UPDATE wrote its rows, each new key must name a
 * parent row that exists now (the latest state, as for uniqueness: a running writer of it is waited for). The
 * parent row is then locked in share mode until the transaction ends — PostgreSQL's {@code FOR KEY SHARE} — so a
 * concurrent delete of it waits for this transaction, and then sees the new child. Missing parent: 23503.
 *
 * <p><b>Parent side</b> ({@link #afterDelete}, {@link #afterUpdate}): after a DELETE, or an UPDATE that changed a
 * referenced key, the children of each old key are found in a snapshot taken now (a child inserted concurrently
 * either committed before our delete marked the parent — its share lock made us wait — or waits for us and fails
 * afterwards), through an index on the child's key columns if there is one. Then, per constraint: CASCADE deletes
 * them (or moves their key along), SET NULL / SET DEFAULT change their key columns (NOT NULL, CHECK and their own
 * foreign keys are checked on the changed rows), RESTRICT / NO ACTION fail with 23503 if any remain. Cascades
 * recurse through further tables, up to {@value #MAX_DEPTH} levels; all of it is part of the statement (a failure
 * anywhere rolls back the whole statement).
 */
final class ForeignKeys {
    static final int MAX_DEPTH = 64;

    private ForeignKeys() {
    }

    /**
     * Resolves the foreign keys of a table being created ({@code child}, already in the catalog with its indexes):
     * the referenced table (it may be {@code child}) must have a unique index on exactly the referenced columns
     * (its primary key when none are named), of compatible types.
     */
    static List<ForeignKeyDef> resolve(Catalog catalog, TableDef child, List<ForeignKeySpec> specs) {
        List<ForeignKeyDef> out = new ArrayList<>();
        for (ForeignKeySpec spec : specs) {
            TableDef parent = spec.parentTable().equals(catalog.nameOf(child)) ? child : catalog.table(spec.parentTable());
            int[] parentColumns;
            if (spec.parentColumns() == null) {
                IndexDef primary = parent.primaryKey();
                if (primary == null) {
                    throw new DbException(ErrorCode.INVALID_FOREIGN_KEY, "there is no primary key for referenced "
                            + "table \"" + parent.name() + "\"");
                }
                parentColumns = primary.columnPositions();
                if (parentColumns.length != spec.columns().size()) {
                    throw new DbException(ErrorCode.INVALID_FOREIGN_KEY, "number of referencing and referenced "
                            + "columns for foreign key \"" + spec.name() + "\" disagree");
                }
            } else {
                parentColumns = new int[spec.parentColumns().size()];
                for (int i = 0; i < parentColumns.length; i++) {
                    parentColumns[i] = parent.columnIndex(spec.parentColumns().get(i));
                    if (parentColumns[i] < 0) {
                        throw new DbException(ErrorCode.UNDEFINED_COLUMN, spec.parentColumns().get(i));
                    }
                }
            }
            if (uniqueIndexOn(parent, parentColumns) == null) {
                throw new DbException(ErrorCode.INVALID_FOREIGN_KEY, "there is no unique constraint matching given "
                        + "keys for referenced table \"" + parent.name() + "\"");
            }
            int[] columns = spec.columns().stream().mapToInt(Integer::intValue).toArray();
            for (int i = 0; i < columns.length; i++) {
                ColumnDef c = child.columns().get(columns[i]);
                ColumnDef p = parent.columns().get(parentColumns[i]);
                if (!compatible(c.type(), p.type())) {
                    throw new DbException(ErrorCode.DATATYPE_MISMATCH, "foreign key constraint \"" + spec.name()
                            + "\" cannot be implemented: key columns \"" + c.name() + "\" and \"" + p.name()
                            + "\" are of incompatible types: " + c.type().sqlName() + " and " + p.type().sqlName());
                }
            }
            out.add(new ForeignKeyDef(spec.name(), columns, parent.tableId(), parentColumns, spec.onDelete(),
                    spec.onUpdate()));
        }
        return out;
    }

    private static boolean compatible(DataType a, DataType b) {
        TypeId x = a.id();
        TypeId y = b.id();
        return x == y || x.isNumeric() && y.isNumeric() || x.isString() && y.isString()
                || x.isBinary() && y.isBinary();
    }

    /** The unique B-tree index of {@code table} on exactly {@code columns} (in any order), or null. */
    private static IndexDef uniqueIndexOn(TableDef table, int[] columns) {
        Set<Integer> wanted = new HashSet<>();
        for (int c : columns) {
            wanted.add(c);
        }
        for (IndexDef index : table.indexes()) {
            Set<Integer> has = new HashSet<>();
            for (int c : index.columnPositions()) {
                has.add(c);
            }
            if (index.unique() && index.method() == IndexDef.IndexMethod.BTREE && has.equals(wanted)
                    && index.columns().size() == columns.length) {
                return index;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ child side

    /** Checks that every row of {@code rows} (new versions of {@code table}) references existing parents. */
    static void checkParents(ExecContext context, TableDef table, List<Object[]> rows) {
        for (ForeignKeyDef key : table.foreignKeys()) {
            for (Object[] row : rows) {
                Object[] values = pick(row, key.columns());
                if (hasNull(values)) {
                    continue;
                }
                TableDef parent = context.catalog().tableById(key.parentTableId());
                if (!lockParent(context, parent, key, values)) {
                    throw new DbException(ErrorCode.FOREIGN_KEY_VIOLATION, "insert or update on table \""
                            + table.name() + "\" violates foreign key constraint \"" + key.name() + "\": key ("
                            + names(table, key.columns()) + ")=(" + TableIndex.valueList(values)
                            + ") is not present in table \"" + parent.name() + "\"");
                }
            }
        }
    }

    /** Finds the parent row with key {@code values} that exists now and share-locks it; false if there is none. */
    private static boolean lockParent(ExecContext context, TableDef parent, ForeignKeyDef key, Object[] values) {
        IndexDef def = uniqueIndexOn(parent, key.parentColumns());
        TableIndex index = context.catalog().index(parent, def);
        // the key in the index's column order, as the parent's types
        Object[] parentRow = new Object[parent.columns().size()];
        int[] parentColumns = key.parentColumns();
        for (int i = 0; i < parentColumns.length; i++) {
            Object v = exactly(values[i], parent.columns().get(parentColumns[i]).type());
            if (v == null) {
                return false; // not representable in the parent's type: no parent can have it
            }
            parentRow[parentColumns[i]] = v;
        }
        byte[] wanted = index.keyOf(parentRow);
        VersionedHeap heap = context.catalog().heap(parent);
        for (;;) {
            TableIndex.Probe found = index.probe(heap, context.transaction(), context.catalog().overflow(), wanted, -1);
            if (found.liveRowId() >= 0) {
                return heap.lockRow(context.transaction(), found.liveRowId(), false, context.lockWait());
            }
            if (found.writer() == 0) {
                return false;
            }
            heap.awaitWriter(context.transaction(), found.writer(), context.lockWait());
        }
    }

    // ------------------------------------------------------------------ parent side

    /** Applies the ON DELETE actions of the foreign keys that reference {@code table} to {@code deleted} rows. */
    static void afterDelete(ExecContext context, TableDef table, List<Object[]> deleted, int depth) {
        List<Catalog.Reference> references = context.catalog().referencing(table.tableId());
        if (references.isEmpty() || deleted.isEmpty()) {
            return;
        }
        checkDepth(depth);
        // actions first, then the checks (NO ACTION sees what the cascades left)
        for (boolean checks : new boolean[] {false, true}) {
            for (Catalog.Reference reference : references) {
                ForeignKeyDef key = reference.key();
                boolean isCheck = key.onDelete() == ForeignKeyDef.Action.NO_ACTION
                        || key.onDelete() == ForeignKeyDef.Action.RESTRICT;
                if (isCheck != checks) {
                    continue;
                }
                TableDef child = context.catalog().tableById(reference.child().tableId());
                for (Object[] old : deleted) {
                    Object[] parentKey = pick(old, key.parentColumns());
                    if (hasNull(parentKey)) {
                        continue;
                    }
                    List<Child> children = findChildren(context, child, key, parentKey);
                    if (children.isEmpty()) {
                        continue;
                    }
                    switch (key.onDelete()) {
                        case CASCADE:
                            deleteChildren(context, child, children, depth);
                            break;
                        case SET_NULL:
                        case SET_DEFAULT:
                            setChildKeys(context, child, key, key.onDelete(), null, children, depth);
                            break;
                        default:
                            throw stillReferenced(table, child, key, parentKey);
                    }
                }
            }
        }
    }

    /**
     * Applies the ON UPDATE actions of the foreign keys referencing {@code table} to rows whose referenced key
     * changed ({@code olds[i]} became {@code news[i]}), and checks the new rows' own foreign keys.
     */
    static void afterUpdate(ExecContext context, TableDef table, List<Object[]> olds, List<Object[]> news, int depth) {
        List<Catalog.Reference> references = context.catalog().referencing(table.tableId());
        if (!references.isEmpty()) {
            checkDepth(depth);
            for (boolean checks : new boolean[] {false, true}) {
                for (Catalog.Reference reference : references) {
                    ForeignKeyDef key = reference.key();
                    boolean isCheck = key.onUpdate() == ForeignKeyDef.Action.NO_ACTION
                            || key.onUpdate() == ForeignKeyDef.Action.RESTRICT;
                    if (isCheck != checks) {
                        continue;
                    }
                    TableDef child = context.catalog().tableById(reference.child().tableId());
                    for (int i = 0; i < olds.size(); i++) {
                        Object[] oldKey = pick(olds.get(i), key.parentColumns());
                        Object[] newKey = pick(news.get(i), key.parentColumns());
                        if (hasNull(oldKey) || sameKey(oldKey, newKey)) {
                            continue;
                        }
                        List<Child> children = findChildren(context, child, key, oldKey);
                        if (children.isEmpty()) {
                            continue;
                        }
                        if (key.onUpdate() == ForeignKeyDef.Action.CASCADE) {
                            setChildKeys(context, child, key, ForeignKeyDef.Action.CASCADE, newKey, children, depth);
                        } else if (isCheck) {
                            throw stillReferenced(table, child, key, oldKey);
                        } else {
                            setChildKeys(context, child, key, key.onUpdate(), null, children, depth);
                        }
                    }
                }
            }
        }
        if (!table.foreignKeys().isEmpty()) {
            List<Object[]> changed = new ArrayList<>();
            for (int i = 0; i < olds.size(); i++) {
                for (ForeignKeyDef key : table.foreignKeys()) {
                    if (!sameKey(pick(olds.get(i), key.columns()), pick(news.get(i), key.columns()))) {
                        changed.add(news.get(i));
                        break;
                    }
                }
            }
            checkParents(context, table, changed);
        }
    }

    private static DbException stillReferenced(TableDef parent, TableDef child, ForeignKeyDef key, Object[] parentKey) {
        return new DbException(ErrorCode.FOREIGN_KEY_VIOLATION, "update or delete on table \"" + parent.name()
                + "\" violates foreign key constraint \"" + key.name() + "\" on table \"" + child.name() + "\": key ("
                + names(parent, key.parentColumns()) + ")=(" + TableIndex.valueList(parentKey)
                + ") is still referenced from table \"" + child.name() + "\"");
    }

    private static void checkDepth(int depth) {
        if (depth >= MAX_DEPTH) {
            throw new DbException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "foreign key actions nested more than "
                    + MAX_DEPTH + " levels deep");
        }
    }

    /** A child row found for a parent key: its row id and values. */
    private record Child(long rowId, Object[] values) {
    }

    private static void deleteChildren(ExecContext context, TableDef child, List<Child> children, int depth) {
        VersionedHeap heap = context.catalog().heap(child);
        List<Object[]> deleted = new ArrayList<>();
        for (Child c : children) {
            if (heap.delete(context.transaction(), c.rowId(), context.lockWait())) {
                deleted.add(c.values());
            }
        }
        afterDelete(context, child, deleted, depth + 1);
    }

    /**
     * Gives {@code children} new key values: {@code newKey} (CASCADE on update), NULL (SET NULL) or the columns'
     * defaults (SET DEFAULT); the changed rows pass NOT NULL, CHECK and their own foreign keys.
     */
    private static void setChildKeys(ExecContext context, TableDef child, ForeignKeyDef key, ForeignKeyDef.Action action,
                                     Object[] newKey, List<Child> children, int depth) {
        int[] columns = key.columns();
        Object[] replacement = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            DataType type = child.columns().get(columns[i]).type();
            if (action == ForeignKeyDef.Action.CASCADE) {
                replacement[i] = newKey[i] == null ? null : Casts.cast(newKey[i], type);
            } else if (action == ForeignKeyDef.Action.SET_DEFAULT) {
                replacement[i] = ConstraintBinding.defaultValue(child.columns().get(columns[i]))
                        .eval(new RowBatch(0, 1), 0, context);
            }
        }
        List<io.rustydb.sql.plan.CheckConstraint> checks = ConstraintBinding.checks(child);
        VersionedHeap heap = context.catalog().heap(child);
        DataType[] types = child.columnTypes();
        List<Object[]> olds = new ArrayList<>();
        List<Object[]> news = new ArrayList<>();
        for (Child c : children) {
            Object[] values = c.values().clone();
            for (int i = 0; i < columns.length; i++) {
                values[columns[i]] = replacement[i];
            }
            ModifyExecutor.checkNotNull(child, values);
            ModifyExecutor.checkConstraints(child, checks, values, context);
            long newRowId = heap.update(context.transaction(), c.rowId(), LargeValues.encode(context, heap, types, values),
                    context.lockWait());
            if (!child.indexes().isEmpty()) {
                context.catalog().indexWriter().addVersion(context.catalog(), context.transaction(),
                        context.lockWait(), child, values, newRowId);
            }
            olds.add(c.values());
            news.add(values);
        }
        afterUpdate(context, child, olds, news, depth + 1);
    }

    /**
     * The rows of {@code child} whose key (columns of {@code key}) equals {@code parentKey}, in a snapshot taken now
     * (with this transaction's own changes): through an index whose leading columns are the key, else by a scan.
     */
    private static List<Child> findChildren(ExecContext context, TableDef child, ForeignKeyDef key, Object[] parentKey) {
        int[] columns = key.columns();
        Object[] wanted = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            wanted[i] = exactly(parentKey[i], child.columns().get(columns[i]).type());
            if (wanted[i] == null) {
                return List.of();
            }
        }
        List<Child> out = new ArrayList<>();
        VersionedHeap heap = context.catalog().heap(child);
        IndexDef prefixIndex = indexStartingWith(child, columns);
        if (prefixIndex != null) {
            TableIndex index = context.catalog().index(child, prefixIndex);
            IndexEntries entries = index.scanKey(index.codec().encode(Arrays.asList(wanted)));
            while (entries.next()) {
                long rowId = TableIndex.rowIdOf(entries.entry());
                byte[] row = heap.readCurrent(context.transaction(), rowId);
                if (row == null) {
                    continue;
                }
                Object[] values = index.decodeRow(row, context.catalog().overflow());
                if (index.keyMatches(entries.entry(), values) && sameKey(pick(values, columns), wanted)) {
                    out.add(new Child(rowId, values));
                }
            }
            return out;
        }
        DataType[] types = child.columnTypes();
        Object[][] cells = new Object[types.length][1];
        try (VersionCursor cursor = heap.scanLatest(context.transaction())) {
            while (cursor.next()) {
                RowCodec.decodeInto(cursor.buffer(), cursor.rowOffset(), cursor.rowLength(), types, cells, 0,
                        context.catalog().overflow());
                boolean match = true;
                for (int i = 0; i < columns.length && match; i++) {
                    Object v = cells[columns[i]][0];
                    match = v != null && Values.compare(v, wanted[i]) == 0;
                }
                if (match) {
                    Object[] values = new Object[types.length];
                    for (int c = 0; c < types.length; c++) {
                        values[c] = cells[c][0];
                    }
                    out.add(new Child(cursor.rowId(), values));
                }
            }
        }
        return out;
    }

    /** A B-tree index of {@code table} whose first columns are exactly {@code columns}, in order, or null. */
    private static IndexDef indexStartingWith(TableDef table, int[] columns) {
        for (IndexDef index : table.indexes()) {
            int[] positions = index.columnPositions();
            if (index.method() == IndexDef.IndexMethod.BTREE && positions.length >= columns.length
                    && Arrays.equals(Arrays.copyOf(positions, columns.length), columns)) {
                return index;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ helpers

    /** {@code value} as {@code type} if exactly representable, else null. */
    private static Object exactly(Object value, DataType type) {
        try {
            Object cast = Casts.cast(value, type);
            return Values.compare(cast, value) == 0 ? cast : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Object[] pick(Object[] row, int[] columns) {
        Object[] out = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            out[i] = row[columns[i]];
        }
        return out;
    }

    private static boolean hasNull(Object[] values) {
        for (Object v : values) {
            if (v == null) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameKey(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null || b[i] == null) {
                if (a[i] != b[i]) {
                    return false;
                }
            } else if (Values.compare(a[i], b[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    private static String names(TableDef table, int[] columns) {
        StringBuilder out = new StringBuilder();
        for (int c : columns) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(table.columns().get(c).name());
        }
        return out.toString();
    }
}
