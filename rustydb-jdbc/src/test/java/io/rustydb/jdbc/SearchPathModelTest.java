package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.connect;
import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Name resolution through the search path against a model: random schemas (some of which are dropped again, some
 * named on the path without existing), tables of a few shared names spread over them, random paths; every
 * unqualified SELECT must read the table of the first existing schema of the path that has one (or fail with 42P01),
 * {@code current_schema()} must be the first existing schema, and an unqualified CREATE TABLE must land there (or
 * fail with 3F000). Reproducible with {@code -Drustydb.seed=N}.
 */
class SearchPathModelTest {
    private static final String[] SCHEMAS = {"public", "s0", "s1", "s2", "s3", "s4", "ghost"};
    private static final String[] TABLES = {"t0", "t1", "t2", "t3"};

    @Test
    void unqualifiedNamesResolveAsTheModelSays() throws SQLException {
        long seed = Long.getLong("rustydb.seed", System.nanoTime());
        try {
            run(seed);
        } catch (AssertionError | SQLException e) {
            throw new AssertionError("seed " + seed + " (-Drustydb.seed=" + seed + "): " + e.getMessage(), e);
        }
    }

    private static void run(long seed) throws SQLException {
        Random random = new Random(seed);
        Map<String, Set<String>> model = new HashMap<>(); // existing schema -> its tables
        model.put("public", new HashSet<>());
        try (Connection c = connect(freshMemUrl("path_model")); Statement s = c.createStatement()) {
            for (int i = 1; i < SCHEMAS.length - 1; i++) { // "ghost" never exists
                s.execute("CREATE SCHEMA " + SCHEMAS[i]);
                model.put(SCHEMAS[i], new HashSet<>());
            }
            for (String schema : model.keySet()) {
                for (String table : TABLES) {
                    if (random.nextInt(3) == 0) {
                        s.execute("CREATE TABLE " + schema + "." + table + " (v VARCHAR)");
                        s.execute("INSERT INTO " + schema + "." + table + " VALUES ('" + schema + "')");
                        model.get(schema).add(table);
                    }
                }
            }
            for (int round = 0; round < 60; round++) {
                if (random.nextInt(10) == 0) { // drop a schema with what is in it
                    String doomed = SCHEMAS[1 + random.nextInt(SCHEMAS.length - 2)];
                    s.execute("DROP SCHEMA IF EXISTS " + doomed + " CASCADE");
                    model.remove(doomed);
                }
                List<String> path = new ArrayList<>();
                for (int n = random.nextInt(4); n >= 0; n--) {
                    path.add(SCHEMAS[random.nextInt(SCHEMAS.length)]);
                }
                s.execute("SET search_path TO " + String.join(", ", path));
                List<String> existing = new ArrayList<>();
                for (String schema : path) {
                    if (model.containsKey(schema) && !existing.contains(schema)) {
                        existing.add(schema);
                    }
                }
                assertEquals(existing.isEmpty() ? null : existing.get(0), value(s, "SELECT current_schema()"),
                        "current_schema() with path " + path);
                for (String table : TABLES) {
                    String expected = null;
                    for (String schema : existing) {
                        if (model.get(schema).contains(table)) {
                            expected = schema;
                            break;
                        }
                    }
                    String sql = "SELECT v FROM " + table;
                    if (expected == null) {
                        JdbcTestSupport.fails(s, sql, "42P01");
                    } else {
                        assertEquals(expected, value(s, sql), sql + " with path " + path);
                    }
                }
                String created = "n" + round;
                if (existing.isEmpty()) {
                    JdbcTestSupport.fails(s, "CREATE TABLE " + created + " (v VARCHAR)", "3F000");
                } else {
                    s.execute("CREATE TABLE " + created + " (v VARCHAR)");
                    assertEquals(existing.get(0), value(s, "SELECT table_schema FROM information_schema.tables "
                            + "WHERE table_name = '" + created + "'"), "CREATE TABLE with path " + path);
                    s.execute("DROP TABLE " + created);
                }
            }
        }
    }

    private static String value(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertEquals(true, rs.next(), sql);
            String v = rs.getString(1);
            assertEquals(false, rs.next(), sql);
            return v;
        }
    }
}
