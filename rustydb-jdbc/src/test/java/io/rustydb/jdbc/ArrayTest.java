package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SQL arrays: types, literals, constructors, subscripts, operators, functions, ARRAY_AGG and JDBC access. */
class ArrayTest {
    private Connection c;
    private Statement s;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection(freshMemUrl("array"));
        s = c.createStatement();
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    /** The text form of the single value of {@code sql} (getString). */
    private String text(String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    private List<String> texts(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                out.add(String.join("|", row));
            }
        }
        return out;
    }

    private String state(String sql) {
        return assertThrows(SQLException.class, () -> {
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }, sql).getSQLState();
    }

    @Test
    void constructorsLiteralsAndTextForm() throws SQLException {
        assertEquals("{1,2,3}", text("SELECT ARRAY[1,2,3]"));
        assertEquals("{1,NULL,3}", text("SELECT ARRAY[1,NULL,3]"));
        assertEquals("{1.5,2}", text("SELECT ARRAY[1.5, 2]"));
        assertEquals("{a,\"b c\",\"\",\"NULL\",\"q\\\"x\",\"back\\\\slash\",NULL}",
                text("SELECT ARRAY['a', 'b c', '', 'NULL', 'q\"x', 'back\\slash', NULL]"));
        assertEquals("{t,f}", text("SELECT ARRAY[true, false]"));
        assertEquals("{1,2,3}", text("SELECT '{1,2,3}'::int[]"));
        assertEquals("{1,NULL,3}", text("SELECT CAST(' { 1 , null, 3 } ' AS INTEGER[])"));
        assertEquals("{\"a b\",c,NULL,\"NULL\"}", text("SELECT '{\"a b\", c ,NULL,\"NULL\"}'::text[]"));
        assertEquals("{}", text("SELECT '{}'::int[]"));
        assertEquals("{}", text("SELECT ARRAY[]::int[]"));
        assertEquals("{3,1}", text("SELECT ARRAY(SELECT x FROM (VALUES (3), (1)) v(x))"));
        assertEquals("{}", text("SELECT ARRAY(SELECT 1 WHERE false)"));
        assertEquals("{1,2}", text("SELECT CAST(ARRAY['1','2'] AS BIGINT[])"));
        assertEquals("{1,2}", text("SELECT CAST(ARRAY[1,2] AS TEXT)"));
        // errors
        assertEquals("22P02", state("SELECT '{1,2'::int[]"));
        assertEquals("22P02", state("SELECT '1,2'::int[]"));
        assertEquals("22P02", state("SELECT '{1,x}'::int[]"));
        assertEquals("22P02", state("SELECT '{1,2}x'::int[]"));
        assertEquals("0A000", state("SELECT '{{1,2},{3,4}}'::int[]"));
        assertEquals("0A000", state("SELECT ARRAY[ARRAY[1],ARRAY[2]]"));
        assertEquals("0A000", state("SELECT CAST(NULL AS INT[][])"));
        assertEquals("42804", state("SELECT ARRAY[1, 'a'::text]"));
        assertEquals("42804", state("SELECT ARRAY[1, DATE '2024-01-01']"));
    }

    @Test
    void columnsStoreAndReadArrays() throws SQLException {
        s.execute("CREATE TABLE t (id INT PRIMARY KEY, a INTEGER[], b TEXT[], c VARCHAR(3)[])");
        s.execute("INSERT INTO t VALUES (1, ARRAY[1,2,3], ARRAY['x','y'], '{ab,cd}'), (2, '{}', NULL, ARRAY[NULL]),"
                + " (3, ARRAY[NULL, 5]::int[], ARRAY['long text'], NULL)");
        assertEquals(List.of("1|{1,2,3}|{x,y}|{ab,cd}", "2|{}|null|{NULL}", "3|{NULL,5}|{\"long text\"}|null"),
                texts("SELECT * FROM t ORDER BY id"));
        assertEquals("22001", assertThrows(SQLException.class,
                () -> s.execute("INSERT INTO t VALUES (4, NULL, NULL, ARRAY['abcd'])")).getSQLState());
        assertEquals("42804", assertThrows(SQLException.class,
                () -> s.execute("INSERT INTO t VALUES (4, ARRAY[DATE '2024-01-01'], NULL, NULL)")).getSQLState());
        s.execute("UPDATE t SET a = a || 4 WHERE id = 1");
        assertEquals("{1,2,3,4}", text("SELECT a FROM t WHERE id = 1"));
        // a large array goes to overflow pages and comes back
        s.execute("INSERT INTO t SELECT 10, ARRAY(SELECT * FROM generate_series(1, 5000)), NULL, NULL");
        assertEquals("5000|12502500", texts("SELECT cardinality(a), (SELECT sum(x) FROM unnest(t.a) u(x)) FROM t"
                + " WHERE id = 10").get(0));
        try (ResultSet rs = s.executeQuery("SELECT a FROM t WHERE id = 1")) {
            assertEquals(Types.ARRAY, rs.getMetaData().getColumnType(1));
            assertEquals("INTEGER[]", rs.getMetaData().getColumnTypeName(1));
        }
    }

    @Test
    void subscriptsSlicesAndComparisons() throws SQLException {
        s.execute("CREATE TABLE t (id INT, a INT[])");
        s.execute("INSERT INTO t VALUES (1, ARRAY[10,20,30]), (2, ARRAY[5]), (3, NULL), (4, ARRAY[10,20])");
        assertEquals(List.of("1|10|30|null|null", "2|5|null|null|null", "3|null|null|null|null",
                "4|10|null|null|null"), texts("SELECT id, a[1], a[3], a[0], a[4] FROM t ORDER BY id"));
        assertEquals("{20,30}", text("SELECT a[2:3] FROM t WHERE id = 1"));
        assertEquals("{10}", text("SELECT a[0:1] FROM t WHERE id = 1"));
        assertEquals("{}", text("SELECT a[3:2] FROM t WHERE id = 1"));
        assertEquals("20", text("SELECT (ARRAY[10,20,30])[2]"));
        assertEquals(List.of("1", "4"), texts("SELECT id FROM t WHERE 20 = ANY(a) ORDER BY id"));
        assertEquals(List.of("2"), texts("SELECT id FROM t WHERE 20 <> ALL(a) ORDER BY id"));
        assertEquals(List.of("1", "2", "4"), texts("SELECT id FROM t WHERE id = ANY('{1,2,4}') ORDER BY id"));
        assertEquals(List.of("1", "4"), texts("SELECT id FROM t WHERE a > ARRAY[5] ORDER BY id"));
        assertEquals(List.of("2|{5}", "4|{10,20}", "1|{10,20,30}", "3|null"), texts("SELECT id, a FROM t ORDER BY a"));
        assertEquals("true", text("SELECT ARRAY[1,2] = ARRAY[1.0,2.0]"));
        assertEquals("true", text("SELECT ARRAY[1,NULL] < ARRAY[2]"));
        assertEquals("null", String.valueOf(text("SELECT 1 = ANY(ARRAY[2,NULL])")));
        assertEquals("false", text("SELECT 1 = ANY('{}'::int[])"));
        assertEquals("true", text("SELECT 1 <> ALL('{}'::int[])"));
        s.execute("INSERT INTO t VALUES (5, ARRAY[10,20]), (6, '{}'), (7, '{}')");
        assertEquals(List.of("null|1", "{}|2", "{5}|1", "{10,20}|2", "{10,20,30}|1"),
                texts("SELECT a, count(*) FROM t GROUP BY a ORDER BY a NULLS FIRST"));
        assertEquals("4", text("SELECT count(DISTINCT a) FROM t"));
        assertEquals("42804", state("SELECT id[1] FROM t"));
        assertEquals("42883", state("SELECT 'x' = ANY(a) FROM t"));
    }

    @Test
    void functions() throws SQLException {
        assertEquals("3|3|3|1|null|null", texts("SELECT array_length(ARRAY[1,2,3], 1), cardinality(ARRAY[1,2,3]),"
                + " array_upper(ARRAY[1,2,3], 1), array_lower(ARRAY[1,2,3], 1), array_length('{}'::int[], 1),"
                + " array_length(ARRAY[1], 2)").get(0));
        assertEquals("0", text("SELECT cardinality('{}'::int[])"));
        assertEquals("{1,2,3}|{0,1,2}|{1,2,3,4}|{1,2,NULL}", texts("SELECT array_append(ARRAY[1,2], 3),"
                + " array_prepend(0, ARRAY[1,2]), array_cat(ARRAY[1,2], ARRAY[3,4]), array_append(ARRAY[1,2], NULL)")
                .get(0));
        assertEquals("{1,2,3,4}|{0,1,2}|{1,2,3}|{1,2}", texts("SELECT ARRAY[1,2] || ARRAY[3,4], 0 || ARRAY[1,2],"
                + " ARRAY[1,2] || 3, ARRAY[1,2] || NULL").get(0));
        assertEquals("2|null|3|3", texts("SELECT array_position(ARRAY['a','b','a'], 'b'),"
                + " array_position(ARRAY[1,2], 3), array_position(ARRAY[1,2,1,1], 1, 3),"
                + " array_position(ARRAY[1,2,NULL], NULL)").get(0));
        assertEquals("{1,3}|{1,2}", texts("SELECT array_remove(ARRAY[1,2,3,2], 2), array_remove(ARRAY[1,NULL,2], NULL)")
                .get(0));
        assertEquals("1,2,3|1-*-3|a b", texts("SELECT array_to_string(ARRAY[1,2,NULL,3], ','),"
                + " array_to_string(ARRAY[1,NULL,3], '-', '*'), array_to_string(ARRAY['a','b'], ' ')").get(0));
        assertEquals("{a,b,c}|{a,NULL,c}|{x,y}|{abc}|{}", texts("SELECT string_to_array('a,b,c', ','),"
                + " string_to_array('a,*,c', ',', '*'), string_to_array('xy', NULL), string_to_array('abc', ''),"
                + " string_to_array('', ',')").get(0));
        assertEquals("1|[1:3]", texts("SELECT array_ndims(ARRAY[1,2,3]), array_dims(ARRAY[1,2,3])").get(0));
        assertEquals("42883", state("SELECT cardinality(1)"));
        assertEquals("42804", state("SELECT array_append(ARRAY[1], DATE '2024-01-01')"));
    }

    @Test
    void arrayAgg() throws SQLException {
        s.execute("CREATE TABLE t (g INT, x INT, name TEXT)");
        s.execute("INSERT INTO t VALUES (1, 3, 'c'), (1, 1, 'a'), (1, NULL, NULL), (2, 5, 'e'), (2, 5, 'e')");
        assertEquals(List.of("1|{1,3,NULL}|{c,a}", "2|{5,5}|{e}"), texts("SELECT g, array_agg(x ORDER BY x),"
                + " array_agg(DISTINCT name) FILTER (WHERE name IS NOT NULL) FROM t GROUP BY g ORDER BY g"));
        assertEquals("{NULL,3,1}", text("SELECT array_agg(x ORDER BY name DESC NULLS FIRST) FROM t WHERE g = 1"));
        assertNull(text("SELECT array_agg(x) FROM t WHERE false"));
        assertEquals(List.of("1|{1}", "3|{1,3}", "5|{1,3,5,5}", "5|{1,3,5,5}", "null|{1,3,5,5,NULL}"),
                texts("SELECT x, array_agg(x) OVER (ORDER BY x) FROM t ORDER BY x"));
    }

    @Test
    void tableFunctions() throws SQLException {
        assertEquals(List.of("1", "2", "3"), texts("SELECT * FROM generate_series(1, 3)"));
        assertEquals(List.of("10", "7", "4"), texts("SELECT * FROM generate_series(10, 2, -3) AS g"));
        assertEquals(List.of("0.5", "1.0", "1.5"), texts("SELECT * FROM generate_series(0.5, 1.5, 0.5)"));
        assertEquals(List.of("2147483646", "2147483647"),
                texts("SELECT * FROM generate_series(2147483646, 2147483647)"));
        assertEquals(List.of(), texts("SELECT * FROM generate_series(3, 1)"));
        assertEquals(List.of(), texts("SELECT * FROM generate_series(1, NULL)"));
        assertEquals(List.of("0", "1"), texts("SELECT * FROM range(2)"));
        assertEquals("6", text("SELECT sum(n) FROM generate_series(1, 3) AS g(n)"));
        assertEquals("6", text("SELECT sum(g) FROM generate_series(1, 3) g"));
        assertEquals("6", text("SELECT sum(g.generate_series) FROM generate_series(1, 3) g(generate_series)"));
        assertEquals(List.of("a|1", "b|2", "null|3"),
                texts("SELECT * FROM unnest(ARRAY['a','b',NULL]) WITH ORDINALITY AS u(x, n)"));
        assertEquals(List.of("1|x", "2|null"), texts("SELECT * FROM unnest(ARRAY[1,2], ARRAY['x']) u(a, b)"));
        assertEquals(List.of("1|one", "3|three"), texts("SELECT g.n, v.name FROM generate_series(1, 3) g(n)"
                + " JOIN (VALUES (1, 'one'), (3, 'three')) v(id, name) ON v.id = g.n ORDER BY g.n"));
        s.execute("CREATE TABLE t (id INT, tags TEXT[])");
        s.execute("INSERT INTO t VALUES (1, ARRAY['a','b']), (2, ARRAY['c'])");
        assertEquals(List.of("1|2", "2|1"),
                texts("SELECT id, (SELECT count(*) FROM unnest(t.tags)) FROM t ORDER BY id"));
        try (PreparedStatement p = c.prepareStatement("SELECT * FROM generate_series(1, ?)")) {
            p.setInt(1, 4);
            try (ResultSet rs = p.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertEquals(4, n);
            }
        }
        assertEquals("22023", state("SELECT * FROM generate_series(1, 3, 0)"));
        assertEquals("42883", state("SELECT * FROM generate_series('a', 'b')"));
        assertEquals("42883", state("SELECT * FROM unnest(1)"));
        assertEquals("0A000", state("SELECT generate_series(1, 3)"));
        assertEquals("0A000", state("SELECT unnest(ARRAY[1])"));
    }

    @Test
    void lateralFunctions() throws SQLException {
        s.execute("CREATE TABLE t (id INT, n INT, tags TEXT[])");
        s.execute("INSERT INTO t VALUES (1, 2, ARRAY['a','b']), (2, 0, '{}'), (3, 1, ARRAY['c', NULL])");
        assertEquals(List.of("1|a", "1|b", "3|c", "3|null"),
                texts("SELECT t.id, u.x FROM t, unnest(t.tags) AS u(x) ORDER BY 1, 2 NULLS LAST"));
        assertEquals(List.of("1|1", "1|2", "3|1"),
                texts("SELECT t.id, g FROM t CROSS JOIN LATERAL generate_series(1, t.n) g ORDER BY 1, 2"));
        assertEquals(List.of("1|a|1", "1|b|2", "2|null|null", "3|c|1", "3|null|2"),
                texts("SELECT t.id, u.x, u.i FROM t LEFT JOIN LATERAL unnest(tags) WITH ORDINALITY u(x, i) ON true"
                        + " ORDER BY 1, 3"));
        assertEquals(List.of("1|b"), texts("SELECT t.id, u.x FROM t JOIN unnest(t.tags) u(x) ON u.x > 'a'"
                + " AND t.id < 3"));
        assertEquals(List.of("1|2", "2|0", "3|2"), texts("SELECT id, (SELECT count(*) FROM (VALUES (1)) v(z),"
                + " unnest(t.tags) AS u) FROM t ORDER BY id"));
        assertEquals(List.of("a|4", "b|1", "c|1"), texts("SELECT x, count(*) FROM t, unnest(t.tags || 'a') u(x)"
                + " WHERE x IS NOT NULL GROUP BY x ORDER BY x"));
        assertEquals("0A000", state("SELECT * FROM t RIGHT JOIN unnest(t.tags) u ON true"));
        assertEquals("42703", state("SELECT * FROM t, unnest(t.nope) u"));
    }

    @Test
    void jdbcArrays() throws SQLException {
        s.execute("CREATE TABLE t (id INT, a INTEGER[], b TEXT[])");
        try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
            p.setInt(1, 1);
            p.setArray(2, c.createArrayOf("integer", new Object[] {1, null, 3}));
            p.setObject(3, new String[] {"x", "y z"});
            p.executeUpdate();
            p.setInt(1, 2);
            p.setObject(2, new int[] {7, 8});
            p.setArray(3, c.createArrayOf("text", new Object[0]));
            p.executeUpdate();
        }
        try (ResultSet rs = s.executeQuery("SELECT a, b FROM t ORDER BY id")) {
            assertTrue(rs.next());
            Array a = rs.getArray(1);
            assertEquals(Types.INTEGER, a.getBaseType());
            assertEquals("INTEGER", a.getBaseTypeName());
            assertArrayEquals(new Integer[] {1, null, 3}, (Integer[]) a.getArray());
            assertArrayEquals(new Integer[] {null, 3}, (Integer[]) a.getArray(2, 2));
            try (ResultSet elements = a.getResultSet()) {
                List<String> seen = new ArrayList<>();
                while (elements.next()) {
                    seen.add(elements.getInt(1) + "=" + elements.getObject(2));
                }
                assertEquals(List.of("1=1", "2=null", "3=3"), seen);
            }
            Object o = rs.getObject(2);
            assertTrue(o instanceof Array);
            assertArrayEquals(new String[] {"x", "y z"}, (String[]) ((Array) o).getArray());
            assertEquals("{x,\"y z\"}", rs.getString(2));
            assertTrue(rs.next());
            assertArrayEquals(new Integer[] {7, 8}, (Integer[]) rs.getArray(1).getArray());
            assertEquals(0, ((String[]) rs.getArray(2).getArray()).length);
        }
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM t WHERE 8 = ANY(?) OR id = ANY(?)")) {
            p.setArray(1, c.createArrayOf("int4", new Object[] {8}));
            p.setObject(2, new Integer[] {1});
            List<Object> ids = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1));
                }
            }
            assertEquals(List.of(1, 2), ids.stream().sorted().toList());
        }
        assertEquals("22P02", assertThrows(SQLException.class,
                () -> c.createArrayOf("integer", new Object[] {"x"})).getSQLState());
    }

    @Test
    void survivesReopen() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("rustydb-array");
        String url = "jdbc:rustydb:file:" + dir.resolve("db");
        try (Connection f = DriverManager.getConnection(url); Statement st = f.createStatement()) {
            st.execute("CREATE TABLE t (a VARCHAR(5)[], b DECIMAL(5,2)[])");
            st.execute("INSERT INTO t VALUES (ARRAY['a', NULL], ARRAY[1.5, 2])");
        }
        try (Connection f = DriverManager.getConnection(url); Statement st = f.createStatement();
             ResultSet rs = st.executeQuery("SELECT a, b FROM t")) {
            assertTrue(rs.next());
            assertEquals("{a,NULL}", rs.getString(1));
            assertEquals("{1.50,2.00}", rs.getString(2));
            assertEquals("VARCHAR(5)[]", rs.getMetaData().getColumnTypeName(1));
            assertEquals("DECIMAL(5,2)[]", rs.getMetaData().getColumnTypeName(2));
        }
    }
}
