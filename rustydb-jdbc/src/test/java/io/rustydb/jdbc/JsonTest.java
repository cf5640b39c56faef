package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.column;
import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON and JSONB through SQL and JDBC: storage, operators, functions, aggregates, casts, metadata and errors. */
class JsonTest {
    private static Connection open(String hint) throws SQLException {
        return DriverManager.getConnection(freshMemUrl(hint));
    }

    private static String sqlState(Statement s, String sql) {
        return assertThrows(SQLException.class, () -> {
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }, sql).getSQLState();
    }

    @Test
    void jsonKeepsTextJsonbNormalizes() throws SQLException {
        try (Connection c = open("jsonstore"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE docs (id INT PRIMARY KEY, j JSON, b JSONB)");
            s.execute("INSERT INTO docs VALUES (1, '{\"b\": 1,  \"a\": [1, 2], \"b\": 2}', "
                    + "'{\"bb\": 1,  \"a\": [1, 2.50, 1e2], \"bb\": 2, \"c\": {}}')");
            s.execute("INSERT INTO docs VALUES (2, 'null', '\"text\"')");
            s.execute("INSERT INTO docs VALUES (3, NULL, NULL)");
            assertEquals(List.of("{\"b\": 1,  \"a\": [1, 2], \"b\": 2}", "null"),
                    column(c, "SELECT j FROM docs WHERE j IS NOT NULL ORDER BY id"));
            // jsonb: last duplicate wins, keys by length then bytes, numbers as numeric, PostgreSQL's spacing
            assertEquals("{\"a\": [1, 2.50, 100], \"c\": {}, \"bb\": 2}", scalar(c, "SELECT b FROM docs WHERE id = 1"));
            assertEquals("\"text\"", scalar(c, "SELECT b FROM docs WHERE id = 2"));
            try (ResultSet rs = s.executeQuery("SELECT j, b FROM docs WHERE id = 1")) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals(Types.OTHER, md.getColumnType(1));
                assertEquals("JSON", md.getColumnTypeName(1));
                assertEquals("JSONB", md.getColumnTypeName(2));
                assertEquals(String.class.getName(), md.getColumnClassName(2));
                assertTrue(rs.next());
                assertEquals(String.class, rs.getObject(2).getClass());
                assertEquals(rs.getString(2), rs.getObject(2));
            }
        }
    }

    @Test
    void invalidJsonIs22P02() throws SQLException {
        try (Connection c = open("jsonbad"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (j JSON, b JSONB)");
            for (String bad : new String[] {"{", "{a:1}", "[1,]", "'x'", "", "1 2", "NaN", "{\"a\" 1}", "01", "[1] x",
                "\"\\ud800\"", "{\"\\udc00x\": 1}", "1.", "[1 2]", "{\"a\":1,}"}) {
                String literal = "'" + bad.replace("'", "''") + "'";
                SQLException e = assertThrows(SQLException.class,
                        () -> s.execute("INSERT INTO t (j) VALUES (" + literal + ")"), bad);
                assertEquals("22P02", e.getSQLState(), bad + ": " + e.getMessage());
                assertTrue(e.getMessage().contains("invalid input syntax for type json"), e.getMessage());
                assertEquals("22P02", sqlState(s, "SELECT CAST(" + literal + " AS JSONB)"), bad);
            }
            // PostgreSQL's text cannot hold NUL: jsonb rejects the escape of NUL, json keeps its text as given
            assertEquals("22P02", sqlState(s, "SELECT CAST('\"a\\u0000\"' AS JSONB)"));
            assertEquals("\"a\\u0000\"", scalar(c, "SELECT CAST('\"a\\u0000\"' AS JSON)"));
            String deep = "[".repeat(2000) + "]".repeat(2000);
            assertEquals("54000", assertThrows(SQLException.class,
                    () -> s.execute("INSERT INTO t (b) VALUES ('" + deep + "')")).getSQLState());
            assertEquals(0L, scalar(c, "SELECT COUNT(*) FROM t"));
        }
    }

    @Test
    void arrowOperators() throws SQLException {
        try (Connection c = open("jsonarrow"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT, j JSON, b JSONB)");
            String doc = "{\"a\": {\"b\": [10, \"x\", null, {\"c\": true}]}, \"s\": \"q\\\"uote\", \"n\": null}";
            s.execute("INSERT INTO t VALUES (1, '" + doc + "', '" + doc + "')");
            for (String col : new String[] {"j", "b"}) {
                assertEquals("10", scalar(c, "SELECT " + col + "->'a'->'b'->>0 FROM t"), col);
                assertEquals("x", scalar(c, "SELECT " + col + "->'a'->'b'->>-3 FROM t"), col);
                assertEquals("q\"uote", scalar(c, "SELECT " + col + "->>'s' FROM t"), col);
                assertNull(scalar(c, "SELECT " + col + "->>'n' FROM t"), col);
                assertEquals("null", scalar(c, "SELECT " + col + "->'n' FROM t"), col);
                assertNull(scalar(c, "SELECT " + col + "->'missing' FROM t"), col);
                assertNull(scalar(c, "SELECT " + col + "->0 FROM t"), col);
                assertNull(scalar(c, "SELECT " + col + "->'a'->'b'->>10 FROM t"), col);
                assertEquals("true", scalar(c, "SELECT " + col + " #>> '{a,b,3,c}' FROM t"), col);
                assertEquals("{\"c\": true}", scalar(c, "SELECT " + col + " #> '{a,b,-1}' FROM t"), col);
                assertNull(scalar(c, "SELECT " + col + " #> '{a,x}' FROM t"), col);
                // precedence: the operators bind tighter than comparison and looser than ||'s left operand
                assertEquals(1, scalar(c, "SELECT id FROM t WHERE " + col + "->'a'->'b'->>1 = 'x'"), col);
                assertEquals("x!", scalar(c, "SELECT " + col + "->'a'->'b'->>1 || '!' FROM t"), col);
                assertEquals(true, scalar(c, "SELECT " + col + "->>'s' LIKE 'q%' AND " + col + "->>'n' IS NULL FROM t"));
                assertEquals(11, scalar(c, "SELECT CAST(" + col + "->'a'->'b'->>0 AS INT) + 1 FROM t"), col);
                assertEquals("10", scalar(c, "SELECT json_extract_path_text(" + (col.equals("b") ? "b::json" : col)
                        + ", 'a', 'b', '0') FROM t"));
            }
            // json keeps the selected text as written; jsonb gives its canonical text
            s.execute("INSERT INTO t VALUES (2, '{\"a\": [1,   2.0]}', '{\"a\": [1,   2.0]}')");
            assertEquals("[1,   2.0]", scalar(c, "SELECT j->'a' FROM t WHERE id = 2"));
            assertEquals("[1, 2.0]", scalar(c, "SELECT b->'a' FROM t WHERE id = 2"));
            assertEquals("2.0", scalar(c, "SELECT (b->'a')->>1 FROM t WHERE id = 2"));
            try (PreparedStatement p = c.prepareStatement("SELECT b->>? FROM t WHERE id = ?")) {
                p.setString(1, "a");
                p.setInt(2, 2);
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("[1, 2.0]", rs.getString(1));
                }
            }
        }
    }

    @Test
    void jsonbOperators() throws SQLException {
        try (Connection c = open("jsonbops"); Statement s = c.createStatement()) {
            assertEquals(true, scalar(c, "SELECT '{\"a\":1,\"b\":[1,2,{\"c\":3}]}'::jsonb @> '{\"b\":[{\"c\":3}]}'"));
            assertEquals(false, scalar(c, "SELECT '{\"a\":1}'::jsonb @> '{\"a\":[1]}'"));
            assertEquals(true, scalar(c, "SELECT '[\"x\", 2]'::jsonb @> '\"x\"'"));
            assertEquals(false, scalar(c, "SELECT '\"x\"'::jsonb @> '[\"x\"]'"));
            assertEquals(true, scalar(c, "SELECT '{\"a\":1}'::jsonb <@ '{\"a\":1,\"b\":2}'"));
            assertEquals(true, scalar(c, "SELECT '{\"a\":1}'::jsonb ? 'a'"));
            assertEquals(true, scalar(c, "SELECT '[\"a\", \"b\"]'::jsonb ? 'b'"));
            assertEquals(false, scalar(c, "SELECT '{\"x\":{\"a\":1}}'::jsonb ? 'a'"));
            assertEquals(true, scalar(c, "SELECT '{\"a\":1, \"b\":2}'::jsonb ?| '{c,b}'"));
            assertEquals(false, scalar(c, "SELECT '{\"a\":1, \"b\":2}'::jsonb ?& '{a,c}'"));
            assertEquals(true, scalar(c, "SELECT '{\"a\":1, \"b\":2}'::jsonb ?& '{a,b}'"));
            assertEquals("{\"a\": 1, \"b\": 3, \"c\": 4}", scalar(c, "SELECT '{\"a\":1,\"b\":2}'::jsonb || '{\"b\":3,\"c\":4}'"));
            assertEquals("[1, 2, 3]", scalar(c, "SELECT '[1,2]'::jsonb || '3'::jsonb"));
            assertEquals("[{\"a\": 1}, 5]", scalar(c, "SELECT '{\"a\":1}'::jsonb || '5'::jsonb"));
            assertEquals("{\"b\": 2}", scalar(c, "SELECT '{\"a\":1,\"b\":2}'::jsonb - 'a'"));
            assertEquals("[\"b\"]", scalar(c, "SELECT '[\"a\",\"b\",\"a\"]'::jsonb - 'a'"));
            assertEquals("[1, 3]", scalar(c, "SELECT '[1,2,3]'::jsonb - 1"));
            assertEquals("[1, 2]", scalar(c, "SELECT '[1,2,3]'::jsonb - -1"));
            assertEquals("{\"a\": {\"c\": 2}}", scalar(c, "SELECT '{\"a\":{\"b\":1,\"c\":2}}'::jsonb #- '{a,b}'"));
            // ?? is the key-exists operator in a prepared statement, next to real parameters
            s.execute("CREATE TABLE t (id INT, b JSONB)");
            s.execute("INSERT INTO t VALUES (1, '{\"k\": 1}'), (2, '{\"m\": 2}'), (3, '[\"k\"]')");
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM t WHERE b ?? ? AND id > ? ORDER BY id")) {
                p.setString(1, "k");
                p.setInt(2, 0);
                try (ResultSet rs = p.executeQuery()) {
                    List<Integer> ids = new ArrayList<>();
                    while (rs.next()) {
                        ids.add(rs.getInt(1));
                    }
                    assertEquals(List.of(1, 3), ids);
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM t WHERE b @> ?::jsonb")) {
                p.setString(1, "{\"m\": 2}");
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(2, rs.getInt(1));
                }
            }
            assertEquals("22023", sqlState(s, "SELECT '1'::jsonb - 'a'"));
            assertEquals("22023", sqlState(s, "SELECT '{\"a\":1}'::jsonb - 0"));
            assertEquals("22023", sqlState(s, "SELECT '5'::jsonb #- '{a}'"));
            assertEquals("22P02", sqlState(s, "SELECT '[1]'::jsonb #- '{x}'"));
            assertEquals("22P02", sqlState(s, "SELECT '[1]'::jsonb #> '{a'"));
            assertEquals("42883", sqlState(s, "SELECT '{}'::json @> '{}'::json"));
            assertEquals("42883", sqlState(s, "SELECT '{}'::json ? 'a'"));
            assertEquals("42883", sqlState(s, "SELECT 1 -> 'a'"));
        }
    }

    @Test
    void equalityOrderingAndGrouping() throws SQLException {
        try (Connection c = open("jsoneq"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT, b JSONB, j JSON)");
            s.execute("INSERT INTO t VALUES (1, '{\"a\":1.0}', '1'), (2, '{\"a\":1}', '1'), (3, '[]', '1'), "
                    + "(4, '1', '1'), (5, '[1]', '1'), (6, 'null', '1'), (7, '{\"a\":1,\"b\":0}', '1'), (8, '\"s\"', '1')");
            assertEquals(true, scalar(c, "SELECT '{\"a\":1.0, \"b\":[]}'::jsonb = '{\"b\":[], \"a\":1}'::jsonb"));
            assertEquals(7L, scalar(c, "SELECT COUNT(DISTINCT b) FROM t"));
            assertEquals(List.of(3, 6, 8, 4, 5, 1, 7), column(c,
                    "SELECT MIN(id) FROM t GROUP BY b ORDER BY b, MIN(id)"));
            assertEquals(List.of(1, 2), column(c, "SELECT id FROM t WHERE b = '{\"a\": 1}' ORDER BY id"));
            assertEquals("42883", sqlState(s, "SELECT j = j FROM t"));
            assertEquals("42883", sqlState(s, "SELECT id FROM t WHERE j = '1'"));
            assertEquals("42883", sqlState(s, "SELECT id FROM t ORDER BY j"));
            assertEquals("42883", sqlState(s, "SELECT j, COUNT(*) FROM t GROUP BY j"));
            assertEquals("42883", sqlState(s, "SELECT DISTINCT j FROM t"));
        }
    }

    @Test
    void functions() throws SQLException {
        try (Connection c = open("jsonfn"); Statement s = c.createStatement()) {
            assertEquals("{\"a\" : 1, \"b\" : \"x\", \"c\" : null, \"d\" : [1, 2]}",
                    scalar(c, "SELECT json_build_object('a', 1, 'b', 'x', 'c', NULL, 'd', json_build_array(1, 2))"));
            assertEquals("{\"a\": 1, \"b\": \"x\", \"c\": null, \"d\": [1, 2]}",
                    scalar(c, "SELECT jsonb_build_object('b', 'x', 'a', 1, 'd', jsonb_build_array(1, 2), 'c', NULL)"));
            assertEquals("[1, \"a\", true, null, 2.50]", scalar(c, "SELECT json_build_array(1, 'a', TRUE, NULL, 2.50)"));
            assertEquals("[]", scalar(c, "SELECT jsonb_build_array()"));
            assertEquals("\"a\\\"b\"", scalar(c, "SELECT to_json('a\"b')"));
            assertEquals("\"2024-01-02T03:04:05\"", scalar(c, "SELECT to_json(TIMESTAMP '2024-01-02 03:04:05')"));
            assertEquals("\"2024-01-02\"", scalar(c, "SELECT to_jsonb(DATE '2024-01-02')"));
            assertEquals("1.5", scalar(c, "SELECT to_jsonb(1.5)"));
            assertEquals("\"NaN\"", scalar(c, "SELECT to_json(CAST('NaN' AS DOUBLE PRECISION))"));
            assertEquals("object", scalar(c, "SELECT jsonb_typeof('{}')"));
            assertEquals("number", scalar(c, "SELECT json_typeof('-1.5e3')"));
            assertEquals(3, scalar(c, "SELECT jsonb_array_length('[1,[2],3]')"));
            assertEquals("22023", sqlState(s, "SELECT json_array_length('{}')"));
            assertEquals("22023", sqlState(s, "SELECT jsonb_array_length('1')"));
            assertEquals("{\n    \"a\": [\n        1,\n        {}\n    ],\n    \"b\": []\n}",
                    scalar(c, "SELECT jsonb_pretty('{\"b\":[],\"a\":[1,{}]}')"));
            assertEquals("{\"a\": {\"b\": 9}}", scalar(c, "SELECT jsonb_set('{\"a\":{\"b\":1}}', '{a,b}', '9')"));
            assertEquals("{\"a\": {\"b\": 1, \"c\": 9}}", scalar(c, "SELECT jsonb_set('{\"a\":{\"b\":1}}', '{a,c}', '9')"));
            assertEquals("{\"a\": {\"b\": 1}}", scalar(c, "SELECT jsonb_set('{\"a\":{\"b\":1}}', '{a,c}', '9', false)"));
            assertEquals("[0, 1, 2, 3]", scalar(c, "SELECT jsonb_set('[1,2]', '{-9}', '0') || '3'::jsonb"));
            assertEquals("22023", sqlState(s, "SELECT jsonb_set('1', '{a}', '2')"));
            assertEquals("22P02", sqlState(s, "SELECT jsonb_set('[1]', '{a}', '2')"));
            assertEquals("{\"a\": [null, {}]}", scalar(c, "SELECT jsonb_strip_nulls('{\"a\":[null,{\"x\":null}],\"b\":null}')"));
            assertEquals("22023", sqlState(s, "SELECT json_build_object('a')"));
            assertEquals("22004", sqlState(s, "SELECT json_build_object(NULL, 1)"));
            assertEquals("42883", sqlState(s, "SELECT jsonb_typeof(CAST('1' AS JSON))"));
        }
    }

    @Test
    void aggregates() throws SQLException {
        try (Connection c = open("jsonagg"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (g INT, k VARCHAR(5), v INT)");
            s.execute("INSERT INTO t VALUES (1, 'a', 1), (1, 'b', NULL), (2, 'c', 3), (1, 'a', 4)");
            assertEquals(List.of("[1, 4, null]", "[3]"), column(c, "SELECT json_agg(v ORDER BY k, v) FROM t GROUP BY g ORDER BY g"));
            assertEquals("[{\"k\": \"a\"}, {\"k\": \"a\"}, {\"k\": \"b\"}, {\"k\": \"c\"}]",
                    scalar(c, "SELECT jsonb_agg(jsonb_build_object('k', k) ORDER BY k) FROM t"));
            assertEquals("{ \"a\" : 1, \"a\" : 4, \"b\" : null }",
                    scalar(c, "SELECT json_object_agg(k, v ORDER BY v NULLS LAST) FROM t WHERE g = 1"));
            assertEquals("{\"a\": 4, \"b\": null}",
                    scalar(c, "SELECT jsonb_object_agg(k, v ORDER BY v) FROM t WHERE g = 1"));
            assertNull(scalar(c, "SELECT json_agg(v) FROM t WHERE g = 9"));
            assertEquals(List.of("[1]", "[1, 4]", "[1, 4, null]", "[1, 4, null, 3]"), column(c,
                    "SELECT json_agg(v) OVER (ORDER BY k, v ROWS UNBOUNDED PRECEDING) FROM t ORDER BY k, v"));
            assertEquals(List.of("[1, 4]", "[1, 4]", "[null]", "[3]"), column(c,
                    "SELECT CAST(jsonb_agg(v) OVER (PARTITION BY k) AS TEXT) FROM t ORDER BY k, v"));
            assertEquals("22004", sqlState(s, "SELECT json_object_agg(NULL, v) FROM t"));
        }
    }

    @Test
    void castsAndAssignment() throws SQLException {
        try (Connection c = open("jsoncast"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT, j JSON, b JSONB, txt VARCHAR(100))");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?)")) {
                p.setInt(1, 1);
                p.setObject(2, "{\"z\": 1, \"a\": 2}", Types.OTHER);
                p.setString(3, "{\"z\": 1, \"a\": 2}");
                p.setString(4, "x");
                p.executeUpdate();
                p.setInt(1, 2);
                p.setObject(2, "{oops", Types.OTHER);
                assertEquals("22P02", assertThrows(SQLException.class, p::executeUpdate).getSQLState());
            }
            assertEquals("{\"z\": 1, \"a\": 2}", scalar(c, "SELECT j FROM t"));
            assertEquals("{\"a\": 2, \"z\": 1}", scalar(c, "SELECT CAST(j AS JSONB) FROM t"));
            assertEquals("{\"a\": 2, \"z\": 1}", scalar(c, "SELECT b::json FROM t"));
            assertEquals("{\"a\": 2, \"z\": 1}", scalar(c, "SELECT b::text FROM t"));
            assertEquals(2, scalar(c, "SELECT (b->'a')::int FROM t"));
            assertEquals(true, scalar(c, "SELECT CAST('true'::jsonb AS BOOLEAN)"));
            assertEquals("22023", sqlState(s, "SELECT ('\"x\"'::jsonb)::int"));
            assertEquals("42804", sqlState(s, "SELECT CAST(1 AS JSON)"));
            s.execute("UPDATE t SET txt = b, b = j");
            assertEquals("{\"a\": 2, \"z\": 1}", scalar(c, "SELECT txt FROM t"));
            assertEquals("42804", assertThrows(SQLException.class,
                    () -> s.execute("UPDATE t SET b = id")).getSQLState());
        }
    }

    @Test
    void viewsConstraintsDefaultsAndDistinct() throws SQLException {
        try (Connection c = open("jsonddl"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, b JSONB DEFAULT '{\"v\": 0}' "
                    + "CHECK (b ? 'v'), tags JSONB DEFAULT '[]')");
            s.execute("INSERT INTO t (id) VALUES (1)");
            s.execute("INSERT INTO t VALUES (2, '{\"v\": 2, \"w\": 1}', '[\"x\"]')");
            s.execute("INSERT INTO t VALUES (3, '{\"w\": 1, \"v\": 2}', '[\"y\", \"x\"]')");
            assertEquals("23514", assertThrows(SQLException.class,
                    () -> s.execute("INSERT INTO t VALUES (4, '{\"w\": 1}', '[]')")).getSQLState());
            s.execute("CREATE VIEW v AS SELECT id, b->>'v' AS v, tags @> '[\"x\"]' AS has_x FROM t");
            assertEquals(List.of("0", "2", "2"), column(c, "SELECT v FROM v ORDER BY id"));
            assertEquals(List.of(false, true, true), column(c, "SELECT has_x FROM v ORDER BY id"));
            assertEquals(2L, scalar(c, "SELECT COUNT(*) FROM (SELECT DISTINCT b FROM t) d"));
            s.execute("ALTER TABLE t ADD COLUMN extra JSON DEFAULT '{\"a\" : 1}'");
            assertEquals("{\"a\" : 1}", scalar(c, "SELECT extra FROM t WHERE id = 1"));
            s.execute("UPDATE t SET b = b || jsonb_build_object('n', id) WHERE id > 1");
            assertEquals(List.of("{\"v\": 0}", "{\"n\": 2, \"v\": 2, \"w\": 1}", "{\"n\": 3, \"v\": 2, \"w\": 1}"),
                    column(c, "SELECT b FROM t ORDER BY id"));
        }
    }

    @Test
    void metadataListsJsonTypes() throws SQLException {
        try (Connection c = open("jsonmeta")) {
            DatabaseMetaData md = c.getMetaData();
            List<String> names = new ArrayList<>();
            try (ResultSet rs = md.getTypeInfo()) {
                while (rs.next()) {
                    if (rs.getInt("DATA_TYPE") == Types.OTHER) {
                        names.add(rs.getString("TYPE_NAME"));
                    }
                }
            }
            assertTrue(names.containsAll(List.of("JSON", "JSONB")), names.toString());
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (j JSON, b JSONB)");
                assertEquals(List.of("json", "jsonb"), column(c,
                        "SELECT data_type FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position"));
            }
        }
    }

    @Test
    void survivesReopenAndLargeValues(@TempDir Path dir) throws SQLException {
        String url = "jdbc:rustydb:file:" + dir.resolve("db");
        StringBuilder big = new StringBuilder("{\"items\": [");
        for (int i = 0; i < 20000; i++) {
            big.append(i == 0 ? "" : ", ").append("{\"n\": ").append(i).append('}');
        }
        big.append("]}");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, j JSON, b JSONB)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
                p.setInt(1, 1);
                p.setString(2, big.toString());
                p.setString(3, big.toString());
                p.executeUpdate();
                p.setInt(1, 2);
                p.setString(2, "{\"x\" :1}");
                p.setString(3, "{\"x\" :1}");
                p.executeUpdate();
            }
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(big.toString(), scalar(c, "SELECT j FROM t WHERE id = 1"));
            assertEquals("19999", scalar(c, "SELECT b->'items'->-1->>'n' FROM t WHERE id = 1"));
            assertEquals("{\"x\" :1}", scalar(c, "SELECT j FROM t WHERE id = 2"));
            assertEquals("{\"x\": 1}", scalar(c, "SELECT b FROM t WHERE id = 2"));
            assertTrue(Files.exists(dir.resolve("db")) || Files.exists(dir));
        }
    }

    @Test
    void pathsMayBeTextArrays() throws SQLException {
        try (Connection c = open("jsonarraypath")) {
            assertEquals("2", scalar(c, "SELECT '{\"a\": {\"b\": [1, 2]}}'::jsonb #>> ARRAY['a', 'b', '1']"));
            assertEquals("[1, 2]", scalar(c, "SELECT '{\"a\": {\"b\": [1, 2]}}'::jsonb #> ARRAY['a', 'b']"));
            assertEquals("true", String.valueOf(scalar(c, "SELECT '{\"a\": 1, \"b\": 2}'::jsonb ?& ARRAY['a', 'b']")));
        }
    }

    @Test
    void setReturningJsonFunctionsInFrom() throws SQLException {
        try (Connection c = open("jsonsrf"); Statement s = c.createStatement()) {
            assertEquals(java.util.List.of(java.util.List.of("1"), java.util.List.of("\"a\""), java.util.List.of("null")),
                    JdbcTestSupport.rows(c, "SELECT CAST(value AS TEXT) FROM jsonb_array_elements('[1, \"a\", null]')"));
            assertEquals(java.util.Arrays.asList(java.util.List.of("1"), java.util.List.of("a"),
                    java.util.Arrays.asList((Object) null)),
                    JdbcTestSupport.rows(c, "SELECT value FROM json_array_elements_text('[1, \"a\", null]')"));
            assertEquals(java.util.List.of(java.util.List.of("a", "1"), java.util.List.of("b", "x")),
                    JdbcTestSupport.rows(c, "SELECT key, value FROM jsonb_each_text('{\"b\": \"x\", \"a\": 1}')"
                            + " ORDER BY key"));
            assertEquals(java.util.List.of(java.util.List.of("a"), java.util.List.of("b")),
                    JdbcTestSupport.rows(c, "SELECT * FROM json_object_keys('{\"a\": 1, \"b\": 2}') k ORDER BY 1"));
            s.execute("CREATE TABLE docs (id INTEGER, body JSONB)");
            s.execute("INSERT INTO docs VALUES (1, '{\"tags\": [\"x\", \"y\"]}'), (2, '{\"tags\": [\"z\"]}')");
            assertEquals(java.util.List.of(java.util.List.of(1, "x"), java.util.List.of(1, "y"), java.util.List.of(2, "z")),
                    JdbcTestSupport.rows(c, "SELECT d.id, t FROM docs d, jsonb_array_elements_text(d.body -> 'tags') t"
                            + " ORDER BY 1, 2"));
            assertEquals("22023", sqlState(s, "SELECT * FROM jsonb_array_elements('{\"a\": 1}')"));
            assertEquals("22023", sqlState(s, "SELECT * FROM jsonb_each('[1]')"));
            assertEquals(0, JdbcTestSupport.rows(c, "SELECT * FROM jsonb_each(NULL)").size());
        }
    }
}
