package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code getGeneratedKeys} after INSERT: identity and SERIAL values for {@code RETURN_GENERATED_KEYS} (else the
 * primary key, else every column), chosen columns by name or position, multi-row inserts and batches, and an empty
 * result where nothing was asked or nothing was inserted.
 */
class GeneratedKeysTest {
    private static int counter;

    private static Connection memory() throws SQLException {
        return DriverManager.getConnection("jdbc:rustydb:mem:genkeys" + (++counter));
    }

    private static List<String> keys(Statement s) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet r = s.getGeneratedKeys()) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? "|" : "").append(r.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    @Test
    void identityValuesComeBackForSingleAndMultiRowInserts() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name VARCHAR(10))");
            assertEquals(1, s.executeUpdate("INSERT INTO t (name) VALUES ('a')", Statement.RETURN_GENERATED_KEYS));
            assertEquals(List.of("1"), keys(s));
            try (ResultSet r = s.getGeneratedKeys()) {
                assertEquals("id", r.getMetaData().getColumnName(1).toLowerCase());
            }
            s.executeUpdate("INSERT INTO t (name) VALUES ('b'), ('c')", Statement.RETURN_GENERATED_KEYS);
            assertEquals(List.of("2", "3"), keys(s));
            s.executeUpdate("INSERT INTO t (name) VALUES ('d')");
            assertEquals(List.of(), keys(s), "not asked for: empty");
            s.executeUpdate("INSERT INTO t (name) VALUES ('e')", new String[] {"ID", "name"});
            assertEquals(List.of("5|e"), keys(s));
            s.executeUpdate("INSERT INTO t (name) VALUES ('f')", new int[] {2});
            assertEquals(List.of("f"), keys(s));
            s.executeUpdate("UPDATE t SET name = 'x' WHERE id = 1", Statement.RETURN_GENERATED_KEYS);
            assertEquals(List.of(), keys(s), "no insert: empty");
            SQLException e = assertThrows(SQLException.class,
                    () -> s.executeUpdate("INSERT INTO t (name) VALUES ('g')", new String[] {"nope"}));
            assertEquals("42703", e.getSQLState());
        }
    }

    @Test
    void preparedBatchesCollectTheKeysOfEveryRow() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id BIGSERIAL PRIMARY KEY, item VARCHAR(10))");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO orders (item) VALUES (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (String item : List.of("x", "y", "z")) {
                    p.setString(1, item);
                    p.addBatch();
                }
                p.executeBatch();
                assertEquals(List.of("1", "2", "3"), keys(p));
                p.setString(1, "w");
                p.executeUpdate();
                assertEquals(List.of("4"), keys(p));
            }
            // no generated column: the primary key; no key at all: every column
            s.execute("CREATE TABLE plain (code VARCHAR(5) PRIMARY KEY, n INTEGER DEFAULT 7)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO plain (code) VALUES (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, "k1");
                p.executeUpdate();
                assertEquals(List.of("k1"), keys(p));
            }
            s.execute("CREATE TABLE nokey (a INTEGER, b INTEGER DEFAULT 9)");
            s.executeUpdate("INSERT INTO nokey (a) VALUES (1)", Statement.RETURN_GENERATED_KEYS);
            assertEquals(List.of("1|9"), keys(s));
            assertTrue(c.getMetaData().supportsGetGeneratedKeys());
        }
    }
}
