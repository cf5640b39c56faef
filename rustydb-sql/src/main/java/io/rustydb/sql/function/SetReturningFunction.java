package io.rustydb.sql.function;

import io.rustydb.core.type.DataType;
import java.util.Iterator;
import java.util.List;

/**
 * A table function resolved for particular argument types: what its arguments must be converted to, which columns
 * it returns, and the rows it returns for argument values. Immutable (a plan holds it); {@link #rows} returns a
 * fresh iterator each time.
 */
public interface SetReturningFunction {
    /** The function's name, for EXPLAIN and messages. */
    String name();

    /** The types the caller converts the arguments to before {@link #rows} (one per argument). */
    List<DataType> argumentTypes();

    /** The types of the returned columns. */
    List<DataType> columnTypes();

    /** The default names of the returned columns (a single column is named after the function, as in PostgreSQL). */
    List<String> columnNames();

    /** The rows for these argument values (converted to {@link #argumentTypes()}; any may be null). */
    Iterator<Object[]> rows(Object[] arguments);
}
