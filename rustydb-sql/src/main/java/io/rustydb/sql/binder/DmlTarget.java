package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;

/**
 * The rows an UPDATE or DELETE changes: the target table scanned with row ids, joined to the tables of
 * {@code UPDATE ... FROM} / {@code DELETE ... USING} if there are any, filtered by the WHERE clause. Shared by
 * {@link UpdateBinder} and {@link DeleteBinder}.
 *
 * <p>Row layout of {@link #rows}: the other tables' columns ({@link #otherColumns} of them, none without FROM or
 * USING), then the target's columns in table order (from {@link #targetOffset}), then the row id. A target row
 * that joins several rows of the other tables comes once per match; the executors change it once.
 */
final class DmlTarget {
    final TableDef table;
    /** The target's name in the statement (its alias, else the table name). */
    final String qualifier;
    /** The target's columns and those of the other tables, as the SET and WHERE clauses see them. */
    final Scope scope;
    /** The columns of the other tables alone (their positions from 0), for RETURNING; empty without any. */
    final Scope otherScope;
    final LogicalPlan rows;
    /** The position of the row id column in {@link #rows}. */
    final int rowIdColumn;
    /** The position of the target's first column in {@link #rows}. */
    final int targetOffset;
    /** How many columns of other tables come first in {@link #rows}. */
    final int otherColumns;

    DmlTarget(Catalog catalog, ParameterTypes parameters, Table target, Expression where) {
        this(catalog, parameters, target, null, null, where);
    }

    /** {@code first} and {@code joins}: the FROM (UPDATE) or USING (DELETE) clause, or null. */
    DmlTarget(Catalog catalog, ParameterTypes parameters, Table target, FromItem first, List<Join> joins,
              Expression where) {
        this.table = catalog.table(Names.lookup(catalog, target));
        this.qualifier = target.getAlias() != null ? Identifiers.normalize(target.getAlias().getName()) : table.name();
        Scope targetScope = Scope.of(table, qualifier);
        LogicalPlan plan = new LogicalPlan.Scan(table, true);
        if (first == null) {
            this.scope = targetScope;
            this.otherScope = Scope.empty();
            this.otherColumns = 0;
        } else {
            FromBinder.From other = new FromBinder(catalog, parameters, null).bind(first, joins);
            this.otherScope = other.scope();
            this.otherColumns = other.plan().outputTypes().size();
            this.scope = Scope.join(other.scope(), targetScope, java.util.Set.of());
            plan = new LogicalPlan.Join(other.plan(), plan, LogicalPlan.JoinType.CROSS, null);
        }
        this.targetOffset = otherColumns;
        this.rowIdColumn = otherColumns + table.columns().size();
        if (where != null) {
            Expr predicate = new ExpressionBinder(catalog, scope, parameters, null, "WHERE").bindCondition(where);
            plan = new LogicalPlan.Filter(plan, predicate);
        }
        this.rows = plan;
    }

    /** The current value of target column {@code c} in {@link #rows}. */
    ColumnRef column(int c) {
        return new ColumnRef(targetOffset + c, table.columns().get(c).type(), table.columns().get(c).name());
    }

    /** The row id in {@link #rows}. */
    ColumnRef rowId() {
        return new ColumnRef(rowIdColumn, io.rustydb.core.type.DataType.BIGINT, "rowid");
    }

    /** References to the other tables' columns in {@link #rows} (for RETURNING), in order. */
    List<Expr> otherColumnRefs() {
        List<Expr> out = new java.util.ArrayList<>();
        List<io.rustydb.core.type.DataType> types = rows.outputTypes();
        for (int i = 0; i < otherColumns; i++) {
            out.add(new ColumnRef(i, types.get(i), "c" + i));
        }
        return out;
    }

    /**
     * The scope RETURNING reads: the target's columns (positions 0..n-1), then the other tables' columns
     * (n...), as the executors lay out the rows they hand to RETURNING.
     */
    Scope returningScope() {
        return otherColumns == 0 ? Scope.of(table, qualifier)
                : Scope.join(Scope.of(table, qualifier), otherScope, java.util.Set.of());
    }

    /** 0A000 for the clauses of UPDATE/DELETE RustyDB does not run. */
    static void rejectWith(List<?> withItems, String statement) {
        if (withItems != null && !withItems.isEmpty()) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "WITH before " + statement);
        }
    }
}
