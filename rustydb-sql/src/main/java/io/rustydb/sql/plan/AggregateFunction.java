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
    MAX,
    /** {@code STRING_AGG(x, delimiter)}: the non-NULL strings joined, each after the first preceded by its delimiter. */
    STRING_AGG,
    /** {@code ARRAY_AGG(x)}: the inputs as an array, NULLs included, in input (or ORDER BY) order. */
    ARRAY_AGG,
    /** {@code BOOL_AND(x)} and {@code EVERY(x)}: TRUE if every non-NULL input is TRUE. */
    BOOL_AND,
    /** {@code BOOL_OR(x)}: TRUE if any non-NULL input is TRUE. */
    BOOL_OR,
    /** {@code STDDEV(x)}, {@code STDDEV_SAMP(x)}: the sample standard deviation (NULL below two rows). */
    STDDEV_SAMP,
    /** {@code STDDEV_POP(x)}: the population standard deviation. */
    STDDEV_POP,
    /** {@code VARIANCE(x)}, {@code VAR_SAMP(x)}: the sample variance (NULL below two rows). */
    VAR_SAMP,
    /** {@code VAR_POP(x)}: the population variance. */
    VAR_POP,
    /** {@code PERCENTILE_CONT(f) WITHIN GROUP (ORDER BY x)}: the interpolated value at fraction f (a DOUBLE). */
    PERCENTILE_CONT,
    /** {@code PERCENTILE_DISC(f) WITHIN GROUP (ORDER BY x)}: the first value whose position reaches fraction f. */
    PERCENTILE_DISC,
    /** {@code MODE() WITHIN GROUP (ORDER BY x)}: the most frequent value (the first in sort order on a tie). */
    MODE,
    /** {@code JSON_AGG(x)} / {@code JSONB_AGG(x)}: the values, NULLs included (as JSON null), as a JSON array. */
    JSON_AGG,
    JSONB_AGG,
    /** {@code JSON_OBJECT_AGG(k, v)} / {@code JSONB_OBJECT_AGG(k, v)}: a JSON object; a NULL key is 22004. */
    JSON_OBJECT_AGG,
    JSONB_OBJECT_AGG,
    /**
     * Not callable from SQL: the grouping set of the row as a bit mask (bit i set when grouping key i is not in the
     * set), which {@code GROUPING(...)} reads.
     */
    GROUPING_ID;

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
            case "string_agg":
                return STRING_AGG;
            case "array_agg":
                return ARRAY_AGG;
            case "bool_and":
            case "every":
                return BOOL_AND;
            case "bool_or":
                return BOOL_OR;
            case "stddev":
            case "stddev_samp":
                return STDDEV_SAMP;
            case "stddev_pop":
                return STDDEV_POP;
            case "variance":
            case "var_samp":
                return VAR_SAMP;
            case "var_pop":
                return VAR_POP;
            case "percentile_cont":
                return PERCENTILE_CONT;
            case "percentile_disc":
                return PERCENTILE_DISC;
            case "mode":
                return MODE;
            case "json_agg":
                return JSON_AGG;
            case "jsonb_agg":
                return JSONB_AGG;
            case "json_object_agg":
                return JSON_OBJECT_AGG;
            case "jsonb_object_agg":
                return JSONB_OBJECT_AGG;
            default:
                return null;
        }
    }

    /** Whether this is an ordered-set aggregate, called as {@code f(direct arguments) WITHIN GROUP (ORDER BY x)}. */
    public boolean isOrderedSet() {
        return this == PERCENTILE_CONT || this == PERCENTILE_DISC || this == MODE;
    }

    /** The result type for an argument of type {@code arg} ({@code null} for COUNT(*)); 42883 if not applicable. */
    public DataType resultType(DataType arg) {
        switch (this) {
            case COUNT_STAR:
            case COUNT:
            case GROUPING_ID:
                return DataType.BIGINT;
            case MIN:
            case MAX:
            case PERCENTILE_DISC:
            case MODE:
                return arg;
            case SUM:
                if (arg.id() == TypeId.INTERVAL) {
                    return DataType.INTERVAL;
                }
                requireNumeric(arg);
                if (arg.id() == TypeId.SMALLINT || arg.id() == TypeId.INTEGER) {
                    return DataType.BIGINT;
                }
                if (arg.id() == TypeId.REAL || arg.id() == TypeId.DOUBLE) {
                    return DataType.DOUBLE;
                }
                return DataType.DECIMAL;
            case AVG:
                if (arg.id() == TypeId.INTERVAL) {
                    return DataType.INTERVAL;
                }
                // fall through: AVG of a number is typed like the variances
            case STDDEV_SAMP:
            case STDDEV_POP:
            case VAR_SAMP:
            case VAR_POP:
                requireNumeric(arg);
                return arg.id() == TypeId.REAL || arg.id() == TypeId.DOUBLE ? DataType.DOUBLE : DataType.DECIMAL;
            case PERCENTILE_CONT:
                requireNumeric(arg);
                return DataType.DOUBLE;
            case STRING_AGG:
                if (!arg.id().isString() && arg.id() != TypeId.NULL) {
                    throw undefined(arg);
                }
                return DataType.VARCHAR;
            case JSON_AGG:
            case JSON_OBJECT_AGG:
                return DataType.JSON;
            case JSONB_AGG:
            case JSONB_OBJECT_AGG:
                return DataType.JSONB;
            case ARRAY_AGG:
                return DataType.array(arg.id() == TypeId.NULL ? DataType.TEXT : arg); // arrays of arrays: 0A000
            case BOOL_AND:
            case BOOL_OR:
                if (arg.id() != TypeId.BOOLEAN && arg.id() != TypeId.NULL) {
                    throw undefined(arg);
                }
                return DataType.BOOLEAN;
            default:
                throw DbException.internal("unknown aggregate " + this);
        }
    }

    private void requireNumeric(DataType arg) {
        if (!arg.id().isNumeric() && arg.id() != TypeId.NULL) {
            throw undefined(arg);
        }
    }

    private DbException undefined(DataType arg) {
        return new DbException(ErrorCode.UNDEFINED_FUNCTION, name().toLowerCase(java.util.Locale.ROOT) + "(" + arg.sqlName() + ")");
    }
}
