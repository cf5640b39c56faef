package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.plan.BoundStatement;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;

/**
 * Binds {@code ALTER TABLE t ADD [COLUMN] c type [NOT NULL]}, {@code RENAME [COLUMN] a TO b} and
 * {@code RENAME TO u}. A new column is NULL in existing rows (rows store their column count, so old rows read
 * the new trailing column as NULL without being rewritten). Constraints (ADD / DROP CONSTRAINT) are bound by
 * {@link AlterConstraintBinder}. Other forms (DROP COLUMN, ALTER COLUMN) are 0A000 for now.
 */
final class AlterTableBinder {
    private final Catalog catalog;

    AlterTableBinder(Catalog catalog) {
        this.catalog = catalog;
    }

    BoundStatement bind(Alter alter) {
        TableDef table = catalog.table(Identifiers.normalize(alter.getTable().getName()));
        if (alter.getAlterExpressions().stream().anyMatch(AlterConstraintBinder::handles)) {
            if (alter.getAlterExpressions().size() != 1) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                        "a constraint change together with other changes in one ALTER TABLE");
            }
            return new AlterConstraintBinder(catalog).bind(table, alter.getAlterExpressions().get(0));
        }
        String name = table.name();
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        String addedNotNull = null;
        for (AlterExpression e : alter.getAlterExpressions()) {
            String op = String.valueOf(e.getOperation());
            if (op.equals("ADD") && e.getColDataTypeList() != null && !e.getColDataTypeList().isEmpty()) {
                for (AlterExpression.ColumnDataType c : e.getColDataTypeList()) {
                    String column = Identifiers.normalize(c.getColumnName());
                    if (columns.stream().anyMatch(d -> d.name().equals(column))) {
                        throw new DbException(ErrorCode.DUPLICATE_COLUMN, column);
                    }
                    DataType type = TypeNames.toDataType(c.getColDataType());
                    boolean nullable = CreateTableBinder.nullable(column, c.getColumnSpecs());
                    if (!nullable) {
                        addedNotNull = column;
                    }
                    columns.add(new ColumnDef(column, type, nullable));
                }
            } else if (op.equals("RENAME") && e.getColumnOldName() != null) {
                String from = Identifiers.normalize(e.getColumnOldName());
                String to = Identifiers.normalize(e.getColumnName());
                int index = -1;
                for (int i = 0; i < columns.size(); i++) {
                    if (columns.get(i).name().equals(from)) {
                        index = i;
                    }
                    if (columns.get(i).name().equals(to)) {
                        throw new DbException(ErrorCode.DUPLICATE_COLUMN, to);
                    }
                }
                if (index < 0) {
                    throw new DbException(ErrorCode.UNDEFINED_COLUMN, from);
                }
                if (!table.checks().isEmpty()) {
                    throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                            "renaming a column of a table with CHECK constraints");
                }
                ColumnDef c = columns.get(index);
                columns.set(index, new ColumnDef(to, c.type(), c.nullable(), c.defaultSql()));
            } else if ((op.equals("RENAME_TABLE") || op.equals("RENAME")) && e.getNewTableName() != null) {
                name = Identifiers.normalize(e.getNewTableName());
            } else {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "ALTER TABLE " + e);
            }
        }
        return new BoundStatement.AlterTable(table, new TableDef(table.tableId(), name, columns, table.heapFirstPage(),
                table.checks(), table.indexes(), table.foreignKeys()), addedNotNull);
    }
}
