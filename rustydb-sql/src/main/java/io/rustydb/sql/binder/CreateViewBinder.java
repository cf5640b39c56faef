package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.ViewDef;
import io.rustydb.sql.plan.BoundStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.statement.create.view.CreateView;

/**
 * Binds {@code CREATE [OR REPLACE] VIEW v [(col, ...)] AS query}: the query is bound now (errors are reported at
 * CREATE VIEW; it may hold no parameters) and kept as SQL text with the view's column names. TEMPORARY,
 * MATERIALIZED and WITH CHECK OPTION views are 0A000.
 */
final class CreateViewBinder {
    private final Catalog catalog;

    CreateViewBinder(Catalog catalog) {
        this.catalog = catalog;
    }

    BoundStatement bind(CreateView create) {
        if (create.isMaterialized() || create.getTemporary() != null
                && !create.getTemporary().name().equals("NONE") || create.isWithReadOnly() || create.isRecursive()
                || create.isIfNotExists() || create.getViewCommentOptions() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "this kind of view: " + create);
        }
        if (create.getCheckOption() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "WITH CHECK OPTION (views are read-only)");
        }
        io.rustydb.sql.catalog.QualifiedName qualified = Names.forCreate(catalog, create.getView());
        String name = qualified.name();
        ParameterTypes parameters = new ParameterTypes();
        BoundStatement.Query query = new SelectBinder(catalog, parameters).bind(create.getSelect());
        if (!parameters.types().isEmpty()) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "a view cannot hold parameters");
        }
        List<String> columns = new ArrayList<>(query.columnNames());
        if (create.getColumnNames() != null) {
            if (create.getColumnNames().size() > columns.size()) {
                throw new DbException(ErrorCode.SYNTAX_ERROR, "CREATE VIEW specifies more column names than columns");
            }
            for (int i = 0; i < create.getColumnNames().size(); i++) {
                columns.set(i, Identifiers.normalize(create.getColumnNames().get(i).getColumnName()));
            }
        }
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            if (!seen.add(column)) {
                throw new DbException(ErrorCode.DUPLICATE_COLUMN, column);
            }
        }
        if (create.isOrReplace() && catalog.findTable(qualified) != null) {
            throw new DbException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a view");
        }
        // the query's names are looked up through this statement's path whenever the view is used
        return new BoundStatement.CreateView(new ViewDef(name, create.getSelect().toString(), columns,
                catalog.schema(qualified.schema()).schemaId(), Names.path().ids(catalog)), create.isOrReplace());
    }
}
