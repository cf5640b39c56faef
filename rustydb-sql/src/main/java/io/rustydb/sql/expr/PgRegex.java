package io.rustydb.sql.expr;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * PostgreSQL's regular expressions on {@link java.util.regex}: translates the pieces of PostgreSQL's syntax that
 * Java spells differently (POSIX classes {@code [[:alpha:]]}, word boundaries {@code \y \m \M}), the flags of the
 * regexp functions (i, c, g, n/m, s, x) and SIMILAR TO patterns, and keeps compiled patterns in a bounded cache so
 * that a pattern is compiled once, not per row. A pattern that does not compile, or an unknown flag, is 2201B.
 *
 * <p>As in PostgreSQL, {@code .} matches a newline unless the n (newline-sensitive) flag is given.
 */
public final class PgRegex {
    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "\\d"), Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("xdigit", "\\p{XDigit}"), Map.entry("blank", "\\h"),
            Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("print", "\\p{Print}"), Map.entry("graph", "\\p{Graph}"),
            Map.entry("word", "\\w"));

    /** What a cached pattern was compiled from. */
    private record Key(String pattern, int flags, boolean similarTo, int escape) {
    }

    private static final Cache<Key, Pattern> COMPILED = Caffeine.newBuilder().maximumSize(4096).build();

    private PgRegex() {
    }

    /** The compiled form of PostgreSQL regular expression {@code pattern} with {@link Pattern} flags. */
    public static Pattern compile(String pattern, int flags) {
        return COMPILED.get(new Key(pattern, flags, false, 0), k -> doCompile(translate(pattern), flags, pattern));
    }

    /**
     * The Java flags for PostgreSQL's flag string ({@code g} is not a compile flag: {@link #isGlobal} reads it).
     * {@code caseInsensitive} is the default before the flags are applied (the {@code ~*} operator).
     */
    public static int flags(String options, boolean caseInsensitive) {
        int flags = Pattern.DOTALL | (caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        if (options == null) {
            return flags;
        }
        for (int i = 0; i < options.length(); i++) {
            switch (options.charAt(i)) {
                case 'i' -> flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'c' -> flags &= ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                case 'n', 'm' -> flags = (flags & ~Pattern.DOTALL) | Pattern.MULTILINE;
                case 's' -> flags = (flags | Pattern.DOTALL) & ~Pattern.MULTILINE;
                case 'x' -> flags |= Pattern.COMMENTS;
                case 'g' -> { }
                default -> throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "invalid regular expression option: \"" + options.charAt(i) + "\"");
            }
        }
        return flags;
    }

    /** Whether the flag string asks for every match (regexp_replace's {@code g}). */
    public static boolean isGlobal(String options) {
        return options != null && options.indexOf('g') >= 0;
    }

    /**
     * The compiled form of a SIMILAR TO pattern (matched against the whole string) with escape character
     * {@code escape} ({@code -1}: none).
     */
    public static Pattern similarTo(String pattern, int escape) {
        return COMPILED.get(new Key(pattern, 0, true, escape),
                k -> doCompile(similarToRegex(pattern, escape), Pattern.DOTALL, pattern));
    }

    private static Pattern doCompile(String regex, int flags, String original) {
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw new DbException(ErrorCode.INVALID_REGULAR_EXPRESSION, e.getDescription() + " in \"" + original + "\"");
        }
    }

    /** PostgreSQL's regular expression syntax in Java's. */
    static String translate(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length() + 8);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                char n = pattern.charAt(i + 1);
                switch (n) {
                    case 'y' -> out.append("\\b");
                    case 'm' -> out.append("\\b(?=\\w)");
                    case 'M' -> out.append("\\b(?<=\\w)");
                    default -> out.append(c).append(n);
                }
                i += 2;
            } else if (c == '[' && pattern.startsWith("[:", i)) {
                int end = pattern.indexOf(":]", i + 2);
                String cls = end < 0 ? null : POSIX_CLASSES.get(pattern.substring(i + 2, end));
                if (cls == null) {
                    out.append("\\[");
                    i++;
                } else {
                    out.append(cls);
                    i = end + 2;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * A SIMILAR TO pattern as a regular expression: {@code %} is {@code .*}, {@code _} is {@code .}, the regular
     * expression operators {@code | * + ? {m,n} ( ) [ ]} keep their meaning, every other character (also
     * {@code .}, {@code ^} and {@code $}) is literal, and the escape character makes the next one literal.
     */
    static String similarToRegex(String pattern, int escape) {
        StringBuilder out = new StringBuilder(pattern.length() + 8);
        boolean inBracket = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape >= 0 && c == escape) {
                if (i + 1 == pattern.length()) {
                    throw new DbException(ErrorCode.INVALID_ESCAPE_SEQUENCE,
                            "SIMILAR TO pattern must not end with escape character");
                }
                out.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (inBracket) {
                if (c == ']') {
                    inBracket = false;
                } else if (c == '\\' || c == '[' || c == '&') {
                    out.append('\\');
                }
                out.append(c);
            } else {
                switch (c) {
                    case '%' -> out.append(".*");
                    case '_' -> out.append('.');
                    case '[' -> {
                        inBracket = true;
                        out.append(c);
                    }
                    case '|', '*', '+', '?', '{', '}', '(', ')' -> out.append(c);
                    default -> {
                        if ("\\.^$".indexOf(c) >= 0) {
                            out.append('\\');
                        }
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * PostgreSQL's regexp_split: the pieces between matches. A zero-length match at the start of the current piece
     * or at the end of the string does not split (so {@code ''} splits between characters).
     */
    public static java.util.List<String> split(String source, Pattern pattern) {
        java.util.List<String> pieces = new java.util.ArrayList<>();
        Matcher m = pattern.matcher(source);
        int start = 0;
        int searchFrom = 0;
        while (searchFrom <= source.length() && m.find(searchFrom)) {
            if (m.start() == m.end()) {
                if (m.start() >= source.length()) {
                    break;
                }
                if (m.start() == start) {
                    searchFrom = m.start() + Character.charCount(source.codePointAt(m.start()));
                    continue;
                }
            }
            pieces.add(source.substring(start, m.start()));
            start = m.end();
            searchFrom = m.end();
        }
        pieces.add(source.substring(start));
        return pieces;
    }
}
