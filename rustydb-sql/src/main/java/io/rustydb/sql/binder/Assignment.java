package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.Casts;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.expr.AssignmentCastExpr;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.Literal;
import io.rustydb.sql.expr.ParameterRef;

/**
 * Converts a value being stored into a column (INSERT, UPDATE) to the column's type under assignment rules: a
 * parameter takes the column's type, a literal is converted (and checked) at once, any other expression must be
 * implicitly convertible (else 42804) and is converted as it is stored.
 */
final class Assignment {
    private Assignment() {
    }

    static Expr assign(Expr value, ColumnDef column, ParameterTypes parameters) {
        DataType target = column.type();
        if (value instanceof ParameterRef p && p.type().equals(DataType.NULL)) {
            parameters.infer(p.index(), target);
            return new ParameterRef(p.index(), target);
        }
        if (value instanceof Literal lit) {
            if (lit.value() instanceof String && !target.id().isString()) {
                return new Literal(Casts.cast(lit.value(), target), target);
            }
            return new Literal(Casts.castForAssignment(lit.value(), target, column.name()), target);
        }
        if (value.type().equals(target)) {
            return value;
        }
        if (!Casts.canCastImplicitly(value.type(), target)) {
            throw new DbException(ErrorCode.DATATYPE_MISMATCH, "column \"" + column.name() + "\" is of type "
                    + target.sqlName() + " but expression is of type " + value.type().sqlName());
        }
        return new AssignmentCastExpr(value, target, column.name());
    }
}
