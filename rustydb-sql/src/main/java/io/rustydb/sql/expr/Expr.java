package io.rustydb.sql.expr;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;

/**
 * A bound, typed scalar expression. Immutable; evaluated against one row of a batch.
 *
 * <p>Values follow the core representation (SQL NULL is {@code null}; see {@link DataType#javaClass()}).
 */
public interface Expr {
    /** The SQL type of this expression's values. */
    DataType type();

    /** Evaluates this expression for physical row {@code row} of {@code batch}. */
    Object eval(RowBatch batch, int row, ExecContext context);
}
