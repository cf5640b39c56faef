package io.rustydb.core.config;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The options a database is opened with. Immutable; build one with {@link #builder()}, or read the string options
 * of a JDBC URL or {@code Properties} with {@link #fromOptions(Map)}.
 *
 * <p>Options (names case-insensitive; values case-insensitive except {@code user}, {@code password} and
 * {@code schema}):
 * <pre>
 * option        value                                              default
 * page_size     bytes, a power of two in 4096..65536                8192
 * cache_size    buffer pool size in MiB, 1..1048576                 max(16, max heap / 4) MiB, at most 1024 MiB
 * sync          full | normal | off      ({@link SyncMode})          full
 * replacement   arc | clock | lru | 2q | lru-k ({@link ReplacementPolicy})   arc
 * lock_timeout  milliseconds to wait for a lock, 0 = do not wait    10000
 * read_only     true | false (also yes/no, on/off, 1/0)             false
 * isolation     read_uncommitted | read_committed | repeatable_read | serializable
 *               (spaces or hyphens instead of underscores accepted)  read_committed
 * user          the user name to connect as                          sa
 * password      that user's password                                 "" (empty)
 * schema        the search path of each connection, as SET search_path reads it (e.g. app or "App", public);
 *               per connection, not checked until a name is looked up  (the default search path: public)
 * work_mem      memory a query's sorts, hash tables and aggregations  64MB
 *               may hold before spilling to temporary files: a
 *               number with a unit kB, MB, GB or TB (no unit = kB, as
 *               in PostgreSQL), 64kB..2147483647kB
 * </pre>
 * An unknown option is 42704 "unrecognized configuration option"; a bad value is 22023 naming the option, the
 * value and what is allowed. The page size only matters when a database file is created: an existing file keeps
 * the page size recorded in its header.
 */
public final class DatabaseConfig {
    public static final String PAGE_SIZE = "page_size";
    public static final String CACHE_SIZE = "cache_size";
    public static final String SYNC = "sync";
    public static final String REPLACEMENT = "replacement";
    public static final String LOCK_TIMEOUT = "lock_timeout";
    public static final String READ_ONLY = "read_only";
    public static final String ISOLATION = "isolation";
    public static final String USER = "user";
    public static final String PASSWORD = "password";
    public static final String AUTOVACUUM = "autovacuum";
    public static final String CLOSE_ON_EXIT = "close_on_exit";
    public static final String SCHEMA = "schema";
    public static final String WORK_MEM = "work_mem";

    private static final Set<String> OPTION_NAMES = Set.of(PAGE_SIZE, CACHE_SIZE, SYNC, REPLACEMENT, LOCK_TIMEOUT,
            READ_ONLY, ISOLATION, USER, PASSWORD, AUTOVACUUM, CLOSE_ON_EXIT, SCHEMA, WORK_MEM);

    public static final int MIN_PAGE_SIZE = 4096;
    public static final int MAX_PAGE_SIZE = 65536;
    public static final int DEFAULT_PAGE_SIZE = 8192;
    public static final long DEFAULT_LOCK_TIMEOUT_MILLIS = 10_000;
    public static final String DEFAULT_USER = "sa";
    /** The default {@code work_mem}: 64 MiB. */
    public static final long DEFAULT_WORK_MEM_BYTES = 64L * 1024 * 1024;
    private static final long MIN_WORK_MEM_KIB = 64;
    private static final long MAX_WORK_MEM_KIB = Integer.MAX_VALUE;
    private static final long MIB = 1024L * 1024;
    private static final long MAX_CACHE_MIB = 1024L * 1024; // 1 TiB

    private static final DatabaseConfig DEFAULTS = new Builder().build();

    private final int pageSize;
    private final long cacheSizeBytes;
    private final SyncMode syncMode;
    private final ReplacementPolicy replacementPolicy;
    private final long lockTimeoutMillis;
    private final boolean readOnly;
    private final boolean autovacuum;
    private final boolean closeOnExit;
    private final IsolationLevel isolation;
    private final String user;
    private final String password;
    private final String schema;
    private final long workMemBytes;

    private DatabaseConfig(Builder b) {
        this.pageSize = b.pageSize;
        this.cacheSizeBytes = b.cacheSizeBytes;
        this.syncMode = b.syncMode;
        this.replacementPolicy = b.replacementPolicy;
        this.lockTimeoutMillis = b.lockTimeoutMillis;
        this.readOnly = b.readOnly;
        this.autovacuum = b.autovacuum;
        this.closeOnExit = b.closeOnExit;
        this.isolation = b.isolation;
        this.user = b.user;
        this.password = b.password;
        this.schema = b.schema;
        this.workMemBytes = b.workMemBytes;
    }

    /** Every option at its default. */
    public static DatabaseConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads string options (e.g. from a JDBC URL or {@code Properties}); options not given keep their defaults.
     * Unknown names are 42704, bad values (and one option given twice in different cases) are 22023.
     */
    public static DatabaseConfig fromOptions(Map<String, String> options) {
        Builder b = new Builder();
        Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = normalizeKey(e.getKey());
            if (!seen.add(key)) {
                throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "configuration option \"" + key + "\" is given more than once");
            }
            b.option(key, e.getValue());
        }
        return b.build();
    }

    /** The names of all options, in lower case. */
    public static Set<String> optionNames() {
        return OPTION_NAMES;
    }

    /**
     * The default cache size: a quarter of the maximum heap, at least 16 MiB and at most 1024 MiB, rounded down to
     * whole MiB. The buffer pool lives off-heap, so this is a guess at a fair share of the machine, not a heap limit.
     */
    public static long defaultCacheSizeBytes() {
        long maxMemory = Runtime.getRuntime().maxMemory();
        long quarterMib = maxMemory == Long.MAX_VALUE ? 1024 : maxMemory / 4 / MIB;
        return Math.min(1024, Math.max(16, quarterMib)) * MIB;
    }

    /** Page size in bytes (option {@code page_size}, default 8192). */
    public int pageSize() {
        return pageSize;
    }

    /** Buffer pool size in bytes (option {@code cache_size} in MiB; default {@link #defaultCacheSizeBytes()}). */
    public long cacheSizeBytes() {
        return cacheSizeBytes;
    }

    /** WAL sync mode (option {@code sync}, default {@link SyncMode#FULL}). */
    public SyncMode syncMode() {
        return syncMode;
    }

    /** Buffer pool replacement policy (option {@code replacement}, default {@link ReplacementPolicy#ARC}). */
    public ReplacementPolicy replacementPolicy() {
        return replacementPolicy;
    }

    /** How long a lock request waits before it fails, 0 = fail at once (option {@code lock_timeout}, default 10000). */
    public long lockTimeoutMillis() {
        return lockTimeoutMillis;
    }

    /** Open the database read-only (option {@code read_only}, default false). */
    public boolean readOnly() {
        return readOnly;
    }

    /**
     * Whether dead row versions are removed in the background (option {@code autovacuum}, default true); with
     * false only the {@code VACUUM} statement removes them.
     */
    public boolean autovacuum() {
        return autovacuum;
    }

    /**
     * Whether a JVM shutdown hook closes the database (flush and checkpoint) if the application left it open
     * (option {@code close_on_exit}, default true). Committed work is durable either way; a clean close only
     * spares the next open its recovery.
     */
    public boolean closeOnExit() {
        return closeOnExit;
    }

    /** Default isolation of new transactions (option {@code isolation}, default {@link IsolationLevel#READ_COMMITTED}). */
    public IsolationLevel isolation() {
        return isolation;
    }

    /** User name (option {@code user}, default {@code sa}). */
    public String user() {
        return user;
    }

    /** Password (option {@code password}, default empty). */
    public String password() {
        return password;
    }

    /** The search path connections start with, as written (option {@code schema}), or null for the default. */
    public String schema() {
        return schema;
    }

    /** The memory budget of each query, in bytes (option {@code work_mem}, default 64 MiB). */
    public long workMemBytes() {
        return workMemBytes;
    }

    /**
     * Reads a {@code work_mem} value as PostgreSQL does: a whole number with an optional unit {@code kB},
     * {@code MB}, {@code GB} or {@code TB} (case-insensitive, space allowed; no unit = kB), 64 kB..2147483647 kB.
     * Returns bytes; a bad value is 22023. For the connection option and a session-level {@code SET work_mem}.
     */
    public static long parseWorkMem(String value) {
        String allowed = "a size between 64kB and 2147483647kB, e.g. 4096, 64MB or 1GB";
        if (value == null) {
            throw badValue(WORK_MEM, null, allowed);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,19})\\s*([kmgt]b)?")
                .matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw badValue(WORK_MEM, value, allowed);
        }
        long kib;
        try {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "kb" : m.group(2);
            int shift = switch (unit) {
                case "kb" -> 0;
                case "mb" -> 10;
                case "gb" -> 20;
                default -> 30;
            };
            if (n > (MAX_WORK_MEM_KIB >> shift)) {
                throw badValue(WORK_MEM, value, allowed);
            }
            kib = n << shift;
        } catch (NumberFormatException e) {
            throw badValue(WORK_MEM, value, allowed);
        }
        if (kib < MIN_WORK_MEM_KIB || kib > MAX_WORK_MEM_KIB) {
            throw badValue(WORK_MEM, value, allowed);
        }
        return kib * 1024;
    }

    /**
     * These options as strings that {@link #fromOptions(Map)} reads back to an equal configuration (the cache size
     * is written in whole MiB, so a size set with {@link Builder#cacheSizeBytes} reads back rounded down).
     */
    public Map<String, String> toOptions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(PAGE_SIZE, Integer.toString(pageSize));
        m.put(CACHE_SIZE, Long.toString(cacheSizeBytes / MIB));
        m.put(SYNC, syncMode.name().toLowerCase(Locale.ROOT));
        m.put(REPLACEMENT, replacementPolicy.optionValue());
        m.put(LOCK_TIMEOUT, Long.toString(lockTimeoutMillis));
        m.put(READ_ONLY, Boolean.toString(readOnly));
        m.put(AUTOVACUUM, Boolean.toString(autovacuum));
        m.put(CLOSE_ON_EXIT, Boolean.toString(closeOnExit));
        m.put(ISOLATION, isolation.optionValue());
        m.put(USER, user);
        m.put(PASSWORD, password);
        if (schema != null) {
            m.put(SCHEMA, schema);
        }
        m.put(WORK_MEM, workMemBytes / 1024 + "kB");
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DatabaseConfig)) {
            return false;
        }
        DatabaseConfig c = (DatabaseConfig) o;
        return pageSize == c.pageSize && cacheSizeBytes == c.cacheSizeBytes && syncMode == c.syncMode
                && replacementPolicy == c.replacementPolicy && lockTimeoutMillis == c.lockTimeoutMillis
                && readOnly == c.readOnly && autovacuum == c.autovacuum && closeOnExit == c.closeOnExit
                && isolation == c.isolation && user.equals(c.user) && password.equals(c.password)
                && Objects.equals(schema, c.schema) && workMemBytes == c.workMemBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pageSize, cacheSizeBytes, syncMode, replacementPolicy, lockTimeoutMillis, readOnly,
                autovacuum, closeOnExit, isolation, user, password, schema, workMemBytes);
    }

    /** The options, with the password masked. */
    @Override
    public String toString() {
        Map<String, String> m = toOptions();
        m.put(PASSWORD, password.isEmpty() ? "" : "***");
        return "DatabaseConfig" + m;
    }

    private static String normalizeKey(String key) {
        if (key == null) {
            throw new DbException(ErrorCode.UNDEFINED_OBJECT, "unrecognized configuration option \"null\"");
        }
        String k = key.strip().toLowerCase(Locale.ROOT);
        if (!OPTION_NAMES.contains(k)) {
            throw new DbException(ErrorCode.UNDEFINED_OBJECT, "unrecognized configuration option \"" + key + "\"");
        }
        return k;
    }

    private static DbException badValue(String option, Object value, String allowed) {
        return new DbException(ErrorCode.INVALID_PARAMETER_VALUE,
                "invalid value for option \"" + option + "\": \"" + value + "\" (" + allowed + ")");
    }

    /** Collects options for a {@link DatabaseConfig}; every setter checks its value (22023 when bad). */
    public static final class Builder {
        private int pageSize = DEFAULT_PAGE_SIZE;
        private long cacheSizeBytes = defaultCacheSizeBytes();
        private SyncMode syncMode = SyncMode.FULL;
        private ReplacementPolicy replacementPolicy = ReplacementPolicy.ARC;
        private long lockTimeoutMillis = DEFAULT_LOCK_TIMEOUT_MILLIS;
        private boolean readOnly;
        private boolean autovacuum = true;
        private boolean closeOnExit = true;
        private IsolationLevel isolation = IsolationLevel.READ_COMMITTED;
        private String user = DEFAULT_USER;
        private String password = "";
        private String schema;
        private long workMemBytes = DEFAULT_WORK_MEM_BYTES;

        private Builder() {
        }

        private Builder(DatabaseConfig c) {
            pageSize = c.pageSize;
            cacheSizeBytes = c.cacheSizeBytes;
            syncMode = c.syncMode;
            replacementPolicy = c.replacementPolicy;
            lockTimeoutMillis = c.lockTimeoutMillis;
            readOnly = c.readOnly;
            autovacuum = c.autovacuum;
            closeOnExit = c.closeOnExit;
            isolation = c.isolation;
            user = c.user;
            password = c.password;
            schema = c.schema;
            workMemBytes = c.workMemBytes;
        }

        /** Sets one option from its string form; see {@link DatabaseConfig} for names and values. */
        public Builder option(String name, String value) {
            String key = normalizeKey(name);
            if (value == null) {
                throw badValue(key, null, "a value is required");
            }
            String v = value.strip();
            switch (key) {
                case PAGE_SIZE:
                    return pageSize((int) parseLong(key, v, MIN_PAGE_SIZE, MAX_PAGE_SIZE,
                            "a power of two between 4096 and 65536 bytes"));
                case CACHE_SIZE:
                    return cacheSizeMiB(parseLong(key, v, 1, MAX_CACHE_MIB, "MiB between 1 and " + MAX_CACHE_MIB));
                case SYNC:
                    return syncMode(parseSync(v));
                case REPLACEMENT:
                    return replacementPolicy(parseReplacement(v));
                case LOCK_TIMEOUT:
                    return lockTimeoutMillis(parseLong(key, v, 0, Long.MAX_VALUE, "milliseconds, 0 or more"));
                case READ_ONLY:
                    return readOnly(parseBoolean(key, v));
                case AUTOVACUUM:
                    return autovacuum(parseBoolean(key, v));
                case CLOSE_ON_EXIT:
                    return closeOnExit(parseBoolean(key, v));
                case ISOLATION:
                    return isolation(parseIsolation(v));
                case USER:
                    return user(value);
                case PASSWORD:
                    return password(value);
                case SCHEMA:
                    return schema(v);
                case WORK_MEM:
                    return workMemBytes(parseWorkMem(v));
                default:
                    throw DbException.internal("option without a parser: " + key);
            }
        }

        /** Page size in bytes: a power of two in 4096..65536. */
        public Builder pageSize(int bytes) {
            if (bytes < MIN_PAGE_SIZE || bytes > MAX_PAGE_SIZE || Integer.bitCount(bytes) != 1) {
                throw badValue(PAGE_SIZE, bytes, "a power of two between 4096 and 65536 bytes");
            }
            this.pageSize = bytes;
            return this;
        }

        /** Buffer pool size in MiB, 1..1048576. */
        public Builder cacheSizeMiB(long mib) {
            if (mib < 1 || mib > MAX_CACHE_MIB) {
                throw badValue(CACHE_SIZE, mib, "MiB between 1 and " + MAX_CACHE_MIB);
            }
            this.cacheSizeBytes = mib * MIB;
            return this;
        }

        /** Buffer pool size in bytes: at least one page of the maximum size (64 KiB), at most 1 TiB. */
        public Builder cacheSizeBytes(long bytes) {
            if (bytes < MAX_PAGE_SIZE || bytes > MAX_CACHE_MIB * MIB) {
                throw badValue(CACHE_SIZE, bytes + " bytes", "between 65536 bytes and 1 TiB");
            }
            this.cacheSizeBytes = bytes;
            return this;
        }

        public Builder syncMode(SyncMode mode) {
            this.syncMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public Builder replacementPolicy(ReplacementPolicy policy) {
            this.replacementPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Lock wait limit in milliseconds, 0 or more (0: do not wait). */
        public Builder lockTimeoutMillis(long millis) {
            if (millis < 0) {
                throw badValue(LOCK_TIMEOUT, millis, "milliseconds, 0 or more");
            }
            this.lockTimeoutMillis = millis;
            return this;
        }

        /** Whether a JVM shutdown hook closes the database if it is still open. */
        public Builder closeOnExit(boolean on) {
            this.closeOnExit = on;
            return this;
        }

        /** Whether vacuum runs in the background. */
        public Builder autovacuum(boolean on) {
            this.autovacuum = on;
            return this;
        }

        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        public Builder isolation(IsolationLevel level) {
            this.isolation = Objects.requireNonNull(level, "level");
            return this;
        }

        /** User name: not blank. */
        public Builder user(String user) {
            if (user == null || user.isBlank()) {
                throw badValue(USER, user, "a non-empty user name");
            }
            this.user = user;
            return this;
        }

        /** Password: any string, empty for none. */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** The search path connections start with (null: the default), as SET search_path would read it. */
        public Builder schema(String schema) {
            if (schema != null && schema.isBlank()) {
                throw badValue(SCHEMA, schema, "a schema name, or names separated by commas");
            }
            this.schema = schema;
            return this;
        }

        /** The memory budget of each query in bytes: 64 KiB..2 TiB (see {@link #parseWorkMem}). */
        public Builder workMemBytes(long bytes) {
            if (bytes < MIN_WORK_MEM_KIB * 1024 || bytes > MAX_WORK_MEM_KIB * 1024) {
                throw badValue(WORK_MEM, bytes + " bytes", "between 64kB and 2147483647kB");
            }
            this.workMemBytes = bytes;
            return this;
        }

        public DatabaseConfig build() {
            return new DatabaseConfig(this);
        }

        private static long parseLong(String key, String v, long min, long max, String allowed) {
            long n;
            try {
                n = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw badValue(key, v, allowed);
            }
            if (n < min || n > max) {
                throw badValue(key, v, allowed);
            }
            return n;
        }

        private static SyncMode parseSync(String v) {
            for (SyncMode m : SyncMode.values()) {
                if (m.name().equalsIgnoreCase(v)) {
                    return m;
                }
            }
            throw badValue(SYNC, v, "full, normal or off");
        }

        private static ReplacementPolicy parseReplacement(String v) {
            for (ReplacementPolicy p : ReplacementPolicy.values()) {
                if (p.optionValue().equalsIgnoreCase(v) || p.name().equalsIgnoreCase(v)) {
                    return p;
                }
            }
            throw badValue(REPLACEMENT, v, "arc, clock, lru, 2q or lru-k");
        }

        private static boolean parseBoolean(String key, String v) {
            switch (v.toLowerCase(Locale.ROOT)) {
                case "true": case "yes": case "on": case "1":
                    return true;
                case "false": case "no": case "off": case "0":
                    return false;
                default:
                    throw badValue(key, v, "true or false");
            }
        }

        private static IsolationLevel parseIsolation(String v) {
            String n = v.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
            for (IsolationLevel l : IsolationLevel.values()) {
                if (l.name().equals(n)) {
                    return l;
                }
            }
            throw badValue(ISOLATION, v, "read_uncommitted, read_committed, repeatable_read or serializable");
        }
    }
}
