package io.rustydb.sql.engine;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.binder.Views;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.QualifiedName;
import io.rustydb.sql.catalog.ViewDef;
import io.rustydb.sql.catalog.ForeignKeyDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.txn.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs CREATE [OR REPLACE] VIEW, DROP VIEW and DROP TABLE, and keeps views consistent with the tables they read:
 * after a change, a view whose query no longer binds depends on what changed, so the change is 2BP01 unless
 * CASCADE, which drops such views too ({@link #dropBrokenViews}). DROP TABLE ... CASCADE also drops the foreign
 * keys of other tables that reference the table.
 */
final class DropExecutor {
    private DropExecutor() {
    }

    static long createView(Catalog catalog, BoundStatement.CreateView create) {
        catalog.createView(create.view(), create.orReplace());
        dropBrokenViews(catalog, false, "view " + create.view().name());
        return 0;
    }

    static long dropViews(Catalog catalog, BoundStatement.DropView drop) {
        for (QualifiedName name : drop.names()) {
            if (catalog.findView(name) == null) {
                if (catalog.findTable(name) != null) {
                    throw new DbException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name.name() + "\" is not a view");
                }
                if (!drop.ifExists()) {
                    throw new DbException(ErrorCode.UNDEFINED_TABLE, Catalog.displayName(name));
                }
                Notices.skippedMissing("view", Catalog.displayName(name));
            }
        }
        for (QualifiedName name : drop.names()) {
            ViewDef view = catalog.findView(name);
            if (view != null) {
                catalog.dropView(view);
            }
        }
        dropBrokenViews(catalog, drop.cascade(), "view " + names(drop.names()));
        return 0;
    }

    static long dropTables(Catalog catalog, BoundStatement.DropTable drop, Transaction tx) {
        for (QualifiedName name : drop.names()) {
            if (catalog.findTable(name) == null) {
                if (catalog.findView(name) != null) {
                    throw new DbException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name.name() + "\" is not a table");
                }
                if (!drop.ifExists()) {
                    throw new DbException(ErrorCode.UNDEFINED_TABLE, Catalog.displayName(name));
                }
                Notices.skippedMissing("table", Catalog.displayName(name));
            }
        }
        for (QualifiedName name : drop.names()) {
            TableDef table = catalog.findTable(name);
            if (table == null) {
                continue;
            }
            if (drop.cascade()) {
                dropReferencingKeys(catalog, table, drop.names());
            }
            SequenceExecutor.dropOwned(catalog, table, tx);
            catalog.dropTable(name, tx::afterCommit);
        }
        dropBrokenViews(catalog, drop.cascade(), "table " + names(drop.names()));
        return 0;
    }

    private static String names(List<QualifiedName> names) {
        StringBuilder out = new StringBuilder();
        for (QualifiedName name : names) {
            out.append(out.length() > 0 ? ", " : "").append(Catalog.displayName(name));
        }
        return out.toString();
    }

    /** Drops the foreign keys of tables outside {@code dropped} that reference {@code table}. */
    private static void dropReferencingKeys(Catalog catalog, TableDef table, List<QualifiedName> dropped) {
        for (Catalog.Reference reference : catalog.referencing(table.tableId())) {
            TableDef child = catalog.current(reference.child());
            if (child.tableId() == table.tableId() || dropped.contains(catalog.nameOf(child))) {
                continue;
            }
            List<ForeignKeyDef> keys = new ArrayList<>(child.foreignKeys());
            keys.remove(reference.key());
            catalog.alterTable(child, child.withForeignKeys(keys));
        }
    }

    /**
     * Views that no longer bind after a change of {@code what}: dropped if {@code cascade} (and then the views
     * that read those, and so on), else 2BP01 naming the first.
     */
    static void dropBrokenViews(Catalog catalog, boolean cascade, String what) {
        for (List<ViewDef> broken = Views.broken(catalog); !broken.isEmpty(); broken = Views.broken(catalog)) {
            if (!cascade) {
                throw new DbException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot change or drop " + what
                        + " because view " + Catalog.displayName(new QualifiedName(catalog.schemaOf(broken.get(0)),
                        broken.get(0).name())) + " depends on it (use CASCADE to drop the view too)");
            }
            for (ViewDef view : broken) {
                catalog.dropView(view);
            }
        }
    }
}
