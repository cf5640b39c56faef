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
    BoundStatement bind(Drop drop) {
        String type = drop.getType().toUpperCase(Locale.ROOT);
        if ("INDEX".equals(type)) {
            if (drop.getParameters() != null && !drop.getParameters().isEmpty()) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "DROP INDEX " + String.join(" ",
                        drop.getParameters()));
            }
            return new BoundStatement.DropIndex(Identifiers.normalize(drop.getName().getName()), drop.isIfExists());
        }
        if (!"TABLE".equals(type) && !"VIEW".equals(type)) {
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
        List<String> names = new ArrayList<>();
        List<Table> tables = drop.getNames() != null && !drop.getNames().isEmpty() ? drop.getNames() : List.of(drop.getName());
        for (Table table : tables) {
            names.add(Identifiers.normalize(table.getName()));
        }
        return "VIEW".equals(type) ? new BoundStatement.DropView(names, drop.isIfExists(), cascade)
                : new BoundStatement.DropTable(names, drop.isIfExists(), cascade);
    }
}
