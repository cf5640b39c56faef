package io.rustydb.sql.engine;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.QualifiedName;
import io.rustydb.sql.catalog.SequenceDef;
import io.rustydb.sql.catalog.SequenceGenerator;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.txn.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the sequence DDL — CREATE SEQUENCE, DROP SEQUENCE, ALTER SEQUENCE RESTART — and creates and drops the
 * sequences that identity and SERIAL columns own, with their table. Creating and dropping are transactional
 * catalog changes (under the engine's exclusive DDL lock); RESTART, like {@code setval}, is not: it takes effect
 * at once and no rollback undoes it.
 */
final class SequenceExecutor {
    private SequenceExecutor() {
    }

    /** Whether {@code statement} is sequence DDL that {@link #execute} runs. */
    static boolean handles(BoundStatement statement) {
        return statement instanceof BoundStatement.CreateSequence || statement instanceof BoundStatement.DropSequence
                || statement instanceof BoundStatement.AlterSequence;
    }

    static long execute(BoundStatement statement, Catalog catalog, Transaction tx) {
        if (statement instanceof BoundStatement.CreateSequence create) {
            QualifiedName name = new QualifiedName(create.schema(), create.sequence().name());
            if (create.ifNotExists() && catalog.nameTaken(name)) {
                Notices.skippedExisting("relation", create.sequence().name());
                return 0;
            }
            catalog.createSequence(create.schema(), create.sequence());
        } else if (statement instanceof BoundStatement.DropSequence drop) {
            List<SequenceGenerator> doomed = new ArrayList<>();
            for (QualifiedName qualified : drop.names()) {
                SequenceGenerator found = catalog.findSequence(qualified);
                String name = Catalog.displayName(qualified);
                if (found == null) {
                    if (catalog.nameTaken(qualified)) {
                        throw new DbException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a sequence");
                    }
                    if (!drop.ifExists()) {
                        throw new DbException(ErrorCode.UNDEFINED_TABLE, name);
                    }
                    Notices.skippedMissing("sequence", name);
                    continue;
                }
                SequenceDef def = found.def();
                if (def.owned()) {
                    TableDef owner = ownerTable(catalog, def.ownerTable());
                    String column = owner == null ? "?" : owner.columns().get(def.ownerColumn()).name();
                    throw new DbException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop sequence " + name
                            + " because column " + column + " of table " + (owner == null ? "?" : owner.name())
                            + " requires it (it goes with the table)");
                }
                doomed.add(found);
            }
            for (SequenceGenerator sequence : doomed) {
                catalog.dropSequence(sequence, tx::afterCommit);
            }
        } else if (statement instanceof BoundStatement.AlterSequence alter) {
            SequenceGenerator sequence = catalog.sequence(alter.name());
            sequence.set(alter.restartWith() != null ? alter.restartWith() : sequence.def().start(), false);
        } else {
            throw DbException.internal("not sequence DDL: " + statement.getClass().getSimpleName());
        }
        return 0;
    }

    /** Creates the sequences {@code table}'s identity and SERIAL columns own (after the table itself). */
    static void createOwned(Catalog catalog, TableDef table, List<SequenceDef> sequences) {
        for (SequenceDef def : sequences) {
            catalog.createSequence(catalog.schemaOf(table), def.ownedBy(table.tableId(), def.ownerColumn(), def.identity()));
        }
    }

    /** Drops the sequences owned by {@code table}'s columns (before the table itself). */
    static void dropOwned(Catalog catalog, TableDef table, Transaction tx) {
        for (SequenceDef def : catalog.sequences().ownedBy(table.tableId())) {
            catalog.dropSequence(catalog.sequences().byId(def.sequenceId()), tx::afterCommit);
        }
    }

    private static TableDef ownerTable(Catalog catalog, int tableId) {
        for (TableDef t : catalog.tables()) {
            if (t.tableId() == tableId) {
                return t;
            }
        }
        return null;
    }
}
