package io.rustydb.sql.plan;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import java.util.List;

/**
 * A statement after binding: names resolved, types checked, ready to plan and execute. Immutable, so the plan
 * cache can share it between sessions. {@link #parameterTypes()} gives the inferred type of each {@code ?}.
 */
public sealed interface BoundStatement {
    List<DataType> parameterTypes();

    /** A query returning rows. */
    record Query(LogicalPlan plan, List<String> columnNames, List<DataType> parameterTypes) implements BoundStatement {
        public Query {
            columnNames = List.copyOf(columnNames);
            parameterTypes = List.copyOf(parameterTypes);
        }
    }

    /**
     * A data-changing statement, which may have a RETURNING list ({@link #returning()}, null if none): then it
     * produces rows as well as an update count.
     */
    sealed interface Modify extends BoundStatement {
        /** The changed table. */
        TableDef table();

        /** The RETURNING list, or null. */
        Returning returning();

        /** The plan producing the rows to change (or, for MERGE, the source rows joined to the target). */
        LogicalPlan source();
    }

    /**
     * INSERT: {@code source} produces rows whose column {@code i} goes to table column {@code targetColumns[i]};
     * other columns get NULL. Values are already cast to the target columns' types. {@code onConflict} (null if
     * none) is the ON CONFLICT clause; {@code returning} (null if none) reads the stored rows.
     */
    record Insert(TableDef table, int[] targetColumns, LogicalPlan source, List<CheckConstraint> checks,
                  OnConflict onConflict, Returning returning, List<DataType> parameterTypes) implements Modify {
        public Insert {
            targetColumns = targetColumns.clone();
            checks = List.copyOf(checks);
            parameterTypes = List.copyOf(parameterTypes);
        }

        @Override
        public int[] targetColumns() {
            return targetColumns.clone();
        }
    }

    /**
     * UPDATE: {@code source} produces one row per row to change: its row id, then the new value of every column
     * of the table (already converted to the column types), then (with RETURNING) the columns of the FROM tables.
     * With FROM, a row may come more than once: the first one counts.
     */
    record Update(TableDef table, LogicalPlan source, List<CheckConstraint> checks, Returning returning,
                  List<DataType> parameterTypes) implements Modify {
        public Update {
            checks = List.copyOf(checks);
            parameterTypes = List.copyOf(parameterTypes);
        }
    }

    /**
     * DELETE: {@code source} produces the row id of each row to delete (with USING, maybe more than once), then
     * (with RETURNING) the row's columns and those of the USING tables.
     */
    record Delete(TableDef table, LogicalPlan source, Returning returning, List<DataType> parameterTypes)
            implements Modify {
        public Delete {
            parameterTypes = List.copyOf(parameterTypes);
        }
    }

    /**
     * MERGE: {@code source} is the source rows LEFT JOINed to the target's rows on the ON condition: per row the
     * {@code sourceColumns} source columns, then the target's columns in table order, then the target row id (NULL
     * when no target row matched). {@code matched} and {@code notMatched} are the WHEN clauses in order; the first
     * whose condition holds acts. {@code returning} reads the target row (new values, or the old ones for DELETE)
     * followed by the source columns.
     */
    record Merge(TableDef table, LogicalPlan source, int sourceColumns, List<MergeAction> matched,
                 List<MergeAction> notMatched, List<CheckConstraint> checks, Returning returning,
                 List<DataType> parameterTypes) implements Modify {
        public Merge {
            matched = List.copyOf(matched);
            notMatched = List.copyOf(notMatched);
            checks = List.copyOf(checks);
            parameterTypes = List.copyOf(parameterTypes);
        }
    }

    /**
     * ALTER TABLE: its actions in order, each an {@link AlterColumns}, {@link AddConstraint} or
     * {@link DropConstraint} bound against the table as the actions before it leave it.
     */
    record AlterTable(TableDef table, List<BoundStatement> steps) implements BoundStatement {
        public AlterTable {
            steps = List.copyOf(steps);
        }

        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /** One change of the columns (or the name) of table {@code tableName}; see {@link TableChange}. */
    record AlterColumns(io.rustydb.sql.catalog.QualifiedName tableName, TableChange change) implements BoundStatement {
        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /** CREATE TABLE, with the indexes of its PRIMARY KEY and UNIQUE constraints and its foreign keys. */
    record CreateTable(io.rustydb.sql.catalog.QualifiedName name, List<ColumnDef> columns, List<io.rustydb.sql.catalog.CheckDef> checks,
                       List<IndexSpec> indexes, List<ForeignKeySpec> foreignKeys, boolean ifNotExists)
            implements BoundStatement {
        public CreateTable {
            columns = List.copyOf(columns);
            checks = List.copyOf(checks);
            indexes = List.copyOf(indexes);
            foreignKeys = List.copyOf(foreignKeys);
        }

        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /**
     * CREATE TABLE ... AS query: a table of {@code columns} filled with the rows of {@code query} (whose output
     * column {@code i} goes to column {@code i}).
     */
    record CreateTableAs(io.rustydb.sql.catalog.QualifiedName name, List<ColumnDef> columns, Query query, boolean ifNotExists)
            implements BoundStatement {
        public CreateTableAs {
            columns = List.copyOf(columns);
        }

        @Override
        public List<DataType> parameterTypes() {
            return query.parameterTypes();
        }
    }

    /** CREATE [OR REPLACE] VIEW. */
    record CreateView(io.rustydb.sql.catalog.ViewDef view, boolean orReplace) implements BoundStatement {
        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /** DROP VIEW of one or more views; {@code cascade} also drops the views that use them. */
    record DropView(List<io.rustydb.sql.catalog.QualifiedName> names, boolean ifExists, boolean cascade) implements BoundStatement {
        public DropView {
            names = List.copyOf(names);
        }

        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /** COMMENT ON TABLE / COLUMN: {@code text} null removes the comment. */
    record SetComment(io.rustydb.sql.catalog.CommentKey key, String text) implements BoundStatement {
        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /** CREATE INDEX on {@code table}. */
    record CreateIndex(TableDef table, IndexSpec index, boolean ifNotExists) implements BoundStatement {
        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /** DROP INDEX (or ALTER TABLE ... DROP CONSTRAINT of a key); {@code name} already folded. */
    record DropIndex(io.rustydb.sql.catalog.QualifiedName name, boolean ifExists) implements BoundStatement {
        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /**
     * ALTER TABLE ... ADD a constraint: exactly one of {@code key} (PRIMARY KEY / UNIQUE), {@code foreignKey},
     * {@code check} is set. The table's existing rows must satisfy it.
     */
    record AddConstraint(TableDef table, IndexSpec key, ForeignKeySpec foreignKey, io.rustydb.sql.catalog.CheckDef check)
            implements BoundStatement {
        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /** ALTER TABLE ... DROP CONSTRAINT [IF EXISTS] name ({@code name} already folded). */
    record DropConstraint(TableDef table, String name, boolean ifExists) implements BoundStatement {
        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /** A transaction control statement, carried out by the session. */
    record Control(TransactionControl control) implements BoundStatement {
        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /** CREATE SEQUENCE in schema {@code schema}: {@code sequence}'s id is assigned when it is created. */
    record CreateSequence(String schema, io.rustydb.sql.catalog.SequenceDef sequence, boolean ifNotExists) implements BoundStatement {
        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /** DROP SEQUENCE of one or more sequences (names folded). */
    record DropSequence(List<io.rustydb.sql.catalog.QualifiedName> names, boolean ifExists) implements BoundStatement {
        public DropSequence {
            names = List.copyOf(names);
        }

        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /** ALTER SEQUENCE s RESTART [WITH n]: {@code restartWith} null restarts at the START value. */
    record AlterSequence(io.rustydb.sql.catalog.QualifiedName name, Long restartWith) implements BoundStatement {
        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /**
     * CREATE TABLE with identity or SERIAL columns: the table, then the sequences its columns own (each with
     * {@code ownerColumn} set and {@code ownerTable} -1 until the table exists). The columns' defaults already
     * call {@code nextval} of those sequences.
     */
    record CreateTableWithSequences(CreateTable create, List<io.rustydb.sql.catalog.SequenceDef> sequences)
            implements BoundStatement {
        public CreateTableWithSequences {
            sequences = List.copyOf(sequences);
        }

        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /** DROP TABLE of one or more tables; {@code cascade} also drops the views and foreign keys that use them. */
    record DropTable(List<io.rustydb.sql.catalog.QualifiedName> names, boolean ifExists, boolean cascade) implements BoundStatement {
        public DropTable {
            names = List.copyOf(names);
        }

        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /** CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION owner] ({@code owner} null if not given). */
    record CreateSchema(String name, String owner, boolean ifNotExists) implements BoundStatement {
        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /** DROP SCHEMA [IF EXISTS] name [, ...] [CASCADE | RESTRICT]: CASCADE drops what is in them first. */
    record DropSchema(List<String> names, boolean ifExists, boolean cascade) implements BoundStatement {
        public DropSchema {
            names = List.copyOf(names);
        }

        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /** ALTER SCHEMA name RENAME TO newName. */
    record RenameSchema(String name, String newName) implements BoundStatement {
        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /**
     * {@code SET name TO value[, ...]} ({@code values} as written, see
     * {@link io.rustydb.sql.exec.SessionSettings#set}), or with {@code values} null {@code SET name TO DEFAULT} /
     * {@code RESET name} ({@code name} "all": every parameter). Carried out on the session, outside the transaction.
     */
    record SetSetting(String name, List<String> values) implements BoundStatement {
        public SetSetting {
            values = values == null ? null : List.copyOf(values);
        }

        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }
}
