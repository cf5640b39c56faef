package io.rustydb.core.type;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A SQL type: a {@link TypeId} plus its parameters. Immutable; {@code equals}/{@code hashCode} cover every field.
 *
 * <p>Parameters are {@code -1} when they do not apply or are unbounded:
 * <ul>
 *   <li>{@code DECIMAL(p,s)}: {@link #precision()} {@code p} in 1..38, {@link #scale()} {@code s} in 0..p. The
 *       constant {@link #DECIMAL} is the <em>unconstrained</em> decimal (precision and scale -1), which is what
 *       {@code DECIMAL} / {@code NUMERIC} without arguments means (as in PostgreSQL) and what arithmetic on
 *       decimals yields. An unconstrained value keeps its own scale, limited to 38 digits in all: its scale is in
 *       0..38 and its unscaled value has at most 38 digits (excess fraction digits are rounded HALF_UP; excess
 *       integer digits are a 22003 error). {@code DECIMAL(p)} means {@code DECIMAL(p,0)}.</li>
 *   <li>{@code CHAR(n)}, {@code VARCHAR(n)}, {@code VARBINARY(n)}: {@link #length()} {@code n >= 1};
 *       {@link #VARCHAR} and {@link #VARBINARY} are unbounded (length -1). {@code CHAR} without a length is
 *       {@code CHAR(1)}, as the SQL standard says.</li>
 *   <li>{@code ARRAY}: {@link #elementType()} is the type of the elements ({@code INTEGER} for {@code INTEGER[]});
 *       it is never itself an array (arrays are one-dimensional). {@code null} for every other type.</li>
 * </ul>
 *
 * <p>The Java class of each type's non-null values is fixed (see {@link #javaClass()}); SQL NULL is Java
 * {@code null}.
 */
public final class DataType {
    /** The largest precision a DECIMAL may have. */
    public static final int MAX_DECIMAL_PRECISION = 38;

    public static final DataType NULL = simple(TypeId.NULL);
    public static final DataType BOOLEAN = simple(TypeId.BOOLEAN);
    public static final DataType SMALLINT = simple(TypeId.SMALLINT);
    public static final DataType INTEGER = simple(TypeId.INTEGER);
    public static final DataType BIGINT = simple(TypeId.BIGINT);
    /** Unconstrained DECIMAL: any value of at most 38 digits keeps its own scale. */
    public static final DataType DECIMAL = simple(TypeId.DECIMAL);
    public static final DataType REAL = simple(TypeId.REAL);
    public static final DataType DOUBLE = simple(TypeId.DOUBLE);
    /** Unbounded VARCHAR (length -1). */
    public static final DataType VARCHAR = simple(TypeId.VARCHAR);
    public static final DataType TEXT = simple(TypeId.TEXT);
    /** Unbounded VARBINARY (length -1). */
    public static final DataType VARBINARY = simple(TypeId.VARBINARY);
    public static final DataType BLOB = simple(TypeId.BLOB);
    public static final DataType DATE = simple(TypeId.DATE);
    public static final DataType TIME = simple(TypeId.TIME);
    public static final DataType TIMESTAMP = simple(TypeId.TIMESTAMP);
    public static final DataType TIMESTAMP_TZ = simple(TypeId.TIMESTAMP_TZ);
    public static final DataType UUID = simple(TypeId.UUID);
    public static final DataType INTERVAL = simple(TypeId.INTERVAL);
    public static final DataType JSON = simple(TypeId.JSON);
    public static final DataType JSONB = simple(TypeId.JSONB);

    private final TypeId id;
    private final int precision;
    private final int scale;
    private final int length;
    private final DataType element;

    private DataType(TypeId id, int precision, int scale, int length) {
        this(id, precision, scale, length, null);
    }

    private DataType(TypeId id, int precision, int scale, int length, DataType element) {
        this.id = id;
        this.precision = precision;
        this.scale = scale;
        this.length = length;
        this.element = element;
    }

    /**
     * The one-dimensional array type of {@code element} ({@code INTEGER[]}). An array of arrays is 0A000
     * (multidimensional arrays are not supported). {@code array(NULL)} is the type of an array whose elements are
     * all NULL or that has none, before it meets a typed context.
     */
    public static DataType array(DataType element) {
        if (element.id == TypeId.ARRAY) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "multidimensional arrays (only one-dimensional arrays are supported)");
        }
        return new DataType(TypeId.ARRAY, -1, -1, -1, element);
    }

    /** The element type of an ARRAY type; {@code null} for other types. */
    public DataType elementType() {
        return element;
    }

    private static DataType simple(TypeId id) {
        return new DataType(id, -1, -1, -1);
    }

    /** {@code DECIMAL(precision, scale)}; 1 &lt;= precision &lt;= 38 and 0 &lt;= scale &lt;= precision, else 22023. */
    public static DataType decimal(int precision, int scale) {
        if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "DECIMAL precision " + precision + " must be between 1 and " + MAX_DECIMAL_PRECISION);
        }
        if (scale < 0 || scale > precision) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "DECIMAL scale " + scale + " must be between 0 and precision " + precision);
        }
        return new DataType(TypeId.DECIMAL, precision, scale, -1);
    }

    /** {@code CHAR(n)}, n &gt;= 1 else 22023. */
    public static DataType charType(int n) {
        return sized(TypeId.CHAR, n);
    }

    /** {@code VARCHAR(n)}, n &gt;= 1 else 22023; use {@link #VARCHAR} for unbounded. */
    public static DataType varchar(int n) {
        return sized(TypeId.VARCHAR, n);
    }

    /** {@code VARBINARY(n)}, n &gt;= 1 else 22023; use {@link #VARBINARY} for unbounded. */
    public static DataType varbinary(int n) {
        return sized(TypeId.VARBINARY, n);
    }

    private static DataType sized(TypeId id, int n) {
        if (n < 1) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "length for type " + id.name() + " must be at least 1, not " + n);
        }
        return new DataType(id, -1, -1, n);
    }

    /**
     * The type of {@code id} with no parameters: the unbounded/unconstrained form; {@code CHAR} is CHAR(1),
     * {@code ARRAY} is {@code TEXT[]}.
     */
    public static DataType of(TypeId id) {
        switch (id) {
            case NULL: return NULL;
            case BOOLEAN: return BOOLEAN;
            case SMALLINT: return SMALLINT;
            case INTEGER: return INTEGER;
            case BIGINT: return BIGINT;
            case DECIMAL: return DECIMAL;
            case REAL: return REAL;
            case DOUBLE: return DOUBLE;
            case CHAR: return charType(1);
            case VARCHAR: return VARCHAR;
            case TEXT: return TEXT;
            case VARBINARY: return VARBINARY;
            case BLOB: return BLOB;
            case DATE: return DATE;
            case TIME: return TIME;
            case TIMESTAMP: return TIMESTAMP;
            case TIMESTAMP_TZ: return TIMESTAMP_TZ;
            case UUID: return UUID;
            case INTERVAL: return INTERVAL;
            case JSON: return JSON;
            case JSONB: return JSONB;
            case ARRAY: return array(TEXT);
            default: throw DbException.internal("unknown type id " + id);
        }
    }

    /**
     * The type of a Java value per the value representation: {@code null} is {@link #NULL}, a String is unbounded
     * {@link #VARCHAR}, a BigDecimal the unconstrained {@link #DECIMAL}, a {@link Binary} unbounded
     * {@link #VARBINARY}. Any other class is a 42804 error.
     */
    public static DataType of(Object value) {
        DataType t = ofOrNull(value);
        if (t == null) {
            throw new DbException(ErrorCode.DATATYPE_MISMATCH,
                    "no SQL type for Java class " + value.getClass().getName());
        }
        return t;
    }

    /** Like {@link #of(Object)} but {@code null} (Java) for a value of a class outside the representation. */
    static DataType ofOrNull(Object value) {
        if (value == null) {
            return NULL;
        } else if (value instanceof Integer) {
            return INTEGER;
        } else if (value instanceof Long) {
            return BIGINT;
        } else if (value instanceof String) {
            return VARCHAR;
        } else if (value instanceof BigDecimal) {
            return DECIMAL;
        } else if (value instanceof Double) {
            return DOUBLE;
        } else if (value instanceof Boolean) {
            return BOOLEAN;
        } else if (value instanceof Short) {
            return SMALLINT;
        } else if (value instanceof Float) {
            return REAL;
        } else if (value instanceof LocalDate) {
            return DATE;
        } else if (value instanceof LocalDateTime) {
            return TIMESTAMP;
        } else if (value instanceof OffsetDateTime) {
            return TIMESTAMP_TZ;
        } else if (value instanceof LocalTime) {
            return TIME;
        } else if (value instanceof java.util.UUID) {
            return UUID;
        } else if (value instanceof Binary) {
            return VARBINARY;
        } else if (value instanceof Interval) {
            return INTERVAL;
        } else if (value instanceof io.rustydb.core.json.JsonValue j) {
            return j.isJsonb() ? JSONB : JSON;
        } else if (value instanceof SqlArray a) {
            return arrayOf(a);
        }
        return null;
    }

    /** The array type of an array value: its non-null elements' common type; {@code null} if they have none. */
    private static DataType arrayOf(SqlArray a) {
        DataType common = NULL;
        for (Object e : a.elements()) {
            DataType t = ofOrNull(e);
            if (t == null || t.id == TypeId.ARRAY || !TypeRules.isComparable(common, t)) {
                return null;
            }
            common = TypeRules.commonType(common, t);
        }
        return array(common);
    }

    /**
     * Maps a SQL type spelling to a type. {@code sqlTypeName} is case-insensitive, may contain several words
     * ({@code DOUBLE PRECISION}, {@code TIMESTAMP WITH TIME ZONE}) and may itself carry the parenthesized
     * arguments ({@code "TIMESTAMP(6) WITH TIME ZONE"}, {@code "VARCHAR(10)"}); {@code args} are the raw
     * parenthesized arguments ({@code ["10", "2"]}), or empty/null. Fractional-second precision on time types is
     * accepted (0..9) and ignored: values keep nanoseconds. Unknown names are 42704; bad arguments 22023.
     * See {@link TypeNameParser} for every spelling.
     */
    public static DataType parse(String sqlTypeName, List<String> args) {
        return TypeNameParser.parse(sqlTypeName, args);
    }

    /** {@link #parse(String, List)} of a whole spelling such as {@code "DECIMAL(10, 2)"}. */
    public static DataType parse(String sqlTypeSpelling) {
        return TypeNameParser.parse(sqlTypeSpelling, List.of());
    }

    public TypeId id() {
        return id;
    }

    /** Decimal precision, or -1 (unconstrained decimal, non-decimal types). */
    public int precision() {
        return precision;
    }

    /** Decimal scale, or -1 (unconstrained decimal, non-decimal types). */
    public int scale() {
        return scale;
    }

    /** Maximum length of CHAR/VARCHAR (characters) or VARBINARY (bytes), or -1 (unbounded, not applicable). */
    public int length() {
        return length;
    }

    /** True for a DECIMAL with an explicit precision and scale. */
    public boolean isConstrainedDecimal() {
        return id == TypeId.DECIMAL && precision > 0;
    }

    /** True for CHAR(n), VARCHAR(n) and VARBINARY(n): types whose values have a maximum length. */
    public boolean hasLength() {
        return length > 0;
    }

    /** The SQL spelling, e.g. {@code INTEGER}, {@code DECIMAL(10,2)}, {@code VARCHAR(10)}, {@code TIMESTAMP WITH TIME ZONE}. */
    public String sqlName() {
        switch (id) {
            case DECIMAL:
                return precision > 0 ? "DECIMAL(" + precision + "," + scale + ")" : "DECIMAL";
            case CHAR:
            case VARCHAR:
            case VARBINARY:
                return length > 0 ? id.name() + "(" + length + ")" : id.name();
            case DOUBLE:
                return "DOUBLE PRECISION";
            case TIMESTAMP_TZ:
                return "TIMESTAMP WITH TIME ZONE";
            case ARRAY:
                return element.sqlName() + "[]";
            default:
                return id.name();
        }
    }

    /**
     * The {@link java.sql.Types} constant. TEXT reports VARCHAR and BLOB reports VARBINARY because their values are
     * a String and a {@link Binary} (read with getString/getBytes), not JDBC Clob/Blob locators; UUID, INTERVAL,
     * JSON and JSONB report OTHER, as PostgreSQL's driver does.
     */
    public int jdbcType() {
        switch (id) {
            case NULL: return Types.NULL;
            case BOOLEAN: return Types.BOOLEAN;
            case SMALLINT: return Types.SMALLINT;
            case INTEGER: return Types.INTEGER;
            case BIGINT: return Types.BIGINT;
            case DECIMAL: return Types.DECIMAL;
            case REAL: return Types.REAL;
            case DOUBLE: return Types.DOUBLE;
            case CHAR: return Types.CHAR;
            case VARCHAR:
            case TEXT: return Types.VARCHAR;
            case VARBINARY:
            case BLOB: return Types.VARBINARY;
            case DATE: return Types.DATE;
            case TIME: return Types.TIME;
            case TIMESTAMP: return Types.TIMESTAMP;
            case TIMESTAMP_TZ: return Types.TIMESTAMP_WITH_TIMEZONE;
            case UUID:
            case INTERVAL: return Types.OTHER;
            case JSON:
            case JSONB: return Types.OTHER;
            case ARRAY: return Types.ARRAY;
            default: throw DbException.internal("unknown type id " + id);
        }
    }

    /**
     * The precision JDBC metadata reports ({@code ResultSetMetaData.getPrecision}): decimal digits for numbers (38
     * for unconstrained DECIMAL, 7 for REAL and 15 for DOUBLE), the length
     * for bounded strings and binaries ({@link Integer#MAX_VALUE} when unbounded), the display width for
     * date/time types (with nanoseconds), 36 for UUID, 49 for INTERVAL (as PostgreSQL), 1 for BOOLEAN, 0 for NULL.
     */
    public int jdbcPrecision() {
        switch (id) {
            case BOOLEAN: return 1;
            case SMALLINT: return 5;
            case INTEGER: return 10;
            case BIGINT: return 19;
            case DECIMAL: return precision > 0 ? precision : MAX_DECIMAL_PRECISION;
            case REAL: return 7;
            case DOUBLE: return 15;
            case CHAR:
            case VARCHAR:
            case VARBINARY: return length > 0 ? length : Integer.MAX_VALUE;
            case TEXT:
            case BLOB:
            case JSON:
            case JSONB: return Integer.MAX_VALUE;
            case DATE: return 10;
            case TIME: return 18;
            case TIMESTAMP: return 29;
            case TIMESTAMP_TZ: return 35;
            case UUID: return 36;
            case INTERVAL: return 49;
            default: return 0;
        }
    }

    /** The Java class of this type's non-null values; {@code Object.class} for {@link #NULL}. */
    public Class<?> javaClass() {
        switch (id) {
            case BOOLEAN: return Boolean.class;
            case SMALLINT: return Short.class;
            case INTEGER: return Integer.class;
            case BIGINT: return Long.class;
            case DECIMAL: return BigDecimal.class;
            case REAL: return Float.class;
            case DOUBLE: return Double.class;
            case CHAR:
            case VARCHAR:
            case TEXT: return String.class;
            case VARBINARY:
            case BLOB: return Binary.class;
            case DATE: return LocalDate.class;
            case TIME: return LocalTime.class;
            case TIMESTAMP: return LocalDateTime.class;
            case TIMESTAMP_TZ: return OffsetDateTime.class;
            case UUID: return java.util.UUID.class;
            case INTERVAL: return Interval.class;
            case JSON:
            case JSONB: return io.rustydb.core.json.JsonValue.class;
            case ARRAY: return SqlArray.class;
            default: return Object.class;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataType)) {
            return false;
        }
        DataType other = (DataType) o;
        return id == other.id && precision == other.precision && scale == other.scale && length == other.length
                && Objects.equals(element, other.element);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, precision, scale, length, element);
    }

    /** The same as {@link #sqlName()}. */
    @Override
    public String toString() {
        return sqlName();
    }
}
