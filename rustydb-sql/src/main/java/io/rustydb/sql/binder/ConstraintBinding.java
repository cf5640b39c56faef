package io.rustydb.sql.binder;

import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.CheckConstraint;
import java.util.List;

/**
 * The stored constraint expressions of a table, bound for use outside a statement's own binding: the CHECK
 * constraints and column defaults that a foreign key's cascaded UPDATE / SET NULL / SET DEFAULT must apply to
 * the child table it changes.
 */
public final class ConstraintBinding {
    private ConstraintBinding() {
    }

    /** {@code table}'s CHECK constraints, bound over its columns in table order. */
    public static List<CheckConstraint> checks(TableDef table) {
        return StoredExpressions.checks(table, new ParameterTypes());
    }

    /** The value {@code column} gets by default (NULL if it has no default), assigned to its type. */
    public static Expr defaultValue(ColumnDef column) {
        return StoredExpressions.defaultValue(column, new ParameterTypes());
    }
}
