package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scalar function library, CASE and ||, with NULL handling and the errors of wrong calls. */
class ScalarFunctionTest {
    private static Connection c;

    @BeforeAll
    static void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:rustydb:mem:functions");
    }

    @AfterAll
    static void close() throws SQLException {
        c.close();
    }

    private static String eval(String expression) throws SQLException {
        return JdbcTestSupport.evalAsText(c, expression);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
        "UPPER('abc') => ABC", "LOWER('AbC') => abc", "LENGTH('héllo') => 5", "CHAR_LENGTH('') => 0",
        "SUBSTR('hello', 2, 3) => ell", "SUBSTRING('hello', 0, 3) => he", "SUBSTR('hello', 4) => lo", "SUBSTR('hi', 5) => \"\"",
        "TRIM('  x  ') => x", "LTRIM('  x ') => \"x \"", "RTRIM(' x  ') => \" x\"", "LEFT('hello', 2) => he", "RIGHT('hello', 3) => llo",
        "LEFT('hello', -2) => hel", "CONCAT('a', NULL, 'b', 1) => ab1", "'a' || 'b' => ab", "'a' || NULL => NULL", "1 || 'x' => 1x",
        "REPLACE('banana', 'an', 'AN') => bANANa",
        "ABS(-5) => 5", "ABS(-2.50) => 2.50", "SIGN(-3) => -1", "ROUND(2.5) => 3", "ROUND(-2.5) => -3", "ROUND(2.345, 2) => 2.35",
        "ROUND(CAST(2.5 AS DOUBLE)) => 2", "FLOOR(-1.5) => -2", "CEIL(1.2) => 2", "CEILING(-1.2) => -1", "MOD(7, 3) => 1",
        "MOD(-7, 3) => -1", "POWER(2, 10) => 1024", "SQRT(16) => 4",
        "COALESCE(NULL, NULL, 3) => 3", "COALESCE(NULL, 'x') => x", "NVL(NULL, 5) => 5", "NVL2(1, 'y', 'n') => y",
        "NVL2(NULL, 'y', 'n') => n", "NULLIF(1, 1) => NULL", "NULLIF(1, 2) => 1", "GREATEST(1, 5, 3) => 5", "LEAST(4, NULL, 2) => 2",
        "GREATEST('b', 'a') => b",
        "CASE WHEN 1 = 2 THEN 'x' ELSE 'y' END => y", "CASE WHEN NULL THEN 1 END => NULL", "CASE 2 WHEN 1 THEN 'a' WHEN 2 THEN 'b' END => b",
        "CASE WHEN 1 = 1 THEN 1 ELSE 2.5 END => 1", "UPPER(NULL) => NULL", "CURRENT_DATE IS NOT NULL => true",
    })
    void evaluates(String expression, String expected) throws SQLException {
        assertEquals(expected, eval(expression), expression);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
        "UPPER(1) => 42883", "NOSUCH(1) => 42883", "SUBSTR('x') => 42883", "MOD(1, 0) => 22012", "SQRT(-1) => 22023",
        "SUBSTR('abc', 1, -1) => 22023", "CASE WHEN 1 THEN 2 END => 42804", "COALESCE(1, DATE '2020-01-01') => 42804",
    })
    void rejects(String expression, String sqlState) {
        SQLException e = assertThrows(SQLException.class, () -> eval(expression), expression);
        assertEquals(sqlState, e.getSQLState(), expression + ": " + e.getMessage());
    }

    @Test
    void functionsWorkOnColumnsAndInWhere() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE f (name VARCHAR(20), n INTEGER)");
            s.execute("INSERT INTO f VALUES ('Ada', 1), ('grace', NULL), ('LINUS', 3)");
            try (ResultSet r = s.executeQuery(
                    "SELECT UPPER(name) || '/' || COALESCE(n, 0) FROM f WHERE LOWER(name) LIKE '%a%' ORDER BY 1")) {
                r.next();
                assertEquals("ADA/1", r.getString(1));
                r.next();
                assertEquals("GRACE/0", r.getString(1));
            }
        }
    }
}
