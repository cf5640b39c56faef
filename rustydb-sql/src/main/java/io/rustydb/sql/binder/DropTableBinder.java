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
 * Binds {@code DROP TABLE [IF EXISTS] t [, u ...]} and {@code DROP INDEX [IF EXISTS] name}. Other DROP forms are
 * 0A000 for now.
 */
final class DropTableBinder {
    BoundStatement bind(Drop drop) {
        if ("INDEX".equals(drop.getType().toUpperCase(Locale.ROOT))) {
            if (drop.getParameters() != null && !drop.getParameters().isEmpty()) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "DROP INDEX " + String.join(" ",
                        drop.getParameters()));
            }
            return new BoundStatement.DropIndex(Identifiers.normalize(drop.getName().getName()), drop.isIfExists());
        }
        if (!"TABLE".equals(drop.getType().toUpperCase(Locale.ROOT))) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "DROP " + drop.getType());
        }
        if (drop.getParameters() != null && !drop.getParameters().isEmpty()) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "DROP TABLE " + String.join(" ", drop.getParameters()));
        }
        List<String> names = new ArrayList<>();
        List<Table> tables = drop.getNames() != null && !drop.getNames().isEmpty() ? drop.getNames() : List.of(drop.getName());
        for (Table table : tables) {
            names.add(Identifiers.normalize(table.getName()));
        }
        return new BoundStatement.DropTable(names, drop.isIfExists());
    }
}
