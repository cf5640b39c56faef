package io.rustydb.core.json;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's jsonb semantics on normalized {@link JsonNode} trees.
 *
 * <p>A top-level scalar behaves as PostgreSQL stores it: as a one-element "raw scalar" array. That is visible in
 * three rules: ordering ({@link #compare}: an empty array sorts before any scalar, a scalar before any other
 * array), containment (an array contains a top-level scalar it has as an element; a scalar contains no array) and
 * concatenation (a scalar joins an array as one element).
 *
 * <p>Operations that build values ({@link #concat}, {@link #deleteKey}, {@link #set}, ...) return normalized
 * trees; errors carry PostgreSQL's SQLSTATEs (22023 for an operation the value's kind does not allow, 22P02 for a
 * path element that should be an array index and is not).
 */
public final class Jsonb {
    /** Key order in a jsonb object: shorter UTF-8 encoding first, then unsigned bytes (PostgreSQL's). */
    public static final Comparator<String> KEY_ORDER = Jsonb::compareKeys;

    private Jsonb() {
    }

    private static int compareKeys(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        if (x.length != y.length) {
            return Integer.compare(x.length, y.length);
        }
        return java.util.Arrays.compareUnsigned(x, y);
    }

    /** An object of {@code members}: duplicate keys keep the last value, members sorted by {@link #KEY_ORDER}. */
    public static JsonNode.Obj normalizeObject(List<JsonNode.Member> members) {
        Map<String, JsonNode> unique = new LinkedHashMap<>();
        for (JsonNode.Member m : members) {
            unique.put(m.key(), m.value());
        }
        List<JsonNode.Member> sorted = new ArrayList<>(unique.size());
        for (Map.Entry<String, JsonNode> e : unique.entrySet()) {
            sorted.add(new JsonNode.Member(e.getKey(), e.getValue()));
        }
        sorted.sort((p, q) -> compareKeys(p.key(), q.key()));
        return new JsonNode.Obj(sorted);
    }

    /** Whether {@code node} is a scalar (not an array or object). */
    public static boolean isScalar(JsonNode node) {
        return !(node instanceof JsonNode.Obj) && !(node instanceof JsonNode.Array);
    }

    // ---------------------------------------------------------------- ordering

    /**
     * PostgreSQL's jsonb order of two top-level values: object &gt; array &gt; boolean &gt; number &gt; string &gt;
     * null; objects with more pairs and arrays with more elements are greater, else pairs (key, then value, in
     * storage order) and elements compare in turn. Top-level scalars compare as one-element arrays that sort before
     * real ones of that length (so {@code [] < 1 < [1]}).
     */
    public static int compare(JsonNode a, JsonNode b) {
        boolean rawA = isScalar(a);
        boolean rawB = isScalar(b);
        if (!rawA && !rawB || a instanceof JsonNode.Obj || b instanceof JsonNode.Obj) {
            return compareValues(a, b);
        }
        List<JsonNode> x = rawA ? List.of(a) : ((JsonNode.Array) a).elements();
        List<JsonNode> y = rawB ? List.of(b) : ((JsonNode.Array) b).elements();
        int res = rawA != rawB ? (rawA ? -1 : 1) : 0;
        if (x.size() != y.size()) {
            res = x.size() > y.size() ? 1 : -1;
        }
        return res != 0 ? res : compareElements(x, y);
    }

    private static int compareValues(JsonNode a, JsonNode b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return ra > rb ? 1 : -1;
        }
        if (a instanceof JsonNode.Obj x) {
            JsonNode.Obj y = (JsonNode.Obj) b;
            if (x.members().size() != y.members().size()) {
                return x.members().size() > y.members().size() ? 1 : -1;
            }
            for (int i = 0; i < x.members().size(); i++) {
                JsonNode.Member p = x.members().get(i);
                JsonNode.Member q = y.members().get(i);
                int c = Integer.signum(p.key().compareTo(q.key()));
                if (c == 0) {
                    c = compareValues(p.value(), q.value());
                }
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        if (a instanceof JsonNode.Array x) {
            List<JsonNode> ex = x.elements();
            List<JsonNode> ey = ((JsonNode.Array) b).elements();
            if (ex.size() != ey.size()) {
                return ex.size() > ey.size() ? 1 : -1;
            }
            return compareElements(ex, ey);
        }
        if (a instanceof JsonNode.Str s) {
            return Integer.signum(s.value().compareTo(((JsonNode.Str) b).value()));
        }
        if (a instanceof JsonNode.Number n) {
            return n.value().compareTo(((JsonNode.Number) b).value());
        }
        if (a instanceof JsonNode.Bool t) {
            return Boolean.compare(t.value(), ((JsonNode.Bool) b).value());
        }
        return 0; // null
    }

    private static int compareElements(List<JsonNode> x, List<JsonNode> y) {
        for (int i = 0; i < x.size(); i++) {
            int c = compareValues(x.get(i), y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** null 0 &lt; string 1 &lt; number 2 &lt; boolean 3 &lt; array 4 &lt; object 5 (PostgreSQL's jbvType order). */
    private static int rank(JsonNode n) {
        if (n instanceof JsonNode.Null) {
            return 0;
        } else if (n instanceof JsonNode.Str) {
            return 1;
        } else if (n instanceof JsonNode.Number) {
            return 2;
        } else if (n instanceof JsonNode.Bool) {
            return 3;
        } else if (n instanceof JsonNode.Array) {
            return 4;
        }
        return 5;
    }

    /** A hash consistent with {@link #compare}{@code == 0}: numbers hash by value ({@code 1.0} as {@code 1}). */
    public static int hash(JsonNode n) {
        if (n instanceof JsonNode.Obj o) {
            int h = 17;
            for (JsonNode.Member m : o.members()) {
                h = 31 * (31 * h + m.key().hashCode()) + hash(m.value());
            }
            return h;
        } else if (n instanceof JsonNode.Array a) {
            int h = 19;
            for (JsonNode e : a.elements()) {
                h = 31 * h + hash(e);
            }
            return h;
        } else if (n instanceof JsonNode.Number x) {
            return x.value().signum() == 0 ? 0 : x.value().stripTrailingZeros().hashCode();
        }
        return n.hashCode();
    }

    // ---------------------------------------------------------------- containment and existence

    /** {@code a @> b}: whether {@code a} contains {@code b} (PostgreSQL's rules; see the class comment). */
    public static boolean contains(JsonNode a, JsonNode b) {
        if (a instanceof JsonNode.Obj || b instanceof JsonNode.Obj) {
            return a instanceof JsonNode.Obj x && b instanceof JsonNode.Obj y && containsObject(x, y);
        }
        if (isScalar(a)) {
            return isScalar(b) && scalarEquals(a, b);
        }
        List<JsonNode> wanted = isScalar(b) ? List.of(b) : ((JsonNode.Array) b).elements();
        return containsElements(((JsonNode.Array) a).elements(), wanted);
    }

    private static boolean containsObject(JsonNode.Obj a, JsonNode.Obj b) {
        if (b.members().size() > a.members().size()) {
            return false;
        }
        for (JsonNode.Member m : b.members()) {
            JsonNode have = a.get(m.key());
            if (have == null || !containsNested(have, m.value())) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsElements(List<JsonNode> have, List<JsonNode> wanted) {
        for (JsonNode w : wanted) {
            boolean found = false;
            for (JsonNode h : have) {
                if (containsNested(h, w)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Below the top level: scalars must be equal, containers of one kind contain each other. */
    private static boolean containsNested(JsonNode have, JsonNode wanted) {
        if (isScalar(wanted)) {
            return isScalar(have) && scalarEquals(have, wanted);
        }
        if (have instanceof JsonNode.Obj x && wanted instanceof JsonNode.Obj y) {
            return containsObject(x, y);
        }
        if (have instanceof JsonNode.Array x && wanted instanceof JsonNode.Array y) {
            return containsElements(x.elements(), y.elements());
        }
        return false;
    }

    private static boolean scalarEquals(JsonNode a, JsonNode b) {
        return rank(a) == rank(b) && compareValues(a, b) == 0;
    }

    /** {@code a ? key}: {@code key} is a top-level key of an object, or a string element of an array (or scalar). */
    public static boolean exists(JsonNode a, String key) {
        if (a instanceof JsonNode.Obj o) {
            return o.get(key) != null;
        }
        List<JsonNode> elements = a instanceof JsonNode.Array arr ? arr.elements() : List.of(a);
        for (JsonNode e : elements) {
            if (e instanceof JsonNode.Str s && s.value().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** {@code a ?| keys} ({@code all} false) or {@code a ?& keys} ({@code all} true); NULL keys are ignored. */
    public static boolean exists(JsonNode a, List<String> keys, boolean all) {
        for (String k : keys) {
            if (k == null) {
                continue;
            }
            boolean e = exists(a, k);
            if (e != all) {
                return e;
            }
        }
        return all;
    }

    // ---------------------------------------------------------------- access

    /** {@code a -> key}: the member's value of an object, else null. */
    public static JsonNode get(JsonNode a, String key) {
        return a instanceof JsonNode.Obj o ? o.get(key) : null;
    }

    /** {@code a -> index}: an array's element (negative counts from the end), else null. */
    public static JsonNode get(JsonNode a, int index) {
        if (!(a instanceof JsonNode.Array arr)) {
            return null;
        }
        int i = index < 0 ? arr.elements().size() + index : index;
        return i >= 0 && i < arr.elements().size() ? arr.elements().get(i) : null;
    }

    /**
     * {@code a #> path}: each element a key of an object or an integer index of an array; null when one finds
     * nothing (including a non-integer step on an array). An empty path selects {@code a}.
     */
    public static JsonNode path(JsonNode a, List<String> path) {
        JsonNode current = a;
        for (String step : path) {
            if (current == null || step == null) {
                return null;
            }
            if (current instanceof JsonNode.Obj o) {
                current = o.get(step);
            } else if (current instanceof JsonNode.Array) {
                Integer index = parseIndex(step);
                current = index == null ? null : get(current, index);
            } else {
                return null;
            }
        }
        return current;
    }

    /** {@code step} as an array index, or null when it is not an integer. */
    public static Integer parseIndex(String step) {
        String s = step.strip();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- building

    /**
     * {@code a || b}: two objects merge (keys of {@code b} win); anything else concatenates as arrays, a non-array
     * taking part as a one-element array.
     */
    public static JsonNode concat(JsonNode a, JsonNode b) {
        if (a instanceof JsonNode.Obj x && b instanceof JsonNode.Obj y) {
            List<JsonNode.Member> all = new ArrayList<>(x.members());
            all.addAll(y.members());
            return normalizeObject(all);
        }
        List<JsonNode> all = new ArrayList<>(elementsOf(a));
        all.addAll(elementsOf(b));
        return new JsonNode.Array(all);
    }

    private static List<JsonNode> elementsOf(JsonNode a) {
        return a instanceof JsonNode.Array arr ? arr.elements() : List.of(a);
    }

    /** {@code a - key}: an object without that key, or an array without string elements equal to it. */
    public static JsonNode deleteKey(JsonNode a, String key) {
        if (a instanceof JsonNode.Obj o) {
            List<JsonNode.Member> kept = new ArrayList<>();
            for (JsonNode.Member m : o.members()) {
                if (!m.key().equals(key)) {
                    kept.add(m);
                }
            }
            return new JsonNode.Obj(kept);
        }
        if (a instanceof JsonNode.Array arr) {
            List<JsonNode> kept = new ArrayList<>();
            for (JsonNode e : arr.elements()) {
                if (!(e instanceof JsonNode.Str s && s.value().equals(key))) {
                    kept.add(e);
                }
            }
            return new JsonNode.Array(kept);
        }
        throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot delete from scalar");
    }

    /** {@code a - index}: an array without that element (negative counts from the end; out of range: unchanged). */
    public static JsonNode deleteIndex(JsonNode a, int index) {
        if (a instanceof JsonNode.Obj) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot delete from object using integer index");
        }
        if (!(a instanceof JsonNode.Array arr)) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot delete from scalar");
        }
        int i = index < 0 ? arr.elements().size() + index : index;
        if (i < 0 || i >= arr.elements().size()) {
            return a;
        }
        List<JsonNode> kept = new ArrayList<>(arr.elements());
        kept.remove(i);
        return new JsonNode.Array(kept);
    }

    /** {@code a #- path}: {@code a} without the value at {@code path} (nothing there: unchanged). */
    public static JsonNode deletePath(JsonNode a, List<String> path) {
        if (isScalar(a)) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot delete path in scalar");
        }
        return path.isEmpty() ? a : rewrite(a, path, 0, null, false, true);
    }

    /**
     * {@code jsonb_set(a, path, value, createMissing)}: {@code a} with the value at {@code path} replaced by
     * {@code value}; when only the last step is missing and {@code createMissing}, it is added (to an array: before
     * the start for an index below it, at the end for one past it). A missing earlier step leaves {@code a}
     * unchanged.
     */
    public static JsonNode set(JsonNode a, List<String> path, JsonNode value, boolean createMissing) {
        if (isScalar(a)) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot set path in scalar");
        }
        return path.isEmpty() ? a : rewrite(a, path, 0, value, createMissing, false);
    }

    private static JsonNode rewrite(JsonNode node, List<String> path, int level, JsonNode value, boolean create,
                                    boolean delete) {
        String step = path.get(level);
        boolean last = level == path.size() - 1;
        if (step == null) {
            throw new DbException(ErrorCode.NULL_VALUE_NOT_ALLOWED,
                    "path element at position " + (level + 1) + " is null");
        }
        if (node instanceof JsonNode.Obj o) {
            List<JsonNode.Member> members = new ArrayList<>(o.members());
            for (int i = 0; i < members.size(); i++) {
                JsonNode.Member m = members.get(i);
                if (m.key().equals(step)) {
                    if (last && delete) {
                        members.remove(i);
                    } else {
                        JsonNode replaced = last ? value : rewrite(m.value(), path, level + 1, value, create, delete);
                        members.set(i, new JsonNode.Member(step, replaced));
                    }
                    return new JsonNode.Obj(members);
                }
            }
            if (last && create && !delete) {
                members.add(new JsonNode.Member(step, value));
                return normalizeObject(members);
            }
            return node;
        }
        if (node instanceof JsonNode.Array arr) {
            Integer index = parseIndex(step);
            if (index == null) {
                throw new DbException(ErrorCode.INVALID_TEXT_REPRESENTATION,
                        "integer (path element at position " + (level + 1) + ")", step);
            }
            List<JsonNode> elements = new ArrayList<>(arr.elements());
            int i = index < 0 ? elements.size() + index : index;
            if (i >= 0 && i < elements.size()) {
                if (last && delete) {
                    elements.remove(i);
                } else {
                    elements.set(i, last ? value : rewrite(elements.get(i), path, level + 1, value, create, delete));
                }
                return new JsonNode.Array(elements);
            }
            if (last && create && !delete) {
                if (i < 0) {
                    elements.add(0, value);
                } else {
                    elements.add(value);
                }
                return new JsonNode.Array(elements);
            }
            return node;
        }
        return node; // a scalar in the middle of the path: nothing to change
    }

    /** {@code jsonb_strip_nulls}: every object member whose value is null removed, at any depth. */
    public static JsonNode stripNulls(JsonNode a) {
        if (a instanceof JsonNode.Obj o) {
            List<JsonNode.Member> kept = new ArrayList<>();
            for (JsonNode.Member m : o.members()) {
                if (!(m.value() instanceof JsonNode.Null)) {
                    kept.add(new JsonNode.Member(m.key(), stripNulls(m.value())));
                }
            }
            return new JsonNode.Obj(kept);
        }
        if (a instanceof JsonNode.Array arr) {
            List<JsonNode> elements = new ArrayList<>();
            for (JsonNode e : arr.elements()) {
                elements.add(stripNulls(e));
            }
            return new JsonNode.Array(elements);
        }
        return a;
    }

    /** Normalizes a tree read as json into its jsonb form. */
    public static JsonNode normalize(JsonNode a) {
        if (a instanceof JsonNode.Obj o) {
            List<JsonNode.Member> members = new ArrayList<>();
            for (JsonNode.Member m : o.members()) {
                members.add(new JsonNode.Member(m.key(), normalize(m.value())));
            }
            return normalizeObject(members);
        }
        if (a instanceof JsonNode.Array arr) {
            List<JsonNode> elements = new ArrayList<>();
            for (JsonNode e : arr.elements()) {
                elements.add(normalize(e));
            }
            return new JsonNode.Array(elements);
        }
        if (a instanceof JsonNode.Number n) {
            return JsonNode.number(n.value());
        }
        return a;
    }
}
