package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.PgRegex;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular expressions in SQL, with PostgreSQL's semantics (see {@link PgRegex}): the operators {@code ~ ~* !~ !~*},
 * {@code SIMILAR TO}, and the functions regexp_replace(source, pattern, replacement [, flags]) — the first match,
 * or every one with flag g; {@code \1}..{@code \9} and {@code \&} in the replacement — regexp_like,
 * regexp_count(source, pattern [, start [, flags]]) and regexp_substr(source, pattern [, start [, n [, flags
 * [, subexpr]]]]) (PostgreSQL 15), regexp_match(source, pattern [, flags]) — the first match's capture groups (or
 * the whole match) as a {@code TEXT[]}, NULL when nothing matches — and regexp_split_to_array(source, pattern
 * [, flags]).
 */
final class RegexFunctions {
    private static final Set<String> NAMES = Set.of("regexp_replace", "regexp_like", "regexp_count", "regexp_substr",
            "regexp_match", "regexp_split_to_array");

    private RegexFunctions() {
    }

    static boolean handles(String name) {
        return NAMES.contains(name);
    }

    /** {@code source ~ pattern} and its variants. */
    static Expr matchOperator(Expr source, Expr pattern, boolean caseInsensitive, boolean negated) {
        String name = (negated ? "!~" : "~") + (caseInsensitive ? "*" : "");
        List<Expr> args = List.of(text(source, name), text(pattern, name));
        int flags = PgRegex.flags(null, caseInsensitive);
        return ScalarFunctions.call(name, args, DataType.BOOLEAN, true,
                a -> PgRegex.compile((String) a[1], flags).matcher((String) a[0]).find() != negated);
    }

    /** {@code source [NOT] SIMILAR TO pattern [ESCAPE escape]}; a null escape means the default backslash. */
    static Expr similarTo(Expr source, Expr pattern, Expr escape, boolean negated) {
        String name = negated ? "NOT SIMILAR TO" : "SIMILAR TO";
        List<Expr> args = escape == null ? List.of(text(source, name), text(pattern, name))
                : List.of(text(source, name), text(pattern, name), text(escape, name + " ... ESCAPE"));
        return ScalarFunctions.call(name, args, DataType.BOOLEAN, true, a -> {
            int escapeChar = a.length < 3 ? '\\' : escapeChar((String) a[2]);
            return PgRegex.similarTo((String) a[1], escapeChar).matcher((String) a[0]).matches() != negated;
        });
    }

    private static int escapeChar(String escape) {
        if (escape.isEmpty()) {
            return -1;
        }
        if (escape.codePointCount(0, escape.length()) != 1) {
            throw new DbException(ErrorCode.INVALID_ESCAPE_SEQUENCE, "invalid escape string: \"" + escape
                    + "\" (escape string must be empty or one character)");
        }
        return escape.codePointAt(0);
    }

    static Expr resolve(String name, List<Expr> args) {
        switch (name) {
            case "regexp_replace": {
                ScalarFunctions.arity(name, args, 3, 4);
                return ScalarFunctions.call(name, texts(name, args), DataType.VARCHAR, true, a -> {
                    String flags = a.length > 3 ? (String) a[3] : null;
                    String source = (String) a[0];
                    Matcher m = PgRegex.compile((String) a[1], PgRegex.flags(flags, false)).matcher(source);
                    return replace(source, m, (String) a[2], PgRegex.isGlobal(flags));
                });
            }
            case "regexp_like": {
                ScalarFunctions.arity(name, args, 2, 3);
                return ScalarFunctions.call(name, texts(name, args), DataType.BOOLEAN, true, a -> {
                    String flags = a.length > 2 ? (String) a[2] : null;
                    return PgRegex.compile((String) a[1], PgRegex.flags(noGlobal(flags, name), false))
                            .matcher((String) a[0]).find();
                });
            }
            case "regexp_count": {
                ScalarFunctions.arity(name, args, 2, 4);
                return ScalarFunctions.call(name, withStart(name, args), DataType.INTEGER, true, a -> {
                    Matcher m = matcherFrom(a, 3, name);
                    int count = 0;
                    while (m.find()) {
                        count++;
                    }
                    return count;
                });
            }
            case "regexp_substr": {
                ScalarFunctions.arity(name, args, 2, 6);
                List<Expr> bound = withStart(name, args.subList(0, Math.min(args.size(), 3)));
                List<Expr> all = new java.util.ArrayList<>(bound);
                if (args.size() > 3) {
                    all.add(ScalarFunctions.toType(args.get(3), DataType.INTEGER, name));
                }
                if (args.size() > 4) {
                    all.add(text(args.get(4), name));
                }
                if (args.size() > 5) {
                    all.add(ScalarFunctions.toType(args.get(5), DataType.INTEGER, name));
                }
                return ScalarFunctions.call(name, all, DataType.VARCHAR, true, a -> {
                    Matcher m = matcherFrom(a, 4, name);
                    int n = a.length > 3 ? (Integer) a[3] : 1;
                    int group = a.length > 5 ? (Integer) a[5] : 0;
                    if (n < 1 || group < 0) {
                        throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE,
                                "invalid value for parameter \"" + (n < 1 ? "n" : "subexpr") + "\"");
                    }
                    for (int found = 0; m.find(); ) {
                        if (++found == n) {
                            return group > m.groupCount() ? null : m.group(group);
                        }
                    }
                    return null;
                });
            }
            case "regexp_match": {
                ScalarFunctions.arity(name, args, 2, 3);
                return ScalarFunctions.call(name, texts(name, args), DataType.array(DataType.TEXT), true, a -> {
                    String flags = a.length > 2 ? (String) a[2] : null;
                    Matcher m = PgRegex.compile((String) a[1], PgRegex.flags(noGlobal(flags, name), false))
                            .matcher((String) a[0]);
                    if (!m.find()) {
                        return null;
                    }
                    if (m.groupCount() == 0) {
                        return io.rustydb.core.type.SqlArray.of(m.group());
                    }
                    Object[] groups = new Object[m.groupCount()];
                    for (int g = 1; g <= groups.length; g++) {
                        groups[g - 1] = m.group(g); // a group that did not take part is NULL
                    }
                    return io.rustydb.core.type.SqlArray.of(groups);
                });
            }
            case "regexp_split_to_array": {
                ScalarFunctions.arity(name, args, 2, 3);
                return ScalarFunctions.call(name, texts(name, args), DataType.array(DataType.TEXT), true, a -> {
                    String flags = a.length > 2 ? (String) a[2] : null;
                    return io.rustydb.core.type.SqlArray.of(PgRegex.split((String) a[0],
                            PgRegex.compile((String) a[1], PgRegex.flags(noGlobal(flags, name), false))));
                });
            }
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /** A matcher of a[1] over a[0] from 1-based a[2] (if given) with the flags at {@code flagsAt} (if given). */
    private static Matcher matcherFrom(Object[] a, int flagsAt, String name) {
        String source = (String) a[0];
        int start = a.length > 2 ? (Integer) a[2] : 1;
        if (start < 1) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid value for parameter \"start\": " + start);
        }
        String flags = a.length > flagsAt ? (String) a[flagsAt] : null;
        Pattern p = PgRegex.compile((String) a[1], PgRegex.flags(noGlobal(flags, name), false));
        int from = source.offsetByCodePoints(0, Math.min(start - 1, source.codePointCount(0, source.length())));
        return p.matcher(source).region(from, source.length());
    }

    private static String noGlobal(String flags, String name) {
        if (PgRegex.isGlobal(flags)) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, name + "() does not support the \"global\" option");
        }
        return flags;
    }

    /** Source, pattern and an optional INTEGER start position, then the rest as text. */
    private static List<Expr> withStart(String name, List<Expr> args) {
        List<Expr> out = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            out.add(i == 2 ? ScalarFunctions.toType(args.get(i), DataType.INTEGER, name) : text(args.get(i), name));
        }
        return out;
    }

    private static List<Expr> texts(String name, List<Expr> args) {
        return args.stream().map(e -> text(e, name)).toList();
    }

    private static Expr text(Expr e, String name) {
        if (!e.type().id().isString() && e.type().id() != io.rustydb.core.type.TypeId.NULL) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + " with an argument of type " + e.type().sqlName());
        }
        return ScalarFunctions.toType(e, DataType.VARCHAR, name);
    }

    /**
     * {@code source} with the first match of {@code m} (every match when {@code global}) replaced by
     * {@code replacement}, in which {@code \1}..{@code \9} stand for the capture groups (empty when there is no
     * such group, as in PostgreSQL), {@code \&} for the whole match and a backslash quotes the next character.
     */
    static String replace(String source, Matcher m, String replacement, boolean global) {
        StringBuilder out = new StringBuilder(source.length() + 16);
        int last = 0;
        while (m.find()) {
            out.append(source, last, m.start());
            for (int i = 0; i < replacement.length(); i++) {
                char c = replacement.charAt(i);
                if (c == '\\' && i + 1 < replacement.length()) {
                    char n = replacement.charAt(++i);
                    if (n >= '1' && n <= '9' || n == '&') {
                        int group = n == '&' ? 0 : n - '0';
                        String text = group <= m.groupCount() ? m.group(group) : null;
                        out.append(text == null ? "" : text);
                    } else {
                        out.append(n);
                    }
                } else {
                    out.append(c);
                }
            }
            last = m.end();
            if (!global) {
                break;
            }
        }
        return out.append(source, last, source.length()).toString();
    }
}
