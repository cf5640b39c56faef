package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.LogicalPlan;
import io.rustydb.sql.plan.MergeAction;
import io.rustydb.sql.plan.Returning;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeDelete;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeOperation;
import net.sf.jsqlparser.statement.merge.MergeSide;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import io.rustydb.sql.parser.MergeDoNothing;

/**
 * Binds {@code MERGE INTO target [AS t] USING source ON condition WHEN MATCHED [AND c] THEN UPDATE SET ... | DELETE
 * | DO NOTHING ... WHEN NOT MATCHED [AND c] THEN INSERT [(cols)] VALUES (...) | DO NOTHING [RETURNING ...]} as
 * PostgreSQL 15: the source is LEFT JOINed to the target on the condition (see {@link BoundStatement.Merge});
 * MATCHED clauses see source and target columns, NOT MATCHED clauses only the source's. {@code WHEN NOT MATCHED BY
 * SOURCE} (PostgreSQL 17) is 0A000.
 */
final class MergeBinder {
    private final Catalog catalog;
    private final ParameterTypes parameters;

    MergeBinder(Catalog catalog, ParameterTypes parameters) {
        this.catalog = catalog;
        this.parameters = parameters;
    }

    BoundStatement.Merge bind(Merge merge) {
        if (merge.getOutputClause() != null || merge.getOracleHint() != null
                || (merge.getWithItemsList() != null && !merge.getWithItemsList().isEmpty())) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "MERGE with WITH, OUTPUT or hints");
        }
        if (merge.getOperations() == null || merge.getOperations().isEmpty()) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "MERGE needs at least one WHEN clause");
        }
        TableDef table = catalog.table(Names.lookup(catalog, merge.getTable()));
        String qualifier = merge.getTable().getAlias() != null
                ? Identifiers.normalize(merge.getTable().getAlias().getName()) : table.name();
        FromBinder.From source = new FromBinder(catalog, parameters, null).bind(merge.getFromItem(), null);
        int sourceColumns = source.plan().outputTypes().size();
        Scope sourceScope = source.scope();
        Scope joined = Scope.join(sourceScope, Scope.of(table, qualifier), Set.of());
        Expr on = new ExpressionBinder(catalog, joined, parameters, null, "MERGE ON").bindCondition(merge.getOnCondition());
        LogicalPlan plan = new LogicalPlan.Join(source.plan(), new LogicalPlan.Scan(table, true),
                LogicalPlan.JoinType.LEFT, on);
        List<MergeAction> matched = new ArrayList<>();
        List<MergeAction> notMatched = new ArrayList<>();
        for (MergeOperation operation : merge.getOperations()) {
            if (operation instanceof MergeInsert insert) {
                if (insert.getSide() == MergeSide.SOURCE) {
                    throw new DbException(ErrorCode.SYNTAX_ERROR, "WHEN NOT MATCHED BY SOURCE cannot INSERT");
                }
                notMatched.add(bindInsert(table, insert, sourceScope));
            } else if (operation instanceof MergeDoNothing nothing) {
                if (nothing.matched()) {
                    matched.add(new MergeAction(MergeAction.Kind.DO_NOTHING, condition(nothing.getAndPredicate(), joined),
                            List.of()));
                } else {
                    notMatched.add(new MergeAction(MergeAction.Kind.DO_NOTHING,
                            condition(nothing.getAndPredicate(), sourceScope), List.of()));
                }
            } else if (operation instanceof MergeDelete delete) {
                notBySource(delete.getSide());
                matched.add(new MergeAction(MergeAction.Kind.DELETE, condition(delete.getAndPredicate(), joined),
                        List.of()));
            } else if (operation instanceof MergeUpdate update) {
                notBySource(update.getSide());
                if (update.getWhereCondition() != null || update.getDeleteWhereCondition() != null) {
                    throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "MERGE ... UPDATE ... WHERE / DELETE WHERE");
                }
                ExpressionBinder binder = new ExpressionBinder(catalog, joined, parameters, null, "MERGE UPDATE");
                Expr[] values = UpdateBinder.assignments(catalog, parameters, table, update.getUpdateSets(), binder);
                matched.add(new MergeAction(MergeAction.Kind.UPDATE, condition(update.getAndPredicate(), joined),
                        Arrays.asList(values)));
            } else {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "MERGE action " + operation);
            }
        }
        Scope returningScope = Scope.join(Scope.of(table, qualifier), sourceScope, Set.of());
        Returning returning = ReturningBinder.bind(catalog, parameters, merge.getReturningClause(), returningScope);
        return new BoundStatement.Merge(table, plan, sourceColumns, matched, notMatched,
                StoredExpressions.checks(table, parameters), returning, parameters.types());
    }

    private static void notBySource(MergeSide side) {
        if (side == MergeSide.SOURCE) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "MERGE ... WHEN NOT MATCHED BY SOURCE");
        }
    }

    private Expr condition(Expression e, Scope scope) {
        return e == null ? null : new ExpressionBinder(catalog, scope, parameters, null, "MERGE WHEN").bindCondition(e);
    }

    /** {@code INSERT [(cols)] VALUES (...)}: a row in table order, defaults for the columns not named. */
    private MergeAction bindInsert(TableDef table, MergeInsert insert, Scope sourceScope) {
        List<ColumnDef> columns = table.columns();
        List<Expression> values = insert.getValues() == null ? List.of() : new ArrayList<>(insert.getValues());
        int[] targets;
        if (insert.getColumns() == null || insert.getColumns().isEmpty()) {
            // as in PostgreSQL, VALUES may leave out trailing columns (they get their defaults)
            targets = new int[Math.min(values.size(), columns.size())];
            for (int i = 0; i < targets.length; i++) {
                targets[i] = i;
            }
        } else {
            targets = new int[insert.getColumns().size()];
            for (int i = 0; i < targets.length; i++) {
                Column column = insert.getColumns().get(i);
                String name = Identifiers.normalize(column.getColumnName());
                targets[i] = table.columnIndex(name);
                if (targets[i] < 0) {
                    throw new DbException(ErrorCode.UNDEFINED_COLUMN, name + "\" of relation \"" + table.name());
                }
                for (int j = 0; j < i; j++) {
                    if (targets[j] == targets[i]) {
                        throw new DbException(ErrorCode.DUPLICATE_COLUMN, name);
                    }
                }
            }
        }
        if (values.size() > targets.length) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "INSERT has more expressions than target columns");
        }
        if (values.size() < targets.length) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "INSERT has more target columns than expressions");
        }
        IdentityColumns.InsertRule identity = IdentityColumns.forMergeInsert(catalog, table);
        ExpressionBinder binder = new ExpressionBinder(catalog, sourceScope, parameters, null, "MERGE INSERT");
        List<Expr> row = new ArrayList<>();
        for (ColumnDef column : columns) {
            row.add(StoredExpressions.defaultValue(column, parameters));
        }
        for (int i = 0; i < targets.length; i++) {
            Expression value = values.get(i);
            if (!UpdateBinder.isDefaultKeyword(value) && !identity.useDefault(targets[i])) {
                row.set(targets[i], Assignment.assign(binder.bind(value), columns.get(targets[i]), parameters));
            }
        }
        return new MergeAction(MergeAction.Kind.INSERT, condition(insert.getAndPredicate(), sourceScope), row);
    }
}
