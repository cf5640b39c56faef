package io.rustydb.sql.function;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.json.JsonNode;
import io.rustydb.core.json.JsonValue;
import io.rustydb.core.json.JsonWriter;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * PostgreSQL's set-returning JSON functions, in FROM: {@code json[b]_array_elements[_text](array)} (one row per
 * element), {@code json[b]_each[_text](object)} (one {@code (key, value)} row per member) and
 * {@code json[b]_object_keys(object)} (one row per key). The {@code _text} variants give strings unquoted and JSON
 * null as SQL NULL; the others give json (or jsonb) values. An argument of the wrong kind (an object where an array
 * is needed...) is 22023, as in PostgreSQL; a NULL argument gives no rows.
 *
 * @param name  the function's name
 * @param jsonb whether it is a jsonb_ function (its argument and values are jsonb)
 */
record JsonTableFunctions(String name, boolean jsonb) implements SetReturningFunction {
    static final List<String> NAMES = List.of("json_array_elements", "json_array_elements_text", "json_each",
            "json_each_text", "json_object_keys", "jsonb_array_elements", "jsonb_array_elements_text", "jsonb_each",
            "jsonb_each_text", "jsonb_object_keys");

    static SetReturningFunction resolve(String name, List<DataType> types) {
        if (types.size() != 1) {
            throw TableFunctions.undefined(name, types);
        }
        TypeId t = types.get(0).id();
        if (t != TypeId.NULL && !t.isJson() && !t.isString()) {
            throw TableFunctions.undefined(name, types);
        }
        return new JsonTableFunctions(name, name.startsWith("jsonb_"));
    }

    private DataType jsonType() {
        return jsonb ? DataType.JSONB : DataType.JSON;
    }

    private boolean asText() {
        return name.endsWith("_text");
    }

    @Override
    public List<DataType> argumentTypes() {
        return List.of(jsonType());
    }

    @Override
    public List<DataType> columnTypes() {
        DataType value = asText() ? DataType.TEXT : jsonType();
        if (name.contains("_each")) {
            return List.of(DataType.TEXT, value);
        }
        return List.of(name.endsWith("_object_keys") ? DataType.TEXT : value);
    }

    @Override
    public List<String> columnNames() {
        if (name.contains("_each")) {
            return List.of("key", "value");
        }
        return List.of(name.endsWith("_object_keys") ? name : "value");
    }

    @Override
    public Iterator<Object[]> rows(Object[] arguments) {
        if (arguments[0] == null) {
            return java.util.Collections.emptyIterator();
        }
        JsonNode tree = ((JsonValue) arguments[0]).tree();
        List<Object[]> rows = new ArrayList<>();
        if (name.contains("_array_elements")) {
            if (!(tree instanceof JsonNode.Array array)) {
                throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot extract elements from "
                        + (tree instanceof JsonNode.Obj ? "an object" : "a scalar"));
            }
            for (JsonNode element : array.elements()) {
                rows.add(new Object[] {value(element)});
            }
            return rows.iterator();
        }
        if (!(tree instanceof JsonNode.Obj object)) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot call " + name + " on "
                    + (tree instanceof JsonNode.Array ? "an array" : "a scalar"));
        }
        for (JsonNode.Member member : object.members()) {
            rows.add(name.endsWith("_object_keys") ? new Object[] {member.key()}
                    : new Object[] {member.key(), value(member.value())});
        }
        return rows.iterator();
    }

    /** A member or element as the function returns it: json[b], or text for the _text variants. */
    private Object value(JsonNode node) {
        if (asText()) {
            if (node instanceof JsonNode.Null) {
                return null;
            }
            return node instanceof JsonNode.Str s ? s.value() : JsonWriter.write(node);
        }
        return jsonb ? JsonValue.jsonb(node) : JsonValue.jsonOfTrustedText(JsonWriter.write(node));
    }
}
