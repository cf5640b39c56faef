package io.rustydb.index.key;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;

/**
 * The body encoding of one SQL type in ascending order (see {@link KeyCodec} for the layout around it).
 *
 * <p>Contract of every implementation:
 * <ol>
 *   <li>Order: for non-null values a, b of the type, the unsigned byte order of {@code encode(a)} and
 *       {@code encode(b)} has the sign of {@link io.rustydb.core.type.Values#compare}{@code (a, b)}; values equal
 *       there get identical bytes.</li>
 *   <li>Prefix-free: no encoding is a proper prefix of another. So the first differing byte decides, complementing
 *       every byte reverses the order (DESC), and a decoder finds the end of the body without a length.</li>
 *   <li>{@code decode} reads exactly the bytes {@code encode} wrote and returns a value of the type's Java class
 *       that is equal in SQL to the one encoded.</li>
 * </ol>
 * Implementations are stateless and shared.
 */
interface ValueEncoder {
    /** Appends the body of {@code value}, which is non-null and of the type's Java class. */
    void encode(Object value, KeyWriter out);

    /** Reads one body written by {@link #encode}. */
    Object decode(KeyReader in);

    /** The encoder for {@code type}; a type with no key encoding (NULL) is a 42804 error. */
    static ValueEncoder forType(DataType type) {
        switch (type.id()) {
            case BOOLEAN: return BooleanEncoder.INSTANCE;
            case SMALLINT:
            case INTEGER:
            case BIGINT: return IntegralEncoder.of(type.id());
            case DECIMAL: return new DecimalEncoder(type);
            case REAL: return FloatingEncoder.REAL;
            case DOUBLE: return FloatingEncoder.DOUBLE;
            case CHAR:
            case VARCHAR:
            case TEXT: return StringEncoder.INSTANCE;
            case VARBINARY:
            case BLOB: return BinaryEncoder.INSTANCE;
            case DATE:
            case TIME:
            case TIMESTAMP:
            case TIMESTAMP_TZ: return TemporalEncoder.of(type.id());
            case UUID: return UuidEncoder.INSTANCE;
            case INTERVAL: return IntervalEncoder.INSTANCE;
            default:
                throw new DbException(ErrorCode.DATATYPE_MISMATCH,
                        "type " + type.sqlName() + " cannot be an index key");
        }
    }
}
