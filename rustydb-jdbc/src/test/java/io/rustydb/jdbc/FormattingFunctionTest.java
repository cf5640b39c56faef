package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * TO_CHAR of timestamps, dates and numbers, TO_DATE and TO_TIMESTAMP. Expected texts are PostgreSQL 15's (most
 * of the numeric ones are the examples of its documentation). Results are quoted where they have edge blanks.
 */
class FormattingFunctionTest {
    private static Connection c;

    @BeforeAll
    static void open() throws SQLException {
        c = DriverManager.getConnection(JdbcTestSupport.freshMemUrl("formatting"));
    }

    @AfterAll
    static void close() throws SQLException {
        c.close();
    }

    private static String eval(String expression) throws SQLException {
        return JdbcTestSupport.evalAsText(c, expression);
    }

    @ParameterizedTest(name = "{0} = [{1}]")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
        "TO_CHAR(TIMESTAMP '2024-03-05 14:07:09.123456', 'YYYY-MM-DD HH24:MI:SS') => 2024-03-05 14:07:09",
        "TO_CHAR(TIMESTAMP '2024-03-05 14:07:09.123456', 'YYYY-MM-DD HH12:MI:SS AM') => 2024-03-05 02:07:09 PM",
        "TO_CHAR(TIMESTAMP '2024-03-05 14:07:09.123456', 'MS US') => 123 123456",
        "TO_CHAR(TIMESTAMP '2024-03-05 14:07:09', 'Month DD, YYYY') => March     05, 2024",
        "TO_CHAR(TIMESTAMP '2024-03-05 14:07:09', 'FMMonth FMDD, YYYY') => March 5, 2024",
        "TO_CHAR(TIMESTAMP '2024-03-05 14:07:09', 'Day|Dy|DY|day|') => Tuesday  |Tue|TUE|tuesday  |",
        "TO_CHAR(TIMESTAMP '2024-03-05 14:07:09', 'MON mon Mon MONTH') => \"MAR mar Mar MARCH    \"",
        "TO_CHAR(TIMESTAMP '2024-03-05 14:07:09', 'DDD D ID Q WW IW CC') => 065 3 2 1 10 10 21",
        "TO_CHAR(TIMESTAMP '2024-03-05 14:07:09', 'SSSS J') => 50829 2460375",
        "TO_CHAR(TIMESTAMP '2024-03-05 14:07:09', 'hh:mi am A.M. p.m.') => 02:07 pm P.M. p.m.",
        "TO_CHAR(TIMESTAMP '2024-01-01 00:30:00', 'HH12:MI AM') => 12:30 AM",
        "TO_CHAR(TIMESTAMP '2024-03-01 00:00:00', 'DDth FMDDth DDTH') => 01st 1st 01ST",
        "TO_CHAR(TIMESTAMP '2024-03-22 00:00:00', 'FMDDth') => 22nd",
        "TO_CHAR(TIMESTAMP '2024-03-13 00:00:00', 'FMDDth') => 13th",
        "TO_CHAR(TIMESTAMP '2024-03-05 14:07:09', '\"Year:\" YYYY \"MM\"') => Year: 2024 MM",
        "TO_CHAR(TIMESTAMP '0044-03-15 00:00:00', 'YYYY YY Y') => 0044 44 4",
        "TO_CHAR(TIMESTAMP WITH TIME ZONE '2024-03-05 14:07:09+02', 'YYYY HH24 TZ OF') => 2024 12 UTC +00",
        "TO_CHAR(DATE '2024-03-05', 'DD/MM/YY') => 05/03/24",
        "TO_CHAR(CAST(NULL AS DATE), 'YYYY') => NULL",
        "TO_CHAR(-0.1, '99.99') => \"  -.10\"",
        "TO_CHAR(-0.1, 'FM9.99') => -.1",
        "TO_CHAR(-0.1, 'FM90.99') => -0.1",
        "TO_CHAR(0.1, '0.9') => \" 0.1\"",
        "TO_CHAR(12, '9990999.9') => \"    0012.0\"",
        "TO_CHAR(12, 'FM9990999.9') => 0012.",
        "TO_CHAR(485, '999') => \" 485\"",
        "TO_CHAR(-485, '999') => -485",
        "TO_CHAR(1485, '9,999') => \" 1,485\"",
        "TO_CHAR(1485, '9G999') => \" 1,485\"",
        "TO_CHAR(148.5, '999.999') => \" 148.500\"",
        "TO_CHAR(148.5, 'FM999.999') => 148.5",
        "TO_CHAR(148.5, 'FM999.990') => 148.500",
        "TO_CHAR(-485, '999S') => 485-",
        "TO_CHAR(-485, '999MI') => 485-",
        "TO_CHAR(485, '999MI') => \"485 \"",
        "TO_CHAR(485, 'FM999MI') => 485",
        "TO_CHAR(485, 'PL999') => +485",
        "TO_CHAR(485, 'SG999') => +485",
        "TO_CHAR(-485, 'SG999') => -485",
        "TO_CHAR(-485, '9SG99') => 4-85",
        "TO_CHAR(-485, '999PR') => <485>",
        "TO_CHAR(485, '\"Good number:\"999') => Good number: 485",
        "TO_CHAR(485.8, '\"Pre:\"999\" Post:\" .999') => Pre: 485 Post: .800",
        "TO_CHAR(1234, '99') => \" ##\"",
        "TO_CHAR(0, '999') => \"   0\"",
        "TO_CHAR(5, 'S999') => \"  +5\"",
        "TO_CHAR(3.14159, '9.99') => \" 3.14\"",
        "TO_CHAR(1234567.891, '9,999,999.99') => \" 1,234,567.89\"",
        "TO_DATE('05 Dec 2000', 'DD Mon YYYY') => 2000-12-05",
        "TO_DATE('2000-12-05', 'YYYY-MM-DD') => 2000-12-05",
        "TO_DATE('20001205', 'YYYYMMDD') => 2000-12-05",
        "TO_DATE('December 5, 2000', 'Month DD, YYYY') => 2000-12-05",
        "TO_DATE('05/12/99', 'DD/MM/YY') => 1999-12-05",
        "TO_DATE('2020', 'YYYY') => 2020-01-01",
        "TO_DATE('2024 065', 'YYYY DDD') => 2024-03-05",
        "TO_TIMESTAMP('2024-03-05 14:07:09', 'YYYY-MM-DD HH24:MI:SS') => 2024-03-05 14:07:09+00",
        "TO_TIMESTAMP('05 Mar 2024 02:07 PM', 'DD Mon YYYY HH12:MI AM') => 2024-03-05 14:07:00+00",
        "TO_TIMESTAMP('2024-03-05 14:07:09.5', 'YYYY-MM-DD HH24:MI:SS.MS') => 2024-03-05 14:07:09.5+00",
        "TO_TIMESTAMP('15:12:02.020.001230', 'HH24:MI:SS.MS.US') => 0001-01-01 15:12:02.02123+00",
        "TO_TIMESTAMP(0) => 1970-01-01 00:00:00+00",
        "TO_TIMESTAMP(1700000000.5) => 2023-11-14 22:13:20.5+00",
    })
    void evaluates(String expression, String expected) throws SQLException {
        assertEquals(expected, eval(expression), expression);
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @CsvSource(delimiterString = " => ", value = {
        "SELECT TO_DATE('2024-13-01', 'YYYY-MM-DD') => 22008",
        "SELECT TO_DATE('2024-02-30', 'YYYY-MM-DD') => 22008",
        "SELECT TO_DATE('abcd', 'YYYY') => 22007",
        "SELECT TO_DATE('05 Foo 2000', 'DD Mon YYYY') => 22007",
        "SELECT TO_DATE('2000x12', 'YYYYMM') => 22007",
        "SELECT TO_TIMESTAMP('13:00 PM', 'HH12:MI PM') => 22008",
        "SELECT TO_CHAR(1, 1) => 42883",
        "SELECT TO_CHAR(TRUE, 'YYYY') => 42883",
        "SELECT TO_DATE(1, 'YYYY') => 42883",
        "SELECT TO_TIMESTAMP('x') => 42883",
        "SELECT TO_CHAR(1, '9.99EEEE') => 0A000",
        "SELECT TO_CHAR(1, '9.9.9') => 42601",
    })
    void rejects(String sql, String state) throws SQLException {
        try (Statement s = c.createStatement()) {
            fails(s, sql, state);
        }
    }

    @Test
    void templateFromAParameter() throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT TO_CHAR(DATE '2024-03-05', ?), TO_CHAR(1234.5, ?)")) {
            p.setString(1, "FMDD.FMMM.YYYY");
            p.setString(2, "FM9,999.00");
            try (ResultSet r = p.executeQuery()) {
                r.next();
                assertEquals("5.3.2024", r.getString(1));
                assertEquals("1,234.50", r.getString(2));
            }
        }
    }
}
