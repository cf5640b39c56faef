package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * The types inferred for a statement's {@code ?} parameters while binding it. A parameter whose type the context
 * never fixes stays {@link DataType#NULL}: its value is then used as given.
 */
final class ParameterTypes {
    private final List<DataType> types = new ArrayList<>();

    /** Registers parameter {@code index} (0-based) if new; returns its current type. */
    DataType register(int index) {
        while (types.size() <= index) {
            types.add(DataType.NULL);
        }
        return types.get(index);
    }

    /** Fixes the type of parameter {@code index}; a second, different inference keeps the first. */
    void infer(int index, DataType type) {
        register(index);
        if (types.get(index).equals(DataType.NULL)) {
            types.set(index, type);
        }
    }

    List<DataType> types() {
        return List.copyOf(types);
    }

    /** Checks that parameters are numbered 1..n without gaps (JSqlParser numbers {@code ?} in text order). */
    static int toIndex(Integer oneBased) {
        if (oneBased == null || oneBased < 1) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "bad parameter number " + oneBased);
        }
        return oneBased - 1;
    }
}
