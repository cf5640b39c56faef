package io.rustydb.sql.function;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of set-returning functions, by lower-case name. Built in: {@code generate_series(start, stop [,
 * step])} and DuckDB's {@code range(...)} ({@link GenerateSeries}), {@code unnest(array [, array ...])}
 * ({@link Unnest}), {@code regexp_split_to_table} and {@code regexp_matches} ({@link RegexTableFunctions}), the JSON ones
 * ({@link JsonTableFunctions}). A call that matches no registered function's argument types is 42883.
 */
public final class TableFunctions {
    /** Resolves a call of one function name for its argument types; 42883 when the types do not fit. */
    @FunctionalInterface
    public interface Resolver {
        SetReturningFunction resolve(List<DataType> argumentTypes);
    }

    private static final Map<String, Resolver> RESOLVERS = new ConcurrentHashMap<>();

    static {
        register("generate_series", types -> GenerateSeries.resolve("generate_series", types, true));
        register("range", types -> GenerateSeries.resolve("range", types, false));
        register("unnest", Unnest::resolve);
        register("regexp_split_to_table", types -> RegexTableFunctions.resolve("regexp_split_to_table", types));
        register("regexp_matches", types -> RegexTableFunctions.resolve("regexp_matches", types));
        for (String json : JsonTableFunctions.NAMES) {
            register(json, types -> JsonTableFunctions.resolve(json, types));
        }
    }

    private TableFunctions() {
    }

    /** Adds (or replaces) the function {@code name}. */
    public static void register(String name, Resolver resolver) {
        RESOLVERS.put(name.toLowerCase(Locale.ROOT), resolver);
    }

    /** Whether a set-returning function of this name exists. */
    public static boolean handles(String name) {
        return RESOLVERS.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** The function {@code name} for arguments of these types; 42883 if there is none. */
    public static SetReturningFunction resolve(String name, List<DataType> argumentTypes) {
        Resolver resolver = RESOLVERS.get(name.toLowerCase(Locale.ROOT));
        if (resolver == null) {
            throw undefined(name, argumentTypes);
        }
        return resolver.resolve(argumentTypes);
    }

    /** 42883 "function name(types) does not exist". */
    static DbException undefined(String name, List<DataType> argumentTypes) {
        List<String> names = new ArrayList<>();
        for (DataType t : argumentTypes) {
            names.add(t.sqlName());
        }
        return new DbException(ErrorCode.UNDEFINED_FUNCTION, name + "(" + String.join(", ", names) + ")");
    }
}
