package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.SqlArray;
import io.rustydb.core.type.TypeId;
import io.rustydb.core.type.TypeRules;
import io.rustydb.core.type.Values;
import io.rustydb.sql.expr.CompareOp;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.FunctionCallExpr;
import io.rustydb.sql.expr.Literal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Binds the array operations of SQL (one-dimensional arrays, PostgreSQL's semantics): the constructor
 * {@code ARRAY[...]}, subscripts {@code a[i]} and slices {@code a[i:j]} (1-based; out of range is NULL or an empty
 * slice), {@code x op ANY|ALL (array)}, {@code ||} with an array on either side, and the functions
 * array_length, array_upper, array_lower, array_ndims, array_dims, cardinality, array_append, array_prepend,
 * array_cat, array_position, array_remove, array_to_string and string_to_array. Element types are unified with
 * {@link TypeRules#commonType} (42804 when they have none).
 */
final class ArrayFunctions {
    private static final Set<String> NAMES = Set.of("array_length", "array_upper", "array_lower", "array_ndims",
            "array_dims", "cardinality", "array_append", "array_prepend", "array_cat", "array_position",
            "array_remove", "array_to_string", "string_to_array");

    /** Converts an argument to a type (casting literals, typing parameters); the expression binder's rule. */
    private final BiFunction<Expr, DataType, Expr> convert;

    ArrayFunctions(BiFunction<Expr, DataType, Expr> convert) {
        this.convert = convert;
    }

    static boolean handles(String name) {
        return NAMES.contains(name);
    }

    /** {@code ARRAY[e1, e2, ...]}: the elements converted to their common type. */
    Expr construct(List<Expr> elements) {
        DataType common = DataType.NULL;
        for (Expr e : elements) {
            if (e.type().id() == TypeId.ARRAY) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                        "multidimensional arrays (only one-dimensional arrays are supported)");
            }
            common = TypeRules.commonType(common, e.type());
        }
        if (common.id() == TypeId.NULL && !elements.isEmpty()) {
            common = DataType.TEXT; // ARRAY[NULL] is text[], as in PostgreSQL
        }
        List<Expr> converted = new ArrayList<>();
        for (Expr e : elements) {
            converted.add(common.id() == TypeId.NULL ? e : convert.apply(e, common));
        }
        return call("array", converted, DataType.array(common), false, SqlArray::of);
    }

    /** {@code array[index]}: the element, NULL when out of range. */
    Expr subscript(Expr array, Expr index) {
        DataType type = requireArray(array, "subscript");
        Expr i = integer(index, "array subscript");
        return call("subscript", List.of(array, i), type.elementType(), true,
                a -> ((SqlArray) a[0]).at((Long) a[1]));
    }

    /** {@code array[lower:upper]}: the elements in that range, clamped to the array's bounds. */
    Expr slice(Expr array, Expr lower, Expr upper) {
        DataType type = requireArray(array, "subscript");
        return call("slice", List.of(array, integer(lower, "array subscript"), integer(upper, "array subscript")),
                type, true, a -> {
                    List<Object> elements = ((SqlArray) a[0]).elements();
                    long from = Math.max(1, (Long) a[1]);
                    long to = Math.min(elements.size(), (Long) a[2]);
                    return from > to ? SqlArray.empty() : SqlArray.of(elements.subList((int) from - 1, (int) to));
                });
    }

    /**
     * {@code operand op ANY|ALL (array)} under three-valued logic: ANY is true when some comparison is, else NULL
     * when some comparison was NULL, else false; ALL is false when some comparison is, else NULL when some was
     * NULL, else true. A NULL array gives NULL; an empty one gives false (ANY) or true (ALL).
     */
    Expr anyAll(CompareOp op, Expr operand, Expr array, boolean all) {
        if (array.type().id() == TypeId.NULL || array instanceof Literal l && l.value() instanceof String) {
            array = convert.apply(array, DataType.array(operand.type().id() == TypeId.NULL ? DataType.TEXT
                    : ExpressionBinder.unbounded(operand.type())));
        }
        DataType type = requireArray(array, all ? "ALL" : "ANY");
        DataType element = type.elementType();
        if (!TypeRules.isComparable(operand.type(), element)) {
            throw new DbException(ErrorCode.UNDEFINED_OPERATOR,
                    operand.type().sqlName() + " " + op.symbol() + " " + type.sqlName());
        }
        DataType common = TypeRules.commonType(operand.type(), element);
        Expr left = convert.apply(operand, common);
        Expr right = element.id() == TypeId.NULL ? array : convert.apply(array, DataType.array(common));
        return call(all ? "all" : "any", List.of(left, right), DataType.BOOLEAN, false, a -> {
            if (a[1] == null) {
                return null;
            }
            List<Object> elements = ((SqlArray) a[1]).elements();
            if (elements.isEmpty()) {
                return all;
            }
            if (a[0] == null) {
                return null;
            }
            boolean unknown = false;
            for (Object e : elements) {
                if (e == null) {
                    unknown = true;
                } else if (op.test(Values.compare(a[0], e)) != all) {
                    return !all;
                }
            }
            return unknown ? null : all;
        });
    }

    /** {@code left || right} where one side is an array: array_cat, array_append or array_prepend. */
    Expr concat(Expr left, Expr right) {
        boolean leftArray = left.type().id() == TypeId.ARRAY;
        boolean rightArray = right.type().id() == TypeId.ARRAY;
        if (leftArray && (rightArray || right.type().id() == TypeId.NULL)) {
            return resolve("array_cat", List.of(left, right));
        }
        if (rightArray && left.type().id() == TypeId.NULL) {
            return resolve("array_cat", List.of(left, right));
        }
        return leftArray ? resolve("array_append", List.of(left, right))
                : resolve("array_prepend", List.of(left, right));
    }

    /** A call of one of the array functions ({@link #handles}). */
    Expr resolve(String name, List<Expr> args) {
        switch (name) {
            case "cardinality": {
                arity(name, args, 1, 1);
                requireArray(args.get(0), name);
                return call(name, args, DataType.INTEGER, true, a -> ((SqlArray) a[0]).size());
            }
            case "array_ndims": {
                arity(name, args, 1, 1);
                requireArray(args.get(0), name);
                return call(name, args, DataType.INTEGER, true, a -> ((SqlArray) a[0]).size() == 0 ? null : 1);
            }
            case "array_dims": {
                arity(name, args, 1, 1);
                requireArray(args.get(0), name);
                return call(name, args, DataType.TEXT, true,
                        a -> ((SqlArray) a[0]).size() == 0 ? null : "[1:" + ((SqlArray) a[0]).size() + "]");
            }
            case "array_length":
            case "array_upper":
            case "array_lower": {
                arity(name, args, 2, 2);
                requireArray(args.get(0), name);
                boolean lower = name.equals("array_lower");
                return call(name, List.of(args.get(0), integer(args.get(1), name)), DataType.INTEGER, true, a -> {
                    int n = ((SqlArray) a[0]).size();
                    return n == 0 || (Long) a[1] != 1 ? null : lower ? 1 : n;
                });
            }
            case "array_append": {
                arity(name, args, 2, 2);
                List<Expr> unified = arrayAndElement(name, args.get(0), args.get(1));
                return call(name, unified, unified.get(0).type(), false, a -> append((SqlArray) a[0], a[1], false));
            }
            case "array_prepend": {
                arity(name, args, 2, 2);
                List<Expr> unified = arrayAndElement(name, args.get(1), args.get(0));
                return call(name, List.of(unified.get(1), unified.get(0)), unified.get(0).type(), false,
                        a -> append((SqlArray) a[1], a[0], true));
            }
            case "array_cat": {
                arity(name, args, 2, 2);
                List<Expr> unified = twoArrays(name, args.get(0), args.get(1));
                return call(name, unified, unified.get(0).type(), false, a -> a[0] == null ? a[1]
                        : a[1] == null ? a[0] : ((SqlArray) a[0]).concat((SqlArray) a[1]));
            }
            case "array_position": {
                arity(name, args, 2, 3);
                List<Expr> unified = new ArrayList<>(arrayAndElement(name, args.get(0), args.get(1)));
                if (args.size() == 3) {
                    unified.add(integer(args.get(2), name));
                }
                return call(name, unified, DataType.INTEGER, false, a -> {
                    if (a[0] == null || a.length == 3 && a[2] == null) {
                        return null;
                    }
                    List<Object> elements = ((SqlArray) a[0]).elements();
                    long start = a.length == 3 ? Math.max(1, (Long) a[2]) : 1;
                    for (long i = start; i <= elements.size(); i++) {
                        if (notDistinct(elements.get((int) i - 1), a[1])) {
                            return (int) i;
                        }
                    }
                    return null;
                });
            }
            case "array_remove": {
                arity(name, args, 2, 2);
                List<Expr> unified = arrayAndElement(name, args.get(0), args.get(1));
                return call(name, unified, unified.get(0).type(), false, a -> {
                    if (a[0] == null) {
                        return null;
                    }
                    List<Object> kept = new ArrayList<>();
                    for (Object e : ((SqlArray) a[0]).elements()) {
                        if (!notDistinct(e, a[1])) {
                            kept.add(e);
                        }
                    }
                    return SqlArray.of(kept);
                });
            }
            case "array_to_string": {
                arity(name, args, 2, 3);
                requireArray(args.get(0), name);
                List<Expr> converted = new ArrayList<>();
                converted.add(args.get(0));
                for (int i = 1; i < args.size(); i++) {
                    converted.add(convert.apply(args.get(i), DataType.TEXT));
                }
                return call(name, converted, DataType.TEXT, false, a -> {
                    if (a[0] == null || a[1] == null) {
                        return null;
                    }
                    String nullText = a.length == 3 ? (String) a[2] : null;
                    StringBuilder out = new StringBuilder();
                    boolean first = true;
                    for (Object e : ((SqlArray) a[0]).elements()) {
                        if (e == null && nullText == null) {
                            continue;
                        }
                        if (!first) {
                            out.append((String) a[1]);
                        }
                        first = false;
                        out.append(e == null ? nullText : elementText(e));
                    }
                    return out.toString();
                });
            }
            case "string_to_array": {
                arity(name, args, 2, 3);
                List<Expr> converted = new ArrayList<>();
                for (Expr e : args) {
                    if (e.type().id() != TypeId.NULL && !e.type().id().isString()) {
                        throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + "(" + e.type().sqlName() + ")");
                    }
                    converted.add(convert.apply(e, DataType.TEXT));
                }
                return call(name, converted, DataType.array(DataType.TEXT), false, a -> {
                    if (a[0] == null) {
                        return null;
                    }
                    return stringToArray((String) a[0], (String) a[1], a.length == 3 ? (String) a[2] : null);
                });
            }
            default:
                throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name);
        }
    }

    /** PostgreSQL's string_to_array: NULL delimiter splits into characters, an empty one keeps the whole string. */
    static SqlArray stringToArray(String s, String delimiter, String nullText) {
        List<Object> parts = new ArrayList<>();
        if (s.isEmpty()) {
            return SqlArray.empty();
        }
        if (delimiter == null) {
            s.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
        } else if (delimiter.isEmpty()) {
            parts.add(s);
        } else {
            int from = 0;
            while (true) {
                int at = s.indexOf(delimiter, from);
                if (at < 0) {
                    parts.add(s.substring(from));
                    break;
                }
                parts.add(s.substring(from, at));
                from = at + delimiter.length();
            }
        }
        if (nullText != null) {
            parts.replaceAll(p -> nullText.equals(p) ? null : p);
        }
        return SqlArray.of(parts);
    }

    private static String elementText(Object e) {
        return e instanceof Boolean b ? (b ? "t" : "f") : Values.toSqlString(e);
    }

    private static SqlArray append(SqlArray array, Object element, boolean front) {
        List<Object> out = new ArrayList<>();
        if (front) {
            out.add(element);
        }
        if (array != null) {
            out.addAll(array.elements());
        }
        if (!front) {
            out.add(element);
        }
        return SqlArray.of(out);
    }

    private static boolean notDistinct(Object a, Object b) {
        return a == null ? b == null : b != null && Values.equal(a, b);
    }

    /** {@code array} and {@code element} converted to {@code T[]} and {@code T} for their common element type T. */
    private List<Expr> arrayAndElement(String name, Expr array, Expr element) {
        DataType arrayType = array.type().id() == TypeId.NULL ? DataType.array(DataType.NULL)
                : requireArray(array, name);
        if (element.type().id() == TypeId.ARRAY) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "multidimensional arrays (only one-dimensional arrays are supported)");
        }
        DataType common = TypeRules.commonType(arrayType.elementType(), element.type());
        if (common.id() == TypeId.NULL) {
            common = DataType.TEXT;
        }
        return List.of(convert.apply(array, DataType.array(common)), convert.apply(element, common));
    }

    private List<Expr> twoArrays(String name, Expr left, Expr right) {
        DataType l = left.type().id() == TypeId.NULL ? DataType.array(DataType.NULL) : requireArray(left, name);
        DataType r = right.type().id() == TypeId.NULL ? DataType.array(DataType.NULL) : requireArray(right, name);
        DataType common = TypeRules.commonType(l, r);
        return List.of(convert.apply(left, common), convert.apply(right, common));
    }

    private static DataType requireArray(Expr e, String what) {
        if (e.type().id() != TypeId.ARRAY) {
            if (what.equals("subscript")) {
                throw new DbException(ErrorCode.DATATYPE_MISMATCH,
                        "cannot subscript type " + e.type().sqlName() + " because it is not an array");
            }
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, what + "(" + e.type().sqlName() + ")");
        }
        return e.type();
    }

    private Expr integer(Expr e, String what) {
        if (!e.type().id().isIntegral() && e.type().id() != TypeId.NULL
                && !(e instanceof Literal l && l.value() instanceof String)) {
            throw new DbException(ErrorCode.DATATYPE_MISMATCH,
                    what + " must be type integer, not " + e.type().sqlName());
        }
        return convert.apply(e, DataType.BIGINT);
    }

    private static void arity(String name, List<Expr> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            List<String> names = new ArrayList<>();
            for (Expr e : args) {
                names.add(e.type().sqlName());
            }
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + "(" + String.join(", ", names) + ")");
        }
    }

    /** A call, folded to a literal when every argument is one. */
    private static Expr call(String name, List<Expr> args, DataType type, boolean strict,
                             FunctionCallExpr.Implementation impl) {
        FunctionCallExpr call = new FunctionCallExpr(name, args, type, strict, impl);
        for (Expr e : args) {
            if (!(e instanceof Literal)) {
                return call;
            }
        }
        return new Literal(call.eval(null, 0, null), type);
    }
}
