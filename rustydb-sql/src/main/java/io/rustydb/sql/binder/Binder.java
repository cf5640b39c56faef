package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.plan.BoundStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Entry point of binding: hands each kind of statement to its own binder (one class per statement) and returns
 * the bound, immutable result. Statements RustyDB does not support yet are 0A000, named.
 */
public final class Binder {
    private final Catalog catalog;

    public Binder(Catalog catalog) {
        this.catalog = catalog;
    }

    public BoundStatement bind(Statement statement) {
        if (statement instanceof Select select) {
            return new SelectBinder(catalog, new ParameterTypes()).bind(select);
        }
        if (statement instanceof Insert insert) {
            return new InsertBinder(catalog, new ParameterTypes()).bind(insert);
        }
        if (statement instanceof net.sf.jsqlparser.statement.update.Update update) {
            return new UpdateBinder(catalog, new ParameterTypes()).bind(update);
        }
        if (statement instanceof net.sf.jsqlparser.statement.delete.Delete delete) {
            return new DeleteBinder(catalog, new ParameterTypes()).bind(delete);
        }
        if (statement instanceof net.sf.jsqlparser.statement.merge.Merge merge) {
            return new MergeBinder(catalog, new ParameterTypes()).bind(merge);
        }
        if (statement instanceof net.sf.jsqlparser.statement.ExplainStatement explain) {
            return new ExplainBinder(this).bind(explain);
        }
        if (statement instanceof net.sf.jsqlparser.statement.truncate.Truncate truncate) {
            // TRUNCATE t = DELETE FROM t (transactional: a rollback brings the rows back)
            net.sf.jsqlparser.statement.delete.Delete delete = new net.sf.jsqlparser.statement.delete.Delete();
            delete.setTable(truncate.getTable());
            return new DeleteBinder(catalog, new ParameterTypes()).bind(delete);
        }
        if (statement instanceof net.sf.jsqlparser.statement.alter.Alter alter) {
            return new AlterTableBinder(catalog).bind(alter);
        }
        if (statement instanceof CreateTable create && create.getSelect() != null) {
            return new CreateTableAsBinder(catalog).bind(create);
        }
        if (statement instanceof CreateTable create) {
            return IdentityColumns.bindCreateTable(catalog, create); // CreateTableBinder, plus owned sequences
        }
        if (statement instanceof net.sf.jsqlparser.statement.create.sequence.CreateSequence create) {
            return SequenceBinder.bindCreate(create, catalog);
        }
        if (statement instanceof net.sf.jsqlparser.statement.alter.sequence.AlterSequence alter) {
            return SequenceBinder.bindAlter(alter, catalog);
        }
        if (statement instanceof Drop drop && "SEQUENCE".equalsIgnoreCase(drop.getType())) {
            return SequenceBinder.bindDrop(drop, catalog);
        }
        if (statement instanceof net.sf.jsqlparser.statement.create.index.CreateIndex createIndex) {
            return new CreateIndexBinder(catalog).bind(createIndex);
        }
        if (statement instanceof net.sf.jsqlparser.statement.comment.Comment comment) {
            return new CommentBinder(catalog).bind(comment);
        }
        if (statement instanceof net.sf.jsqlparser.statement.create.view.CreateView create) {
            return new CreateViewBinder(catalog).bind(create);
        }
        if (statement instanceof Drop drop) {
            return new DropTableBinder(catalog).bind(drop);
        }
        String kind = statement.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
        throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "statement " + kind);
    }
}
