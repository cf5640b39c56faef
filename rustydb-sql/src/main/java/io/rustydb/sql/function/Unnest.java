package io.rustydb.sql.function;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.SqlArray;
import io.rustydb.core.type.TypeId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * {@code unnest(array [, array ...])}: one row per element, one column per array, as in PostgreSQL's FROM clause:
 * several arrays are read side by side, the shorter ones padded with NULLs. A NULL array has no elements.
 *
 * @param arrayTypes the arguments' array types
 */
record Unnest(List<DataType> arrayTypes) implements SetReturningFunction {
    static SetReturningFunction resolve(List<DataType> types) {
        if (types.isEmpty()) {
            throw TableFunctions.undefined("unnest", types);
        }
        for (DataType t : types) {
            if (t.id() == TypeId.NULL) {
                throw new DbException(ErrorCode.DATATYPE_MISMATCH,
                        "could not determine the element type of unnest's argument (a NULL without a type)");
            }
            if (t.id() != TypeId.ARRAY) {
                throw TableFunctions.undefined("unnest", types);
            }
        }
        return new Unnest(List.copyOf(types));
    }

    @Override
    public String name() {
        return "unnest";
    }

    @Override
    public List<DataType> argumentTypes() {
        return arrayTypes;
    }

    @Override
    public List<DataType> columnTypes() {
        List<DataType> types = new ArrayList<>();
        for (DataType t : arrayTypes) {
            types.add(t.elementType().id() == TypeId.NULL ? DataType.TEXT : t.elementType());
        }
        return types;
    }

    @Override
    public List<String> columnNames() {
        return Collections.nCopies(arrayTypes.size(), "unnest");
    }

    @Override
    public Iterator<Object[]> rows(Object[] arguments) {
        int length = 0;
        for (Object a : arguments) {
            length = Math.max(length, a == null ? 0 : ((SqlArray) a).size());
        }
        int rows = length;
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < rows;
            }

            @Override
            public Object[] next() {
                if (next >= rows) {
                    throw new NoSuchElementException();
                }
                Object[] row = new Object[arguments.length];
                for (int c = 0; c < row.length; c++) {
                    row[c] = arguments[c] == null ? null : ((SqlArray) arguments[c]).at(next + 1L);
                }
                next++;
                return row;
            }
        };
    }
}
