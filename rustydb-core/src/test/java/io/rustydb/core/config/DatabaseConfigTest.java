package io.rustydb.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.DbException;
import java.sql.Connection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseConfigTest {

    private static DbException assertSqlState(String state, Executable body) {
        DbException e = assertThrows(DbException.class, body);
        assertEquals(state, e.sqlState(), e.getMessage());
        return e;
    }

    private static DatabaseConfig of(String key, String value) {
        Map<String, String> m = new HashMap<>();
        m.put(key, value);
        return DatabaseConfig.fromOptions(m);
    }

    @Test
    void defaults() {
        DatabaseConfig c = DatabaseConfig.defaults();
        assertEquals(8192, c.pageSize());
        assertEquals(SyncMode.FULL, c.syncMode());
        assertEquals(ReplacementPolicy.ARC, c.replacementPolicy());
        assertEquals(10_000, c.lockTimeoutMillis());
        assertFalse(c.readOnly());
        assertEquals(IsolationLevel.READ_COMMITTED, c.isolation());
        assertEquals("sa", c.user());
        assertEquals("", c.password());
        long mib = 1024L * 1024;
        long expected = Math.min(1024, Math.max(16, Runtime.getRuntime().maxMemory() / 4 / mib)) * mib;
        assertEquals(expected, c.cacheSizeBytes());
        assertTrue(c.cacheSizeBytes() >= 16 * mib && c.cacheSizeBytes() <= 1024 * mib);
        assertEquals(c, DatabaseConfig.fromOptions(Map.of()));
        assertEquals(c, DatabaseConfig.builder().build());
    }

    @Test
    void optionNames() {
        assertEquals(Set.of("page_size", "cache_size", "sync", "replacement", "lock_timeout", "read_only", "isolation",
                "user", "password", "autovacuum", "close_on_exit", "schema", "work_mem"), DatabaseConfig.optionNames());
    }

    @Test
    void schemaOptionKeepsItsCaseAndRoundTrips() {
        assertEquals(null, DatabaseConfig.defaults().schema());
        DatabaseConfig c = DatabaseConfig.fromOptions(Map.of("SCHEMA", " \"App\", public "));
        assertEquals("\"App\", public", c.schema(), "values are stripped, their case kept");
        assertEquals(c, DatabaseConfig.fromOptions(c.toOptions()));
        assertFalse(c.equals(DatabaseConfig.defaults()));
        DbException blank = assertThrows(DbException.class, () -> DatabaseConfig.fromOptions(Map.of("schema", " ")));
        assertEquals("22023", blank.sqlState());
    }

    @Test
    void parsesEveryOption() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("PAGE_SIZE", "16384");
        m.put("cache_size", " 64 ");
        m.put("Sync", "NORMAL");
        m.put("replacement", "2q");
        m.put("lock_timeout", "0");
        m.put("read_only", "yes");
        m.put("isolation", "Repeatable Read");
        m.put("user", "Alice");
        m.put("password", " secret ");
        m.put("autovacuum", "off");
        m.put("close_on_exit", "false");
        m.put("Work_Mem", "4MB");
        DatabaseConfig c = DatabaseConfig.fromOptions(m);
        assertEquals(16384, c.pageSize());
        assertEquals(64L * 1024 * 1024, c.cacheSizeBytes());
        assertEquals(SyncMode.NORMAL, c.syncMode());
        assertEquals(ReplacementPolicy.TWO_Q, c.replacementPolicy());
        assertEquals(0, c.lockTimeoutMillis());
        assertTrue(c.readOnly());
        assertEquals(IsolationLevel.REPEATABLE_READ, c.isolation());
        assertEquals("Alice", c.user());
        assertEquals(" secret ", c.password());
        assertFalse(c.autovacuum());
        assertEquals(4L << 20, c.workMemBytes());
        assertEquals(64L << 20, DatabaseConfig.defaults().workMemBytes());
        assertTrue(DatabaseConfig.defaults().autovacuum());
        assertFalse(c.closeOnExit());
        assertTrue(DatabaseConfig.defaults().closeOnExit());
        assertEquals(c, DatabaseConfig.fromOptions(c.toOptions()));
        assertFalse(c.toString().contains("secret"), c.toString());
    }

    @ParameterizedTest
    @CsvSource({"4096", "8192", "16384", "32768", "65536"})
    void validPageSizes(int size) {
        assertEquals(size, of("page_size", Integer.toString(size)).pageSize());
    }

    @ParameterizedTest
    @CsvSource({"arc, ARC", "clock, CLOCK", "LRU, LRU", "2q, TWO_Q", "two_q, TWO_Q", "lru-k, LRU_K", "LRU_K, LRU_K"})
    void replacementPolicies(String value, ReplacementPolicy expected) {
        assertEquals(expected, of("replacement", value).replacementPolicy());
    }

    @ParameterizedTest
    @CsvSource({"full, FULL", "normal, NORMAL", "OFF, OFF"})
    void syncModes(String value, SyncMode expected) {
        assertEquals(expected, of("sync", value).syncMode());
    }

    @ParameterizedTest
    @CsvSource({"read_uncommitted, READ_UNCOMMITTED", "read_committed, READ_COMMITTED",
        "repeatable_read, REPEATABLE_READ", "serializable, SERIALIZABLE", "READ-COMMITTED, READ_COMMITTED"})
    void isolationLevels(String value, IsolationLevel expected) {
        assertEquals(expected, of("isolation", value).isolation());
        assertEquals(expected, IsolationLevel.fromJdbcLevel(expected.jdbcLevel()));
    }

    @Test
    void jdbcIsolationLevels() {
        assertEquals(Connection.TRANSACTION_SERIALIZABLE, IsolationLevel.SERIALIZABLE.jdbcLevel());
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, IsolationLevel.READ_COMMITTED.jdbcLevel());
        assertSqlState("22023", () -> IsolationLevel.fromJdbcLevel(Connection.TRANSACTION_NONE));
    }

    @ParameterizedTest
    @CsvSource({"true, true", "FALSE, false", "on, true", "off, false", "1, true", "0, false", "no, false"})
    void readOnlyValues(String value, boolean expected) {
        assertEquals(expected, of("read_only", value).readOnly());
    }

    @Test
    void unknownOption() {
        var e = assertSqlState("42704", () -> of("page_sise", "8192"));
        assertEquals("unrecognized configuration option \"page_sise\"", e.getMessage());
        assertSqlState("42704", () -> DatabaseConfig.builder().option("cache", "1"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "page_size|123", "page_size|8000", "page_size|2048", "page_size|131072", "page_size|abc", "page_size|",
        "page_size|8k", "cache_size|0", "cache_size|-5", "cache_size|1.5", "cache_size|9999999999",
        "sync|sometimes", "sync|", "replacement|mru", "lock_timeout|-1", "lock_timeout|soon",
        "read_only|maybe", "isolation|snapshot", "isolation|", "user|", "user|  ", "work_mem|63", "work_mem|32kB",
        "work_mem|abc", "work_mem|-1", "work_mem|1.5MB", "work_mem|4 MiB", "work_mem|2048GB", "work_mem|3PB",
        "work_mem|99999999999999999999", "work_mem|"})
    void badValues(String key, String value) {
        var e = assertSqlState("22023", () -> of(key, value == null ? "" : value));
        assertTrue(e.getMessage().startsWith("invalid value for option \"" + key + "\""), e.getMessage());
    }

    @Test
    void badValueMessage() {
        var e = assertSqlState("22023", () -> of("page_size", "123"));
        assertEquals("invalid value for option \"page_size\": \"123\" (a power of two between 4096 and 65536 bytes)",
                e.getMessage());
        assertSqlState("22023", () -> of("sync", null));
    }

    @Test
    void duplicateOptionInDifferentCase() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sync", "full");
        m.put("SYNC", "off");
        assertSqlState("22023", () -> DatabaseConfig.fromOptions(m));
    }

    @ParameterizedTest
    @CsvSource({"64, 65536", "64kB, 65536", "4096, 4194304", "4 MB, 4194304", "1gb, 1073741824",
        "2147483647kB, 2199023254528", "1TB, 1099511627776", "2047GB, 2197949513728"})
    void workMemSizes(String value, long bytes) {
        assertEquals(bytes, of("work_mem", value).workMemBytes());
        assertEquals(bytes, DatabaseConfig.parseWorkMem(value));
    }

    @Test
    void builderValidatesAndIsImmutable() {
        DatabaseConfig a = DatabaseConfig.builder().pageSize(4096).cacheSizeMiB(32).lockTimeoutMillis(5)
                .syncMode(SyncMode.OFF).replacementPolicy(ReplacementPolicy.LRU_K).readOnly(true)
                .isolation(IsolationLevel.SERIALIZABLE).user("bob").password("pw").build();
        DatabaseConfig b = a.toBuilder().pageSize(65536).build();
        assertEquals(4096, a.pageSize());
        assertEquals(65536, b.pageSize());
        assertEquals(a.toBuilder().build(), a);
        assertEquals(a.hashCode(), a.toBuilder().build().hashCode());
        assertFalse(a.equals(b));
        assertEquals(32L << 20, a.cacheSizeBytes());
        assertEquals(1L << 20, DatabaseConfig.builder().cacheSizeBytes(1L << 20).build().cacheSizeBytes());
        assertSqlState("22023", () -> DatabaseConfig.builder().pageSize(5000));
        assertSqlState("22023", () -> DatabaseConfig.builder().cacheSizeMiB(0));
        assertSqlState("22023", () -> DatabaseConfig.builder().cacheSizeBytes(1000));
        assertSqlState("22023", () -> DatabaseConfig.builder().lockTimeoutMillis(-1));
        assertSqlState("22023", () -> DatabaseConfig.builder().user(""));
        assertEquals(a, DatabaseConfig.fromOptions(a.toOptions()));
    }
}
