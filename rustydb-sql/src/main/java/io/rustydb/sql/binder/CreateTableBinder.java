package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.CheckDef;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.parser.SqlParser;
import io.rustydb.sql.plan.BoundStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.table.CreateTable;

/**
 * Binds {@code CREATE TABLE [IF NOT EXISTS] t (col type [NOT NULL | NULL] [DEFAULT expr] [[CONSTRAINT name]
 * CHECK (cond)] ..., [CONSTRAINT name] CHECK (cond), ...)}. JSqlParser hands column constraints over as raw tokens;
 * they are read here. Defaults and CHECK conditions are validated now (bound, and typed: a default must be
 * assignable to its column, a condition boolean) and kept as SQL text in the catalog. Constraints that need indexes
 * (PRIMARY KEY, UNIQUE, REFERENCES) arrive with them and are rejected with 0A000 until then, rather than accepted
 * and ignored.
 */
final class CreateTableBinder {
    private static final Set<String> COLUMN_KEYWORDS = Set.of("NOT", "NULL", "DEFAULT", "CHECK", "CONSTRAINT",
            "PRIMARY", "UNIQUE", "REFERENCES", "GENERATED", "AUTO_INCREMENT", "COLLATE");

    BoundStatement.CreateTable bind(CreateTable create) {
        if (create.getSelect() != null || create.getLikeTable() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "CREATE TABLE ... AS / LIKE");
        }
        if (create.getColumnDefinitions() == null || create.getColumnDefinitions().isEmpty()) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "a table needs at least one column");
        }
        String name = Identifiers.normalize(create.getTable().getName());
        List<ColumnDef> columns = new ArrayList<>();
        List<PendingCheck> checks = new ArrayList<>();
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
        }
        if (create.getIndexes() != null) {
            for (Index index : create.getIndexes()) {
                if (!(index instanceof CheckConstraint check)) {
                    throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                            "table constraints (PRIMARY KEY, UNIQUE, FOREIGN KEY)");
                }
                String checkName = check.getName() != null ? Identifiers.normalize(check.getName()) : null;
                checks.add(new PendingCheck(checkName, null, check.getExpression()));
            }
        }
        List<CheckDef> named = nameChecks(name, checks);
        StoredExpressions.validate(new TableDef(-1, name, columns, 0, named));
        return new BoundStatement.CreateTable(name, columns, named, create.isIfNotExists());
    }

    /** A CHECK as written: its given name (or null), the column it was written on (or null), its condition. */
    private record PendingCheck(String name, String column, net.sf.jsqlparser.expression.Expression condition) {
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

    /** Whether a column is nullable, from its raw constraint tokens (ALTER TABLE ADD COLUMN reads only this). */
    static boolean nullable(String column, List<String> specs) {
        ColumnSpecs read = ColumnSpecs.read(column, specs);
        if (read.defaultSql != null || !read.checks.isEmpty()) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "DEFAULT or CHECK in ALTER TABLE ADD COLUMN");
        }
        return read.nullable;
    }

    /** A column's constraint tokens, read. */
    private static final class ColumnSpecs {
        boolean nullable = true;
        String defaultSql;
        boolean hasDefault;
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
                } else if (w.equals("DEFAULT")) {
                    if (out.hasDefault) {
                        throw new DbException(ErrorCode.SYNTAX_ERROR,
                                "multiple default values specified for column \"" + column + "\"");
                    }
                    out.hasDefault = true;
                    int end = i + 1;
                    while (end < specs.size() && (end == i + 1
                            || !COLUMN_KEYWORDS.contains(specs.get(end).toUpperCase(Locale.ROOT)))) {
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
