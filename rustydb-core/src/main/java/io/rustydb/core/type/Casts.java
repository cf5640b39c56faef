package io.rustydb.core.type;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * Conversions of values between SQL types: explicit {@code CAST} and the stricter conversion used to store a value
 * into a column.
 *
 * <p>Explicit casts ({@link #cast(Object, DataType)}), by source family (rows) and target (columns):
 * <pre>
 *              BOOLEAN  integer  DECIMAL  REAL/DOUBLE  string  binary  DATE  TIME  TIMESTAMP[_TZ]  UUID
 * BOOLEAN        yes      1/0       -         -         yes      -      -     -        -            -
 * integer      (!= 0)     yes      yes       yes        yes      -      -     -        -            -
 * DECIMAL         -       yes      yes       yes        yes      -      -     -        -            -
 * REAL/DOUBLE     -       yes      yes       yes        yes      -      -     -        -            -
 * string        parse    parse    parse     parse       yes    parse  parse parse    parse         parse
 * binary          -        -        -         -         yes      yes    -     -        -            -
 * DATE            -        -        -         -         yes      -      yes   -       yes           -
 * TIME            -        -        -         -         yes      -      -     yes      -            -
 * TIMESTAMP[_TZ]  -        -        -         -         yes      -      yes   yes     yes           -
 * UUID            -        -        -         -         yes      -      -     -        -            yes
 * INTERVAL: from and to strings ({@link IntervalText}) and itself; TIME to INTERVAL (its time of day) and
 * INTERVAL to TIME (the time part modulo 24 hours), as PostgreSQL.
 * </pre>
 * "-" is 42804 "cannot cast type X to Y". Rules of the allowed ones:
 * <ul>
 *   <li>Integers out of range are 22003 ("smallint/integer/bigint out of range"). REAL/DOUBLE to an integer
 *       rounds half to even ({@link Math#rint}), DECIMAL to an integer rounds HALF_UP; both as PostgreSQL.</li>
 *   <li>To {@code DECIMAL(p,s)}: rounded HALF_UP to {@code s} digits; more than {@code p-s} integer digits is
 *       22003. To unconstrained DECIMAL: see {@link DataType}. REAL/DOUBLE become their shortest decimal text
 *       ({@code 0.1}); NaN and infinities are 22003.</li>
 *   <li>DOUBLE to REAL: overflow or underflow (non-zero to zero) is 22003.</li>
 *   <li>To strings: the {@link Values#toSqlString} text. {@code CHAR(n)}/{@code VARCHAR(n)} truncate silently (the
 *       SQL standard's explicit-cast rule); CHAR(n) pads with blanks to n. Lengths count code points.</li>
 *   <li>From strings: surrounding whitespace is ignored. Bad text is 22P02 (22007 for dates and times, 22008 for a
 *       date/time field out of range). BOOLEAN accepts true/false, yes/no, on/off, 1/0 and unique prefixes such as
 *       t/f/y/n, case-insensitively. Binary reads {@code \x0a1b} hex, anything else as its UTF-8 bytes. UUID reads
 *       32 hex digits, with or without the standard hyphens and braces.</li>
 *   <li>JSON and JSONB: see {@link JsonCasts}.</li>
 *   <li>Between date/time types: a DATE is its midnight; TIMESTAMP and TIMESTAMP WITH TIME ZONE convert as UTC
 *       (the session time zone is always UTC); TIMESTAMP to DATE/TIME takes that part.</li>
 * </ul>
 *
 * <p>Arrays: an array casts to another array type when its elements cast (each element is cast, NULL elements stay
 * NULL); a string casts to an array by reading PostgreSQL's text form ({@link ArrayText}) and casting each element
 * text; an array casts to a string as its text form. An array element cannot be an array.
 *
 * <p>Assignment ({@link #castForAssignment}) allows only {@link #canCastImplicitly implicit} pairs plus String
 * values of any target (string literals), and reports a string or binary that is too long as 22001 instead of
 * truncating it.
 */
public final class Casts {
    private Casts() {
    }

    /** Explicit {@code CAST(value AS target)}; {@code null} stays {@code null}. See the class comment. */
    public static Object cast(Object value, DataType target) {
        if (value == null) {
            return null;
        }
        if (value instanceof io.rustydb.core.json.JsonValue || target.id().isJson()) {
            return JsonCasts.cast(value, target);
        }
        switch (target.id()) {
            case BOOLEAN:
                return toBoolean(value, target);
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return toIntegral(value, target);
            case DECIMAL:
                return toDecimal(value, target);
            case REAL:
                return toReal(value, target);
            case DOUBLE:
                return toDouble(value, target);
            case CHAR:
            case VARCHAR:
            case TEXT:
                return fitString(toText(value), target, null);
            case VARBINARY:
            case BLOB:
                return fitBinary(toBinary(value, target), target, null);
            case DATE:
                return toDate(value, target);
            case TIME:
                return toTime(value, target);
            case TIMESTAMP:
                return toTimestamp(value, target);
            case TIMESTAMP_TZ:
                return toTimestampTz(value, target);
            case UUID:
                return toUuid(value, target);
            case INTERVAL:
                return toInterval(value, target);
            case ARRAY:
                return toArray(value, target, null);
            default:
                throw cannotCast(value, target);
        }
    }

    /**
     * {@code value} (an array, or a string in the array text form) as an array of {@code target}'s element type;
     * {@code columnName} non-null casts the elements for assignment into that column.
     */
    private static SqlArray toArray(Object value, DataType target, String columnName) {
        DataType element = target.elementType();
        java.util.List<?> source;
        if (value instanceof SqlArray a) {
            source = a.elements();
        } else if (value instanceof String text) {
            source = ArrayText.parse(text);
        } else {
            throw cannotCast(value, target);
        }
        Object[] out = new Object[source.size()];
        for (int i = 0; i < out.length; i++) {
            Object e = source.get(i);
            out[i] = element.id() == TypeId.NULL ? e
                    : columnName == null ? cast(e, element) : castForAssignment(e, element, columnName);
        }
        return SqlArray.of(out);
    }

    /**
     * Explicit cast of a value whose static type is known. It differs from {@link #cast(Object, DataType)} in one
     * rule: a CHAR value cast to VARCHAR or TEXT loses its trailing blanks, as in PostgreSQL (so that
     * {@code CHAR(5) 'ab   '} and {@code VARCHAR 'ab'} compare equal as VARCHAR).
     */
    public static Object cast(Object value, DataType source, DataType target) {
        if (value instanceof String && source.id() == TypeId.CHAR
                && (target.id() == TypeId.VARCHAR || target.id() == TypeId.TEXT)) {
            return cast(stripTrailingSpaces((String) value), target);
        }
        return cast(value, target);
    }

    /**
     * Converts a value being stored into column {@code columnName} of type {@code target}. {@code null} stays
     * {@code null} (NOT NULL is checked by the caller). A String value is taken to be a string literal and may be
     * stored into a column of any type (it is parsed as by {@link #cast}); any other value needs
     * {@link #canCastImplicitly} from its type, else 42804 "column "c" is of type X but expression is of type Y".
     * A string longer than a CHAR(n)/VARCHAR(n) column is 22001 unless the excess is only blanks, which are cut;
     * a binary longer than VARBINARY(n) is 22001. Numbers are range-checked and rounded as by {@link #cast}.
     *
     * <p>The binder must check {@link #canCastImplicitly} on static types when the expression is not a literal:
     * from a value alone this method cannot tell a string literal from a VARCHAR expression.
     */
    public static Object castForAssignment(Object value, DataType target, String columnName) {
        if (value == null) {
            return null;
        }
        DataType source = DataType.ofOrNull(value);
        if (source == null) {
            throw new DbException(ErrorCode.DATATYPE_MISMATCH, "column \"" + columnName + "\" is of type "
                    + target.sqlName() + " but expression is of Java class " + value.getClass().getName());
        }
        if (!(value instanceof String) && !canCastImplicitly(source, target)) {
            throw new DbException(ErrorCode.DATATYPE_MISMATCH, "column \"" + columnName + "\" is of type "
                    + target.sqlName() + " but expression is of type " + source.sqlName());
        }
        switch (target.id()) {
            case CHAR:
            case VARCHAR:
            case TEXT:
                return fitString(toText(value), target, columnName);
            case VARBINARY:
            case BLOB:
                return fitBinary(toBinary(value, target), target, columnName);
            case ARRAY:
                return toArray(value, target, columnName);
            default:
                return cast(value, target);
        }
    }

    /**
     * Whether a value of type {@code from} may be stored into a column of type {@code to} without an explicit CAST
     * (assignment compatibility): NULL to anything; numeric to numeric (narrowing is range-checked at run time);
     * string to string; binary to binary; JSON/JSONB to each other and to strings; DATE, TIMESTAMP and TIMESTAMP WITH TIME ZONE among themselves; and each
     * of BOOLEAN, TIME, UUID to itself. String to number and number to string are not implicit: the binder must
     * treat untyped string literals itself (see {@link #castForAssignment}).
     */
    public static boolean canCastImplicitly(DataType from, DataType to) {
        TypeId f = from.id();
        TypeId t = to.id();
        if (f == TypeId.ARRAY && t == TypeId.ARRAY) {
            return canCastImplicitly(from.elementType(), to.elementType());
        }
        if (f == TypeId.NULL || f == t) {
            return true;
        }
        return f.isNumeric() && t.isNumeric()
                || f.isString() && t.isString()
                || f.isJson() && (t.isJson() || t.isString())
                || f.isBinary() && t.isBinary()
                || isTimeLine(f) && isTimeLine(t);
    }

    /** Whether an explicit {@code CAST} from {@code from} to {@code to} exists (it may still fail on a value). */
    public static boolean canCast(DataType from, DataType to) {
        TypeId f = from.id();
        TypeId t = to.id();
        if (t == TypeId.NULL) {
            return f == TypeId.NULL;
        }
        if (f == TypeId.ARRAY && t == TypeId.ARRAY) {
            return canCast(from.elementType(), to.elementType());
        }
        if (f == TypeId.NULL || f == t || f.isString() || t.isString()) {
            return true;
        }
        if (f.isNumeric() && t.isNumeric() || f.isBinary() && t.isBinary() || isTimeLine(f) && isTimeLine(t)) {
            return true;
        }
        return f.isJson() && t.isJson()
                || f == TypeId.JSONB && (t.isNumeric() || t == TypeId.BOOLEAN)
                || f == TypeId.BOOLEAN && t.isIntegral()
                || f.isIntegral() && t == TypeId.BOOLEAN
                || f == TypeId.TIME && t == TypeId.INTERVAL || f == TypeId.INTERVAL && t == TypeId.TIME
                || (f == TypeId.TIMESTAMP || f == TypeId.TIMESTAMP_TZ) && t == TypeId.TIME;
    }

    private static boolean isTimeLine(TypeId t) {
        return t == TypeId.DATE || t == TypeId.TIMESTAMP || t == TypeId.TIMESTAMP_TZ;
    }

    private static DbException cannotCast(Object value, DataType target) {
        return new DbException(ErrorCode.DATATYPE_MISMATCH,
                "cannot cast type " + Values.typeName(value) + " to " + target.sqlName());
    }

    private static Boolean toBoolean(Object v, DataType target) {
        if (v instanceof Boolean) {
            return (Boolean) v;
        } else if (v instanceof String) {
            return parseBoolean((String) v);
        } else if (Numbers.isIntegral(v)) {
            return ((Number) v).longValue() != 0;
        }
        throw cannotCast(v, target);
    }

    /** Reads PostgreSQL's boolean spellings: true/false, yes/no, on/off, 1/0 and unique prefixes, any case. */
    static Boolean parseBoolean(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (!t.isEmpty()) {
            if ("true".startsWith(t) || "yes".startsWith(t) || t.equals("on") || t.equals("1")) {
                return Boolean.TRUE;
            }
            if ("false".startsWith(t) || "no".startsWith(t) || t.length() >= 2 && "off".startsWith(t)
                    || t.equals("0")) {
                return Boolean.FALSE;
            }
        }
        throw new DbException(ErrorCode.INVALID_TEXT_REPRESENTATION, "boolean", text);
    }

    private static Object toIntegral(Object v, DataType target) {
        TypeId t = target.id();
        if (Numbers.isIntegral(v)) {
            return Numbers.narrow(((Number) v).longValue(), t);
        } else if (v instanceof BigDecimal) {
            return Numbers.narrow(Numbers.roundToLong((BigDecimal) v, t), t);
        } else if (Numbers.isFloating(v)) {
            return Numbers.narrow(Numbers.roundToLong(((Number) v).doubleValue(), t), t);
        } else if (v instanceof String) {
            return NumberText.parseIntegral((String) v, t);
        } else if (v instanceof Boolean) {
            return Numbers.narrow((Boolean) v ? 1 : 0, t);
        }
        throw cannotCast(v, target);
    }

    private static BigDecimal toDecimal(Object v, DataType target) {
        if (Numbers.isNumber(v)) {
            return Numbers.fitDecimal(Numbers.toBigDecimal(v), target);
        } else if (v instanceof String) {
            return Numbers.fitDecimal(NumberText.parseDecimal((String) v), target);
        }
        throw cannotCast(v, target);
    }

    private static Float toReal(Object v, DataType target) {
        if (v instanceof Float) {
            return (Float) v;
        } else if (v instanceof String) {
            return NumberText.parseFloat((String) v);
        } else if (Numbers.isNumber(v)) {
            double d = ((Number) v).doubleValue();
            float f = (float) d;
            if (Float.isInfinite(f) && !Double.isInfinite(d)) {
                throw Numbers.outOfRange(TypeId.REAL);
            }
            if (f == 0 && d != 0) {
                throw Numbers.underflow();
            }
            return f;
        }
        throw cannotCast(v, target);
    }

    private static Double toDouble(Object v, DataType target) {
        if (v instanceof Double) {
            return (Double) v;
        } else if (v instanceof String) {
            return NumberText.parseDouble((String) v);
        } else if (Numbers.isNumber(v)) {
            return ((Number) v).doubleValue();
        }
        throw cannotCast(v, target);
    }

    private static String toText(Object v) {
        return v instanceof String ? (String) v : Values.toSqlString(v);
    }

    /**
     * Fits a string to a string type. Explicit casts ({@code columnName == null}) truncate to the length;
     * assignments cut only trailing blanks and report anything else too long as 22001. CHAR(n) is then padded.
     */
    private static String fitString(String s, DataType target, String columnName) {
        int n = target.length();
        if (n <= 0) {
            return s;
        }
        int len = s.length() <= n ? s.length() : s.codePointCount(0, s.length());
        if (len > n) {
            int cut = s.offsetByCodePoints(0, n);
            if (columnName != null) {
                for (int i = cut; i < s.length(); i++) {
                    if (s.charAt(i) != ' ') {
                        throw new DbException(ErrorCode.STRING_DATA_RIGHT_TRUNCATION, target.sqlName());
                    }
                }
            }
            s = s.substring(0, cut);
            len = n;
        }
        if (target.id() == TypeId.CHAR && len < n) {
            StringBuilder sb = new StringBuilder(s.length() + n - len).append(s);
            for (int i = len; i < n; i++) {
                sb.append(' ');
            }
            s = sb.toString();
        }
        return s;
    }

    static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    private static Binary toBinary(Object v, DataType target) {
        if (v instanceof Binary) {
            return (Binary) v;
        } else if (v instanceof String) {
            return parseBinary((String) v);
        }
        throw cannotCast(v, target);
    }

    /** Reads {@code \x0a1b} as hex; any other text is its UTF-8 bytes. */
    static Binary parseBinary(String s) {
        if (s.length() >= 2 && s.charAt(0) == '\\' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            return Binary.fromHex(s.substring(2));
        }
        return Binary.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Binary fitBinary(Binary b, DataType target, String columnName) {
        int n = target.length();
        if (n <= 0 || b.length() <= n) {
            return b;
        }
        if (columnName != null) {
            throw new DbException(ErrorCode.STRING_DATA_RIGHT_TRUNCATION, target.sqlName());
        }
        return b.prefix(n);
    }

    private static LocalDate toDate(Object v, DataType target) {
        if (v instanceof LocalDate) {
            return (LocalDate) v;
        } else if (v instanceof LocalDateTime) {
            return ((LocalDateTime) v).toLocalDate();
        } else if (v instanceof OffsetDateTime) {
            return Values.toUtcDateTime(v).toLocalDate();
        } else if (v instanceof String) {
            return DateTimeText.parseDate((String) v);
        }
        throw cannotCast(v, target);
    }

    private static LocalTime toTime(Object v, DataType target) {
        if (v instanceof LocalTime) {
            return (LocalTime) v;
        } else if (v instanceof LocalDateTime) {
            return ((LocalDateTime) v).toLocalTime();
        } else if (v instanceof OffsetDateTime) {
            return Values.toUtcDateTime(v).toLocalTime();
        } else if (v instanceof String) {
            return DateTimeText.parseTime((String) v);
        } else if (v instanceof Interval) {
            return LocalTime.ofNanoOfDay(Math.floorMod(((Interval) v).micros(), Interval.MICROS_PER_DAY) * 1000L);
        }
        throw cannotCast(v, target);
    }

    private static LocalDateTime toTimestamp(Object v, DataType target) {
        if (v instanceof LocalDateTime) {
            return (LocalDateTime) v;
        } else if (v instanceof LocalDate || v instanceof OffsetDateTime) {
            return Values.toUtcDateTime(v);
        } else if (v instanceof String) {
            return DateTimeText.parseTimestamp((String) v);
        }
        throw cannotCast(v, target);
    }

    private static OffsetDateTime toTimestampTz(Object v, DataType target) {
        if (v instanceof OffsetDateTime) {
            OffsetDateTime o = (OffsetDateTime) v;
            return o.getOffset().equals(ZoneOffset.UTC) ? o : o.withOffsetSameInstant(ZoneOffset.UTC);
        } else if (v instanceof LocalDateTime || v instanceof LocalDate) {
            return Values.toUtcDateTime(v).atOffset(ZoneOffset.UTC);
        } else if (v instanceof String) {
            return DateTimeText.parseTimestampTz((String) v);
        }
        throw cannotCast(v, target);
    }

    private static Interval toInterval(Object v, DataType target) {
        if (v instanceof Interval) {
            return (Interval) v;
        } else if (v instanceof String) {
            return IntervalText.parse((String) v);
        } else if (v instanceof LocalTime) {
            return Interval.of(0, 0, ((LocalTime) v).toNanoOfDay() / 1000);
        }
        throw cannotCast(v, target);
    }

    private static UUID toUuid(Object v, DataType target) {
        if (v instanceof UUID) {
            return (UUID) v;
        } else if (v instanceof String) {
            return parseUuid((String) v);
        }
        throw cannotCast(v, target);
    }

    /** Reads 32 hex digits, optionally in braces and with hyphens at the standard 8-4-4-4-12 positions. */
    static UUID parseUuid(String text) {
        String t = text.strip();
        if (t.length() >= 2 && t.charAt(0) == '{' && t.charAt(t.length() - 1) == '}') {
            t = t.substring(1, t.length() - 1);
        }
        if (t.length() == 36) {
            if (t.charAt(8) != '-' || t.charAt(13) != '-' || t.charAt(18) != '-' || t.charAt(23) != '-') {
                throw new DbException(ErrorCode.INVALID_TEXT_REPRESENTATION, "uuid", text);
            }
            t = t.substring(0, 8) + t.substring(9, 13) + t.substring(14, 18) + t.substring(19, 23) + t.substring(24);
        }
        if (t.length() != 32) {
            throw new DbException(ErrorCode.INVALID_TEXT_REPRESENTATION, "uuid", text);
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 32; i++) {
            int d = Binary.hexDigit(t.charAt(i));
            if (d < 0) {
                throw new DbException(ErrorCode.INVALID_TEXT_REPRESENTATION, "uuid", text);
            }
            if (i < 16) {
                hi = hi << 4 | d;
            } else {
                lo = lo << 4 | d;
            }
        }
        return new UUID(hi, lo);
    }
}
