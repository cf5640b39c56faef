package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.CommentKey;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.plan.BoundStatement;
import net.sf.jsqlparser.statement.comment.Comment;

/**
 * Binds {@code COMMENT ON TABLE t IS 'text'} and {@code COMMENT ON COLUMN t.c IS 'text'}; {@code IS NULL} (or an
 * empty string, as in PostgreSQL) removes the comment. Comments on other objects are 0A000.
 */
final class CommentBinder {
    private final Catalog catalog;

    CommentBinder(Catalog catalog) {
        this.catalog = catalog;
    }

    BoundStatement bind(Comment comment) {
        String text = comment.getComment() == null ? null : comment.getComment().getValue();
        if (text != null && text.isEmpty()) {
            text = null;
        }
        if (comment.getTable() != null) {
            TableDef table = catalog.table(Names.lookup(catalog, comment.getTable()));
            return new BoundStatement.SetComment(new CommentKey(table.tableId(), -1), text);
        }
        if (comment.getColumn() != null && comment.getColumn().getTable() != null) {
            TableDef table = catalog.table(Names.lookup(catalog, comment.getColumn().getTable()));
            String column = Identifiers.normalize(comment.getColumn().getColumnName());
            int position = table.columnIndex(column);
            if (position < 0) {
                throw new DbException(ErrorCode.UNDEFINED_COLUMN, "column \"" + column + "\" of relation \""
                        + table.name() + "\" does not exist");
            }
            return new BoundStatement.SetComment(new CommentKey(table.tableId(), position), text);
        }
        throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "COMMENT ON objects other than tables and columns");
    }
}
