package io.rustydb.sql.plan;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;

/** The aggregate functions and the result type each gives for an argument type. */
public enum AggregateFunction {
    /** {@code COUNT(*)}: rows, NULLs included. */
    COUNT_STAR,
    /** {@code COUNT(x)}: rows where x is not NULL. */
    COUNT,
    SUM,
    AVG,
    MIN,
    MAX;

    /** The aggregate named {@code name} (case-insensitive), or {@code null} if it is not an aggregate. */
    public static AggregateFunction byName(String name) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "count":
                return COUNT;
            case "sum":
                return SUM;
            case "avg":
                return AVG;
            case "min":
                return MIN;
            case "max":
                return MAX;
            default:
                return null;
        }
    }

    /** The result type for an argument of type {@code arg} ({@code null} for COUNT(*)); 42883 if not applicable. */
    public DataType resultType(DataType arg) {
        switch (this) {
            case COUNT_STAR:
            case COUNT:
                return DataType.BIGINT;
            case MIN:
            case MAX:
                return arg;
            case SUM:
                requireNumeric(arg);
                if (arg.id() == TypeId.SMALLINT || arg.id() == TypeId.INTEGER) {
                    return DataType.BIGINT;
                }
                if (arg.id() == TypeId.REAL || arg.id() == TypeId.DOUBLE) {
                    return DataType.DOUBLE;
                }
                return DataType.DECIMAL;
            case AVG:
                requireNumeric(arg);
                return arg.id() == TypeId.REAL || arg.id() == TypeId.DOUBLE ? DataType.DOUBLE : DataType.DECIMAL;
            default:
                throw DbException.internal("unknown aggregate " + this);
        }
    }

    private void requireNumeric(DataType arg) {
        if (!arg.id().isNumeric() && arg.id() != TypeId.NULL) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name().toLowerCase(java.util.Locale.ROOT) + "(" + arg.sqlName() + ")");
        }
    }
}
