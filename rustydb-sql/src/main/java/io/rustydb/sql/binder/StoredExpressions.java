package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.CheckDef;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.Literal;
import io.rustydb.sql.parser.SqlParser;
import io.rustydb.sql.plan.CheckConstraint;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

/**
 * The expressions the catalog keeps as SQL text — column defaults and CHECK conditions — bound for a statement:
 * a default in an empty scope (it sees no columns; functions such as {@code current_timestamp} and
 * {@code nextval('s')} are evaluated per row, and a sequence is looked up only when the default runs: a SERIAL
 * column's default is bound before its sequence exists), a CHECK condition over the table's columns in table order. Both are bound without the catalog, so they
 * can hold no subquery, and {@link #validate} refuses parameters; CHECK text is stored with its column names
 * unqualified ({@link #unqualify}), so renaming the table keeps it valid.
 */
final class StoredExpressions {
    private StoredExpressions() {
    }

    /** The value a row gets for {@code column} when none is given: its default, assigned to its type, or NULL. */
    static Expr defaultValue(ColumnDef column, ParameterTypes parameters) {
        if (column.defaultSql() == null) {
            return Assignment.assign(new Literal(null, DataType.NULL), column, parameters);
        }
        ExpressionBinder binder = new ExpressionBinder(Scope.empty(), parameters, null, "DEFAULT");
        return Assignment.assign(binder.bind(SqlParser.parseExpression(column.defaultSql())), column, parameters);
    }

    /** The table's CHECK constraints, bound over its columns. */
    static List<CheckConstraint> checks(TableDef table, ParameterTypes parameters) {
        List<CheckConstraint> out = new ArrayList<>();
        if (table.checks().isEmpty()) {
            return out;
        }
        ExpressionBinder binder = new ExpressionBinder(Scope.of(table, table.name()), parameters, null, "CHECK");
        for (CheckDef check : table.checks()) {
            out.add(new CheckConstraint(check.name(), binder.bindCondition(SqlParser.parseExpression(check.sql()))));
        }
        return out;
    }

    /** Binds a new table's defaults and CHECK conditions once, as statements will: type errors, unknown columns,
     * subqueries (0A000) and parameters (42601) are reported at CREATE TABLE. */
    static void validate(TableDef table) {
        ParameterTypes parameters = new ParameterTypes();
        for (ColumnDef column : table.columns()) {
            if (column.defaultSql() != null) {
                defaultValue(column, parameters);
            }
        }
        checks(table, parameters);
        if (!parameters.types().isEmpty()) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "parameters are not allowed in DEFAULT or CHECK");
        }
    }

    /**
     * The CHECK condition's SQL with column references unqualified; a qualifier other than the table's own name
     * is 42P01 (a CHECK sees only its table).
     */
    static String unqualify(Expression condition, String table) {
        condition.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Column column, S context) {
                Table qualifier = column.getTable();
                if (qualifier != null && qualifier.getName() != null) {
                    String name = Identifiers.normalize(qualifier.getName());
                    if (!name.equals(table) || qualifier.getSchemaName() != null) {
                        throw new DbException(ErrorCode.UNDEFINED_TABLE, qualifier.getFullyQualifiedName());
                    }
                    column.setTable(null);
                }
                return null;
            }
        }, null);
        return condition.toString();
    }

    /** The (unqualified, folded) column names a stored CHECK condition uses. */
    static java.util.Set<String> columnsOf(String sql) {
        java.util.Set<String> names = new java.util.HashSet<>();
        SqlParser.parseExpression(sql).accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Column column, S context) {
                names.add(Identifiers.normalize(column.getColumnName()));
                return null;
            }
        }, null);
        return names;
    }

    /** A stored CHECK condition with column {@code from} renamed to {@code to} (quoted, so any name survives). */
    static String renameColumn(String sql, String from, String to) {
        Expression condition = SqlParser.parseExpression(sql);
        condition.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Column column, S context) {
                if (Identifiers.normalize(column.getColumnName()).equals(from)) {
                    column.setColumnName("\"" + to.replace("\"", "\"\"") + "\"");
                }
                return null;
            }
        }, null);
        return condition.toString();
    }
}
