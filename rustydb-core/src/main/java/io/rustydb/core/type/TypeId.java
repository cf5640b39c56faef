package io.rustydb.core.type;

/**
 * The kind of a SQL type, without its parameters (length, precision, scale); {@link DataType} adds those.
 *
 * <p>Each constant names the Java class its non-null values have (see {@link DataType#javaClass()}).
 */
public enum TypeId {
    /** The type of an untyped {@code NULL} literal; it takes the type of whatever it meets. */
    NULL,
    /** {@code BOOLEAN}: {@link Boolean}. */
    BOOLEAN,
    /** {@code SMALLINT}: 16-bit signed, {@link Short}. */
    SMALLINT,
    /** {@code INTEGER}: 32-bit signed, {@link Integer}. */
    INTEGER,
    /** {@code BIGINT}: 64-bit signed, {@link Long}. */
    BIGINT,
    /** {@code DECIMAL(p,s)} / {@code NUMERIC}: exact, at most 38 digits, {@link java.math.BigDecimal}. */
    DECIMAL,
    /** {@code REAL}: IEEE 754 binary32, {@link Float}. */
    REAL,
    /** {@code DOUBLE PRECISION}: IEEE 754 binary64, {@link Double}. */
    DOUBLE,
    /** {@code CHAR(n)}: fixed length, blank-padded on assignment, {@link String}. */
    CHAR,
    /** {@code VARCHAR(n)} or unbounded {@code VARCHAR}: {@link String}. */
    VARCHAR,
    /** {@code TEXT} / {@code CLOB}: unbounded, {@link String}. */
    TEXT,
    /** {@code VARBINARY(n)} or unbounded: {@link Binary}. */
    VARBINARY,
    /** {@code BLOB} / {@code BYTEA}: unbounded, {@link Binary}. */
    BLOB,
    /** {@code DATE}: {@link java.time.LocalDate}. */
    DATE,
    /** {@code TIME} (without time zone): {@link java.time.LocalTime}. */
    TIME,
    /** {@code TIMESTAMP} (without time zone): {@link java.time.LocalDateTime}. */
    TIMESTAMP,
    /** {@code TIMESTAMP WITH TIME ZONE}: {@link java.time.OffsetDateTime} normalized to UTC. */
    TIMESTAMP_TZ,
    /** {@code UUID}: {@link java.util.UUID}. */
    UUID,
    /** {@code INTERVAL}: months, days and microseconds, {@link Interval}. Constants are persisted by name: append only. */
    INTERVAL,
    /** {@code JSON}: {@link io.rustydb.core.json.JsonValue} keeping its input text. */
    JSON,
    /** {@code JSONB}: {@link io.rustydb.core.json.JsonValue}, normalized, with equality and ordering. */
    JSONB,
    /** A one-dimensional array such as {@code INTEGER[]}: {@link SqlArray}; see {@link DataType#elementType()}. */
    ARRAY;

    /** SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE. */
    public boolean isNumeric() {
        return compareTo(SMALLINT) >= 0 && compareTo(DOUBLE) <= 0;
    }

    /** SMALLINT, INTEGER, BIGINT, DECIMAL. */
    public boolean isExactNumeric() {
        return compareTo(SMALLINT) >= 0 && compareTo(DECIMAL) <= 0;
    }

    /** SMALLINT, INTEGER, BIGINT: the types whose values are whole numbers held in a Java primitive. */
    public boolean isIntegral() {
        return this == SMALLINT || this == INTEGER || this == BIGINT;
    }

    /** REAL, DOUBLE. */
    public boolean isApproximateNumeric() {
        return this == REAL || this == DOUBLE;
    }

    /** CHAR, VARCHAR, TEXT. */
    public boolean isString() {
        return this == CHAR || this == VARCHAR || this == TEXT;
    }

    /** VARBINARY, BLOB. */
    public boolean isBinary() {
        return this == VARBINARY || this == BLOB;
    }

    /** JSON, JSONB. */
    public boolean isJson() {
        return this == JSON || this == JSONB;
    }

    /** DATE, TIME, TIMESTAMP, TIMESTAMP_TZ. */
    public boolean isDateTime() {
        return this == DATE || this == TIME || this == TIMESTAMP || this == TIMESTAMP_TZ;
    }
}
