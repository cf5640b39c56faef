/**
 * JSON values for the SQL types {@code JSON} and {@code JSONB}: the immutable {@link io.rustydb.core.json.JsonValue}
 * that rows and expressions carry, a small tree model ({@link io.rustydb.core.json.JsonNode}), text reading on
 * Jackson's streaming parser ({@link io.rustydb.core.json.JsonReader}), the canonical text
 * ({@link io.rustydb.core.json.JsonWriter}) and PostgreSQL's jsonb semantics (ordering, containment, key existence,
 * concatenation, deletion, paths: {@link io.rustydb.core.json.Jsonb}).
 *
 * <p>May use the JDK, {@code io.rustydb.core} (errors) and {@code com.fasterxml.jackson.core}; nothing else of
 * RustyDB ({@code io.rustydb.core.type} depends on this package, not the reverse).
 */
package io.rustydb.core.json;
