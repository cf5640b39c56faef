package io.rustydb.core.type;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

/**
 * Which type two expressions meet in when they are compared or combined (comparisons, CASE branches, UNION
 * columns, IN lists, COALESCE).
 *
 * <p>{@link #commonType}:
 * <ul>
 *   <li>NULL with X is X; equal types are themselves.</li>
 *   <li>Numbers: SMALLINT &lt; INTEGER &lt; BIGINT &lt; DECIMAL &lt; DOUBLE. REAL with REAL (or SMALLINT) is REAL; REAL
 *       with any other number is DOUBLE (a REAL cannot hold every INTEGER). Two DECIMALs widen to one that holds
 *       both: scale {@code max(s1,s2)}, integer digits {@code max(p1-s1, p2-s2)}; when that needs more than 38
 *       digits the result is the unconstrained DECIMAL (which holds each value exactly). The
 *       integer types count as DECIMAL(5,0), DECIMAL(10,0), DECIMAL(19,0); an unconstrained DECIMAL on either
 *       side gives unconstrained DECIMAL.</li>
 *   <li>Strings: CHAR(n) with CHAR(m) is CHAR(max); with VARCHAR it is VARCHAR of the larger length (unbounded
 *       if either is); TEXT with any string is TEXT.</li>
 *   <li>Binary: VARBINARY of the larger length, BLOB with any binary is BLOB.</li>
 *   <li>DATE with TIMESTAMP is TIMESTAMP; TIMESTAMP WITH TIME ZONE with DATE or TIMESTAMP is TIMESTAMP WITH TIME
 *       ZONE.</li>
 *   <li>Arrays: {@code X[]} with {@code Y[]} is the array of X and Y's common type.</li>
 *   <li>Anything else is 42804 "types X and Y cannot be matched".</li>
 * </ul>
 */
public final class TypeRules {
    private TypeRules() {
    }

    /** The type both {@code a} and {@code b} are cast to before they are compared or combined; see class comment. */
    public static DataType commonType(DataType a, DataType b) {
        DataType t = commonTypeOrNull(a, b);
        if (t == null) {
            throw new DbException(ErrorCode.DATATYPE_MISMATCH,
                    "types " + a.sqlName() + " and " + b.sqlName() + " cannot be matched");
        }
        return t;
    }

    /** Whether {@link #commonType} exists for {@code a} and {@code b}. */
    public static boolean isComparable(DataType a, DataType b) {
        return commonTypeOrNull(a, b) != null;
    }

    private static DataType commonTypeOrNull(DataType a, DataType b) {
        if (a.equals(b)) {
            return a;
        }
        TypeId x = a.id();
        TypeId y = b.id();
        if (x == TypeId.NULL) {
            return b;
        } else if (y == TypeId.NULL) {
            return a;
        } else if (x.isNumeric() && y.isNumeric()) {
            return numeric(a, b);
        } else if (x.isString() && y.isString()) {
            return string(a, b);
        } else if (x.isBinary() && y.isBinary()) {
            if (x == TypeId.BLOB || y == TypeId.BLOB) {
                return DataType.BLOB;
            }
            return a.length() < 0 || b.length() < 0 ? DataType.VARBINARY
                    : DataType.varbinary(Math.max(a.length(), b.length()));
        } else if (x == TypeId.TIMESTAMP_TZ && (y == TypeId.DATE || y == TypeId.TIMESTAMP)
                || y == TypeId.TIMESTAMP_TZ && (x == TypeId.DATE || x == TypeId.TIMESTAMP)) {
            return DataType.TIMESTAMP_TZ;
        } else if (x == TypeId.TIMESTAMP && y == TypeId.DATE || x == TypeId.DATE && y == TypeId.TIMESTAMP) {
            return DataType.TIMESTAMP;
        } else if (x == TypeId.ARRAY && y == TypeId.ARRAY) {
            DataType element = commonTypeOrNull(a.elementType(), b.elementType());
            return element == null ? null : DataType.array(element);
        }
        return null;
    }

    /** The wider numeric type; also used by {@link Arithmetic}. */
    static DataType numeric(DataType a, DataType b) {
        TypeId x = a.id();
        TypeId y = b.id();
        if (x == TypeId.DOUBLE || y == TypeId.DOUBLE) {
            return DataType.DOUBLE;
        }
        if (x == TypeId.REAL || y == TypeId.REAL) {
            TypeId other = x == TypeId.REAL ? y : x;
            return other == TypeId.REAL || other == TypeId.SMALLINT ? DataType.REAL : DataType.DOUBLE;
        }
        if (x == TypeId.DECIMAL || y == TypeId.DECIMAL) {
            return decimal(a, b);
        }
        return x.compareTo(y) >= 0 ? a : b; // SMALLINT < INTEGER < BIGINT in declaration order
    }

    private static DataType decimal(DataType a, DataType b) {
        int[] pa = decimalShape(a);
        int[] pb = decimalShape(b);
        if (pa == null || pb == null) {
            return DataType.DECIMAL;
        }
        int scale = Math.max(pa[1], pb[1]);
        int intDigits = Math.max(pa[0] - pa[1], pb[0] - pb[1]);
        if (intDigits + scale > DataType.MAX_DECIMAL_PRECISION) {
            return DataType.DECIMAL; // no DECIMAL(p,s) holds both; the unconstrained one holds each value exactly
        }
        return DataType.decimal(intDigits + scale, scale);
    }

    /** {precision, scale} of an exact numeric type as a decimal, or null for the unconstrained DECIMAL. */
    private static int[] decimalShape(DataType t) {
        switch (t.id()) {
            case SMALLINT: return new int[] {5, 0};
            case INTEGER: return new int[] {10, 0};
            case BIGINT: return new int[] {19, 0};
            default: return t.isConstrainedDecimal() ? new int[] {t.precision(), t.scale()} : null;
        }
    }

    private static DataType string(DataType a, DataType b) {
        TypeId x = a.id();
        TypeId y = b.id();
        if (x == TypeId.TEXT || y == TypeId.TEXT) {
            return DataType.TEXT;
        }
        if (x == TypeId.CHAR && y == TypeId.CHAR) {
            return DataType.charType(Math.max(a.length(), b.length()));
        }
        // VARCHAR with VARCHAR or CHAR
        return a.length() < 0 || b.length() < 0 ? DataType.VARCHAR : DataType.varchar(Math.max(a.length(), b.length()));
    }
}
