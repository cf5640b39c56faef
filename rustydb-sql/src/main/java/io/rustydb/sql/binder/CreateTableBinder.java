package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.plan.BoundStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;

/**
 * Binds {@code CREATE TABLE [IF NOT EXISTS] t (col type [NOT NULL | NULL], ...)}. JSqlParser hands column
 * constraints over as raw tokens; they are read here. Constraints that need indexes (PRIMARY KEY, UNIQUE,
 * REFERENCES) and CHECK/DEFAULT arrive with the indexes-and-constraints work and are rejected with 0A000 until
 * then, rather than accepted and ignored.
 */
final class CreateTableBinder {
    BoundStatement.CreateTable bind(CreateTable create) {
        if (create.getSelect() != null || create.getLikeTable() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "CREATE TABLE ... AS / LIKE");
        }
        if (create.getIndexes() != null && !create.getIndexes().isEmpty()) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "table constraints (PRIMARY KEY, UNIQUE, FOREIGN KEY)");
        }
        if (create.getColumnDefinitions() == null || create.getColumnDefinitions().isEmpty()) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "a table needs at least one column");
        }
        String name = Identifiers.normalize(create.getTable().getName());
        List<ColumnDef> columns = new ArrayList<>();
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
            columns.add(new ColumnDef(column, type, nullable(column, definition.getColumnSpecs())));
        }
        return new BoundStatement.CreateTable(name, columns, create.isIfNotExists());
    }

    static boolean nullable(String column, List<String> specs) {
        if (specs == null || specs.isEmpty()) {
            return true;
        }
        List<String> words = new ArrayList<>();
        for (String s : specs) {
            words.add(s.toUpperCase(Locale.ROOT));
        }
        boolean nullable = true;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("NOT") && i + 1 < words.size() && words.get(i + 1).equals("NULL")) {
                nullable = false;
                i++;
            } else if (w.equals("NULL")) {
                nullable = true;
            } else {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                        "column constraint " + String.join(" ", specs.subList(i, specs.size())) + " on \"" + column + "\"");
            }
        }
        return nullable;
    }
}
