package io.rustydb.core.type;

import io.rustydb.core.json.JsonNode;
import io.rustydb.core.json.JsonValue;
import io.rustydb.core.json.JsonWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * SQL values as JSON, as PostgreSQL's {@code to_json}/{@code to_jsonb} convert them: BOOLEAN to true/false; exact
 * numbers to JSON numbers; REAL/DOUBLE to numbers, except NaN and infinities which become strings; strings to
 * strings; DATE, TIME and timestamps to ISO 8601 strings ({@code "2024-01-02T03:04:05.5"}, with {@code +00:00} for
 * TIMESTAMP WITH TIME ZONE, the session zone being UTC); binary to its {@code \x..} text; UUID to its text;
 * JSON/JSONB values as they are. SQL NULL is JSON null here; the callers decide where NULL stays NULL.
 */
public final class JsonConversion {
    private JsonConversion() {
    }

    /** {@code value} as a JSON tree, numbers keeping their SQL text ({@code 1.50}); null is JSON null. */
    public static JsonNode toNode(Object value) {
        if (value == null) {
            return JsonNode.NULL;
        } else if (value instanceof JsonValue j) {
            return j.tree();
        } else if (value instanceof Boolean b) {
            return JsonNode.bool(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return new JsonNode.Number(BigDecimal.valueOf(((Number) value).longValue()), value.toString());
        } else if (value instanceof BigDecimal d) {
            return new JsonNode.Number(d, d.toPlainString());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            String text = Values.toSqlString(value);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return JsonNode.string(text);
            }
            return new JsonNode.Number(new BigDecimal(text), text);
        } else if (value instanceof LocalDateTime t) {
            return JsonNode.string(DateTimeText.format(t).replaceFirst(" ", "T"));
        } else if (value instanceof OffsetDateTime t) {
            return JsonNode.string(DateTimeText.format(t.toLocalDateTime()).replaceFirst(" ", "T")
                    + offset(t.getOffset().getTotalSeconds()));
        } else if (value instanceof LocalDate d) {
            return JsonNode.string(DateTimeText.format(d));
        } else if (value instanceof LocalTime t) {
            return JsonNode.string(DateTimeText.format(t));
        }
        return JsonNode.string(Values.toSqlString(value));
    }

    private static String offset(int totalSeconds) {
        int s = Math.abs(totalSeconds);
        return String.format("%c%02d:%02d", totalSeconds < 0 ? '-' : '+', s / 3600, s / 60 % 60);
    }

    /** The json text of {@code value}: a json value's own text, else the text of {@link #toNode}. */
    public static String toJsonText(Object value) {
        if (value instanceof JsonValue j) {
            return j.text();
        }
        return JsonWriter.write(toNode(value));
    }

    /** {@code value} as a jsonb value (normalized); null is JSON null. */
    public static JsonValue toJsonb(Object value) {
        if (value instanceof JsonValue j) {
            return j.toJsonb();
        }
        return JsonValue.jsonb(io.rustydb.core.json.Jsonb.normalize(toNode(value)));
    }
}
