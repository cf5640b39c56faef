package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * EXTRACT, DATE_PART, DATE_TRUNC, MAKE_DATE/MAKE_TIMESTAMP, the keyword forms SUBSTRING(s FROM a FOR b) and
 * POSITION(a IN b), and the query shapes TPC-H needs: CHAR columns in IN lists and LIKE, GROUP BY an output alias,
 * and ORs that share a join condition.
 */
class DateTimeFunctionTest {
    private static Connection c;

    @BeforeAll
    static void open() throws SQLException {
        c = DriverManager.getConnection(JdbcTestSupport.freshMemUrl("datetime"));
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
        "EXTRACT(YEAR FROM DATE '1995-03-15') => 1995", "EXTRACT(MONTH FROM DATE '1995-03-15') => 3",
        "EXTRACT(DAY FROM DATE '1995-03-15') => 15", "EXTRACT(QUARTER FROM DATE '1995-11-01') => 4",
        "EXTRACT(DOW FROM DATE '2024-06-02') => 0", "EXTRACT(ISODOW FROM DATE '2024-06-02') => 7",
        "EXTRACT(DOY FROM DATE '2024-12-31') => 366", "EXTRACT(WEEK FROM DATE '2021-01-01') => 53",
        "EXTRACT(ISOYEAR FROM DATE '2021-01-01') => 2020", "EXTRACT(DECADE FROM DATE '1995-01-01') => 199",
        "EXTRACT(CENTURY FROM DATE '2000-12-31') => 20", "EXTRACT(CENTURY FROM DATE '2001-01-01') => 21",
        "EXTRACT(MILLENNIUM FROM DATE '2001-01-01') => 3", "EXTRACT(EPOCH FROM DATE '1970-01-02') => 86400",
        "EXTRACT(HOUR FROM TIMESTAMP '2020-01-01 13:14:15.5') => 13",
        "EXTRACT(MINUTE FROM TIMESTAMP '2020-01-01 13:14:15.5') => 14",
        "EXTRACT(SECOND FROM TIMESTAMP '2020-01-01 13:14:15.5') => 15.500000",
        "EXTRACT(MILLISECONDS FROM TIME '13:14:15.5') => 15500.000",
        "EXTRACT(EPOCH FROM TIMESTAMP '1970-01-01 00:00:01.25') => 1.250000",
        "EXTRACT(YEAR FROM TIMESTAMP '1999-12-31 23:59:59') => 1999", "EXTRACT(YEAR FROM CAST(NULL AS DATE)) => NULL",
        "DATE_PART('year', DATE '1995-03-15') => 1995", "DATE_PART('dow', DATE '2024-06-03') => 1",
        "DATE_TRUNC('month', DATE '1995-03-15') => 1995-03-01 00:00:00",
        "DATE_TRUNC('year', TIMESTAMP '1995-03-15 10:11:12') => 1995-01-01 00:00:00",
        "DATE_TRUNC('quarter', TIMESTAMP '1995-08-15 10:11:12') => 1995-07-01 00:00:00",
        "DATE_TRUNC('week', DATE '2024-06-02') => 2024-05-27 00:00:00",
        "DATE_TRUNC('hour', TIMESTAMP '1995-03-15 10:11:12') => 1995-03-15 10:00:00",
        "DATE_TRUNC('century', DATE '2000-06-01') => 1901-01-01 00:00:00",
        "DATE_TRUNC('decade', DATE '1999-06-01') => 1990-01-01 00:00:00",
        "MAKE_DATE(2024, 2, 29) => 2024-02-29", "MAKE_TIMESTAMP(2024, 2, 29, 10, 30, 15.5) => 2024-02-29 10:30:15.5",
        "SUBSTRING('13-555' FROM 1 FOR 2) => 13", "SUBSTRING('hello' FROM 3) => llo",
        "POSITION('lo' IN 'hello') => 4", "POSITION('x' IN 'hello') => 0", "POSITION(NULL IN 'hello') => NULL",
        "DATE '1995-03-15' + 10 => 1995-03-25", "DATE '1995-03-15' - DATE '1995-03-01' => 14",
    })
    void evaluates(String expression, String expected) throws SQLException {
        assertEquals(expected, eval(expression), expression);
    }

    @Test
    void extractIsNumericAndDatePartDouble() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT EXTRACT(YEAR FROM DATE '1995-03-15'), DATE_PART('second', TIMESTAMP '2020-01-01 00:00:01.5')")) {
            r.next();
            assertEquals(new BigDecimal(1995), r.getObject(1));
            assertEquals(1.5, r.getObject(2));
        }
    }

    @Test
    void wrongCallsFailWithTheirSqlState() throws SQLException {
        try (Statement s = c.createStatement()) {
            fails(s, "SELECT EXTRACT(HOUR FROM DATE '2020-01-01')", "0A000");
            fails(s, "SELECT EXTRACT(YEAR FROM TIME '10:00')", "0A000");
            fails(s, "SELECT DATE_PART('fortnight', DATE '2020-01-01')", "22023");
            fails(s, "SELECT DATE_TRUNC('dow', DATE '2020-01-01')", "22023");
            fails(s, "SELECT EXTRACT(YEAR FROM 5)", "42883");
            fails(s, "SELECT DATE_TRUNC('year', TIME '10:00')", "42883");
            fails(s, "SELECT MAKE_DATE(2023, 2, 29)", "22008");
            fails(s, "SELECT MAKE_TIMESTAMP(2023, 1, 1, 25, 0, 0)", "22008");
            fails(s, "SELECT MAKE_DATE(2023, 2)", "42883");
            fails(s, "SELECT POSITION(1 IN 'abc')", "42883");
            fails(s, "SELECT OVERLAY('abc' PLACING 'x' FROM 2)", "0A000");
        }
    }

    @Test
    void charColumnsCompareWithoutPaddingInInListsAndLike() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE parts (id INTEGER, container CHAR(10))");
            s.execute("INSERT INTO parts VALUES (1, 'SM CASE'), (2, 'LG BOX'), (3, 'MED BAG'), (4, NULL)");
        }
        assertEquals(List.of(row(1), row(2)),
                rows(c, "SELECT id FROM parts WHERE container IN ('SM CASE', 'LG BOX') ORDER BY id"));
        assertEquals(List.of(row(3)), rows(c, "SELECT id FROM parts WHERE container NOT IN ('SM CASE', 'LG BOX')"));
        assertEquals(List.of(row(1)), rows(c, "SELECT id FROM parts WHERE container LIKE '%CASE'"));
    }

    @Test
    void groupByMayNameAnOutputAlias() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE sales (region INTEGER, amount INTEGER)");
            s.execute("INSERT INTO sales VALUES (1, 10), (1, 5), (2, 7)");
        }
        assertEquals(List.of(row(1, 15L), row(2, 7L)),
                rows(c, "SELECT region AS r, sum(amount) FROM sales GROUP BY r ORDER BY r"));
        assertEquals(List.of(row(2, 2L), row(4, 1L)),
                rows(c, "SELECT region * 2 AS doubled, count(*) FROM sales GROUP BY doubled ORDER BY doubled"));
        // A column of the FROM clause wins over an output alias of the same name, as in PostgreSQL.
        assertEquals(List.of(row(1, 2L), row(2, 1L)),
                rows(c, "SELECT region AS amount, count(*) FROM sales GROUP BY region ORDER BY 1"));
        try (Statement s = c.createStatement()) {
            fails(s, "SELECT region AS x, amount AS x FROM sales GROUP BY x", "42702");
            fails(s, "SELECT region FROM sales GROUP BY nothing", "42703");
        }
    }

    @Test
    void orBranchesSharingAJoinConditionGiveTheSameRows() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE l (k INTEGER, q INTEGER)");
            s.execute("CREATE TABLE p (k INTEGER, b VARCHAR(5))");
            s.execute("INSERT INTO l VALUES (1, 1), (1, 20), (2, 5), (3, 30), (NULL, 1)");
            s.execute("INSERT INTO p VALUES (1, 'x'), (2, 'y'), (3, 'x'), (NULL, 'x')");
        }
        String query = "SELECT l.k, q, b FROM l, p WHERE (l.k = p.k AND b = 'x' AND q < 10) "
                + "OR (l.k = p.k AND b = 'y') OR (l.k = p.k AND q > 25) ORDER BY l.k, q";
        assertEquals(List.of(row(1, 1, "x"), row(2, 5, "y"), row(3, 30, "x")), rows(c, query));
        // A branch that is only the shared condition makes the OR true.
        assertEquals(4, rows(c, "SELECT * FROM l, p WHERE (l.k = p.k) OR (l.k = p.k AND q > 25)").size());
    }
}
