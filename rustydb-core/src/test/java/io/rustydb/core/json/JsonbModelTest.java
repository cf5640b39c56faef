package io.rustydb.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Randomized model tests of JSON reading, jsonb normalization, ordering and containment. A seeded generator builds
 * documents as plain Java structures (a model: lists, key/value pair lists with duplicates, strings, decimals,
 * booleans) together with their text in random spellings (whitespace, escapes, exponents, duplicate keys); the
 * model's own normalization and serialization are the oracle. The seed is printed in every failure message.
 */
class JsonbModelTest {
    private static final long BASE_SEED = 0x5EED_7AB1EL;
    private static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A JSON object in the model: its members in written order, duplicates included. */
    private record Pairs(List<Map.Entry<String, Object>> members) {
    }

    private static final class Gen {
        final Random r;
        final StringBuilder text = new StringBuilder();

        Gen(Random r) {
            this.r = r;
        }

        Object value(int depth) {
            int kind = r.nextInt(depth > 3 ? 4 : 7);
            space();
            switch (kind) {
                case 0: {
                    String s = string();
                    return s;
                }
                case 1:
                    return number();
                case 2: {
                    boolean b = r.nextBoolean();
                    text.append(b);
                    return b;
                }
                case 3:
                    text.append("null");
                    return NULL;
                case 4:
                case 5: {
                    text.append('{');
                    List<Map.Entry<String, Object>> members = new ArrayList<>();
                    int n = r.nextInt(5);
                    for (int i = 0; i < n; i++) {
                        if (i > 0) {
                            text.append(',');
                        }
                        space();
                        String key = r.nextInt(4) == 0 && !members.isEmpty()
                                ? members.get(r.nextInt(members.size())).getKey() : null;
                        key = key == null ? string() : quoteTo(key);
                        space();
                        text.append(':');
                        members.add(Map.entry(key, value(depth + 1)));
                        space();
                    }
                    text.append('}');
                    return new Pairs(members);
                }
                default: {
                    text.append('[');
                    List<Object> elements = new ArrayList<>();
                    int n = r.nextInt(5);
                    for (int i = 0; i < n; i++) {
                        if (i > 0) {
                            text.append(',');
                        }
                        elements.add(value(depth + 1));
                        space();
                    }
                    text.append(']');
                    return elements;
                }
            }
        }

        void space() {
            int n = r.nextInt(4) == 0 ? r.nextInt(3) : 0;
            for (int i = 0; i < n; i++) {
                text.append(" \t\n\r".charAt(r.nextInt(4)));
            }
        }

        private static final String[] WORDS = {"a", "b", "ab", "ba", "k", "key", "é", "ü1", "日本", "", "a b",
            "q\"uote", "back\\slash", "nl\nx", "tab\t", "\u0001ctl", "/slash", "zz", "𝄞"};

        String string() {
            return quoteTo(WORDS[r.nextInt(WORDS.length)]);
        }

        /** Writes {@code s} as a JSON string with randomly chosen escapes; returns {@code s}. */
        String quoteTo(String s) {
            text.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    text.append('\\').append(c);
                } else if (c < 0x20 || r.nextInt(10) == 0) {
                    text.append(String.format("\\u%04x", (int) c));
                } else if (c == '/' && r.nextBoolean()) {
                    text.append("\\/");
                } else {
                    text.append(c);
                }
            }
            text.append('"');
            return s;
        }

        BigDecimal number() {
            String[] forms = {"0", "-0", "1", "-17", "2.50", "1e2", "1.5E+3", "25e-2", "-0.0", "123456789012345678901234",
                "3.14159", "1E-7", "10"};
            String t = forms[r.nextInt(forms.length)];
            text.append(t);
            return new BigDecimal(t);
        }
    }

    // ---------------------------------------------------------------- the model's normalization and text

    private static final java.util.Comparator<String> MODEL_KEY_ORDER = (x, y) -> {
        byte[] a = x.getBytes(StandardCharsets.UTF_8);
        byte[] b = y.getBytes(StandardCharsets.UTF_8);
        return a.length != b.length ? Integer.compare(a.length, b.length) : Arrays.compareUnsigned(a, b);
    };

    private static String modelJsonb(Object v) {
        if (v instanceof Pairs p) {
            Map<String, Object> last = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : p.members()) {
                last.put(e.getKey(), e.getValue());
            }
            TreeMap<String, Object> sorted = new TreeMap<>(MODEL_KEY_ORDER);
            sorted.putAll(last);
            List<String> parts = new ArrayList<>();
            sorted.forEach((k, x) -> parts.add(modelString(k) + ": " + modelJsonb(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object x : l) {
                parts.add(modelJsonb(x));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        if (v instanceof BigDecimal d) {
            BigDecimal n = d.scale() < 0 ? d.setScale(0) : d;
            return n.signum() == 0 ? n.abs().toPlainString() : n.toPlainString();
        }
        if (v instanceof String s) {
            return modelString(s);
        }
        return v.toString();
    }

    private static String modelString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }

    @Test
    void normalizationMatchesTheModel() {
        for (int i = 0; i < 3000; i++) {
            long seed = BASE_SEED + i;
            Gen g = new Gen(new Random(seed));
            Object model = g.value(0);
            String text = g.text.toString();
            String expected = modelJsonb(model);
            JsonValue b = JsonValue.jsonb(text);
            assertEquals(expected, b.text(), "seed " + seed + ": " + text);
            JsonValue j = JsonValue.json(text);
            assertEquals(text, j.text(), "seed " + seed);
            assertEquals(expected, j.toJsonb().text(), "seed " + seed);
            JsonValue again = JsonValue.jsonb(b.text());
            assertEquals(b.text(), again.text(), "seed " + seed + ": normalization is idempotent");
            assertEquals(b, JsonValue.stored(b.text(), true), "seed " + seed);
        }
    }

    @Test
    void orderIsATotalOrderConsistentWithEqualsAndHash() {
        List<JsonValue> values = new ArrayList<>();
        Random r = new Random(BASE_SEED);
        for (int i = 0; i < 300; i++) {
            Gen g = new Gen(new Random(BASE_SEED * 31 + i));
            g.value(2); // shallow documents collide more often
            values.add(JsonValue.jsonb(g.text.toString()));
        }
        for (String t : new String[] {"[]", "{}", "null", "1", "1.0", "[1]", "\"a\"", "true", "false", "[[]]",
            "{\"a\":1}", "{\"a\":1.00}"}) {
            values.add(JsonValue.jsonb(t));
        }
        for (int i = 0; i < 20000; i++) {
            JsonValue a = values.get(r.nextInt(values.size()));
            JsonValue b = values.get(r.nextInt(values.size()));
            JsonValue c = values.get(r.nextInt(values.size()));
            int ab = a.compareTo(b);
            String ctx = "iteration " + i + ": " + a + " / " + b + " / " + c;
            assertEquals(-Integer.signum(ab), Integer.signum(b.compareTo(a)), ctx);
            assertEquals(ab == 0, a.equals(b), ctx);
            if (ab == 0) {
                assertEquals(a.hashCode(), b.hashCode(), ctx);
            }
            if (ab <= 0 && b.compareTo(c) <= 0) {
                assertTrue(a.compareTo(c) <= 0, ctx);
            }
        }
    }

    @Test
    void postgresOrderingRules() {
        String[] ascending = {"[]", "null", "\"a\"", "\"b\"", "-1", "1", "false", "true", "[1]", "[2]", "[0, 0]",
            "{}", "{\"b\": 1}", "{\"a\": 1, \"b\": 1}"};
        for (int i = 0; i + 1 < ascending.length; i++) {
            assertTrue(JsonValue.jsonb(ascending[i]).compareTo(JsonValue.jsonb(ascending[i + 1])) < 0,
                    ascending[i] + " < " + ascending[i + 1]);
        }
        assertEquals(0, JsonValue.jsonb("1.0").compareTo(JsonValue.jsonb("1")));
        // nested: object > array > boolean > number > string > null
        assertTrue(JsonValue.jsonb("[null]").compareTo(JsonValue.jsonb("[\"x\"]")) < 0);
        assertTrue(JsonValue.jsonb("[true]").compareTo(JsonValue.jsonb("[[]]")) < 0);
        assertTrue(JsonValue.jsonb("[[]]").compareTo(JsonValue.jsonb("[{}]")) < 0);
    }

    /** A sub-document of {@code v}: members and elements dropped at random, arrays shuffled and repeated. */
    private static Object subset(Object v, Random r) {
        if (v instanceof Pairs p) {
            Map<String, Object> last = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : p.members()) {
                last.put(e.getKey(), e.getValue());
            }
            List<Map.Entry<String, Object>> kept = new ArrayList<>();
            last.forEach((k, x) -> {
                if (r.nextInt(3) != 0) {
                    kept.add(Map.entry(k, subset(x, r)));
                }
            });
            return new Pairs(kept);
        }
        if (v instanceof List<?> l) {
            List<Object> kept = new ArrayList<>();
            for (Object x : l) {
                if (r.nextInt(3) != 0) {
                    kept.add(subset(x, r));
                    if (r.nextInt(5) == 0) {
                        kept.add(subset(x, r));
                    }
                }
            }
            java.util.Collections.shuffle(kept, r);
            return kept;
        }
        return v;
    }

    private static JsonValue fromModel(Object model) {
        return JsonValue.jsonb(modelJsonb(model));
    }

    /** Replaces one scalar leaf (chosen by {@code pick}) with a string found nowhere in the document. */
    private static Object plantMarker(Object v, int[] pick) {
        if (v instanceof Pairs p) {
            Map<String, Object> last = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : p.members()) {
                last.put(e.getKey(), e.getValue());
            }
            List<Map.Entry<String, Object>> out = new ArrayList<>();
            last.forEach((k, x) -> out.add(Map.entry(k, plantMarker(x, pick))));
            return new Pairs(out);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) {
                out.add(plantMarker(x, pick));
            }
            return out;
        }
        return pick[0]-- == 0 ? "\u2603marker" : v;
    }

    private static boolean hasMarker(Object v) {
        if (v instanceof Pairs p) {
            return p.members().stream().anyMatch(e -> hasMarker(e.getValue()));
        }
        if (v instanceof List<?> l) {
            return l.stream().anyMatch(JsonbModelTest::hasMarker);
        }
        return "\u2603marker".equals(v);
    }

    @Test
    void containmentOfSubDocumentsAndOfPlantedMarkers() {
        for (int i = 0; i < 3000; i++) {
            long seed = BASE_SEED ^ (i * 0x9E3779B97F4A7C15L);
            Random r = new Random(seed);
            Gen g = new Gen(r);
            Object model = g.value(0);
            JsonValue doc = fromModel(model);
            JsonNode a = doc.tree();
            assertTrue(Jsonb.contains(a, a), "seed " + seed + ": " + doc);
            if (!(model instanceof Pairs) && !(model instanceof List)) {
                continue;
            }
            Object sub = subset(model, r);
            JsonValue part = fromModel(sub);
            assertTrue(Jsonb.contains(a, part.tree()), "seed " + seed + ": " + doc + " @> " + part);
            Object marked = subset(plantMarker(model, new int[] {r.nextInt(8)}), r);
            if (hasMarker(marked)) {
                JsonValue m = fromModel(marked);
                assertFalse(Jsonb.contains(a, m.tree()), "seed " + seed + ": " + doc + " @> " + m);
                // concatenation keeps everything of its right operand (object keys of the right side win)
                assertTrue(Jsonb.contains(Jsonb.concat(m.tree(), a), a), "seed " + seed);
            }
        }
    }

    @Test
    void containmentCornerCases() {
        assertTrue(contains("[1, 2, [3]]", "[[3], 1, 1]"));
        assertFalse(contains("[1, 2]", "[[1]]"));
        assertTrue(contains("[\"a\", 1]", "\"a\""));
        assertFalse(contains("\"a\"", "[\"a\"]"));
        assertTrue(contains("{\"a\": {\"b\": 1, \"c\": 2}}", "{\"a\": {}}"));
        assertFalse(contains("{\"a\": [1]}", "{\"a\": 1}"));
        assertTrue(contains("[]", "[]"));
        assertTrue(contains("{}", "{}"));
        assertFalse(contains("[]", "{}"));
        assertTrue(contains("1.0", "1"));
    }

    private static boolean contains(String a, String b) {
        return Jsonb.contains(JsonValue.jsonb(a).tree(), JsonValue.jsonb(b).tree());
    }

    @Test
    void jsonExtractionKeepsTheWrittenTextAndAgreesWithJsonb() {
        for (int i = 0; i < 2000; i++) {
            long seed = BASE_SEED + 7 * i;
            Random r = new Random(seed);
            Gen g = new Gen(r);
            Object model = g.value(0);
            String text = g.text.toString();
            List<Object> path = new ArrayList<>();
            Object at = model;
            while (r.nextInt(4) != 0) {
                if (at instanceof Pairs p && !p.members().isEmpty()) {
                    Map.Entry<String, Object> e = p.members().get(r.nextInt(p.members().size()));
                    path.add(e.getKey());
                    at = null;
                    for (Map.Entry<String, Object> m : p.members()) {
                        if (m.getKey().equals(e.getKey())) {
                            at = m.getValue(); // the last duplicate counts
                        }
                    }
                } else if (at instanceof List<?> l && !l.isEmpty()) {
                    int idx = r.nextInt(l.size());
                    path.add(r.nextBoolean() ? idx : idx - l.size());
                    at = l.get(idx);
                } else {
                    path.add(r.nextBoolean() ? "nope" : 99);
                    at = null;
                    break;
                }
            }
            String span = JsonReader.extract(text, path, false);
            String ctx = "seed " + seed + ": " + text + " path " + path;
            if (at == null) {
                assertNull(span, ctx);
                continue;
            }
            assertTrue(text.contains(span), ctx);
            assertEquals(modelJsonb(at), JsonValue.jsonb(span).text(), ctx);
            List<String> stringPath = new ArrayList<>();
            for (Object step : path) {
                stringPath.add(step.toString());
            }
            assertEquals(modelJsonb(at), JsonWriter.write(Jsonb.path(JsonValue.jsonb(text).tree(), stringPath)), ctx);
        }
    }
}
