package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Regular expressions (~, ~*, !~, !~*, SIMILAR TO, regexp_replace/like/count/substr) and the string functions of
 * {@code StringFunctions}, with the results PostgreSQL 15 gives (its documentation's examples among them), NULLs and
 * the errors of bad patterns and arguments.
 */
class RegexAndStringFunctionTest {
    private static Connection c;

    @BeforeAll
    static void open() throws SQLException {
        c = DriverManager.getConnection(JdbcTestSupport.freshMemUrl("regex"));
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
        "'abc' ~ 'b' => true", "'abc' ~ '^b' => false", "'ABC' ~* 'b' => true", "'abc' !~ 'z' => true",
        "'ABC' !~* 'b' => false", "'a' || chr(10) || 'b' ~ 'a.b' => true", "NULL ~ 'a' => NULL",
        "'abc' SIMILAR TO 'abc' => true", "'abc' SIMILAR TO 'a' => false", "'abc' SIMILAR TO '%(b|d)%' => true",
        "'abc' SIMILAR TO '(b|c)%' => false", "'a.c' SIMILAR TO 'a.c' => true", "'abc' SIMILAR TO 'a.c' => false",
        "'abc' SIMILAR TO 'a_c' => true", "'a%' SIMILAR TO 'a#%' ESCAPE '#' => true",
        "'ab' SIMILAR TO 'a#%' ESCAPE '#' => false", "'aaa' SIMILAR TO 'a{2,3}' => true",
        "'abc' NOT SIMILAR TO 'a%' => false", "'x$' SIMILAR TO 'x$' => true", "'aXb' SIMILAR TO 'a[A-Z]b' => true",
        "regexp_replace('foobarbaz', 'b(..)', 'X\\1Y') => fooXarYbaz",
        "regexp_replace('foobarbaz', 'b(..)', 'X\\1Y', 'g') => fooXarYXazY",
        "regexp_replace('Thomas', '.[mN]a.', 'M') => ThM", "regexp_replace('abc', 'B', 'x', 'i') => axc",
        "regexp_replace('abc', 'b', '[\\&]') => a[b]c", "regexp_replace('abc', 'b', '\\3') => ac",
        "regexp_replace('a.b.c', '\\.', '-', 'g') => a-b-c",
        "regexp_like('Hello World', 'world') => false", "regexp_like('Hello World', 'world', 'i') => true",
        "regexp_count('ABCABCAXYaxy', 'A.') => 3", "regexp_count('ABCABCAXYaxy', 'A.', 1, 'i') => 4",
        "regexp_count('ABCABC', 'A', 2) => 1",
        "regexp_substr('number of your street, town zip, FR', '[^,]+', 1, 2) => \" town zip\"",
        "regexp_substr('ABCDEFGHI', '(c..)(...)', 1, 1, 'i', 2) => FGH", "regexp_substr('abc', 'z') => NULL",
        "regexp_substr('abc123def', '[[:digit:]]+') => 123", "regexp_like('a b', 'a\\yb') => false",
        "regexp_like('a b', 'a\\y b') => true",
        "array_to_string(regexp_match('foobarbequebaz', '(bar)(beque)'), ',') => bar,beque",
        "array_to_string(regexp_match('foobarbequebaz', 'bar'), ',') => bar", "regexp_match('abc', 'z') => NULL",
        "array_to_string(regexp_match('ABC', 'b(c)?', 'i'), ',') => C",
        "array_to_string(regexp_split_to_array('hello world', '\\s+'), '|') => hello|world",
        "array_to_string(regexp_split_to_array('abc', ''), '|') => a|b|c",
        "array_to_string(regexp_split_to_array('a,b,', ','), '|') => a|b|",
        "cardinality(regexp_split_to_array('hello', 'x*')) => 5",
        "cardinality(regexp_split_to_array('', ',')) => 1",
        "lpad('hi', 5, 'xy') => xyxhi", "rpad('hi', 5, 'xy') => hixyx", "lpad('hello', 2) => he", "lpad('x', 3) => \"  x\"",
        "lpad('x', -1) => \"\"", "repeat('Pg', 4) => PgPgPgPg", "repeat('x', -1) => \"\"", "reverse('abcde') => edcba",
        "strpos('high', 'ig') => 2", "strpos('héllo', 'l') => 3", "strpos('a', 'z') => 0",
        "initcap('hi THOMAS') => Hi Thomas", "initcap('o''neil-smith x2y') => O'Neil-Smith X2y",
        "translate('12345', '143', 'ax') => a2x5",
        "split_part('abc~@~def~@~ghi', '~@~', 2) => def", "split_part('abc,def,ghi', ',', -1) => ghi",
        "split_part('abc', ',', 5) => \"\"", "starts_with('alphabet', 'alph') => true",
        "concat_ws(',', 'abcde', 2, NULL, 22) => abcde,2,22", "concat_ws(NULL, 'a', 'b') => NULL",
        "ascii('x') => 120", "ascii('') => 0", "chr(65) => A", "chr(233) => é",
        "md5('abc') => 900150983cd24fb0d6963f7d28e17f72", "to_hex(2147483647) => 7fffffff",
        "to_hex(CAST(-1 AS BIGINT)) => ffffffffffffffff", "octet_length('josé') => 5", "reverse(NULL) => NULL",
    })
    void evaluates(String expression, String expected) throws SQLException {
        assertEquals(expected, eval(expression), expression);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
        "'a' ~ '(' => 2201B", "'a' ~ '[z-a]' => 2201B", "regexp_replace('a', 'a', 'b', 'z') => 22023",
        "regexp_like('a', 'a', 'g') => 22023", "regexp_count('a', 'a', 0) => 22023",
        "'a' SIMILAR TO 'a' ESCAPE 'ab' => 22025", "'a' SIMILAR TO 'a#' ESCAPE '#' => 22025",
        "split_part('a', ',', 0) => 22023", "chr(0) => 54000", "1 ~ 'a' => 42883", "regexp_replace('a', 'b') => 42883",
        "lpad(1, 2) => 42883", "repeat('x', 'y') => 22P02",
    })
    void rejects(String expression, String sqlState) {
        SQLException e = assertThrows(SQLException.class, () -> eval(expression), expression);
        assertEquals(sqlState, e.getSQLState(), expression + ": " + e.getMessage());
    }

    @Test
    void patternsFromColumnsAndParameters() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE words (w VARCHAR(20), p VARCHAR(20))");
            s.execute("INSERT INTO words VALUES ('apple', '^a'), ('banana', 'an+a$'), ('cherry', 'x'), (NULL, 'a')");
            try (ResultSet rs = s.executeQuery("SELECT w FROM words WHERE w ~ p ORDER BY w")) {
                StringBuilder found = new StringBuilder();
                while (rs.next()) {
                    found.append(rs.getString(1)).append(' ');
                }
                assertEquals("apple banana ", found.toString());
            }
        }
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM words WHERE w SIMILAR TO ? OR w ~* ?")) {
            p.setString(1, '%' + "rr%");
            p.setString(2, "^APP");
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                assertEquals(2, rs.getInt(1));
            }
        }
    }

    @Test
    void setReturningRegexFunctionsInFrom() throws SQLException {
        assertEquals(java.util.List.of(java.util.List.of("the"), java.util.List.of("quick"), java.util.List.of("fox")),
                JdbcTestSupport.rows(c, "SELECT * FROM regexp_split_to_table('the quick  fox', '\\s+')"));
        assertEquals(java.util.List.of(java.util.List.of("bar|beque"), java.util.List.of("bazil|barf")),
                JdbcTestSupport.rows(c, "SELECT array_to_string(m, '|') FROM regexp_matches("
                        + "'foobarbequebazilbarfbonk', '(b[^b]+)(b[^b]+)', 'g') AS r(m)"));
        assertEquals(1, JdbcTestSupport.rows(c, "SELECT * FROM regexp_matches('abab', 'a')").size(), "first match only");
        assertEquals(2, JdbcTestSupport.rows(c, "SELECT * FROM regexp_matches('abab', 'a', 'g')").size());
        assertEquals(0, JdbcTestSupport.rows(c, "SELECT * FROM regexp_matches(NULL, 'a')").size());
        SQLException e = assertThrows(SQLException.class,
                () -> JdbcTestSupport.rows(c, "SELECT * FROM regexp_split_to_table('a', 'a', 'g')"));
        assertEquals("22023", e.getSQLState());
    }
}
