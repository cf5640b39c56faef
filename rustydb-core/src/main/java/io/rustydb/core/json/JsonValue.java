package io.rustydb.core.json;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

/**
 * A non-NULL value of SQL type {@code JSON} or {@code JSONB}: immutable, held as its text.
 *
 * <ul>
 *   <li>{@code json} keeps the text it was given, exactly (whitespace, key order, duplicate keys, number
 *       spelling); it has no equality or ordering ({@link #compareTo} is 42883, as PostgreSQL has no {@code =}
 *       for json).</li>
 *   <li>{@code jsonb} holds the canonical text of its normalized tree ({@link JsonReader#readJsonb}, written by
 *       {@link JsonWriter}): equal documents have equal text except for number scale ({@code 1.0} and {@code 1}
 *       are equal but print as given). It is ordered by {@link Jsonb#compare}; {@link #equals}/{@link #hashCode}
 *       agree with it.</li>
 * </ul>
 * The tree is parsed on first use and kept.
 */
public final class JsonValue implements Comparable<JsonValue> {
    private final String text;
    private final boolean jsonb;
    private JsonNode tree; // racy single-check caching of an immutable value: every thread computes the same tree

    private JsonValue(String text, boolean jsonb, JsonNode tree) {
        this.text = text;
        this.jsonb = jsonb;
        this.tree = tree;
    }

    /** A json value of {@code text}, which must be valid JSON (else 22P02); the text is kept as given. */
    public static JsonValue json(String text) {
        return new JsonValue(text, false, JsonReader.readJson(text));
    }

    /** A jsonb value of {@code text}, which must be valid JSON (else 22P02); normalized. */
    public static JsonValue jsonb(String text) {
        JsonNode tree = JsonReader.readJsonb(text);
        return new JsonValue(JsonWriter.write(tree), true, tree);
    }

    /** A jsonb value of a tree, which must already be normalized (as every {@link Jsonb} result is). */
    public static JsonValue jsonb(JsonNode normalized) {
        return new JsonValue(JsonWriter.write(normalized), true, normalized);
    }

    /** A json value whose text the caller built and knows to be valid (function results); not re-checked. */
    public static JsonValue jsonOfTrustedText(String text) {
        return new JsonValue(text, false, null);
    }

    /**
     * A value read back from storage: {@code text} was written by this class (valid, and canonical for jsonb), so
     * it is not parsed now.
     */
    public static JsonValue stored(String text, boolean jsonb) {
        return new JsonValue(text, jsonb, null);
    }

    /** The text: as given for json, canonical for jsonb. */
    public String text() {
        return text;
    }

    /** True for a jsonb value, false for json. */
    public boolean isJsonb() {
        return jsonb;
    }

    /** The parsed tree (normalized for jsonb; as written for json). */
    public JsonNode tree() {
        JsonNode t = tree;
        if (t == null) {
            t = jsonb ? JsonReader.readJsonb(text) : JsonReader.readJson(text);
            tree = t;
        }
        return t;
    }

    /** This value as jsonb (normalized). */
    public JsonValue toJsonb() {
        return jsonb ? this : jsonb(Jsonb.normalize(tree()));
    }

    /** This value as json: the same text. */
    public JsonValue toJson() {
        return jsonb ? new JsonValue(text, false, null) : this;
    }

    /** jsonb order ({@link Jsonb#compare}); json values cannot be compared (42883). */
    @Override
    public int compareTo(JsonValue other) {
        if (!jsonb || !other.jsonb) {
            throw new DbException(ErrorCode.UNDEFINED_OPERATOR,
                    "json = json (json has no equality or ordering; use jsonb)");
        }
        return text.equals(other.text) ? 0 : Jsonb.compare(tree(), other.tree());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JsonValue other) || jsonb != other.jsonb) {
            return false;
        }
        if (text.equals(other.text)) {
            return true;
        }
        return jsonb && Jsonb.compare(tree(), other.tree()) == 0;
    }

    @Override
    public int hashCode() {
        return jsonb ? Jsonb.hash(tree()) : text.hashCode();
    }

    /** The text. */
    @Override
    public String toString() {
        return text;
    }
}
