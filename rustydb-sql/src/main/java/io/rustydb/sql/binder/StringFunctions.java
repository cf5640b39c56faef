package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;
import io.rustydb.sql.expr.Expr;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * String functions beyond {@link ScalarFunctions}' basics, with PostgreSQL's semantics: LPAD/RPAD, REPEAT,
 * REVERSE, STRPOS, INITCAP, TRANSLATE, SPLIT_PART, STARTS_WITH, CONCAT_WS, ASCII, CHR, MD5, TO_HEX, OCTET_LENGTH.
 * Positions and lengths count characters (code points), as PostgreSQL does for UTF-8 text.
 */
final class StringFunctions {
    private static final Set<String> NAMES = Set.of("lpad", "rpad", "repeat", "reverse", "strpos", "initcap",
            "translate", "split_part", "starts_with", "concat_ws", "ascii", "chr", "md5", "to_hex", "octet_length");
    /** The longest string these functions build (PostgreSQL's limit is 1 GB; beyond this, 54000). */
    private static final int MAX_RESULT_CHARS = 256 * 1024 * 1024;

    private StringFunctions() {
    }

    static boolean handles(String name) {
        return NAMES.contains(name);
    }

    static Expr resolve(String name, List<Expr> args) {
        switch (name) {
            case "lpad":
            case "rpad": {
                ScalarFunctions.arity(name, args, 2, 3);
                List<Expr> a = List.of(text(args.get(0), name), integer(args.get(1), name),
                        args.size() > 2 ? text(args.get(2), name) : new io.rustydb.sql.expr.Literal(" ", DataType.VARCHAR));
                boolean left = name.equals("lpad");
                return ScalarFunctions.call(name, a, DataType.VARCHAR, true,
                        v -> pad((String) v[0], (Integer) v[1], (String) v[2], left));
            }
            case "repeat": {
                ScalarFunctions.arity(name, args, 2, 2);
                return ScalarFunctions.call(name, List.of(text(args.get(0), name), integer(args.get(1), name)),
                        DataType.VARCHAR, true, v -> {
                            String s = (String) v[0];
                            int n = Math.max(0, (Integer) v[1]);
                            checkLength((long) s.length() * n);
                            return s.repeat(n);
                        });
            }
            case "reverse":
                return ScalarFunctions.call(name, texts(name, args, 1, 1), DataType.VARCHAR, true,
                        v -> new StringBuilder((String) v[0]).reverse().toString());
            case "strpos":
                return ScalarFunctions.call(name, texts(name, args, 2, 2), DataType.INTEGER, true, v -> {
                    String s = (String) v[0];
                    int at = s.indexOf((String) v[1]);
                    return at < 0 ? 0 : s.codePointCount(0, at) + 1;
                });
            case "initcap":
                return ScalarFunctions.call(name, texts(name, args, 1, 1), DataType.VARCHAR, true,
                        v -> initcap((String) v[0]));
            case "translate":
                return ScalarFunctions.call(name, texts(name, args, 3, 3), DataType.VARCHAR, true,
                        v -> translate((String) v[0], (String) v[1], (String) v[2]));
            case "split_part": {
                ScalarFunctions.arity(name, args, 3, 3);
                List<Expr> a = List.of(text(args.get(0), name), text(args.get(1), name), integer(args.get(2), name));
                return ScalarFunctions.call(name, a, DataType.VARCHAR, true,
                        v -> splitPart((String) v[0], (String) v[1], (Integer) v[2]));
            }
            case "starts_with":
                return ScalarFunctions.call(name, texts(name, args, 2, 2), DataType.BOOLEAN, true,
                        v -> ((String) v[0]).startsWith((String) v[1]));
            case "concat_ws": {
                if (args.isEmpty()) {
                    throw new DbException(ErrorCode.UNDEFINED_FUNCTION, "concat_ws()");
                }
                List<Expr> a = new ArrayList<>();
                for (Expr e : args) {
                    a.add(ScalarFunctions.toType(e, DataType.VARCHAR, name));
                }
                // not strict: NULL arguments after the separator are skipped; a NULL separator gives NULL
                return ScalarFunctions.call(name, a, DataType.VARCHAR, false, v -> {
                    if (v[0] == null) {
                        return null;
                    }
                    StringBuilder out = new StringBuilder();
                    boolean first = true;
                    for (int i = 1; i < v.length; i++) {
                        if (v[i] != null) {
                            if (!first) {
                                out.append((String) v[0]);
                            }
                            out.append((String) v[i]);
                            first = false;
                        }
                    }
                    return out.toString();
                });
            }
            case "ascii":
                return ScalarFunctions.call(name, texts(name, args, 1, 1), DataType.INTEGER, true,
                        v -> ((String) v[0]).isEmpty() ? 0 : ((String) v[0]).codePointAt(0));
            case "chr": {
                ScalarFunctions.arity(name, args, 1, 1);
                return ScalarFunctions.call(name, List.of(integer(args.get(0), name)), DataType.VARCHAR, true, v -> {
                    int code = (Integer) v[0];
                    if (code == 0) {
                        throw new DbException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "null character not permitted");
                    }
                    if (code < 0 || code > Character.MAX_CODE_POINT || (code >= 0xD800 && code <= 0xDFFF)) {
                        throw new DbException(ErrorCode.PROGRAM_LIMIT_EXCEEDED,
                                "requested character too large for encoding: " + code);
                    }
                    return new String(Character.toChars(code));
                });
            }
            case "md5":
                return ScalarFunctions.call(name, texts(name, args, 1, 1), DataType.VARCHAR, true,
                        v -> md5((String) v[0]));
            case "to_hex": {
                ScalarFunctions.arity(name, args, 1, 1);
                Expr arg = args.get(0);
                if (!arg.type().id().isIntegral() && arg.type().id() != TypeId.NULL) {
                    throw new DbException(ErrorCode.UNDEFINED_FUNCTION, "to_hex(" + arg.type().sqlName() + ")");
                }
                boolean wide = arg.type().id() == TypeId.BIGINT;
                return ScalarFunctions.call(name, List.of(ScalarFunctions.toType(arg,
                        wide ? DataType.BIGINT : DataType.INTEGER, name)), DataType.VARCHAR, true,
                        v -> wide ? Long.toHexString((Long) v[0]) : Integer.toHexString((Integer) v[0]));
            }
            case "octet_length":
                return ScalarFunctions.call(name, texts(name, args, 1, 1), DataType.INTEGER, true,
                        v -> ((String) v[0]).getBytes(StandardCharsets.UTF_8).length);
            default:
                throw new IllegalArgumentException(name);
        }
    }

    private static String pad(String s, int length, String fill, boolean left) {
        int have = s.codePointCount(0, s.length());
        if (length <= 0) {
            return "";
        }
        checkLength(length);
        if (have >= length) {
            return s.substring(0, s.offsetByCodePoints(0, length)); // PostgreSQL truncates
        }
        if (fill.isEmpty()) {
            return s;
        }
        int[] fillPoints = fill.codePoints().toArray();
        StringBuilder padding = new StringBuilder();
        for (int i = 0; i < length - have; i++) {
            padding.appendCodePoint(fillPoints[i % fillPoints.length]);
        }
        return left ? padding + s : s + padding;
    }

    private static String initcap(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean wordStart = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            out.appendCodePoint(wordStart ? Character.toUpperCase(cp) : Character.toLowerCase(cp));
            wordStart = !Character.isLetterOrDigit(cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Each character of {@code from} in {@code s} becomes the one at the same place in {@code to}, or is removed. */
    private static String translate(String s, String from, String to) {
        int[] fromPoints = from.codePoints().toArray();
        int[] toPoints = to.codePoints().toArray();
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int at = -1;
            for (int i = 0; i < fromPoints.length; i++) {
                if (fromPoints[i] == cp) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                out.appendCodePoint(cp);
            } else if (at < toPoints.length) {
                out.appendCodePoint(toPoints[at]);
            }
        });
        return out.toString();
    }

    /** The {@code n}th field of {@code s} split at {@code delimiter}; negative n counts from the end (PG 14+). */
    private static String splitPart(String s, String delimiter, int n) {
        if (n == 0) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "field position must not be zero");
        }
        List<String> fields = new ArrayList<>();
        if (delimiter.isEmpty()) {
            fields.add(s);
        } else {
            int from = 0;
            for (int at; (at = s.indexOf(delimiter, from)) >= 0; from = at + delimiter.length()) {
                fields.add(s.substring(from, at));
            }
            fields.add(s.substring(from));
        }
        int index = n > 0 ? n - 1 : fields.size() + n;
        return index >= 0 && index < fields.size() ? fields.get(index) : "";
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }

    private static void checkLength(long chars) {
        if (chars > MAX_RESULT_CHARS) {
            throw new DbException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "requested length too large");
        }
    }

    private static List<Expr> texts(String name, List<Expr> args, int min, int max) {
        ScalarFunctions.arity(name, args, min, max);
        List<Expr> out = new ArrayList<>();
        for (Expr e : args) {
            out.add(text(e, name));
        }
        return out;
    }

    private static Expr text(Expr e, String name) {
        if (!e.type().id().isString() && e.type().id() != TypeId.NULL && !(e instanceof io.rustydb.sql.expr.ParameterRef)) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION,
                    name + " with an argument of type " + e.type().sqlName().toLowerCase(Locale.ROOT));
        }
        return ScalarFunctions.toType(e, DataType.VARCHAR, name);
    }

    private static Expr integer(Expr e, String name) {
        boolean quotedLiteral = e instanceof io.rustydb.sql.expr.Literal lit && lit.value() instanceof String;
        if (!e.type().id().isIntegral() && e.type().id() != TypeId.NULL && !quotedLiteral
                && !(e instanceof io.rustydb.sql.expr.ParameterRef)) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION,
                    name + " with an argument of type " + e.type().sqlName().toLowerCase(Locale.ROOT));
        }
        return ScalarFunctions.toType(e, DataType.INTEGER, name);
    }
}
