package io.rustydb.core.json;

import java.math.BigDecimal;
import java.util.List;

/**
 * One JSON value as an immutable tree.
 *
 * <p>A tree read as {@code jsonb} is <em>normalized</em> (see {@link JsonReader#readJsonb}): object members are
 * unique and sorted as PostgreSQL stores them ({@link Jsonb#KEY_ORDER}: by UTF-8 length, then bytes) and numbers
 * are their decimal value. A tree read as {@code json} keeps duplicates, member order and each number's text.
 */
public sealed interface JsonNode {
    /** {@code null}. */
    JsonNode NULL = new Null();
    /** {@code true}. */
    JsonNode TRUE = new Bool(true);
    /** {@code false}. */
    JsonNode FALSE = new Bool(false);

    /** The name {@code json_typeof} reports: object, array, string, number, boolean or null. */
    String typeName();

    /** JSON {@code null}. */
    record Null() implements JsonNode {
        @Override
        public String typeName() {
            return "null";
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements JsonNode {
        @Override
        public String typeName() {
            return "boolean";
        }
    }

    /**
     * A number: its exact value and the text it is written as ({@code 1.50}, {@code 1e2} in json; the
     * plain decimal text of {@link #value} in jsonb).
     */
    record Number(BigDecimal value, String text) implements JsonNode {
        @Override
        public String typeName() {
            return "number";
        }
    }

    /** A string (its unescaped content). */
    record Str(String value) implements JsonNode {
        @Override
        public String typeName() {
            return "string";
        }
    }

    /** An array. */
    record Array(List<JsonNode> elements) implements JsonNode {
        public Array {
            elements = List.copyOf(elements);
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    /** An object's member. */
    record Member(String key, JsonNode value) {
    }

    /** An object: its members in order (jsonb: unique keys in {@link Jsonb#KEY_ORDER}). */
    record Obj(List<Member> members) implements JsonNode {
        public Obj {
            members = List.copyOf(members);
        }

        @Override
        public String typeName() {
            return "object";
        }

        /** The value of the last member named {@code key}, or null. */
        public JsonNode get(String key) {
            for (int i = members.size() - 1; i >= 0; i--) {
                if (members.get(i).key().equals(key)) {
                    return members.get(i).value();
                }
            }
            return null;
        }
    }

    /** A jsonb number for {@code value}: scale at least 0 ({@code 1e2} is {@code 100}), text its plain decimal. */
    static Number number(BigDecimal value) {
        BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        if (v.signum() == 0 && v.scale() == 0) {
            v = BigDecimal.ZERO;
        }
        return new Number(v, v.toPlainString());
    }

    /** A string node. */
    static Str string(String value) {
        return new Str(value);
    }

    /** A boolean node. */
    static JsonNode bool(boolean value) {
        return value ? TRUE : FALSE;
    }
}
