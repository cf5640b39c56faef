package io.rustydb.sql.expr;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;
import java.util.List;

/**
 * A call of a scalar function: its arguments are evaluated, then the implementation computes the result. With
 * {@code strict}, a NULL argument makes the result NULL without calling the implementation (most SQL functions);
 * the others (COALESCE, NVL, ...) see NULLs.
 */
public record FunctionCallExpr(String name, List<Expr> arguments, DataType type, boolean strict, Implementation impl)
        implements Expr {
    /** What the function does with its argument values. */
    @FunctionalInterface
    public interface Implementation {
        Object apply(Object[] arguments);
    }

    public FunctionCallExpr {
        arguments = List.copyOf(arguments);
    }

    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = arguments.get(i).eval(batch, row, context);
            if (strict && values[i] == null) {
                return null;
            }
        }
        return impl.apply(values);
    }

    @Override
    public String toString() {
        return name + arguments;
    }
}
