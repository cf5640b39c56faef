package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code INSERT/UPDATE/DELETE ... RETURNING}: the rows come back through {@code executeQuery} and {@code execute};
 * {@code executeUpdate} runs the statement and then fails with 0100E as PostgreSQL's driver does (unless generated
 * keys were asked for); batches count rows and drop them; {@code getGeneratedKeys} is unaffected.
 */
class ReturningTest {
    private static Connection connect() throws SQLException {
        Connection c = JdbcTestSupport.connect(JdbcTestSupport.freshMemUrl("returning"));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id SERIAL PRIMARY KEY, name VARCHAR(20) NOT NULL, score INTEGER DEFAULT 10)");
        }
        return c;
    }

    @Test
    void insertReturnsStoredRowsWithDefaultsAndExpressions() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("INSERT INTO t (name) VALUES ('a'), ('b') RETURNING id, name, score * 2 AS double_score")) {
                assertEquals("double_score", r.getMetaData().getColumnName(3));
                assertEquals(List.of(row(1, "a", 20), row(2, "b", 20)), rows(r));
            }
            assertEquals(List.of(row(3, "c", 5)), rows(c, "INSERT INTO t (name, score) VALUES ('c', 5) RETURNING *"));
            assertEquals(List.of(row(4, "d")), rows(c, "INSERT INTO t AS x (name) SELECT 'd' RETURNING x.id, x.name"));
            assertEquals(List.of(row(5, "e", 10)), rows(c, "INSERT INTO t (name) VALUES ('e') RETURNING t.*"));
        }
    }

    @Test
    void updateReturnsNewValuesAndDeleteReturnsOldOnes() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO t (name, score) VALUES ('a', 1), ('b', 2), ('c', 3)");
            assertEquals(List.of(row(2, "B", 20), row(3, "C", 30)),
                    rows(c, "UPDATE t SET name = upper(name), score = score * 10 WHERE id >= 2 RETURNING id, name, score"));
            assertEquals(List.of(), rows(c, "UPDATE t SET score = 0 WHERE id > 100 RETURNING *"));
            assertEquals(List.of(row(1, "a", 1)), rows(c, "DELETE FROM t WHERE id = 1 RETURNING *"));
            assertEquals(List.of(row(2L)), rows(c, "SELECT count(*) FROM t WHERE id > 1 AND score >= 20"));
        }
    }

    @Test
    void executeReportsAResultSetAndTheRowsStayChanged() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertTrue(s.execute("INSERT INTO t (name) VALUES ('a') RETURNING id"));
            assertEquals(-1, s.getUpdateCount());
            try (ResultSet r = s.getResultSet()) {
                assertTrue(r.next());
                assertEquals(1, r.getInt(1));
                assertFalse(r.next());
            }
            assertFalse(s.getMoreResults());
            assertEquals(-1, s.getUpdateCount());
            try (PreparedStatement p = c.prepareStatement("UPDATE t SET score = ? WHERE id = ? RETURNING score, name")) {
                assertEquals(2, p.getMetaData().getColumnCount());
                assertEquals("score", p.getMetaData().getColumnName(1));
                p.setInt(1, 42);
                p.setInt(2, 1);
                assertTrue(p.execute());
                assertEquals(List.of(row(42, "a")), rows(p.getResultSet()));
                p.setInt(1, 43);
                assertEquals(List.of(row(43, "a")), rows(p.executeQuery()));
            }
        }
    }

    @Test
    void executeUpdateRunsTheStatementThenFailsAsPgJdbcDoes() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class,
                    () -> s.executeUpdate("INSERT INTO t (name) VALUES ('a') RETURNING id"));
            assertEquals("0100E", e.getSQLState());
            assertEquals(List.of(row(1, "a")), rows(c, "SELECT id, name FROM t"), "the insert happened (auto-commit)");
            try (PreparedStatement p = c.prepareStatement("DELETE FROM t RETURNING id")) {
                assertEquals("0100E", assertThrows(SQLException.class, p::executeUpdate).getSQLState());
            }
            assertEquals(List.of(), rows(c, "SELECT * FROM t"));
            assertEquals("07000", assertThrows(SQLException.class,
                    () -> s.executeQuery("UPDATE t SET score = 1")).getSQLState(), "no RETURNING: no rows");
        }
    }

    @Test
    void generatedKeysAreUnaffectedByReturning() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertEquals(2, s.executeUpdate("INSERT INTO t (name) VALUES ('a'), ('b') RETURNING name",
                    Statement.RETURN_GENERATED_KEYS), "keys asked for: the count, no 0100E");
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertEquals(List.of(row(1), row(2)), rows(keys));
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t (name) VALUES (?) RETURNING name, score",
                    new String[] {"id"})) {
                p.setString(1, "c");
                assertEquals(List.of(row("c", 10)), rows(p.executeQuery()));
                try (ResultSet keys = p.getGeneratedKeys()) {
                    assertEquals(List.of(row(3)), rows(keys));
                }
            }
        }
    }

    @Test
    void batchesCountRowsAndDropTheReturnedOnes() throws SQLException {
        try (Connection c = connect()) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t (name) VALUES (?) RETURNING id",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (String name : List.of("a", "b", "c")) {
                    p.setString(1, name);
                    p.addBatch();
                }
                assertEquals(List.of(1, 1, 1), java.util.Arrays.stream(p.executeBatch()).boxed().toList());
                assertNull(p.getResultSet());
                try (ResultSet keys = p.getGeneratedKeys()) {
                    assertEquals(List.of(row(1), row(2), row(3)), rows(keys));
                }
            }
            try (Statement s = c.createStatement()) {
                s.addBatch("UPDATE t SET score = 1 WHERE id <= 2 RETURNING *");
                s.addBatch("DELETE FROM t WHERE id = 3 RETURNING id");
                assertEquals(List.of(2, 1), java.util.Arrays.stream(s.executeBatch()).boxed().toList());
            }
            assertEquals(List.of(row(1, 1), row(2, 1)), rows(c, "SELECT id, score FROM t ORDER BY id"));
        }
    }

    @Test
    void constraintsStillApplyAndAFailedStatementReturnsNothing() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO t (name) VALUES ('a')");
            fails(s, "INSERT INTO t (id, name) VALUES (1, 'dup') RETURNING *", "23505");
            fails(s, "UPDATE t SET name = NULL RETURNING *", "23502");
            fails(s, "INSERT INTO t (name) VALUES ('x') RETURNING nope", "42703");
            fails(s, "INSERT INTO t (name) VALUES ('x') RETURNING u.*", "42P01");
            fails(s, "INSERT INTO t (name) VALUES ('x') RETURNING count(*)", "42803");
            fails(s, "DELETE FROM t RETURNING 1 / 0", "22012");
            assertEquals(List.of(row(1, "a")), rows(c, "SELECT id, name FROM t"), "the failed DELETE was rolled back");
        }
    }
}
