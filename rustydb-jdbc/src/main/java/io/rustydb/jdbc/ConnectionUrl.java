package io.rustydb.jdbc;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A parsed RustyDB JDBC URL:
 * <pre>
 *  jdbc:rustydb:mem:NAME[;key=value...]    an in-memory database shared by the connections that name it
 *  jdbc:rustydb:file:PATH[;key=value...]   a database file
 *  jdbc:rustydb:PATH[;key=value...]        the same, without "file:"
 * </pre>
 * Options after {@code ;} and in {@link Properties} are merged (the URL wins) and checked by the configuration:
 * an unknown option is an error, never silently ignored.
 */
public record ConnectionUrl(boolean inMemory, String name, Path path, Map<String, String> options) {
    public static final String PREFIX = "jdbc:rustydb:";

    public ConnectionUrl {
        options = Map.copyOf(options);
    }

    public static boolean accepts(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** Parses {@code url}; {@code info} adds options (JDBC's {@code user}/{@code password} among them). */
    public static ConnectionUrl parse(String url, Properties info) {
        if (!accepts(url)) {
            throw new DbException(ErrorCode.INVALID_CONNECTION_URL, "not a RustyDB URL: " + url);
        }
        String rest = url.substring(PREFIX.length());
        String[] parts = rest.split(";", -1);
        Map<String, String> options = new LinkedHashMap<>();
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                options.put(key.toLowerCase(Locale.ROOT), info.getProperty(key));
            }
        }
        for (int i = 1; i < parts.length; i++) {
            String option = parts[i].trim();
            if (option.isEmpty()) {
                continue;
            }
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new DbException(ErrorCode.INVALID_CONNECTION_URL, "option without a value in URL: " + option);
            }
            options.put(option.substring(0, eq).trim().toLowerCase(Locale.ROOT), option.substring(eq + 1).trim());
        }
        String target = parts[0];
        if (target.regionMatches(true, 0, "mem:", 0, 4)) {
            String name = target.substring(4);
            if (name.isEmpty()) {
                throw new DbException(ErrorCode.INVALID_CONNECTION_URL, "an in-memory database needs a name: jdbc:rustydb:mem:NAME");
            }
            return new ConnectionUrl(true, name, null, options);
        }
        String file = target.regionMatches(true, 0, "file:", 0, 5) ? target.substring(5) : target;
        if (file.isEmpty()) {
            throw new DbException(ErrorCode.INVALID_CONNECTION_URL, "a file database needs a path: jdbc:rustydb:file:PATH");
        }
        Path path = Path.of(file).toAbsolutePath().normalize();
        return new ConnectionUrl(false, path.toString(), path, options);
    }

    /** The key under which open databases are shared: {@code mem:NAME} or the absolute file path. */
    public String registryKey() {
        return inMemory ? "mem:" + name : "file:" + path;
    }
}
