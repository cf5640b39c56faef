package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.IndexSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * Binds {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] [name] ON t [USING BTREE|HASH] (col [ASC|DESC] [NULLS
 * FIRST|LAST], ...)}. An index without a name is named as PostgreSQL does ({@code t_col_idx}, with a number
 * appended on a clash). Expression and partial indexes, INCLUDE columns and CONCURRENTLY are 0A000.
 */
final class CreateIndexBinder {
    private final Catalog catalog;

    CreateIndexBinder(Catalog catalog) {
        this.catalog = catalog;
    }

    BoundStatement.CreateIndex bind(CreateIndex create) {
        if (create.getWhere() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "partial indexes (CREATE INDEX ... WHERE)");
        }
        if (create.getIncludeColumns() != null && !create.getIncludeColumns().isEmpty()) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "CREATE INDEX ... INCLUDE");
        }
        TableDef table = catalog.table(Names.lookup(catalog, create.getTable()));
        Index index = create.getIndex();
        boolean unique = index.getType() != null && index.getType().toUpperCase(Locale.ROOT).contains("UNIQUE");
        IndexDef.IndexMethod method = method(index.getUsing());
        if (unique && method == IndexDef.IndexMethod.HASH) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "a UNIQUE hash index (use a B-tree)");
        }
        List<IndexDef.IndexColumn> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (Index.ColumnParams param : index.getColumns()) {
            if (param.isExpression()) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "expression indexes");
            }
            String column = Identifiers.normalize(param.getColumnName());
            int position = table.columnIndex(column);
            if (position < 0) {
                throw new DbException(ErrorCode.UNDEFINED_COLUMN, column);
            }
            if (!seen.add(position)) {
                throw new DbException(ErrorCode.DUPLICATE_COLUMN, column);
            }
            boolean descending = param.getSortOrder() == Index.ColumnParams.SortOrder.DESC;
            boolean nullsFirst = param.getNullOrdering() == null ? descending
                    : param.getNullOrdering() == Index.ColumnParams.NullOrdering.FIRST;
            boolean ordered = param.getSortOrder() != null || param.getNullOrdering() != null;
            if (method == IndexDef.IndexMethod.HASH && ordered) {
                throw new DbException(ErrorCode.SYNTAX_ERROR, "a hash index has no order (ASC/DESC/NULLS)");
            }
            columns.add(new IndexDef.IndexColumn(position, descending, nullsFirst));
            names.add(column);
        }
        String name = index.getName() != null ? Identifiers.normalize(index.getName())
                : freeName(catalog, catalog.schemaOf(table), table.name() + "_" + String.join("_", names) + "_idx");
        return new BoundStatement.CreateIndex(table, new IndexSpec(name, columns, unique, false, method),
                create.isUsingIfNotExists());
    }

    static IndexDef.IndexMethod method(String using) {
        if (using == null || using.equalsIgnoreCase("BTREE")) {
            return IndexDef.IndexMethod.BTREE;
        }
        if (using.equalsIgnoreCase("HASH")) {
            return IndexDef.IndexMethod.HASH;
        }
        throw new DbException(ErrorCode.UNDEFINED_OBJECT, "access method \"" + using.toLowerCase(Locale.ROOT)
                + "\" does not exist");
    }

    /**
     * {@code base}, or {@code base1}, {@code base2}... : the first name no table, index or sequence of schema
     * {@code schema} has.
     */
    static String freeName(Catalog catalog, String schema, String base) {
        String name = base;
        for (int i = 1; catalog.nameTaken(new io.rustydb.sql.catalog.QualifiedName(schema, name)); i++) {
            name = base + i;
        }
        return name;
    }
}
