/**
 * The SQL type system: types ({@link io.rustydb.core.type.DataType}), the Java representation of values, and the
 * rules every layer applies to them: comparison and hashing ({@link io.rustydb.core.type.Values}), casts
 * ({@link io.rustydb.core.type.Casts}), common types ({@link io.rustydb.core.type.TypeRules}), arithmetic
 * ({@link io.rustydb.core.type.Arithmetic}) and three-valued logic ({@link io.rustydb.core.type.Logic}).
 *
 * <p>Value representation: SQL NULL is Java {@code null}; a non-null value is always exactly one class per type:
 * <pre>
 * BOOLEAN Boolean        SMALLINT Short          INTEGER Integer        BIGINT Long
 * DECIMAL BigDecimal     REAL Float              DOUBLE Double
 * CHAR/VARCHAR/TEXT String (CHAR(n) blank-padded to n)
 * VARBINARY/BLOB {@link io.rustydb.core.type.Binary}
 * DATE LocalDate         TIME LocalTime          TIMESTAMP LocalDateTime
 * TIMESTAMP WITH TIME ZONE OffsetDateTime at ZoneOffset.UTC                     UUID java.util.UUID
 * INTERVAL {@link io.rustydb.core.type.Interval} (months, days, microseconds; text in {@link io.rustydb.core.type.IntervalText})
 * JSON/JSONB {@link io.rustydb.core.json.JsonValue} (its jsonb flag matches the type)
 * </pre>
 * A DECIMAL stored in a {@code DECIMAL(p,s)} column has scale exactly {@code s}. Semantics follow PostgreSQL
 * unless a class comment says otherwise; errors are {@link io.rustydb.core.DbException} with PostgreSQL's
 * SQLSTATEs.
 *
 * <p>This package depends only on the JDK, {@code io.rustydb.core} and {@code io.rustydb.core.json}; it holds no
 * state.
 */
package io.rustydb.core.type;
