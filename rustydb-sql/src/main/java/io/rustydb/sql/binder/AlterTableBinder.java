package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.CheckDef;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.parser.SqlParser;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.ForeignKeySpec;
import io.rustydb.sql.plan.IndexSpec;
import io.rustydb.sql.plan.TableChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;

/**
 * Binds {@code ALTER TABLE [IF EXISTS] t action [, action ...]}, each action against the table as the actions
 * before it leave it:
 * <ul>
 *   <li>{@code ADD [COLUMN] [IF NOT EXISTS] c type [DEFAULT e] [NOT NULL] [CHECK (..)] [PRIMARY KEY | UNIQUE]
 *       [REFERENCES p ...]}: existing rows get the default (the table is rewritten when the new column has a
 *       default, a NOT NULL or a CHECK; a plain nullable column is added without touching the rows);</li>
 *   <li>{@code DROP [COLUMN] [IF EXISTS] c [CASCADE | RESTRICT]}: as in PostgreSQL, the column's indexes, CHECKs
 *       and own foreign keys go with it; a foreign key of another table on it is 2BP01 without CASCADE;</li>
 *   <li>{@code RENAME [COLUMN] a TO b}, {@code RENAME TO u};</li>
 *   <li>{@code ALTER [COLUMN] c SET DEFAULT e | DROP DEFAULT | SET NOT NULL | DROP NOT NULL |
 *       [SET DATA] TYPE t [USING e]} (a type change rewrites the rows: without USING the old values must be
 *       assignable to the new type, 42804 otherwise);</li>
 *   <li>{@code ADD [CONSTRAINT ..] ...} and {@code DROP CONSTRAINT}, bound by {@link AlterConstraintBinder}.</li>
 * </ul>
 */
final class AlterTableBinder {
    private final Catalog catalog;
    private TableDef current;
    private final List<BoundStatement> steps = new ArrayList<>();

    AlterTableBinder(Catalog catalog) {
        this.catalog = catalog;
    }

    BoundStatement bind(Alter alter) {
        io.rustydb.sql.catalog.QualifiedName name = Names.lookup(catalog, alter.getTable());
        if (alter.isUseTableIfExists() && catalog.findTable(name) == null) {
            return new BoundStatement.AlterTable(null, List.of());
        }
        TableDef table = catalog.table(name);
        current = table;
        for (AlterExpression e : alter.getAlterExpressions()) {
            bindAction(e);
        }
        return new BoundStatement.AlterTable(table, steps);
    }

    private void bindAction(AlterExpression e) {
        String op = String.valueOf(e.getOperation());
        if (AlterConstraintBinder.handles(e)) {
            BoundStatement step = new AlterConstraintBinder(catalog).bind(current, e);
            steps.add(step);
            if (step instanceof BoundStatement.DropConstraint drop) {
                current = withoutConstraint(current, drop.name());
            } else if (step instanceof BoundStatement.AddConstraint add) {
                current = withConstraint(current, add);
            }
            return;
        }
        if (op.equals("ADD") && e.getColDataTypeList() != null && !e.getColDataTypeList().isEmpty()) {
            for (AlterExpression.ColumnDataType c : e.getColDataTypeList()) {
                addColumn(c, e.isUseIfNotExists());
            }
        } else if (op.equals("DROP") && e.getColumnName() != null) {
            boolean cascade = e.getParameters() != null
                    && e.getParameters().stream().anyMatch(p -> p.equalsIgnoreCase("CASCADE"));
            dropColumn(Identifiers.normalize(e.getColumnName()), e.isUsingIfExists(), cascade);
        } else if (op.equals("RENAME") && e.getColumnOldName() != null) {
            renameColumn(Identifiers.normalize(e.getColumnOldName()), Identifiers.normalize(e.getColumnName()));
        } else if ((op.equals("RENAME_TABLE") || op.equals("RENAME")) && e.getNewTableName() != null) {
            String to = Identifiers.normalize(e.getNewTableName());
            change(new TableChange(to, current.columns(), current.checks(), identity(), null, false, false));
        } else if (op.equals("ALTER")) {
            alterColumn(e);
        } else {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "ALTER TABLE " + e);
        }
    }

    private void addColumn(AlterExpression.ColumnDataType c, boolean ifNotExists) {
        String column = Identifiers.normalize(c.getColumnName());
        if (current.columnIndex(column) >= 0) {
            if (ifNotExists) {
                return;
            }
            throw new DbException(ErrorCode.DUPLICATE_COLUMN, "column \"" + column + "\" of relation \""
                    + current.name() + "\" already exists");
        }
        DataType type = TypeNames.toDataType(c.getColDataType());
        if (type.equals(DataType.NULL)) {
            throw new DbException(ErrorCode.DATATYPE_MISMATCH, "column \"" + column + "\" has no type");
        }
        CreateTableBinder.ColumnSpecs specs = CreateTableBinder.ColumnSpecs.read(column, c.getColumnSpecs());
        List<ColumnDef> columns = new ArrayList<>(current.columns());
        ColumnDef added = new ColumnDef(column, type, specs.nullable, specs.defaultSql);
        columns.add(added);
        List<CheckDef> checks = new ArrayList<>(current.checks());
        for (CreateTableBinder.PendingCheck check : specs.checks) {
            String checkName = check.name() != null ? check.name()
                    : freeConstraintName(current, current.name() + "_" + column + "_check");
            if (AlterConstraintBinder.constraintExists(current, checkName)) {
                throw new DbException(ErrorCode.DUPLICATE_OBJECT, "constraint \"" + checkName
                        + "\" for relation \"" + current.name() + "\" already exists");
            }
            checks.add(new CheckDef(checkName, StoredExpressions.unqualify(check.condition(), current.name())));
        }
        int[] sourceOf = new int[columns.size()];
        for (int i = 0; i < sourceOf.length; i++) {
            sourceOf[i] = i < current.columns().size() ? i : -1;
        }
        TableDef shape = new TableDef(current.tableId(), current.name(), columns, 0, checks);
        StoredExpressions.validate(shape);
        List<Expr> rewrite = null;
        if (added.defaultSql() != null || !added.nullable() || checks.size() > current.checks().size()) {
            rewrite = keep();
            rewrite.add(StoredExpressions.defaultValue(added, new ParameterTypes()));
        }
        change(new TableChange(current.name(), columns, checks, sourceOf, rewrite, false, false));
        int position = columns.size() - 1;
        if (specs.primaryKey || specs.unique) {
            String keyName = CreateIndexBinder.freeName(catalog, catalog.schemaOf(current), current.name()
                    + (specs.primaryKey ? "_pkey" : "_" + column + "_key"));
            BoundStatement.AddConstraint add = new BoundStatement.AddConstraint(current, new IndexSpec(keyName,
                    List.of(IndexDef.IndexColumn.of(position, false)), true, specs.primaryKey,
                    IndexDef.IndexMethod.BTREE), null, null);
            steps.add(add);
            current = withConstraint(current, add);
        }
        if (specs.references != null) {
            var ref = specs.references;
            List<String> parentColumns = null;
            if (ref.getReferencedColumnNames() != null && !ref.getReferencedColumnNames().isEmpty()) {
                parentColumns = new ArrayList<>();
                for (String p : ref.getReferencedColumnNames()) {
                    parentColumns.add(Identifiers.normalize(p));
                }
            }
            String keyName = freeConstraintName(current, current.name() + "_" + column + "_fkey");
            steps.add(new BoundStatement.AddConstraint(current, null, new ForeignKeySpec(keyName, List.of(position),
                    Names.lookup(catalog, ref.getTable()), parentColumns,
                    CreateTableBinder.action(ref.getOnDeleteReferenceOption()),
                    CreateTableBinder.action(ref.getOnUpdateReferenceOption())), null));
        }
    }

    private void dropColumn(String column, boolean ifExists, boolean cascade) {
        int position = current.columnIndex(column);
        if (position < 0) {
            if (ifExists) {
                return;
            }
            throw new DbException(ErrorCode.UNDEFINED_COLUMN, "column \"" + column + "\" of relation \""
                    + current.name() + "\" does not exist");
        }
        if (current.columns().size() == 1) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "dropping the only column of table \""
                    + current.name() + "\"");
        }
        List<ColumnDef> columns = new ArrayList<>(current.columns());
        columns.remove(position);
        int[] sourceOf = new int[columns.size()];
        List<Expr> rewrite = new ArrayList<>();
        for (int i = 0; i < sourceOf.length; i++) {
            sourceOf[i] = i < position ? i : i + 1;
            ColumnDef kept = current.columns().get(sourceOf[i]);
            rewrite.add(new ColumnRef(sourceOf[i], kept.type(), kept.name()));
        }
        List<CheckDef> checks = new ArrayList<>();
        for (CheckDef check : current.checks()) {
            if (!StoredExpressions.columnsOf(check.sql()).contains(column)) {
                checks.add(check);
            }
        }
        change(new TableChange(current.name(), columns, checks, sourceOf, rewrite, false, cascade));
    }

    private void renameColumn(String from, String to) {
        int index = column(from);
        if (current.columnIndex(to) >= 0) {
            throw new DbException(ErrorCode.DUPLICATE_COLUMN, "column \"" + to + "\" of relation \""
                    + current.name() + "\" already exists");
        }
        List<ColumnDef> columns = new ArrayList<>(current.columns());
        ColumnDef c = columns.get(index);
        columns.set(index, new ColumnDef(to, c.type(), c.nullable(), c.defaultSql()));
        List<CheckDef> checks = new ArrayList<>();
        for (CheckDef check : current.checks()) {
            checks.add(StoredExpressions.columnsOf(check.sql()).contains(from)
                    ? new CheckDef(check.name(), StoredExpressions.renameColumn(check.sql(), from, to)) : check);
        }
        change(new TableChange(current.name(), columns, checks, identity(), null, false, false));
    }

    private void alterColumn(AlterExpression e) {
        if (e.getColumnSetDefaultList() != null) {
            for (AlterExpression.ColumnSetDefault set : e.getColumnSetDefaultList()) {
                int index = column(Identifiers.normalize(set.getColumnName()));
                String sql = set.getDefaultExpression() != null ? set.getDefaultExpression().toString()
                        : set.getDefaultValue();
                String stored = sql == null || sql.equalsIgnoreCase("NULL") ? null
                        : SqlParser.parseExpression(sql).toString();
                replaceColumn(index, c -> new ColumnDef(c.name(), c.type(), c.nullable(), stored), false);
            }
        }
        if (e.getColumnDropDefaultList() != null) {
            for (AlterExpression.ColumnDropDefault drop : e.getColumnDropDefaultList()) {
                int index = column(Identifiers.normalize(drop.getColumnName()));
                replaceColumn(index, c -> new ColumnDef(c.name(), c.type(), c.nullable(), null), false);
            }
        }
        if (e.getColumnSetNotNullList() != null) {
            for (AlterExpression.ColumnSetNotNull set : e.getColumnSetNotNullList()) {
                int index = column(Identifiers.normalize(set.getColumnName()));
                replaceColumn(index, c -> new ColumnDef(c.name(), c.type(), false, c.defaultSql()),
                        current.columns().get(index).nullable());
            }
        }
        if (e.getColumnDropNotNullList() != null) {
            for (AlterExpression.ColumnDropNotNull drop : e.getColumnDropNotNullList()) {
                int index = column(Identifiers.normalize(drop.getColumnName()));
                IndexDef primaryKey = current.primaryKey();
                if (primaryKey != null) {
                    for (int p : primaryKey.columnPositions()) {
                        if (p == index) {
                            throw new DbException(ErrorCode.INVALID_TABLE_DEFINITION, "column \""
                                    + current.columns().get(index).name() + "\" is in a primary key");
                        }
                    }
                }
                replaceColumn(index, c -> new ColumnDef(c.name(), c.type(), true, c.defaultSql()), false);
            }
        }
        if (e.getColDataTypeList() != null) {
            for (AlterExpression.ColumnDataType c : e.getColDataTypeList()) {
                if (!c.isWithType() || (c.getColumnSpecs() != null && !c.getColumnSpecs().isEmpty())) {
                    throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "ALTER TABLE " + e);
                }
                changeType(column(Identifiers.normalize(c.getColumnName())), TypeNames.toDataType(c.getColDataType()),
                        c.getUsingExpression());
            }
        }
        if (e.getColumnSetDefaultList() == null && e.getColumnDropDefaultList() == null
                && e.getColumnSetNotNullList() == null && e.getColumnDropNotNullList() == null
                && e.getColDataTypeList() == null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "ALTER TABLE " + e);
        }
    }

    private void changeType(int index, DataType type, net.sf.jsqlparser.expression.Expression using) {
        if (type.equals(DataType.NULL)) {
            throw new DbException(ErrorCode.DATATYPE_MISMATCH, "a column cannot have type NULL");
        }
        ColumnDef old = current.columns().get(index);
        for (var key : current.foreignKeys()) {
            for (int c : key.columns()) {
                if (c == index && !type.equals(old.type())) {
                    throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "changing the type of column \""
                            + old.name() + "\", which foreign key \"" + key.name() + "\" uses");
                }
            }
        }
        for (Catalog.Reference reference : catalog.referencing(current.tableId())) {
            for (int c : reference.key().parentColumns()) {
                if (c == index && !type.equals(old.type())) {
                    throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "changing the type of column \""
                            + old.name() + "\", which foreign key \"" + reference.key().name() + "\" references");
                }
            }
        }
        ColumnDef retyped = new ColumnDef(old.name(), type, old.nullable(), old.defaultSql());
        ParameterTypes parameters = new ParameterTypes();
        Expr value;
        if (using != null) {
            ExpressionBinder binder = new ExpressionBinder(Scope.of(current, current.name()), parameters, null,
                    "USING");
            value = Assignment.assign(binder.bind(using), retyped, parameters);
        } else {
            Expr stored = new ColumnRef(index, old.type(), old.name());
            try {
                value = Assignment.assign(stored, retyped, parameters);
            } catch (DbException e) {
                if (e.code() != ErrorCode.DATATYPE_MISMATCH) {
                    throw e;
                }
                if (type.id().isString()) { // every type has an assignment cast to text, as in PostgreSQL
                    value = new io.rustydb.sql.expr.CastExpr(stored, type);
                } else {
                    throw new DbException(ErrorCode.DATATYPE_MISMATCH, "column \"" + old.name()
                        + "\" cannot be cast automatically to type " + type.sqlName() + " (add USING)");
                }
            }
        }
        if (!parameters.types().isEmpty()) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "parameters are not allowed in ALTER TABLE ... USING");
        }
        List<ColumnDef> columns = new ArrayList<>(current.columns());
        columns.set(index, retyped);
        List<Expr> rewrite = keep();
        rewrite.set(index, value);
        StoredExpressions.validate(new TableDef(current.tableId(), current.name(), columns, 0, current.checks()));
        change(new TableChange(current.name(), columns, current.checks(), identity(), rewrite, false, false));
    }

    /** Replaces column {@code index} by {@code f(column)}; {@code validate} checks the stored rows. */
    private void replaceColumn(int index, java.util.function.UnaryOperator<ColumnDef> f, boolean validate) {
        List<ColumnDef> columns = new ArrayList<>(current.columns());
        columns.set(index, f.apply(columns.get(index)));
        StoredExpressions.validate(new TableDef(current.tableId(), current.name(), columns, 0, current.checks()));
        change(new TableChange(current.name(), columns, current.checks(), identity(), null, validate, false));
    }

    private void change(TableChange change) {
        steps.add(new BoundStatement.AlterColumns(catalog.nameOf(current), change));
        current = change.applyTo(current);
    }

    /** The position of column {@code name}; 42703 if the table has none. */
    private int column(String name) {
        int index = current.columnIndex(name);
        if (index < 0) {
            throw new DbException(ErrorCode.UNDEFINED_COLUMN, "column \"" + name + "\" of relation \""
                    + current.name() + "\" does not exist");
        }
        return index;
    }

    /** Every column kept where it is. */
    private int[] identity() {
        int[] out = new int[current.columns().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = i;
        }
        return out;
    }

    /** One expression per current column that keeps its value. */
    private List<Expr> keep() {
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < current.columns().size(); i++) {
            ColumnDef c = current.columns().get(i);
            out.add(new ColumnRef(i, c.type(), c.name()));
        }
        return out;
    }

    /** The table as later actions see it after a constraint was added (names only matter to them). */
    private static TableDef withConstraint(TableDef table, BoundStatement.AddConstraint add) {
        if (add.check() != null) {
            List<CheckDef> checks = new ArrayList<>(table.checks());
            checks.add(add.check());
            return new TableDef(table.tableId(), table.name(), table.columns(), table.heapFirstPage(), checks,
                    table.indexes(), table.foreignKeys());
        }
        if (add.key() != null) {
            List<IndexDef> indexes = new ArrayList<>(table.indexes());
            IndexSpec key = add.key();
            indexes.add(new IndexDef(-1, key.name(), table.tableId(), key.columns(), key.unique(), key.primaryKey(),
                    key.method(), 0));
            return table.withIndexes(indexes);
        }
        return table;
    }

    private static TableDef withoutConstraint(TableDef table, String name) {
        List<CheckDef> checks = new ArrayList<>(table.checks());
        checks.removeIf(c -> c.name().equals(name));
        List<IndexDef> indexes = new ArrayList<>(table.indexes());
        indexes.removeIf(i -> i.name().equals(name));
        List<io.rustydb.sql.catalog.ForeignKeyDef> keys = new ArrayList<>(table.foreignKeys());
        keys.removeIf(k -> k.name().equals(name));
        return new TableDef(table.tableId(), table.name(), table.columns(), table.heapFirstPage(), checks, indexes,
                keys);
    }

    private static String freeConstraintName(TableDef table, String base) {
        Set<String> used = new HashSet<>();
        table.checks().forEach(c -> used.add(c.name()));
        table.indexes().forEach(i -> used.add(i.name()));
        table.foreignKeys().forEach(k -> used.add(k.name()));
        String name = base;
        for (int i = 1; used.contains(name); i++) {
            name = base + i;
        }
        return name;
    }
}
