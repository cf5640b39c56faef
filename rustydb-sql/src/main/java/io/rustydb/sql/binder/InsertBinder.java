package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.Casts;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.AssignmentCastExpr;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.Literal;
import io.rustydb.sql.expr.ParameterRef;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.LogicalPlan;
import io.rustydb.sql.plan.OnConflict;
import io.rustydb.sql.plan.Returning;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.Values;

/**
 * Binds {@code INSERT INTO t [(cols)] VALUES (...), (...)}, {@code INSERT INTO t [(cols)] SELECT ...} and
 * {@code INSERT INTO t DEFAULT VALUES}, each optionally with {@code ON CONFLICT} ({@link OnConflictBinder}) and
 * {@code RETURNING} (over the stored rows): every value is converted to its column's type under assignment rules;
 * columns not named, and values written {@code DEFAULT}, get the column's default (NULL if it has none). The source
 * produces whole rows in table order; the table's CHECK constraints come along for the executor.
 */
final class InsertBinder {
    private final Catalog catalog;
    private final ParameterTypes parameters;
    /** How the INSERT treats identity columns (set by {@link #bind}). */
    private IdentityColumns.InsertRule identity;

    InsertBinder(Catalog catalog, ParameterTypes parameters) {
        this.catalog = catalog;
        this.parameters = parameters;
    }

    BoundStatement.Insert bind(Insert insert) {
        if (insert.isUseDuplicate() || insert.isUseSet() || insert.getOutputClause() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "INSERT with ON DUPLICATE KEY, SET or OUTPUT");
        }
        TableDef table = catalog.table(Names.lookup(catalog, insert.getTable()));
        String qualifier = insert.getTable().getAlias() != null
                ? Identifiers.normalize(insert.getTable().getAlias().getName()) : table.name();
        int[] targets = targetColumns(table, insert.getColumns());
        identity = IdentityColumns.forInsert(catalog, table, insert);
        LogicalPlan source;
        Select select = insert.getSelect();
        if (insert.isOnlyDefaultValues()) {
            source = new LogicalPlan.Values(List.of(defaultRow(table)), types(table));
        } else if (select instanceof Values values) {
            source = bindValues(table, targets, values);
        } else if (select != null) {
            BoundStatement.Query query = new SelectBinder(catalog, parameters).bind(select);
            source = castQuery(table, targets, query);
        } else {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "this form of INSERT");
        }
        int[] all = new int[table.columns().size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        OnConflict onConflict = insert.getConflictAction() == null ? null
                : OnConflictBinder.bind(catalog, parameters, table, qualifier, insert.getConflictTarget(),
                        insert.getConflictAction());
        Returning returning = ReturningBinder.bind(catalog, parameters, insert.getReturningClause(),
                Scope.of(table, qualifier));
        return new BoundStatement.Insert(table, all, source, StoredExpressions.checks(table, parameters),
                onConflict, returning, parameters.types());
    }

    private static int[] targetColumns(TableDef table, ExpressionList<Column> columns) {
        if (columns == null || columns.isEmpty()) {
            int[] all = new int[table.columns().size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] targets = new int[columns.size()];
        for (int i = 0; i < targets.length; i++) {
            String name = Identifiers.normalize(columns.get(i).getColumnName());
            int index = table.columnIndex(name);
            if (index < 0) {
                throw new DbException(ErrorCode.UNDEFINED_COLUMN, name + "\" of relation \"" + table.name());
            }
            for (int j = 0; j < i; j++) {
                if (targets[j] == index) {
                    throw new DbException(ErrorCode.DUPLICATE_COLUMN, name);
                }
            }
            targets[i] = index;
        }
        return targets;
    }

    private LogicalPlan bindValues(TableDef table, int[] targets, Values values) {
        List<List<Expression>> rows = rows(values.getExpressions());
        ExpressionBinder binder = new ExpressionBinder(catalog, Scope.empty(), parameters, null, "VALUES");
        List<List<Expr>> bound = new ArrayList<>();
        for (List<Expression> row : rows) {
            if (row.size() > targets.length) {
                throw new DbException(ErrorCode.SYNTAX_ERROR, "INSERT has more expressions than target columns");
            }
            if (row.size() < targets.length) {
                throw new DbException(ErrorCode.SYNTAX_ERROR, "INSERT has more target columns than expressions");
            }
            List<Expr> exprs = defaultRow(table);
            for (int i = 0; i < row.size(); i++) {
                if (!UpdateBinder.isDefaultKeyword(row.get(i)) && !identity.useDefault(targets[i])) {
                    exprs.set(targets[i], Assignment.assign(binder.bind(row.get(i)), table.columns().get(targets[i]),
                            parameters));
                }
            }
            bound.add(exprs);
        }
        return new LogicalPlan.Values(bound, types(table));
    }

    /** Every column's default value, in table order. */
    private List<Expr> defaultRow(TableDef table) {
        List<Expr> row = new ArrayList<>();
        for (ColumnDef column : table.columns()) {
            row.add(StoredExpressions.defaultValue(column, parameters));
        }
        return row;
    }

    private static List<DataType> types(TableDef table) {
        return List.of(table.columnTypes());
    }

    /**
     * The rows of a VALUES list. JSqlParser gives {@code VALUES (1, 'x')} as one parenthesized list of values but
     * {@code VALUES (1, 'x'), (2, 'y')} as a list of parenthesized rows.
     */
    /** The rows of a VALUES list, each as its expressions. */
    static List<List<Expression>> rows(ExpressionList<?> list) {
        List<List<Expression>> rows = new ArrayList<>();
        if (list instanceof ParenthesedExpressionList<?>) {
            rows.add(new ArrayList<>(list));
            return rows;
        }
        for (Object item : list) {
            if (item instanceof ParenthesedExpressionList<?> row) {
                rows.add(new ArrayList<>(row));
            } else {
                rows.add(List.of((Expression) item));
            }
        }
        return rows;
    }

    private LogicalPlan castQuery(TableDef table, int[] targets, BoundStatement.Query query) {
        List<DataType> types = query.plan().outputTypes();
        if (types.size() != targets.length) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "INSERT has " + types.size()
                    + " expressions but " + targets.length + " target columns");
        }
        List<Expr> row = defaultRow(table);
        for (int i = 0; i < targets.length; i++) {
            if (identity.useDefault(targets[i])) {
                continue;
            }
            row.set(targets[i], Assignment.assign(new ColumnRef(i, types.get(i), query.columnNames().get(i)),
                    table.columns().get(targets[i]), parameters));
        }
        return new LogicalPlan.Project(query.plan(), row);
    }
}
