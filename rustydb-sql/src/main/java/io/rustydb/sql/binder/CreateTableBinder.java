package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.CheckDef;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.parser.SqlParser;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.ForeignKeySpec;
import io.rustydb.sql.plan.IndexSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.table.CreateTable;

/**
 * Binds {@code CREATE TABLE [IF NOT EXISTS] t (col type [NOT NULL | NULL] [DEFAULT expr] [PRIMARY KEY | UNIQUE]
 * [[CONSTRAINT name] CHECK (cond)] ..., [CONSTRAINT name] CHECK (cond) | PRIMARY KEY (cols) | UNIQUE (cols),
 * ...)}. JSqlParser hands column constraints over as raw tokens; they are read here. Defaults and CHECK conditions
 * are validated now (bound, and typed: a default must be assignable to its column, a condition boolean) and kept as
 * SQL text in the catalog. PRIMARY KEY and UNIQUE become unique B-tree indexes named as PostgreSQL names them
 * ({@code t_pkey}, {@code t_col_key}); primary key columns are NOT NULL; a second primary key is 42P16. FOREIGN KEY /
 * REFERENCES (column or table constraint, with ON DELETE / ON UPDATE actions) become foreign keys, resolved against
 * the referenced table when the table is created.
 */
final class CreateTableBinder {
    private static final Set<String> COLUMN_KEYWORDS = Set.of("NOT", "NULL", "DEFAULT", "CHECK", "CONSTRAINT",
            "PRIMARY", "UNIQUE", "REFERENCES", "GENERATED", "AUTO_INCREMENT", "COLLATE");

    private final io.rustydb.sql.catalog.Catalog catalog;

    CreateTableBinder(io.rustydb.sql.catalog.Catalog catalog) {
        this.catalog = catalog;
    }

    /** A PRIMARY KEY or UNIQUE constraint as written: its name (or null) and column names. */
    private record PendingKey(String name, List<String> columns, boolean primary) {
    }

    /** A FOREIGN KEY as written: its name (or null), child column names, and the parsed reference. */
    private record PendingForeignKey(String name, List<String> columns, ForeignKeyIndex reference) {
    }

    BoundStatement.CreateTable bind(CreateTable create) {
        if (create.getSelect() != null || create.getLikeTable() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "CREATE TABLE ... AS / LIKE");
        }
        if (create.getColumnDefinitions() == null || create.getColumnDefinitions().isEmpty()) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "a table needs at least one column");
        }
        io.rustydb.sql.catalog.QualifiedName qualified = Names.forCreate(catalog, create.getTable());
        String name = qualified.name();
        List<ColumnDef> columns = new ArrayList<>();
        List<PendingCheck> checks = new ArrayList<>();
        List<PendingKey> keys = new ArrayList<>();
        List<PendingForeignKey> foreignKeys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ColumnDefinition definition : create.getColumnDefinitions()) {
            String column = Identifiers.normalize(definition.getColumnName());
            if (!seen.add(column)) {
                throw new DbException(ErrorCode.DUPLICATE_COLUMN, column);
            }
            DataType type = TypeNames.toDataType(definition.getColDataType());
            if (type.equals(DataType.NULL)) {
                throw new DbException(ErrorCode.DATATYPE_MISMATCH, "column \"" + column + "\" has no type");
            }
            ColumnSpecs specs = ColumnSpecs.read(column, definition.getColumnSpecs());
            columns.add(new ColumnDef(column, type, specs.nullable, specs.defaultSql));
            checks.addAll(specs.checks);
            if (specs.primaryKey) {
                keys.add(new PendingKey(null, List.of(column), true));
            }
            if (specs.unique) {
                keys.add(new PendingKey(null, List.of(column), false));
            }
            if (specs.references != null) {
                foreignKeys.add(new PendingForeignKey(null, List.of(column), specs.references));
            }
        }
        if (create.getIndexes() != null) {
            for (Index index : create.getIndexes()) {
                String constraintName = index.getName() != null ? Identifiers.normalize(index.getName()) : null;
                if (index instanceof CheckConstraint check) {
                    checks.add(new PendingCheck(constraintName, null, check.getExpression()));
                    continue;
                }
                if (index instanceof ForeignKeyIndex fk) {
                    List<String> fkColumns = new ArrayList<>();
                    for (String c : fk.getColumnsNames()) {
                        fkColumns.add(Identifiers.normalize(c));
                    }
                    foreignKeys.add(new PendingForeignKey(constraintName, fkColumns, fk));
                    continue;
                }
                String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
                if (!type.equals("PRIMARY KEY") && !type.equals("UNIQUE") && !type.equals("UNIQUE KEY")) {
                    throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "table constraint " + index.getType());
                }
                List<String> keyColumns = new ArrayList<>();
                for (String c : index.getColumnsNames()) {
                    keyColumns.add(Identifiers.normalize(c));
                }
                keys.add(new PendingKey(constraintName, keyColumns, type.equals("PRIMARY KEY")));
            }
        }
        List<CheckDef> named = nameChecks(name, checks);
        List<IndexSpec> indexes = keyIndexes(qualified.schema(), name, columns, keys);
        List<ForeignKeySpec> references = foreignKeys(name, columns, foreignKeys, indexes);
        StoredExpressions.validate(new TableDef(-1, name, columns, 0, named));
        return new BoundStatement.CreateTable(qualified, columns, named, indexes, references, create.isIfNotExists());
    }

    /**
     * The foreign keys, named as PostgreSQL names them ({@code t_col_fkey}); the referenced table is looked up
     * when the table is created (it may be this one).
     */
    private List<ForeignKeySpec> foreignKeys(String table, List<ColumnDef> columns, List<PendingForeignKey> pending,
                                             List<IndexSpec> indexes) {
        List<ForeignKeySpec> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (IndexSpec index : indexes) {
            used.add(index.name());
        }
        for (PendingForeignKey fk : pending) {
            List<Integer> positions = new ArrayList<>();
            for (String column : fk.columns()) {
                positions.add(position(columns, column));
            }
            ForeignKeyIndex ref = fk.reference();
            if (ref.getMatchType() != null && !ref.getMatchType().name().equals("SIMPLE")) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "MATCH " + ref.getMatchType());
            }
            List<String> parentColumns = null;
            if (ref.getReferencedColumnNames() != null && !ref.getReferencedColumnNames().isEmpty()) {
                parentColumns = new ArrayList<>();
                for (String c : ref.getReferencedColumnNames()) {
                    parentColumns.add(Identifiers.normalize(c));
                }
                if (parentColumns.size() != positions.size()) {
                    throw new DbException(ErrorCode.INVALID_FOREIGN_KEY, "number of referencing and referenced "
                            + "columns for foreign key disagree");
                }
            }
            String keyName = fk.name();
            if (keyName == null) {
                String base = table + "_" + String.join("_", fk.columns()) + "_fkey";
                keyName = base;
                for (int i = 1; used.contains(keyName); i++) {
                    keyName = base + i;
                }
            } else if (used.contains(keyName)) {
                throw new DbException(ErrorCode.DUPLICATE_OBJECT, "constraint \"" + keyName + "\" for relation \""
                        + table + "\" already exists");
            }
            used.add(keyName);
            out.add(new ForeignKeySpec(keyName, positions, Names.lookup(catalog, ref.getTable()),
                    parentColumns, action(ref.getOnDeleteReferenceOption()), action(ref.getOnUpdateReferenceOption())));
        }
        return out;
    }

    /** The position of the column named {@code name} among {@code columns}; 42703 if there is none. */
    private static int position(List<ColumnDef> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new DbException(ErrorCode.UNDEFINED_COLUMN, name);
    }

    /** A referential action as written ({@code ON DELETE SET NULL}...); 42601 for an unknown one. */
    static io.rustydb.sql.catalog.ForeignKeyDef.Action action(String sql) {
        try {
            return io.rustydb.sql.catalog.ForeignKeyDef.Action.parse(sql);
        } catch (IllegalArgumentException e) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "unknown referential action " + sql);
        }
    }

    /** A column's {@code REFERENCES t [(col)] [ON DELETE ...] [ON UPDATE ...]}, parsed as a table constraint. */
    static ForeignKeyIndex parseReference(String column, String sql) {
        try {
            CreateTable probe = (CreateTable) net.sf.jsqlparser.parser.CCJSqlParserUtil.parse(
                    "CREATE TABLE probe (c INTEGER, FOREIGN KEY (c) " + sql + ")");
            return (ForeignKeyIndex) probe.getIndexes().get(0);
        } catch (net.sf.jsqlparser.JSQLParserException | RuntimeException e) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "cannot read \"" + sql + "\" on column \"" + column + "\"");
        }
    }

    /**
     * The unique indexes of the PRIMARY KEY and UNIQUE constraints (the primary key first); makes primary key
     * columns NOT NULL in {@code columns}.
     */
    private List<IndexSpec> keyIndexes(String schema, String table, List<ColumnDef> columns, List<PendingKey> keys) {
        List<IndexSpec> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        boolean hasPrimary = false;
        List<PendingKey> ordered = new ArrayList<>();
        for (PendingKey key : keys) {
            if (key.primary()) {
                if (hasPrimary) {
                    throw new DbException(ErrorCode.INVALID_TABLE_DEFINITION,
                            "multiple primary keys for table \"" + table + "\" are not allowed");
                }
                hasPrimary = true;
                ordered.add(0, key);
            } else {
                ordered.add(key);
            }
        }
        for (PendingKey key : ordered) {
            List<IndexDef.IndexColumn> indexColumns = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            for (String column : key.columns()) {
                int position = position(columns, column);
                if (!seen.add(position)) {
                    throw new DbException(ErrorCode.DUPLICATE_COLUMN, column);
                }
                indexColumns.add(IndexDef.IndexColumn.of(position, false));
                if (key.primary()) {
                    ColumnDef c = columns.get(position);
                    columns.set(position, new ColumnDef(c.name(), c.type(), false, c.defaultSql()));
                }
            }
            String indexName = key.name();
            if (indexName == null) {
                String base = table + (key.primary() ? "_pkey" : "_" + String.join("_", key.columns()) + "_key");
                indexName = base;
                for (int i = 1; used.contains(indexName)
                        || catalog.nameTaken(new io.rustydb.sql.catalog.QualifiedName(schema, indexName)); i++) {
                    indexName = base + i;
                }
            } else if (used.contains(indexName)) {
                throw new DbException(ErrorCode.DUPLICATE_TABLE, indexName);
            }
            used.add(indexName);
            out.add(new IndexSpec(indexName, indexColumns, true, key.primary(), IndexDef.IndexMethod.BTREE));
        }
        return out;
    }

    /** A CHECK as written: its given name (or null), the column it was written on (or null), its condition. */
    record PendingCheck(String name, String column, net.sf.jsqlparser.expression.Expression condition) {
    }

    /**
     * Names unnamed CHECK constraints as PostgreSQL does: {@code t_col_check} for one written on a column,
     * {@code t_check} for a table constraint, with 1, 2, ... appended on a clash; 42710 if two given names clash.
     */
    private static List<CheckDef> nameChecks(String table, List<PendingCheck> checks) {
        Set<String> used = new HashSet<>();
        for (PendingCheck c : checks) {
            if (c.name() != null && !used.add(c.name())) {
                throw new DbException(ErrorCode.DUPLICATE_OBJECT, "constraint \"" + c.name() + "\" for relation \""
                        + table + "\" already exists");
            }
        }
        List<CheckDef> out = new ArrayList<>();
        for (PendingCheck c : checks) {
            String n = c.name();
            if (n == null) {
                String base = table + (c.column() != null ? "_" + c.column() : "") + "_check";
                n = base;
                for (int i = 1; used.contains(n); i++) {
                    n = base + i;
                }
                used.add(n);
            }
            out.add(new CheckDef(n, StoredExpressions.unqualify(c.condition(), table)));
        }
        return out;
    }

    /** A column's constraint tokens, read (also by ALTER TABLE ADD COLUMN). */
    static final class ColumnSpecs {
        boolean nullable = true;
        String defaultSql;
        boolean hasDefault;
        boolean primaryKey;
        boolean unique;
        ForeignKeyIndex references;
        final List<PendingCheck> checks = new ArrayList<>();

        static ColumnSpecs read(String column, List<String> specs) {
            ColumnSpecs out = new ColumnSpecs();
            if (specs == null) {
                return out;
            }
            int i = 0;
            while (i < specs.size()) {
                String w = specs.get(i).toUpperCase(Locale.ROOT);
                if (w.equals("NOT") && i + 1 < specs.size() && specs.get(i + 1).equalsIgnoreCase("NULL")) {
                    out.nullable = false;
                    i += 2;
                } else if (w.equals("NULL")) {
                    out.nullable = true;
                    i++;
                } else if (w.equals("PRIMARY") && i + 1 < specs.size() && specs.get(i + 1).equalsIgnoreCase("KEY")) {
                    out.primaryKey = true;
                    i += 2;
                } else if (w.equals("UNIQUE")) {
                    out.unique = true;
                    i++;
                } else if (w.startsWith("REFERENCES")) {
                    // JSqlParser keeps "REFERENCES p(id) ON DELETE ..." as one token (or as several words)
                    int end = i + 1;
                    while (end < specs.size() && (!COLUMN_KEYWORDS.contains(specs.get(end).toUpperCase(Locale.ROOT))
                            || specs.get(end - 1).equalsIgnoreCase("SET"))) {
                        end++;
                    }
                    out.references = parseReference(column, String.join(" ", specs.subList(i, end)));
                    i = end;
                } else if (w.equals("DEFAULT")) {
                    if (out.hasDefault) {
                        throw new DbException(ErrorCode.SYNTAX_ERROR,
                                "multiple default values specified for column \"" + column + "\"");
                    }
                    out.hasDefault = true;
                    int end = i + 1;
                    while (end < specs.size() && (end == i + 1
                            || !COLUMN_KEYWORDS.contains(specs.get(end).toUpperCase(Locale.ROOT))
                            && !specs.get(end).toUpperCase(Locale.ROOT).startsWith("REFERENCES "))) {
                        end++;
                    }
                    if (end == i + 1) {
                        throw new DbException(ErrorCode.SYNTAX_ERROR, "DEFAULT without a value on \"" + column + "\"");
                    }
                    String sql = String.join(" ", specs.subList(i + 1, end));
                    out.defaultSql = sql.equalsIgnoreCase("NULL") ? null : SqlParser.parseExpression(sql).toString();
                    i = end;
                } else if (w.equals("CHECK") || w.equals("CONSTRAINT")) {
                    String checkName = null;
                    if (w.equals("CONSTRAINT")) {
                        if (i + 2 >= specs.size() || !specs.get(i + 2).equalsIgnoreCase("CHECK")) {
                            throw unsupported(column, specs, i);
                        }
                        checkName = Identifiers.normalize(specs.get(i + 1));
                        i += 2;
                    }
                    if (i + 1 >= specs.size()) {
                        throw new DbException(ErrorCode.SYNTAX_ERROR, "CHECK without a condition on \"" + column + "\"");
                    }
                    out.checks.add(new PendingCheck(checkName, column, SqlParser.parseExpression(specs.get(i + 1))));
                    i += 2;
                } else {
                    throw unsupported(column, specs, i);
                }
            }
            return out;
        }

        private static DbException unsupported(String column, List<String> specs, int from) {
            return new DbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "column constraint " + String.join(" ", specs.subList(from, specs.size())) + " on \"" + column + "\"");
        }
    }
}
