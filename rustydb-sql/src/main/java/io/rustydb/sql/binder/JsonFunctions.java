package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.json.JsonNode;
import io.rustydb.core.json.JsonReader;
import io.rustydb.core.json.JsonValue;
import io.rustydb.core.json.JsonWriter;
import io.rustydb.core.json.Jsonb;
import io.rustydb.core.type.Casts;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.JsonConversion;
import io.rustydb.core.type.TypeId;
import io.rustydb.core.type.Values;
import io.rustydb.sql.expr.CastExpr;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.FunctionCallExpr;
import io.rustydb.sql.expr.Literal;
import io.rustydb.sql.expr.ParameterRef;
import io.rustydb.sql.parser.JsonOperators;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JSON function and operator library (PostgreSQL's): resolves a call by name and argument types and returns a
 * typed {@link FunctionCallExpr}.
 *
 * <p>Operators arrive as the calls {@link JsonOperators} rewrote them to: {@code ->} and {@code ->>} (key of an
 * object for a text operand, element of an array for an integer one, negative from the end), {@code #>} and
 * {@code #>>} (a path given as a {@code text[]} literal such as {@code '{a,0,b}'}; see {@link TextArrayLiteral}),
 * and for jsonb only {@code @>}, {@code <@}, {@code ?}, {@code ?|}, {@code ?&}, {@code #-}; {@code ||} and
 * {@code -} on jsonb come from the binder's concatenation and subtraction ({@link #concat}, {@link #minus}).
 * Functions: json[b]_build_object, json[b]_build_array, to_json[b], json[b]_typeof, json[b]_array_length,
 * jsonb_pretty, json[b]_extract_path[_text], jsonb_set, json[b]_strip_nulls, jsonb_contains, jsonb_contained,
 * jsonb_exists[_any|_all].
 *
 * <p>Operand typing: a string literal next to a JSON operator is read as jsonb (PostgreSQL's "unknown" literal);
 * an unset parameter takes the type the operand needs (a key parameter is text). A json operand where only jsonb
 * has the operator (containment, existence, {@code #-}) is 42883, as in PostgreSQL.
 */
final class JsonFunctions {
    private JsonFunctions() {
    }

    private static final Set<String> NAMES = Set.of("json_op_arrow", "json_op_arrow_text", "json_op_path",
            "json_op_path_text", "jsonb_delete_path", "jsonb_contains", "jsonb_contained", "jsonb_exists",
            "jsonb_exists_any", "jsonb_exists_all", "json_build_object", "jsonb_build_object", "json_build_array",
            "jsonb_build_array", "to_json", "to_jsonb", "json_typeof", "jsonb_typeof", "json_array_length",
            "jsonb_array_length", "jsonb_pretty", "json_extract_path", "json_extract_path_text",
            "jsonb_extract_path", "jsonb_extract_path_text", "jsonb_set", "jsonb_strip_nulls", "json_strip_nulls");

    static boolean handles(String name) {
        return NAMES.contains(name);
    }

    static Expr resolve(String name, List<Expr> args, ParameterTypes parameters) {
        Binder b = new Binder(name, args, parameters);
        switch (name) {
            case "json_op_arrow":
            case "json_op_arrow_text":
                return b.arrow(name.endsWith("_text"));
            case "json_op_path":
            case "json_op_path_text": {
                b.arity(2, 2);
                Expr doc = b.json(0, null);
                Expr path = b.path(1);
                boolean text = name.endsWith("_text");
                return b.call(List.of(doc, path), text ? DataType.VARCHAR : doc.type(), true,
                        a -> extract((JsonValue) a[0], TextArrayLiteral.parse((String) a[1]), text));
            }
            case "json_extract_path":
            case "json_extract_path_text":
            case "jsonb_extract_path":
            case "jsonb_extract_path_text": {
                b.arity(1, Integer.MAX_VALUE);
                List<Expr> all = new ArrayList<>();
                all.add(b.json(0, name.startsWith("jsonb") ? DataType.JSONB : DataType.JSON));
                for (int i = 1; i < args.size(); i++) {
                    all.add(b.text(i));
                }
                boolean text = name.endsWith("_text");
                return b.call(all, text ? DataType.VARCHAR : all.get(0).type(), true, a -> {
                    List<String> path = new ArrayList<>();
                    for (int i = 1; i < a.length; i++) {
                        path.add((String) a[i]);
                    }
                    return extract((JsonValue) a[0], path, text);
                });
            }
            case "jsonb_delete_path": {
                b.arity(2, 2);
                return b.call(List.of(b.jsonbOnly(0), b.path(1)), DataType.JSONB, true, a -> JsonValue.jsonb(
                        Jsonb.deletePath(((JsonValue) a[0]).tree(), TextArrayLiteral.parse((String) a[1]))));
            }
            case "jsonb_contains":
            case "jsonb_contained": {
                b.arity(2, 2);
                boolean contains = name.equals("jsonb_contains");
                return b.call(List.of(b.jsonbOnly(0), b.jsonbOnly(1)), DataType.BOOLEAN, true, a -> {
                    JsonNode x = ((JsonValue) a[0]).tree();
                    JsonNode y = ((JsonValue) a[1]).tree();
                    return contains ? Jsonb.contains(x, y) : Jsonb.contains(y, x);
                });
            }
            case "jsonb_exists":
                b.arity(2, 2);
                return b.call(List.of(b.jsonbOnly(0), b.text(1)), DataType.BOOLEAN, true,
                        a -> Jsonb.exists(((JsonValue) a[0]).tree(), (String) a[1]));
            case "jsonb_exists_any":
            case "jsonb_exists_all": {
                b.arity(2, 2);
                boolean all = name.endsWith("_all");
                return b.call(List.of(b.jsonbOnly(0), b.path(1)), DataType.BOOLEAN, true,
                        a -> Jsonb.exists(((JsonValue) a[0]).tree(), TextArrayLiteral.parse((String) a[1]), all));
            }
            case "json_build_object":
            case "jsonb_build_object":
                return b.buildObject(name.startsWith("jsonb"));
            case "json_build_array":
            case "jsonb_build_array":
                return b.buildArray(name.startsWith("jsonb"));
            case "to_json":
            case "to_jsonb": {
                b.arity(1, 1);
                boolean jsonb = name.equals("to_jsonb");
                return b.call(List.of(b.anyValue(0)), jsonb ? DataType.JSONB : DataType.JSON, true,
                        a -> jsonb ? JsonConversion.toJsonb(a[0])
                                : JsonValue.jsonOfTrustedText(JsonConversion.toJsonText(a[0])));
            }
            case "json_typeof":
            case "jsonb_typeof":
                b.arity(1, 1);
                return b.call(List.of(b.json(0, b.family())), DataType.VARCHAR, true,
                        a -> ((JsonValue) a[0]).tree().typeName());
            case "json_array_length":
            case "jsonb_array_length":
                b.arity(1, 1);
                return b.call(List.of(b.json(0, b.family())), DataType.INTEGER, true, a -> {
                    JsonNode node = ((JsonValue) a[0]).tree();
                    if (node instanceof JsonNode.Array arr) {
                        return arr.elements().size();
                    }
                    throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot get array length of "
                            + (node instanceof JsonNode.Obj ? "a non-array" : "a scalar"));
                });
            case "jsonb_pretty":
                b.arity(1, 1);
                return b.call(List.of(b.json(0, DataType.JSONB)), DataType.VARCHAR, true,
                        a -> JsonWriter.pretty(((JsonValue) a[0]).tree()));
            case "jsonb_strip_nulls":
            case "json_strip_nulls": {
                b.arity(1, 1);
                Expr doc = b.json(0, b.family());
                boolean jsonb = name.startsWith("jsonb");
                return b.call(List.of(doc), doc.type(), true, a -> {
                    JsonNode stripped = Jsonb.stripNulls(((JsonValue) a[0]).tree());
                    return jsonb ? JsonValue.jsonb(stripped) : JsonValue.jsonOfTrustedText(JsonWriter.write(stripped));
                });
            }
            case "jsonb_set": {
                b.arity(3, 4);
                List<Expr> all = new ArrayList<>(List.of(b.json(0, DataType.JSONB), b.path(1), b.json(2, DataType.JSONB)));
                if (args.size() == 4) {
                    all.add(b.typed(3, DataType.BOOLEAN));
                }
                return b.call(all, DataType.JSONB, true, a -> JsonValue.jsonb(Jsonb.set(((JsonValue) a[0]).tree(),
                        TextArrayLiteral.parse((String) a[1]), ((JsonValue) a[2]).tree(),
                        a.length < 4 || (Boolean) a[3])));
            }
            default:
                throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name);
        }
    }

    /** {@code left || right} when one side is jsonb (the other jsonb or a literal), else null (not a JSON case). */
    static Expr concat(Expr left, Expr right, ParameterTypes parameters) {
        boolean l = left.type().id() == TypeId.JSONB;
        boolean r = right.type().id() == TypeId.JSONB;
        if (!l && !r || !(l || untyped(left)) || !(r || untyped(right))) {
            return null;
        }
        Binder b = new Binder("||", List.of(left, right), parameters);
        return b.call(List.of(b.json(0, DataType.JSONB), b.json(1, DataType.JSONB)), DataType.JSONB, true,
                a -> JsonValue.jsonb(Jsonb.concat(((JsonValue) a[0]).tree(), ((JsonValue) a[1]).tree())));
    }

    /** {@code left - right} when {@code left} is jsonb (delete a key or an array element), else null. */
    static Expr minus(Expr left, Expr right, ParameterTypes parameters) {
        if (left.type().id() != TypeId.JSONB) {
            return null;
        }
        Binder b = new Binder("-", List.of(left, right), parameters);
        if (right.type().id().isIntegral()) {
            return b.call(List.of(left, b.typed(1, DataType.INTEGER)), DataType.JSONB, true,
                    a -> JsonValue.jsonb(Jsonb.deleteIndex(((JsonValue) a[0]).tree(), ((Number) a[1]).intValue())));
        }
        return b.call(List.of(left, b.text(1)), DataType.JSONB, true,
                a -> JsonValue.jsonb(Jsonb.deleteKey(((JsonValue) a[0]).tree(), (String) a[1])));
    }

    private static boolean untyped(Expr e) {
        return e instanceof Literal lit && (lit.value() == null || lit.value() instanceof String)
                || e instanceof ParameterRef p && p.type().equals(DataType.NULL);
    }

    /** The value (json or jsonb, as the document) at {@code path}, or its text when {@code text}. */
    private static Object extract(JsonValue doc, List<String> path, boolean text) {
        if (path.contains(null)) {
            return null;
        }
        if (doc.isJsonb()) {
            JsonNode node = Jsonb.path(doc.tree(), path);
            return node == null ? null : text ? nodeText(node) : JsonValue.jsonb(node);
        }
        List<Object> steps = new ArrayList<>(path);
        String span = JsonReader.extract(doc.text(), steps, true);
        return span == null ? null : text ? spanText(span) : JsonValue.jsonOfTrustedText(span);
    }

    /** {@code ->>}'s text of a jsonb value: a string's content, NULL for JSON null, else the JSON text. */
    private static String nodeText(JsonNode node) {
        if (node instanceof JsonNode.Null) {
            return null;
        }
        return node instanceof JsonNode.Str s ? s.value() : JsonWriter.write(node);
    }

    /** {@code ->>}'s text of a json value written as {@code span}. */
    private static String spanText(String span) {
        if (span.equals("null")) {
            return null;
        }
        return span.startsWith("\"") ? ((JsonNode.Str) JsonReader.readJson(span)).value() : span;
    }

    /** Argument checking and typing for one call. */
    private static final class Binder {
        private final String name;
        private final List<Expr> args;
        private final ParameterTypes parameters;

        Binder(String name, List<Expr> args, ParameterTypes parameters) {
            this.name = name;
            this.args = args;
            this.parameters = parameters;
        }

        /** JSONB for a jsonb_ function, JSON for a json_ one. */
        DataType family() {
            return name.startsWith("jsonb") ? DataType.JSONB : DataType.JSON;
        }

        Expr arrow(boolean text) {
            arity(2, 2);
            Expr doc = json(0, null);
            Expr step = args.get(1);
            boolean index = step.type().id().isIntegral();
            Expr converted = index ? typed(1, DataType.INTEGER) : text(1);
            return call(List.of(doc, converted), text ? DataType.VARCHAR : doc.type(), true, a -> {
                JsonValue v = (JsonValue) a[0];
                Object key = a[1] instanceof Number n ? (Object) n.intValue() : a[1];
                if (v.isJsonb()) {
                    JsonNode node = key instanceof Integer i ? Jsonb.get(v.tree(), i) : Jsonb.get(v.tree(), (String) key);
                    return node == null ? null : text ? nodeText(node) : JsonValue.jsonb(node);
                }
                String span = JsonReader.extract(v.text(), List.of(key), false);
                return span == null ? null : text ? spanText(span) : JsonValue.jsonOfTrustedText(span);
            });
        }

        Expr buildObject(boolean jsonb) {
            if (args.size() % 2 != 0) {
                throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "argument list must have even number of elements (" + name + ")");
            }
            List<Expr> values = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                values.add(anyValue(i));
            }
            return call(values, jsonb ? DataType.JSONB : DataType.JSON, false, a -> {
                List<JsonNode.Member> members = new ArrayList<>();
                StringBuilder sb = new StringBuilder("{");
                for (int i = 0; i < a.length; i += 2) {
                    if (a[i] == null) {
                        throw new DbException(ErrorCode.NULL_VALUE_NOT_ALLOWED,
                                "argument " + (i + 1) + " of " + name + " cannot be null: object keys must not be null");
                    }
                    String key = Values.toSqlString(a[i]);
                    if (jsonb) {
                        members.add(new JsonNode.Member(key, JsonConversion.toJsonb(a[i + 1]).tree()));
                    } else {
                        sb.append(i == 0 ? "" : ", ");
                        JsonWriter.quote(key, sb);
                        sb.append(" : ").append(JsonConversion.toJsonText(a[i + 1]));
                    }
                }
                return jsonb ? JsonValue.jsonb(Jsonb.normalizeObject(members))
                        : JsonValue.jsonOfTrustedText(sb.append('}').toString());
            });
        }

        Expr buildArray(boolean jsonb) {
            List<Expr> values = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                values.add(anyValue(i));
            }
            return call(values, jsonb ? DataType.JSONB : DataType.JSON, false, a -> {
                List<JsonNode> elements = new ArrayList<>();
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < a.length; i++) {
                    if (jsonb) {
                        elements.add(JsonConversion.toJsonb(a[i]).tree());
                    } else {
                        sb.append(i == 0 ? "" : ", ").append(JsonConversion.toJsonText(a[i]));
                    }
                }
                return jsonb ? JsonValue.jsonb(new JsonNode.Array(elements))
                        : JsonValue.jsonOfTrustedText(sb.append(']').toString());
            });
        }

        void arity(int min, int max) {
            if (args.size() < min || args.size() > max) {
                throw undefined();
            }
        }

        /**
         * Argument {@code i} as json or jsonb: {@code want} null takes either (a literal or parameter then jsonb);
         * a string literal is parsed, a parameter typed.
         */
        Expr json(int i, DataType want) {
            Expr e = args.get(i);
            DataType target = want == null ? DataType.JSONB : want;
            if (e.type().id().isJson() && (want == null || e.type().equals(want))) {
                return e;
            }
            if (untyped(e)) {
                return typed(i, target);
            }
            throw undefined();
        }

        /** Argument {@code i} as jsonb: json is 42883 (the operator exists for jsonb only). */
        Expr jsonbOnly(int i) {
            return json(i, DataType.JSONB);
        }

        /** Argument {@code i} as text: a string, a literal or a parameter. */
        Expr text(int i) {
            Expr e = args.get(i);
            if (e.type().id().isString()) {
                return e;
            }
            if (untyped(e)) {
                return typed(i, DataType.VARCHAR);
            }
            throw undefined();
        }

        /**
         * A path or key list (argument {@code i}): a {@code text[]} value — an array of strings, as its text form
         * {@code {a,b}}, or text in that form ({@code '{a,0,b}'}), read by {@link TextArrayLiteral}.
         */
        Expr path(int i) {
            Expr e = args.get(i);
            DataType element = e.type().elementType();
            if (e.type().id() == io.rustydb.core.type.TypeId.ARRAY && element != null && element.id().isString()) {
                return new io.rustydb.sql.expr.CastExpr(e, DataType.VARCHAR);
            }
            return text(i);
        }

        /** Argument {@code i} of any type; an untyped literal or parameter is text. */
        Expr anyValue(int i) {
            Expr e = args.get(i);
            return e instanceof ParameterRef p && p.type().equals(DataType.NULL) ? typed(i, DataType.VARCHAR) : e;
        }

        /** Argument {@code i} given {@code type}: a literal is cast, a parameter typed, else a cast if one exists. */
        Expr typed(int i, DataType type) {
            Expr e = args.get(i);
            if (e.type().equals(type)) {
                return e;
            }
            if (e instanceof Literal lit) {
                return new Literal(Casts.cast(lit.value(), type), type);
            }
            if (e instanceof ParameterRef p && p.type().equals(DataType.NULL)) {
                parameters.infer(p.index(), type);
                return new ParameterRef(p.index(), type);
            }
            if (!Casts.canCast(e.type(), type)) {
                throw undefined();
            }
            return new CastExpr(e, type);
        }

        Expr call(List<Expr> callArgs, DataType type, boolean strict, FunctionCallExpr.Implementation impl) {
            FunctionCallExpr call = new FunctionCallExpr(name, callArgs, type, strict, impl);
            for (Expr e : callArgs) {
                if (!(e instanceof Literal)) {
                    return call;
                }
            }
            return new Literal(call.eval(null, 0, null), type);
        }

        DbException undefined() {
            List<String> types = new ArrayList<>();
            for (Expr e : args) {
                types.add(e.type().equals(DataType.NULL) ? "unknown" : e.type().sqlName());
            }
            String op = JsonOperators.operatorOf(name);
            if (op == null && (name.equals("||") || name.equals("-"))) {
                op = name;
            }
            if (op != null && types.size() == 2) {
                return new DbException(ErrorCode.UNDEFINED_OPERATOR, types.get(0) + " " + op + " " + types.get(1));
            }
            return new DbException(ErrorCode.UNDEFINED_FUNCTION, name + "(" + String.join(", ", types) + ")");
        }
    }
}
