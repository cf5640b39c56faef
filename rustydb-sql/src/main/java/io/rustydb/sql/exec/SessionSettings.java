package io.rustydb.sql.exec;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.catalog.SearchPath;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run-time parameters a session can {@code SET}, {@code SHOW} and {@code RESET}, as PostgreSQL names them:
 * <ul>
 *   <li>{@code search_path} — where unqualified names are looked up (see {@link SearchPath}); {@code SET SCHEMA}
 *       sets it to one schema;</li>
 *   <li>{@code application_name} — any text, kept for the application's own use;</li>
 *   <li>{@code client_encoding} — only {@code UTF8} (Java strings need no conversion);</li>
 *   <li>{@code standard_conforming_strings} — only {@code on} (backslashes in literals are ordinary characters);</li>
 *   <li>{@code work_mem} — the memory one query may hold before it spills (PostgreSQL's units: {@code 4MB},
 *       {@code 512kB}, a bare number is kB); RESET goes back to the connection's {@code work_mem} option.</li>
 * </ul>
 * Names are case-insensitive; any other name is 42704, a value a parameter cannot take 22023. Settings are per
 * session and not transactional (a ROLLBACK does not undo a SET). Thread-safe.
 */
public final class SessionSettings {
    /** A parameter's default, shown before any SET and restored by RESET. */
    private static final Map<String, String> DEFAULTS = Map.of(
            "search_path", SearchPath.DEFAULT.toString(),
            "application_name", "",
            "client_encoding", "UTF8",
            "standard_conforming_strings", "on",
            "work_mem", workMemText(io.rustydb.sql.exec.spill.MemoryBudget.DEFAULT_BYTES));

    private final Map<String, String> values = new ConcurrentHashMap<>(DEFAULTS);
    private volatile SearchPath searchPath = SearchPath.DEFAULT;
    private volatile long workMemDefault = io.rustydb.sql.exec.spill.MemoryBudget.DEFAULT_BYTES;
    private volatile long workMemBytes = workMemDefault;

    /** The memory budget of each query, in bytes. */
    public long workMemBytes() {
        return workMemBytes;
    }

    /** The connection's {@code work_mem}: set now, and restored by RESET. */
    public void setWorkMemDefault(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("work_mem must be positive: " + bytes);
        }
        workMemDefault = bytes;
        setWorkMem(bytes);
    }

    private void setWorkMem(long bytes) {
        workMemBytes = bytes;
        values.put("work_mem", workMemText(bytes));
    }

    /** Bytes as SHOW prints them: the largest of kB, MB, GB that divides them (PostgreSQL's style). */
    static String workMemText(long bytes) {
        long kib = bytes / 1024;
        if (kib % (1024 * 1024) == 0) {
            return kib / (1024 * 1024) + "GB";
        }
        return kib % 1024 == 0 ? kib / 1024 + "MB" : kib + "kB";
    }

    /** The current search path. */
    public SearchPath searchPath() {
        return searchPath;
    }

    /** Sets the search path (JDBC {@code Connection.setSchema}, {@code SET search_path}). */
    public void setSearchPath(SearchPath path) {
        searchPath = path;
        values.put("search_path", path.toString());
    }

    /** {@code SHOW name}: the value as text; 42704 for an unknown parameter. */
    public String show(String name) {
        String value = values.get(known(name));
        return value;
    }

    /** Every parameter and its value, by name ({@code SHOW ALL}). */
    public Map<String, String> all() {
        return new TreeMap<>(values);
    }

    /**
     * {@code SET name TO value[, ...]}: {@code values} are the items as written, already folded where SQL folds
     * them (identifiers) or taken as is (string literals); null restores the default ({@code SET name TO DEFAULT},
     * {@code RESET name}).
     */
    public void set(String name, List<String> items) {
        String key = known(name);
        if (items == null) {
            if (key.equals("search_path")) {
                setSearchPath(SearchPath.DEFAULT);
            } else if (key.equals("work_mem")) {
                setWorkMem(workMemDefault);
            } else {
                values.put(key, DEFAULTS.get(key));
            }
            return;
        }
        switch (key) {
            case "search_path" -> setSearchPath(new SearchPath(items));
            case "application_name" -> values.put(key, single(key, items));
            case "work_mem" -> setWorkMem(io.rustydb.core.config.DatabaseConfig.parseWorkMem(single(key, items)));
            case "client_encoding" -> {
                String v = single(key, items).toUpperCase(Locale.ROOT).replace("-", "");
                if (!v.equals("UTF8") && !v.equals("UNICODE")) {
                    throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid value for parameter "
                            + "\"client_encoding\": \"" + items.get(0) + "\" (only UTF8 is supported)");
                }
                values.put(key, "UTF8");
            }
            case "standard_conforming_strings" -> {
                String v = single(key, items).toLowerCase(Locale.ROOT);
                if (!List.of("on", "true", "yes", "1").contains(v)) {
                    throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid value for parameter "
                            + "\"standard_conforming_strings\": \"" + items.get(0) + "\" (only on is supported)");
                }
                values.put(key, "on");
            }
            default -> throw DbException.internal("setting " + key);
        }
    }

    /** {@code RESET ALL}. */
    public void resetAll() {
        values.putAll(DEFAULTS);
        searchPath = SearchPath.DEFAULT;
        setWorkMem(workMemDefault);
    }

    /** {@code name} in lower case if it is a parameter a session has, else 42704. */
    public static String known(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!DEFAULTS.containsKey(key)) {
            throw new DbException(ErrorCode.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
        }
        return key;
    }

    private static String single(String name, List<String> items) {
        if (items.size() != 1) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "SET " + name + " takes only one argument");
        }
        return items.get(0);
    }
}
