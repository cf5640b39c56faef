package io.rustydb.core.type;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads SQL type spellings for {@link DataType#parse(String, List)}.
 *
 * <p>Spellings (case-insensitive, any whitespace between words):
 * <pre>
 * BOOLEAN    BOOLEAN, BOOL
 * SMALLINT   SMALLINT, INT2, TINYINT
 * INTEGER    INTEGER, INT, INT4, MEDIUMINT
 * BIGINT     BIGINT, INT8
 * DECIMAL    DECIMAL, NUMERIC, DEC, NUMBER   [(p[,s])]  no arguments = unconstrained
 * REAL       REAL, FLOAT4, FLOAT(1..24)
 * DOUBLE     DOUBLE, DOUBLE PRECISION, FLOAT8, FLOAT, FLOAT(25..53)
 * CHAR       CHAR, CHARACTER, NCHAR, NATIONAL CHAR[ACTER], BPCHAR   [(n)]  no argument = CHAR(1)
 * VARCHAR    VARCHAR, CHARACTER VARYING, CHAR VARYING, VARCHAR2, NVARCHAR, NVARCHAR2,
 *            NATIONAL CHAR[ACTER] VARYING   [(n | MAX)]  no argument = unbounded; "n CHAR"/"n BYTE" accepted
 * TEXT       TEXT, CLOB, NCLOB, STRING, LONGVARCHAR, TINYTEXT, MEDIUMTEXT, LONGTEXT, CHARACTER LARGE OBJECT
 * VARBINARY  VARBINARY, BINARY VARYING, BINARY   [(n | MAX)]  no argument = unbounded (BINARY(n) is VARBINARY(n):
 *            values are not zero-padded)
 * BLOB       BLOB, BYTEA, LONGVARBINARY, BINARY LARGE OBJECT
 * DATE       DATE
 * TIME       TIME, TIME WITHOUT TIME ZONE   [(0..9)]
 * TIMESTAMP  TIMESTAMP, TIMESTAMP WITHOUT TIME ZONE, DATETIME, DATETIME2   [(0..9)]
 * TIMESTAMP WITH TIME ZONE   TIMESTAMP WITH TIME ZONE, TIMESTAMPTZ   [(0..9)]
 * UUID       UUID
 * INTERVAL   INTERVAL [fields] [(0..6)]   fields: YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, YEAR TO MONTH, DAY TO HOUR,
 *            DAY TO MINUTE, DAY TO SECOND, HOUR TO MINUTE, HOUR TO SECOND, MINUTE TO SECOND; checked and ignored
 *            (a column keeps every field of the values stored)
 * JSON       JSON
 * JSONB      JSONB
 * ARRAY      any of the above followed by [] or [n] (n is ignored) or by the word ARRAY: INTEGER[], TEXT ARRAY
 * </pre>
 * A second pair of brackets ({@code INTEGER[][]}) is 0A000: arrays are one-dimensional.
 * The precision argument of the time types may also sit after TIMESTAMP/TIME ({@code TIMESTAMP(6) WITH TIME ZONE});
 * it is checked and ignored: values keep nanoseconds. {@code TIME WITH TIME ZONE} is 0A000 (not supported).
 */
final class TypeNameParser {
    private TypeNameParser() {
    }

    private static final Map<String, TypeId> NAMES = Map.ofEntries(
            Map.entry("BOOLEAN", TypeId.BOOLEAN), Map.entry("BOOL", TypeId.BOOLEAN),
            Map.entry("SMALLINT", TypeId.SMALLINT), Map.entry("INT2", TypeId.SMALLINT),
            Map.entry("TINYINT", TypeId.SMALLINT),
            Map.entry("INTEGER", TypeId.INTEGER), Map.entry("INT", TypeId.INTEGER), Map.entry("INT4", TypeId.INTEGER),
            Map.entry("MEDIUMINT", TypeId.INTEGER),
            Map.entry("BIGINT", TypeId.BIGINT), Map.entry("INT8", TypeId.BIGINT),
            Map.entry("DECIMAL", TypeId.DECIMAL), Map.entry("NUMERIC", TypeId.DECIMAL), Map.entry("DEC", TypeId.DECIMAL),
            Map.entry("NUMBER", TypeId.DECIMAL),
            Map.entry("REAL", TypeId.REAL), Map.entry("FLOAT4", TypeId.REAL),
            Map.entry("DOUBLE", TypeId.DOUBLE), Map.entry("DOUBLE PRECISION", TypeId.DOUBLE),
            Map.entry("FLOAT8", TypeId.DOUBLE), Map.entry("FLOAT", TypeId.DOUBLE),
            Map.entry("CHAR", TypeId.CHAR), Map.entry("CHARACTER", TypeId.CHAR), Map.entry("NCHAR", TypeId.CHAR),
            Map.entry("NATIONAL CHAR", TypeId.CHAR), Map.entry("NATIONAL CHARACTER", TypeId.CHAR),
            Map.entry("BPCHAR", TypeId.CHAR),
            Map.entry("VARCHAR", TypeId.VARCHAR), Map.entry("CHARACTER VARYING", TypeId.VARCHAR),
            Map.entry("CHAR VARYING", TypeId.VARCHAR), Map.entry("VARCHAR2", TypeId.VARCHAR),
            Map.entry("NVARCHAR", TypeId.VARCHAR), Map.entry("NVARCHAR2", TypeId.VARCHAR),
            Map.entry("NATIONAL CHARACTER VARYING", TypeId.VARCHAR), Map.entry("NATIONAL CHAR VARYING", TypeId.VARCHAR),
            Map.entry("TEXT", TypeId.TEXT), Map.entry("CLOB", TypeId.TEXT), Map.entry("NCLOB", TypeId.TEXT),
            Map.entry("STRING", TypeId.TEXT), Map.entry("LONGVARCHAR", TypeId.TEXT), Map.entry("TINYTEXT", TypeId.TEXT),
            Map.entry("MEDIUMTEXT", TypeId.TEXT), Map.entry("LONGTEXT", TypeId.TEXT),
            Map.entry("CHARACTER LARGE OBJECT", TypeId.TEXT),
            Map.entry("VARBINARY", TypeId.VARBINARY), Map.entry("BINARY VARYING", TypeId.VARBINARY),
            Map.entry("BINARY", TypeId.VARBINARY),
            Map.entry("BLOB", TypeId.BLOB), Map.entry("BYTEA", TypeId.BLOB), Map.entry("LONGVARBINARY", TypeId.BLOB),
            Map.entry("BINARY LARGE OBJECT", TypeId.BLOB),
            Map.entry("DATE", TypeId.DATE),
            Map.entry("TIME", TypeId.TIME), Map.entry("TIME WITHOUT TIME ZONE", TypeId.TIME),
            Map.entry("TIMESTAMP", TypeId.TIMESTAMP), Map.entry("TIMESTAMP WITHOUT TIME ZONE", TypeId.TIMESTAMP),
            Map.entry("DATETIME", TypeId.TIMESTAMP), Map.entry("DATETIME2", TypeId.TIMESTAMP),
            Map.entry("TIMESTAMP WITH TIME ZONE", TypeId.TIMESTAMP_TZ), Map.entry("TIMESTAMPTZ", TypeId.TIMESTAMP_TZ),
            Map.entry("UUID", TypeId.UUID), Map.entry("INTERVAL", TypeId.INTERVAL),
            Map.entry("JSON", TypeId.JSON), Map.entry("JSONB", TypeId.JSONB));

    static DataType parse(String sqlTypeName, List<String> rawArgs) {
        if (sqlTypeName == null || sqlTypeName.isBlank()) {
            throw new DbException(ErrorCode.UNDEFINED_OBJECT, "type \"\" does not exist");
        }
        String name = sqlTypeName.trim();
        DataType array = arrayType(name, rawArgs);
        if (array != null) {
            return array;
        }
        List<String> args = new ArrayList<>();
        int open = name.indexOf('(');
        if (open >= 0) {
            int close = name.indexOf(')', open);
            if (close < 0 || name.indexOf('(', open + 1) >= 0 && name.indexOf('(', open + 1) < close) {
                throw badModifier(sqlTypeName, "unbalanced parentheses");
            }
            for (String a : name.substring(open + 1, close).split(",", -1)) {
                args.add(a);
            }
            name = name.substring(0, open) + " " + name.substring(close + 1);
            if (name.indexOf('(') >= 0 || name.indexOf(')') >= 0) {
                throw badModifier(sqlTypeName, "more than one argument list");
            }
        }
        if (rawArgs != null && !rawArgs.isEmpty()) {
            if (!args.isEmpty()) {
                throw badModifier(sqlTypeName, "more than one argument list");
            }
            args.addAll(rawArgs);
        }
        for (int i = 0; i < args.size(); i++) {
            args.set(i, args.get(i) == null ? "" : args.get(i).trim());
        }
        String key = name.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        TypeId id = NAMES.get(key);
        if (id == null && key.startsWith("INTERVAL ")) {
            String fields = key.substring("INTERVAL ".length());
            int to = fields.indexOf(" TO ");
            IntervalQualifier.of(to < 0 ? fields : fields.substring(0, to), to < 0 ? null : fields.substring(to + 4));
            id = TypeId.INTERVAL;
        }
        if (id == null) {
            if (key.equals("TIME WITH TIME ZONE") || key.equals("TIMETZ")) {
                throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "type TIME WITH TIME ZONE");
            }
            throw new DbException(ErrorCode.UNDEFINED_OBJECT, "type \"" + sqlTypeName.trim() + "\" does not exist");
        }
        switch (id) {
            case DECIMAL:
                return decimal(key, args);
            case DOUBLE:
                if (key.equals("FLOAT") && args.size() == 1) {
                    int bits = intArg(key, args.get(0));
                    if (bits < 1 || bits > 53) {
                        throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE,
                                "precision for type FLOAT must be between 1 and 53 bits, not " + bits);
                    }
                    return bits <= 24 ? DataType.REAL : DataType.DOUBLE;
                }
                noArgs(key, args);
                return DataType.DOUBLE;
            case CHAR:
                return args.isEmpty() ? DataType.charType(1) : DataType.charType(lengthArg(key, args));
            case VARCHAR:
                return args.isEmpty() || isMax(args) ? DataType.VARCHAR : DataType.varchar(lengthArg(key, args));
            case VARBINARY:
                return args.isEmpty() || isMax(args) ? DataType.VARBINARY : DataType.varbinary(lengthArg(key, args));
            case INTERVAL:
                if (args.size() > 1 || args.size() == 1 && (intArg(key, args.get(0)) < 0 || intArg(key, args.get(0)) > 6)) {
                    throw badModifier(key, "one argument (fractional seconds precision 0..6) allowed");
                }
                return DataType.INTERVAL;
            case TIME:
            case TIMESTAMP:
            case TIMESTAMP_TZ:
                if (args.size() > 1) {
                    throw badModifier(key, "at most one argument (fractional seconds precision) allowed");
                }
                if (args.size() == 1) {
                    int p = intArg(key, args.get(0));
                    if (p < 0 || p > 9) {
                        throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE,
                                "fractional seconds precision for type " + key + " must be between 0 and 9, not " + p);
                    }
                }
                return DataType.of(id);
            default:
                noArgs(key, args);
                return DataType.of(id);
        }
    }

    /** {@code T[]}, {@code T[n]} or {@code T ARRAY} as an array of {@code T}; null for other spellings. */
    private static DataType arrayType(String name, List<String> rawArgs) {
        String element;
        if (name.endsWith("]")) {
            int open = name.lastIndexOf('[');
            if (open <= 0) {
                throw new DbException(ErrorCode.UNDEFINED_OBJECT, "type \"" + name + "\" does not exist");
            }
            element = name.substring(0, open).trim();
        } else if (name.length() > 6 && name.regionMatches(true, name.length() - 6, " ARRAY", 0, 6)) {
            element = name.substring(0, name.length() - 6).trim();
        } else {
            return null;
        }
        if (element.endsWith("]") || element.toUpperCase(Locale.ROOT).endsWith(" ARRAY")) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "multidimensional array type " + name + " (only one-dimensional arrays are supported)");
        }
        return DataType.array(parse(element, rawArgs));
    }

    private static DataType decimal(String key, List<String> args) {
        if (args.isEmpty()) {
            return DataType.DECIMAL;
        }
        if (args.size() > 2) {
            throw badModifier(key, "at most two arguments (precision, scale) allowed");
        }
        int precision = intArg(key, args.get(0));
        int scale = args.size() == 2 ? intArg(key, args.get(1)) : 0;
        return DataType.decimal(precision, scale);
    }

    private static boolean isMax(List<String> args) {
        return args.size() == 1 && args.get(0).equalsIgnoreCase("MAX");
    }

    private static int lengthArg(String key, List<String> args) {
        if (args.size() != 1) {
            throw badModifier(key, "exactly one length argument allowed");
        }
        String a = args.get(0);
        // Oracle's length semantics: VARCHAR2(10 CHAR), VARCHAR2(10 BYTE); both mean characters here.
        String upper = a.toUpperCase(Locale.ROOT);
        if (upper.endsWith(" CHAR") || upper.endsWith(" BYTE")) {
            a = a.substring(0, a.length() - 5).trim();
        }
        return intArg(key, a);
    }

    private static void noArgs(String key, List<String> args) {
        if (!args.isEmpty()) {
            throw badModifier(key, "type modifiers are not allowed");
        }
    }

    private static int intArg(String key, String arg) {
        try {
            return Integer.parseInt(arg);
        } catch (NumberFormatException e) {
            throw badModifier(key, "\"" + arg + "\" is not an integer");
        }
    }

    private static DbException badModifier(String type, String detail) {
        return new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid type modifier for type " + type + ": " + detail);
    }
}
