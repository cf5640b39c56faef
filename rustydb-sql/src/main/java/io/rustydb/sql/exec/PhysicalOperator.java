package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import java.util.List;

/**
 * A node of a physical plan. Operators are immutable and may be executed many times (and by several threads):
 * all mutable state lives in the {@link OperatorState} that {@link #open} returns for one execution.
 */
public interface PhysicalOperator {
    /** The types of the columns this operator produces. */
    List<DataType> outputTypes();

    /** Starts one execution. */
    OperatorState open(ExecContext context);

    /** One line describing this operator, for EXPLAIN. */
    String describe();

    /** The inputs of this operator, for EXPLAIN. */
    List<PhysicalOperator> children();
}
