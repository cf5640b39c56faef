package io.rustydb.sql.plan;

import io.rustydb.sql.catalog.CheckDef;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.ForeignKeyDef;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * One change of a table's shape by ALTER TABLE (a column added, dropped, renamed, retyped, its default or
 * nullability changed, or the table renamed), as the binder resolved it.
 *
 * <p>{@code sourceOf[i]} is the position before the change of new column {@code i}, or -1 for a column being
 * added. {@code rewrite} is null when the rows already stored stay valid as they are (a rename, a default, a
 * nullable column added at the end: rows store their column count, so an old row reads the new trailing column
 * as NULL); otherwise it holds one expression per new column over a row of the old layout, and the table is
 * rewritten into a new heap (see {@code AlterTableExecutor}). {@code validate} asks for the stored rows to be
 * checked against the new NOT NULL and CHECK constraints when there is no rewrite (SET NOT NULL). {@code cascade}
 * lets a dropped column take along the foreign keys of other tables (and views) that use it.
 */
public record TableChange(String name, List<ColumnDef> columns, List<CheckDef> checks, int[] sourceOf,
                          List<Expr> rewrite, boolean validate, boolean cascade) {
    public TableChange {
        columns = List.copyOf(columns);
        checks = List.copyOf(checks);
        sourceOf = sourceOf.clone();
        rewrite = rewrite == null ? null : List.copyOf(rewrite);
    }

    @Override
    public int[] sourceOf() {
        return sourceOf.clone();
    }

    /** The new position of old column {@code old}, or -1 if the change drops it. */
    public int newPosition(int old) {
        for (int i = 0; i < sourceOf.length; i++) {
            if (sourceOf[i] == old) {
                return i;
            }
        }
        return -1;
    }

    /** Old positions mapped to new ones; null if one of them is dropped. */
    public int[] remap(int[] oldPositions) {
        int[] out = new int[oldPositions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = newPosition(oldPositions[i]);
            if (out[i] < 0) {
                return null;
            }
        }
        return out;
    }

    /**
     * {@code table} after this change: its columns, CHECKs and name replaced, its indexes and own foreign keys
     * following their columns to their new positions; those on a dropped column are left out (as PostgreSQL drops
     * them along with the column). The heap and index structures are {@code table}'s; foreign keys of other tables
     * that reference this one are the executor's business.
     */
    public TableDef applyTo(TableDef table) {
        List<IndexDef> indexes = new ArrayList<>();
        for (IndexDef index : table.indexes()) {
            List<IndexDef.IndexColumn> moved = new ArrayList<>();
            boolean lost = false;
            for (IndexDef.IndexColumn c : index.columns()) {
                int position = newPosition(c.column());
                lost |= position < 0;
                moved.add(new IndexDef.IndexColumn(position, c.descending(), c.nullsFirst()));
            }
            if (!lost) {
                indexes.add(new IndexDef(index.indexId(), index.name(), index.tableId(), moved, index.unique(),
                        index.primaryKey(), index.method(), index.rootPage()));
            }
        }
        List<ForeignKeyDef> keys = new ArrayList<>();
        for (ForeignKeyDef key : table.foreignKeys()) {
            int[] columns = remap(key.columns());
            int[] parentColumns = key.parentTableId() == table.tableId() ? remap(key.parentColumns())
                    : key.parentColumns();
            if (columns != null && parentColumns != null) {
                keys.add(new ForeignKeyDef(key.name(), columns, key.parentTableId(), parentColumns, key.onDelete(),
                        key.onUpdate()));
            }
        }
        return new TableDef(table.tableId(), name, columns, table.heapFirstPage(), checks, indexes, keys);
    }
}
