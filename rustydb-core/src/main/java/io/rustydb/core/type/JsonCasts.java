package io.rustydb.core.type;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.json.JsonNode;
import io.rustydb.core.json.JsonValue;

/**
 * Casts to and from JSON and JSONB, for {@link Casts#cast(Object, DataType)}:
 * <ul>
 *   <li>text to json/jsonb: the text must be valid JSON (22P02); json keeps it as given, jsonb normalizes it;</li>
 *   <li>json to jsonb normalizes; jsonb to json keeps the canonical text; either to a string type is its text
 *       (truncated to a VARCHAR(n)/CHAR(n) as any explicit cast);</li>
 *   <li>jsonb holding a number to a numeric type, and a boolean to BOOLEAN, as PostgreSQL 11+ (any other jsonb
 *       value is 22023 "cannot cast jsonb object to type integer"); json to those is 42804.</li>
 * </ul>
 * No other type converts to json or jsonb by cast (use {@code to_json}); 42804.
 */
final class JsonCasts {
    private JsonCasts() {
    }

    static Object cast(Object value, DataType target) {
        TypeId t = target.id();
        if (t.isJson()) {
            if (value instanceof String s) {
                return t == TypeId.JSONB ? JsonValue.jsonb(s) : JsonValue.json(s);
            }
            if (value instanceof JsonValue j) {
                return t == TypeId.JSONB ? j.toJsonb() : j.toJson();
            }
            throw cannotCast(value, target);
        }
        JsonValue j = (JsonValue) value;
        if (t.isString()) {
            return Casts.cast(j.text(), target);
        }
        if (j.isJsonb() && (t.isNumeric() || t == TypeId.BOOLEAN)) {
            JsonNode node = j.tree();
            if (t.isNumeric() && node instanceof JsonNode.Number n) {
                return Casts.cast(n.value(), target);
            }
            if (t == TypeId.BOOLEAN && node instanceof JsonNode.Bool b) {
                return b.value();
            }
            String kind = node instanceof JsonNode.Bool ? "boolean" : node.typeName();
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "cannot cast jsonb " + kind + " to type " + target.sqlName().toLowerCase(java.util.Locale.ROOT));
        }
        throw cannotCast(value, target);
    }

    private static DbException cannotCast(Object value, DataType target) {
        return new DbException(ErrorCode.DATATYPE_MISMATCH,
                "cannot cast type " + Values.typeName(value) + " to " + target.sqlName());
    }
}
