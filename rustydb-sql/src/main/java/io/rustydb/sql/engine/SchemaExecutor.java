package io.rustydb.sql.engine;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.QualifiedName;
import io.rustydb.sql.catalog.SchemaDef;
import io.rustydb.sql.catalog.SequenceDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.catalog.ViewDef;
import io.rustydb.sql.exec.SessionState;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.txn.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs CREATE SCHEMA, DROP SCHEMA and ALTER SCHEMA ... RENAME TO — transactional catalog changes like all DDL
 * (a rollback brings the catalog back) — and SET / RESET of session parameters (not transactional).
 *
 * <p>DROP SCHEMA ... CASCADE drops what is in each schema as DROP VIEW / DROP TABLE / DROP SEQUENCE ... CASCADE
 * would: views first, then tables (with the foreign keys of other schemas' tables that reference them, and the
 * views elsewhere that read them), then the remaining sequences. Without CASCADE a schema that holds anything is
 * 2BP01 (RESTRICT, the default).
 */
final class SchemaExecutor {
    private SchemaExecutor() {
    }

    /** Whether {@code statement} is schema DDL that {@link #execute} runs. */
    static boolean handles(BoundStatement statement) {
        return statement instanceof BoundStatement.CreateSchema || statement instanceof BoundStatement.DropSchema
                || statement instanceof BoundStatement.RenameSchema;
    }

    static long execute(Catalog catalog, BoundStatement statement, Transaction tx) {
        if (statement instanceof BoundStatement.CreateSchema create) {
            if (create.ifNotExists() && (catalog.findSchema(create.name()) != null
                    || SchemaDef.isSystem(create.name()))) {
                Notices.skippedExisting("schema", create.name());
                return 0;
            }
            if (create.name().startsWith("pg_")) {
                throw new DbException(ErrorCode.RESERVED_NAME, "unacceptable schema name \"" + create.name()
                        + "\": the prefix \"pg_\" is reserved for system schemas");
            }
            catalog.createSchema(create.name(), create.owner());
        } else if (statement instanceof BoundStatement.RenameSchema rename) {
            if (rename.newName().startsWith("pg_")) {
                throw new DbException(ErrorCode.RESERVED_NAME, "unacceptable schema name \"" + rename.newName()
                        + "\": the prefix \"pg_\" is reserved for system schemas");
            }
            catalog.renameSchema(rename.name(), rename.newName());
        } else if (statement instanceof BoundStatement.DropSchema drop) {
            dropSchemas(catalog, drop, tx);
        } else {
            throw DbException.internal("not schema DDL: " + statement.getClass().getSimpleName());
        }
        return 0;
    }

    private static void dropSchemas(Catalog catalog, BoundStatement.DropSchema drop, Transaction tx) {
        List<String> doomed = new ArrayList<>();
        for (String name : drop.names()) {
            if (catalog.findSchema(name) == null && !SchemaDef.isSystem(name)) {
                if (drop.ifExists()) {
                    Notices.skippedMissing("schema", name);
                    continue;
                }
                throw new DbException(ErrorCode.INVALID_SCHEMA_NAME, name);
            }
            if (!drop.cascade()) {
                catalog.dropSchema(name); // 2BP01 if anything is in it, 0A000 for public
            } else {
                doomed.add(name);
            }
        }
        if (doomed.isEmpty()) {
            return;
        }
        for (String name : doomed) {
            catalog.checkDroppable(name); // 0A000 for public before anything is dropped
        }
        List<QualifiedName> views = new ArrayList<>();
        List<QualifiedName> tables = new ArrayList<>();
        List<QualifiedName> sequences = new ArrayList<>();
        for (ViewDef view : catalog.views()) {
            if (doomed.contains(catalog.schemaOf(view))) {
                views.add(new QualifiedName(catalog.schemaOf(view), view.name()));
            }
        }
        for (TableDef table : catalog.tables()) {
            if (doomed.contains(catalog.schemaOf(table))) {
                tables.add(catalog.nameOf(table));
            }
        }
        for (SequenceDef sequence : catalog.sequences().all()) {
            if (!sequence.owned() && doomed.contains(catalog.schemaOf(sequence))) {
                sequences.add(new QualifiedName(catalog.schemaOf(sequence), sequence.name()));
            }
        }
        if (!views.isEmpty()) {
            DropExecutor.dropViews(catalog, new BoundStatement.DropView(views, true, true));
        }
        if (!tables.isEmpty()) {
            DropExecutor.dropTables(catalog, new BoundStatement.DropTable(tables, true, true), tx);
        }
        if (!sequences.isEmpty()) {
            SequenceExecutor.execute(new BoundStatement.DropSequence(sequences, true), catalog, tx);
        }
        for (String name : doomed) {
            catalog.dropSchema(name);
        }
    }

    /** {@code SET} / {@code RESET} on the session. */
    static void set(BoundStatement.SetSetting set, SessionState session) {
        if (set.values() == null && set.name().equals("all")) {
            session.settings().resetAll();
        } else {
            session.settings().set(set.name(), set.values());
        }
    }
}
