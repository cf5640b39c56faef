package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.plan.BoundStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.statement.create.table.CreateTable;

/**
 * Binds {@code CREATE TABLE [IF NOT EXISTS] t [(col, ...)] AS query [WITH [NO] DATA]}: the new table's columns are
 * named by the list (which may name fewer columns than the query has) or by the query, and typed by the query (a
 * column of unknown type, {@code SELECT NULL}, becomes TEXT, as in PostgreSQL); it has no constraints. {@code WITH
 * NO DATA} reaches here as a query that returns no row ({@code DdlSyntax}).
 */
final class CreateTableAsBinder {
    private final Catalog catalog;

    CreateTableAsBinder(Catalog catalog) {
        this.catalog = catalog;
    }

    BoundStatement bind(CreateTable create) {
        if (create.isOrReplace()) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "CREATE OR REPLACE TABLE (PostgreSQL has none)");
        }
        if (create.getColumnDefinitions() != null && !create.getColumnDefinitions().isEmpty()) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "CREATE TABLE ... AS takes column names, not definitions");
        }
        io.rustydb.sql.catalog.QualifiedName name = Names.forCreate(catalog, create.getTable());
        ParameterTypes parameters = new ParameterTypes();
        BoundStatement.Query query = new SelectBinder(catalog, parameters).bind(create.getSelect());
        List<String> names = new ArrayList<>(query.columnNames());
        List<String> given = create.getColumns() == null ? List.of() : create.getColumns();
        if (given.size() > names.size()) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "too many column names were specified");
        }
        for (int i = 0; i < given.size(); i++) {
            names.set(i, Identifiers.normalize(given.get(i)));
        }
        List<ColumnDef> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<DataType> types = query.plan().outputTypes();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                throw new DbException(ErrorCode.DUPLICATE_COLUMN, names.get(i));
            }
            DataType type = types.get(i).equals(DataType.NULL) ? DataType.TEXT : types.get(i);
            columns.add(new ColumnDef(names.get(i), type, true));
        }
        return new BoundStatement.CreateTableAs(name, columns, query, create.isIfNotExists());
    }
}
