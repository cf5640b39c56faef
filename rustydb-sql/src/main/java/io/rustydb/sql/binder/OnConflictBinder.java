package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.OnConflict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.statement.insert.ConflictActionType;
import net.sf.jsqlparser.statement.insert.InsertConflictAction;
import net.sf.jsqlparser.statement.insert.InsertConflictTarget;

/**
 * Binds {@code ON CONFLICT [(col, ...) [WHERE ...] | ON CONSTRAINT name] DO NOTHING | DO UPDATE SET ... [WHERE ...]}
 * of an INSERT, as PostgreSQL does:
 * <ul>
 *   <li>the arbiters are the unique indexes on exactly the listed columns (in any order), or the named constraint's
 *       index; none matching is 42P10, an unknown constraint 42704. Without a target, DO NOTHING watches every
 *       unique index and DO UPDATE is 42601. RustyDB has no partial indexes, so a target's WHERE (which only helps
 *       to infer partial ones) is checked for names and otherwise changes nothing;</li>
 *   <li>DO UPDATE's SET and WHERE see the existing row under the table's name (or alias) and the proposed row as
 *       {@code EXCLUDED}; an unqualified column in both is ambiguous (42702), as in PostgreSQL.</li>
 * </ul>
 */
final class OnConflictBinder {
    private OnConflictBinder() {
    }

    static OnConflict bind(Catalog catalog, ParameterTypes parameters, TableDef table, String qualifier,
                           InsertConflictTarget target, InsertConflictAction action) {
        boolean doUpdate = action.getConflictActionType() == ConflictActionType.DO_UPDATE;
        if (action.getConflictActionType() != ConflictActionType.DO_NOTHING && !doUpdate) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "ON CONFLICT " + action.getConflictActionType());
        }
        List<IndexDef> arbiters = arbiters(catalog, parameters, table, qualifier, target, doUpdate);
        if (!doUpdate) {
            return OnConflict.doNothing(arbiters);
        }
        if (qualifier.equals("excluded")) {
            throw new DbException(ErrorCode.DUPLICATE_ALIAS, "excluded");
        }
        Scope scope = Scope.join(Scope.of(table, qualifier), Scope.of(table, "excluded"), Set.of());
        ExpressionBinder binder = new ExpressionBinder(catalog, scope, parameters, null, "ON CONFLICT DO UPDATE");
        Expr[] newValues = UpdateBinder.assignments(catalog, parameters, table, action.getUpdateSets(), binder);
        Expr condition = action.getWhereExpression() == null ? null
                : new ExpressionBinder(catalog, scope, parameters, null, "WHERE").bindCondition(action.getWhereExpression());
        return new OnConflict(true, arbiters, Arrays.asList(newValues), condition);
    }

    private static List<IndexDef> arbiters(Catalog catalog, ParameterTypes parameters, TableDef table,
                                           String qualifier, InsertConflictTarget target, boolean doUpdate) {
        List<IndexDef> unique = new ArrayList<>();
        for (IndexDef index : table.indexes()) {
            if (index.unique()) {
                unique.add(index);
            }
        }
        if (target == null) {
            if (doUpdate) {
                throw new DbException(ErrorCode.SYNTAX_ERROR,
                        "ON CONFLICT DO UPDATE requires inference specification or constraint name");
            }
            return unique;
        }
        if (target.getConstraintName() != null) {
            String name = Identifiers.normalize(target.getConstraintName());
            for (IndexDef index : unique) {
                if (index.name().equals(name)) {
                    return List.of(index);
                }
            }
            throw new DbException(ErrorCode.UNDEFINED_OBJECT, "constraint \"" + name + "\" for table \""
                    + table.name() + "\" does not exist");
        }
        if (target.getIndexExpression() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "an expression as ON CONFLICT target");
        }
        Set<Integer> columns = new HashSet<>();
        for (String raw : target.getIndexColumnNames()) {
            String name = Identifiers.normalize(raw);
            int column = table.columnIndex(name);
            if (column < 0) {
                throw new DbException(ErrorCode.UNDEFINED_COLUMN, name);
            }
            columns.add(column);
        }
        if (target.getWhereExpression() != null) {
            new ExpressionBinder(catalog, Scope.of(table, qualifier), parameters, null, "WHERE")
                    .bindCondition(target.getWhereExpression());
        }
        List<IndexDef> matching = new ArrayList<>();
        for (IndexDef index : unique) {
            Set<Integer> indexed = new HashSet<>();
            for (int c : index.columnPositions()) {
                indexed.add(c);
            }
            if (indexed.equals(columns)) {
                matching.add(index);
            }
        }
        if (matching.isEmpty()) {
            throw new DbException(ErrorCode.INVALID_COLUMN_REFERENCE,
                    "there is no unique or exclusion constraint matching the ON CONFLICT specification");
        }
        return matching;
    }
}
