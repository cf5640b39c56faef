package io.rustydb.sql.function;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * {@code generate_series(start, stop [, step])}: start, start+step, ... while not past stop (inclusive), as in
 * PostgreSQL; and DuckDB's {@code range(stop)} / {@code range(start, stop [, step])}, which stops before stop
 * (exclusive). Both take integers (INTEGER when every argument fits, else BIGINT) or DECIMAL; step defaults to 1; a
 * step of 0 is 22023; a NULL argument gives no rows. {@code generate_series(stop)} with one argument is DuckDB's
 * {@code generate_series(0, stop)}.
 *
 * @param name      generate_series or range
 * @param type      INTEGER, BIGINT or DECIMAL: the arguments' and the column's type
 * @param arity     the number of arguments
 * @param inclusive whether stop itself is produced
 */
record GenerateSeries(String name, DataType type, int arity, boolean inclusive) implements SetReturningFunction {
    static SetReturningFunction resolve(String name, List<DataType> types, boolean inclusive) {
        if (types.isEmpty() || types.size() > 3) {
            throw TableFunctions.undefined(name, types);
        }
        boolean decimal = false;
        boolean wide = false;
        for (DataType t : types) {
            TypeId id = t.id();
            if (id == TypeId.BIGINT) {
                wide = true;
            } else if (id == TypeId.DECIMAL || id.isApproximateNumeric()) {
                decimal = true;
            } else if (id != TypeId.INTEGER && id != TypeId.SMALLINT && id != TypeId.NULL) {
                throw TableFunctions.undefined(name, types);
            }
        }
        DataType type = decimal ? DataType.DECIMAL : wide ? DataType.BIGINT : DataType.INTEGER;
        return new GenerateSeries(name, type, types.size(), inclusive);
    }

    @Override
    public List<DataType> argumentTypes() {
        return Collections.nCopies(arity, type);
    }

    @Override
    public List<DataType> columnTypes() {
        return List.of(type);
    }

    @Override
    public List<String> columnNames() {
        return List.of(name);
    }

    @Override
    public Iterator<Object[]> rows(Object[] arguments) {
        for (Object a : arguments) {
            if (a == null) {
                return Collections.emptyIterator();
            }
        }
        BigDecimal start = arity == 1 ? BigDecimal.ZERO : toDecimal(arguments[0]);
        BigDecimal stop = toDecimal(arguments[arity == 1 ? 0 : 1]);
        BigDecimal step = arity == 3 ? toDecimal(arguments[2]) : BigDecimal.ONE;
        if (step.signum() == 0) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "step size cannot equal zero");
        }
        if (type.id() != TypeId.DECIMAL) {
            return longs(start.longValueExact(), stop.longValueExact(), step.longValueExact());
        }
        return decimals(start, stop, step);
    }

    private static BigDecimal toDecimal(Object v) {
        return v instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) v).longValue());
    }

    private Iterator<Object[]> longs(long start, long stop, long step) {
        boolean integer = type.id() == TypeId.INTEGER;
        return new Iterator<>() {
            private long next = start;
            private boolean done = !within(start);

            private boolean within(long v) {
                return step > 0 ? (inclusive ? v <= stop : v < stop) : (inclusive ? v >= stop : v > stop);
            }

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public Object[] next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                long v = next;
                long after = v + step;
                // overflow past the type's range ends the series (the value after the last would not fit)
                boolean overflow = ((v ^ after) & (step ^ after)) < 0
                        || integer && (after > Integer.MAX_VALUE || after < Integer.MIN_VALUE);
                done = overflow || !within(after);
                next = after;
                return new Object[] {integer ? (Object) (int) v : (Object) v};
            }
        };
    }

    private Iterator<Object[]> decimals(BigDecimal start, BigDecimal stop, BigDecimal step) {
        return new Iterator<>() {
            private BigDecimal next = start;

            private boolean within(BigDecimal v) {
                int c = v.compareTo(stop);
                return step.signum() > 0 ? (inclusive ? c <= 0 : c < 0) : (inclusive ? c >= 0 : c > 0);
            }

            @Override
            public boolean hasNext() {
                return within(next);
            }

            @Override
            public Object[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                BigDecimal v = next;
                next = next.add(step);
                return new Object[] {v};
            }
        };
    }
}
