package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.CheckDef;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.ForeignKeySpec;
import io.rustydb.sql.plan.IndexSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * Binds {@code ALTER TABLE t ADD [CONSTRAINT name] PRIMARY KEY (cols) | UNIQUE (cols) | FOREIGN KEY (cols)
 * REFERENCES p [(cols)] [ON DELETE ...] [ON UPDATE ...] | CHECK (cond)} and {@code ALTER TABLE t DROP CONSTRAINT
 * [IF EXISTS] name} — the form schema tools (Hibernate, Flyway scripts) use to declare keys after the tables. The
 * existing rows are checked when the statement runs; names follow PostgreSQL ({@code t_pkey}, {@code t_a_b_key},
 * {@code t_a_fkey}, {@code t_check}).
 */
final class AlterConstraintBinder {
    private final Catalog catalog;

    AlterConstraintBinder(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Whether {@code e} is a constraint change this binder handles. */
    static boolean handles(AlterExpression e) {
        String op = String.valueOf(e.getOperation());
        return op.equals("ADD") && e.getIndex() != null
                || op.equals("DROP") && e.getConstraintName() != null;
    }

    BoundStatement bind(TableDef table, AlterExpression e) {
        if (String.valueOf(e.getOperation()).equals("DROP")) {
            return new BoundStatement.DropConstraint(table, Identifiers.normalize(e.getConstraintName()),
                    e.isUsingIfExists());
        }
        Index index = e.getIndex();
        String name = index.getName() != null ? Identifiers.normalize(index.getName()) : null;
        if (name != null && constraintExists(table, name)) {
            throw new DbException(ErrorCode.DUPLICATE_OBJECT, "constraint \"" + name + "\" for relation \""
                    + table.name() + "\" already exists");
        }
        if (index instanceof CheckConstraint check) {
            String checkName = name != null ? name : freeConstraintName(table, table.name() + "_check");
            return new BoundStatement.AddConstraint(table, null, null,
                    new CheckDef(checkName, StoredExpressions.unqualify(check.getExpression(), table.name())));
        }
        List<Integer> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String c : index.getColumnsNames()) {
            String column = Identifiers.normalize(c);
            int position = table.columnIndex(column);
            if (position < 0) {
                throw new DbException(ErrorCode.UNDEFINED_COLUMN, column);
            }
            if (!seen.add(position)) {
                throw new DbException(ErrorCode.DUPLICATE_COLUMN, column);
            }
            columns.add(position);
            names.add(column);
        }
        if (index instanceof ForeignKeyIndex fk) {
            if (fk.getMatchType() != null && !fk.getMatchType().name().equals("SIMPLE")) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "MATCH " + fk.getMatchType());
            }
            String parent = fk.getTable() != null ? fk.getTable().getName() : e.getFkSourceTable();
            List<String> parentColumns = null;
            List<String> referenced = fk.getReferencedColumnNames() != null && !fk.getReferencedColumnNames().isEmpty()
                    ? fk.getReferencedColumnNames() : e.getFkSourceColumns();
            if (referenced != null && !referenced.isEmpty()) {
                parentColumns = new ArrayList<>();
                for (String c : referenced) {
                    parentColumns.add(Identifiers.normalize(c));
                }
            }
            String fkName = name != null ? name
                    : freeConstraintName(table, table.name() + "_" + String.join("_", names) + "_fkey");
            net.sf.jsqlparser.schema.Table parentTable = fk.getTable() != null ? fk.getTable()
                    : new net.sf.jsqlparser.schema.Table(parent);
            ForeignKeySpec spec = new ForeignKeySpec(fkName, columns, Names.lookup(catalog, parentTable), parentColumns,
                    CreateTableBinder.action(fk.getOnDeleteReferenceOption()),
                    CreateTableBinder.action(fk.getOnUpdateReferenceOption()));
            return new BoundStatement.AddConstraint(table, null, spec, null);
        }
        String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
        boolean primary = type.equals("PRIMARY KEY");
        if (!primary && !type.startsWith("UNIQUE")) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "ALTER TABLE ADD " + index.getType());
        }
        List<IndexDef.IndexColumn> indexColumns = new ArrayList<>();
        for (int position : columns) {
            indexColumns.add(IndexDef.IndexColumn.of(position, false));
        }
        String keyName = name != null ? name : CreateIndexBinder.freeName(catalog, catalog.schemaOf(table),
                table.name() + (primary ? "_pkey" : "_" + String.join("_", names) + "_key"));
        return new BoundStatement.AddConstraint(table, new IndexSpec(keyName, indexColumns, true, primary,
                IndexDef.IndexMethod.BTREE), null, null);
    }

    /** Whether {@code table} has a constraint (unique index, foreign key, CHECK) named {@code name}. */
    static boolean constraintExists(TableDef table, String name) {
        return table.indexes().stream().anyMatch(i -> i.name().equals(name))
                || table.foreignKeys().stream().anyMatch(k -> k.name().equals(name))
                || table.checks().stream().anyMatch(c -> c.name().equals(name));
    }

    private static String freeConstraintName(TableDef table, String base) {
        String name = base;
        for (int i = 1; constraintExists(table, name); i++) {
            name = base + i;
        }
        return name;
    }
}
