package io.rustydb.sql.exec;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.json.JsonNode;
import io.rustydb.core.json.JsonValue;
import io.rustydb.core.json.JsonWriter;
import io.rustydb.core.json.Jsonb;
import io.rustydb.core.type.JsonConversion;
import io.rustydb.core.type.Values;
import io.rustydb.sql.plan.AggregateFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON_AGG, JSONB_AGG, JSON_OBJECT_AGG and JSONB_OBJECT_AGG. Unlike other aggregates these keep NULL inputs (as
 * JSON null); no rows give NULL. The json forms print as PostgreSQL does ({@code [1, 2]} and
 * {@code { "a" : 1, "b" : 2 }}); the jsonb forms are normalized (an object's duplicate keys: the last wins).
 */
final class JsonAggAccumulator extends Accumulator {
    private final boolean jsonb;
    private final boolean object;
    private final List<JsonNode> elements = new ArrayList<>();
    private final List<JsonNode.Member> members = new ArrayList<>();
    private StringBuilder text;

    JsonAggAccumulator(boolean distinct, AggregateFunction function) {
        super(distinct);
        this.jsonb = function == AggregateFunction.JSONB_AGG || function == AggregateFunction.JSONB_OBJECT_AGG;
        this.object = function == AggregateFunction.JSON_OBJECT_AGG || function == AggregateFunction.JSONB_OBJECT_AGG;
    }

    @Override
    boolean countsNulls() {
        return true;
    }

    @Override
    void accept(Object value, Object[] extras) {
        if (object) {
            if (value == null) {
                throw new DbException(ErrorCode.NULL_VALUE_NOT_ALLOWED, "field name must not be null");
            }
            String key = Values.toSqlString(value);
            Object v = extras.length > 0 ? extras[0] : null;
            if (jsonb) {
                members.add(new JsonNode.Member(key, JsonConversion.toJsonb(v).tree()));
            } else {
                text = text == null ? new StringBuilder("{ ") : text.append(", ");
                JsonWriter.quote(key, text);
                text.append(" : ").append(JsonConversion.toJsonText(v));
            }
        } else if (jsonb) {
            elements.add(JsonConversion.toJsonb(value).tree());
        } else {
            text = text == null ? new StringBuilder("[") : text.append(", ");
            text.append(JsonConversion.toJsonText(value));
        }
    }

    @Override
    Object result() {
        if (jsonb) {
            if (object) {
                return members.isEmpty() ? null : JsonValue.jsonb(Jsonb.normalizeObject(members));
            }
            return elements.isEmpty() ? null : JsonValue.jsonb(new JsonNode.Array(elements));
        }
        return text == null ? null : JsonValue.jsonOfTrustedText(text + (object ? " }" : "]"));
    }
}
