package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** JDBC escape syntax: the translation itself and the escapes run through statements. */
class JdbcEscapesTest {

    @Test
    void sqlWithoutEscapesIsReturnedAsItIs() throws SQLException {
        String sql = "SELECT '{not an escape}', \"{col}\" FROM t -- {comment}\n /* {block} */ WHERE x = $${dollar}$$";
        assertEquals(sql, JdbcEscapes.translate(sql));
        assertEquals("SELECT 1", JdbcEscapes.translate("SELECT 1"));
        assertEquals("SELECT E'\\'{'", JdbcEscapes.translate("SELECT E'\\'{'"));
    }

    @Test
    void translatesEachKindOfEscape() throws SQLException {
        assertEquals("SELECT DATE '2020-01-02'", JdbcEscapes.translate("SELECT {d '2020-01-02'}"));
        assertEquals("SELECT TIME '10:11:12'", JdbcEscapes.translate("SELECT {t '10:11:12'}"));
        assertEquals("SELECT TIMESTAMP '2020-01-02 10:11:12.5'",
                JdbcEscapes.translate("SELECT {ts '2020-01-02 10:11:12.5'}"));
        assertEquals("SELECT UPPER(LOWER(x))", JdbcEscapes.translate("SELECT {fn ucase({fn lcase(x)})}"));
        assertEquals("SELECT CURRENT_DATE, CURRENT_TIMESTAMP", JdbcEscapes.translate("SELECT {fn curdate()}, {FN Now( )}"));
        assertEquals("SELECT CAST(a + 1 AS BIGINT)", JdbcEscapes.translate("SELECT {fn convert(a + 1, SQL_BIGINT)}"));
        assertEquals("WHERE a LIKE 'x!%' ESCAPE '!'", JdbcEscapes.translate("WHERE a LIKE 'x!%' {escape '!'}"));
        assertEquals("FROM a LEFT OUTER JOIN b ON a.x = b.x",
                JdbcEscapes.translate("FROM {oj a LEFT OUTER JOIN b ON a.x = b.x}"));
        assertEquals("SELECT 1 LIMIT 2 OFFSET 3", JdbcEscapes.translate("SELECT 1 {limit 2 offset 3}"));
        assertEquals("SELECT myfunc(1)", JdbcEscapes.translate("SELECT {fn myfunc(1)}"), "unknown functions pass");
    }

    @Test
    void callsBecomeSelects() throws SQLException {
        assertEquals(new JdbcEscapes.Call("SELECT upper(?)", true), JdbcEscapes.translateCall("{? = call upper(?)}"));
        assertEquals(new JdbcEscapes.Call("SELECT abs(?)", false), JdbcEscapes.translateCall(" { CALL abs(?) } "));
        assertEquals(new JdbcEscapes.Call("SELECT pi()", true), JdbcEscapes.translateCall("{?=call pi}"));
        assertEquals(new JdbcEscapes.Call("SELECT 1", false), JdbcEscapes.translateCall("SELECT 1"));
    }

    @Test
    void malformedEscapesAreSyntaxErrors() {
        for (String bad : new String[] {"SELECT {fn ucase('a')", "SELECT {fn ucase('a')}}", "SELECT {x 1}", "SELECT {fn }",
                "SELECT {fn convert(1, SQL_NOPE)}", "SELECT {call f()}"}) {
            SQLException e = assertThrows(SQLException.class, () -> JdbcEscapes.translate(bad), bad);
            assertEquals("42601", e.getSQLState(), bad);
        }
        assertEquals("42601", assertThrows(SQLException.class,
                () -> JdbcEscapes.translateCall("{? call f()}")).getSQLState());
        assertEquals("42601", assertThrows(SQLException.class,
                () -> JdbcEscapes.translateCall("{? = select 1}")).getSQLState());
    }

    @Test
    void escapesRunThroughStatementsAndPreparedStatements() throws SQLException {
        try (Connection c = DriverManager.getConnection(freshMemUrl("escapes")); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(20))");
            s.execute("INSERT INTO t VALUES (1, 'a%b'), (2, 'axb'), (3, 'c')");
            try (ResultSet rs = s.executeQuery("SELECT {d '2020-01-02'}, {t '10:11:12'}")) {
                assertTrue(rs.next());
                assertEquals(LocalDate.of(2020, 1, 2), rs.getObject(1, LocalDate.class));
                assertEquals(java.time.LocalTime.of(10, 11, 12), rs.getObject(2, java.time.LocalTime.class));
            }
            try (ResultSet rs = s.executeQuery("SELECT {ts '2020-01-02 03:04:05'}")) {
                assertTrue(rs.next());
                assertEquals(LocalDateTime.of(2020, 1, 2, 3, 4, 5), rs.getObject(1, LocalDateTime.class));
            }
            assertEquals("AB", scalar(c, "SELECT {fn ucase({fn concat('a', 'b')})}"));
            assertEquals(1, ((Number) scalar(c, "SELECT id FROM t WHERE name LIKE 'a!%b' {escape '!'}")).intValue());
            assertEquals(2, ((Number) scalar(c, "SELECT id FROM t ORDER BY id {limit 1 offset 1}")).intValue());
            assertEquals("c", scalar(c, "SELECT {fn ifnull(NULL, t.name)} FROM {oj t LEFT OUTER JOIN t u ON t.id = u.id}"
                    + " WHERE t.id = 3"));
            try (PreparedStatement p = c.prepareStatement("SELECT {fn lcase(?)}")) {
                p.setString(1, "XY");
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("xy", rs.getString(1));
                }
            }
            assertEquals("SELECT UPPER('a')", c.nativeSQL("SELECT {fn ucase('a')}"));
            s.setEscapeProcessing(false);
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT {fn ucase('a')}"));
            assertFalse(e.getSQLState().isEmpty());
            assertTrue(e.getSQLState().startsWith("42"), e.getSQLState());
            assertFalse(c.getMetaData().getStringFunctions().isEmpty());
        }
    }
}
