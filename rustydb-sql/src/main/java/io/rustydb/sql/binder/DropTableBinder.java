package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.plan.BoundStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.drop.Drop;

/**
 * Binds {@code DROP TABLE | VIEW [IF EXISTS] name [, ...] [CASCADE | RESTRICT]} and {@code DROP INDEX [IF EXISTS]
 * name}. Other DROP forms are 0A000 for now.
 */
final class DropTableBinder {
    private final io.rustydb.sql.catalog.Catalog catalog;

    DropTableBinder(io.rustydb.sql.catalog.Catalog catalog) {
        this.catalog = catalog;
    }

    BoundStatement bind(Drop drop) {
        String type = drop.getType().toUpperCase(Locale.ROOT);
        if ("INDEX".equals(type)) {
            if (drop.getParameters() != null && !drop.getParameters().isEmpty()) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "DROP INDEX " + String.join(" ",
                        drop.getParameters()));
            }
            return new BoundStatement.DropIndex(Names.lookup(catalog, drop.getName()), drop.isIfExists());
        }
        if (!"TABLE".equals(type) && !"VIEW".equals(type) && !"SCHEMA".equals(type)) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "DROP " + drop.getType());
        }
        boolean cascade = false;
        if (drop.getParameters() != null) {
            for (String parameter : drop.getParameters()) {
                if (parameter.equalsIgnoreCase("CASCADE")) {
                    cascade = true;
                } else if (!parameter.equalsIgnoreCase("RESTRICT")) {
                    throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "DROP " + type + " ... " + parameter);
                }
            }
        }
        List<Table> tables = drop.getNames() != null && !drop.getNames().isEmpty() ? drop.getNames() : List.of(drop.getName());
        if ("SCHEMA".equals(type)) {
            List<String> schemas = new ArrayList<>();
            for (Table table : tables) {
                if (table.getSchemaName() != null) {
                    throw new DbException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \".\": a schema name "
                            + "cannot be qualified");
                }
                schemas.add(Identifiers.normalize(table.getName()));
            }
            return new BoundStatement.DropSchema(schemas, drop.isIfExists(), cascade);
        }
        List<io.rustydb.sql.catalog.QualifiedName> names = new ArrayList<>();
        for (Table table : tables) {
            names.add(Names.lookup(catalog, table));
        }
        return "VIEW".equals(type) ? new BoundStatement.DropView(names, drop.isIfExists(), cascade)
                : new BoundStatement.DropTable(names, drop.isIfExists(), cascade);
    }
}
