package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.column;
import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static io.rustydb.jdbc.JdbcTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.type.Interval;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The INTERVAL type through SQL and JDBC: literals and casts, date/time arithmetic, comparisons, ORDER BY, GROUP
 * BY, aggregates, indexes, persistence, the interval functions, and the SQLSTATEs of bad input. Expected texts
 * are PostgreSQL 15's.
 */
class IntervalTest {
    private static Connection c;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() throws SQLException {
        c = DriverManager.getConnection(JdbcTestSupport.freshMemUrl("interval"));
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
        "INTERVAL '1 day 2 hours' => 1 day 02:00:00",
        "INTERVAL '3' DAY => 3 days",
        "INTERVAL '90' DAY (3) => 90 days",
        "'1 year 2 mons'::interval => 1 year 2 mons",
        "CAST('P1Y2M' AS INTERVAL) => 1 year 2 mons",
        "CAST('01:02:03' AS INTERVAL) => 01:02:03",
        "INTERVAL '1 year 2 mons 3 days 04:05:06' => 1 year 2 mons 3 days 04:05:06",
        "INTERVAL '-1 year -2 mons +3 days -04:05:06' => -1 years -2 mons +3 days -04:05:06",
        "INTERVAL '-1 day +02:03' => -1 days +02:03:00",
        "INTERVAL '1 day ago' => -1 days",
        "INTERVAL '@ 2 hours 30 mins' => 02:30:00",
        "INTERVAL '1.5 years' => 1 year 6 mons",
        "INTERVAL '1.5 months' => 1 mon 15 days",
        "INTERVAL '1.5 days' => 1 day 12:00:00",
        "INTERVAL '1 week' => 7 days",
        "INTERVAL '90' => 00:01:30",
        "INTERVAL '0' => 00:00:00",
        "INTERVAL 'PT36H' => 36:00:00",
        "INTERVAL 'P1DT2H3M4.5S' => 1 day 02:03:04.5",
        "INTERVAL '1-2' YEAR TO MONTH => 1 year 2 mons",
        "INTERVAL '3 4:05:06' => 3 days 04:05:06",
        "INTERVAL '1 day 02:03:04' HOUR TO MINUTE => 1 day 02:03:00",
        "INTERVAL '2.123456789' SECOND(3) => 00:00:02.123",
        "CAST(TIME '10:20:30' AS INTERVAL) => 10:20:30",
        "CAST(INTERVAL '1 day 02:00' AS TIME) => 02:00:00",
        "CAST(INTERVAL '1 mon' AS VARCHAR) => 1 mon",
        "DATE '1998-12-01' - INTERVAL '90' DAY (3) => 1998-09-02 00:00:00",
        "DATE '1994-01-01' + INTERVAL '1' YEAR => 1995-01-01 00:00:00",
        "TIMESTAMP '2024-01-31 10:00:00' + INTERVAL '1 month' => 2024-02-29 10:00:00",
        "TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1 day 2 hours 3 minutes' => 2024-01-02 02:03:00",
        "INTERVAL '1 day' + TIMESTAMP '2024-01-01' => 2024-01-02 00:00:00",
        "TIMESTAMP '2024-01-01' + '1 day' => 2024-01-02 00:00:00",
        "TIMESTAMP WITH TIME ZONE '2024-01-01 23:00:00+00' + INTERVAL '2 hours' => 2024-01-02 01:00:00+00",
        "TIMESTAMP '2024-03-01' - TIMESTAMP '2024-02-01 12:00' => 28 days 12:00:00",
        "TIMESTAMP '2024-01-01' - TIMESTAMP '2024-01-02 01:00' => -1 days -01:00:00",
        "TIMESTAMP '2024-01-01 06:00' - DATE '2023-12-31' => 1 day 06:00:00",
        "DATE '2024-03-01' - DATE '2024-02-01' => 29",
        "DATE '2024-02-28' + 2 => 2024-03-01",
        "TIME '10:00' + INTERVAL '15 hours' => 01:00:00",
        "TIME '10:00' - TIME '08:30' => 01:30:00",
        "INTERVAL '1 day' + INTERVAL '2 hours' => 1 day 02:00:00",
        "INTERVAL '1 day' - INTERVAL '2 hours' => 1 day -02:00:00",
        "INTERVAL '1 hour' * 2.5 => 02:30:00",
        "2 * INTERVAL '1 mon 1 day' => 2 mons 2 days",
        "INTERVAL '1 mon' / 2 => 15 days",
        "INTERVAL '1 day' / 3 => 08:00:00",
        "INTERVAL '1 mon' * 0.5 => 15 days",
        "- INTERVAL '1 day 02:00' => -1 days -02:00:00",
        "INTERVAL '1 day' = INTERVAL '24 hours' => true",
        "INTERVAL '1 mon' = INTERVAL '30 days' => true",
        "INTERVAL '1 year' = INTERVAL '360 days' => true",
        "INTERVAL '1 mon' < INTERVAL '31 days' => true",
        "INTERVAL '1 day' > '23 hours' => true",
        "INTERVAL '1 day' BETWEEN INTERVAL '1 hour' AND INTERVAL '2 days' => true",
        "JUSTIFY_DAYS(INTERVAL '35 days') => 1 mon 5 days",
        "JUSTIFY_HOURS(INTERVAL '27 hours') => 1 day 03:00:00",
        "JUSTIFY_INTERVAL(INTERVAL '1 mon -1 hour') => 29 days 23:00:00",
        "AGE(TIMESTAMP '2001-04-10', TIMESTAMP '1957-06-13') => 43 years 9 mons 27 days",
        "AGE(DATE '2024-03-01', DATE '2024-01-31') => 1 mon 1 day",
        "AGE(TIMESTAMP '1957-06-13', TIMESTAMP '2001-04-10') => -43 years -9 mons -27 days",
        "MAKE_INTERVAL(1, 2, 1, 3, 4, 5, 6.5) => 1 year 2 mons 10 days 04:05:06.5",
        "MAKE_INTERVAL() => 00:00:00",
        "MAKE_INTERVAL(0, 0, 0, 2) => 2 days",
        "EXTRACT(EPOCH FROM INTERVAL '1 day 1 second') => 86401.000000",
        "EXTRACT(EPOCH FROM INTERVAL '1 year') => 31557600.000000",
        "EXTRACT(HOUR FROM INTERVAL '1 day 25:00') => 25",
        "EXTRACT(MONTH FROM INTERVAL '14 months') => 2",
        "EXTRACT(YEAR FROM INTERVAL '14 months') => 1",
        "EXTRACT(SECOND FROM INTERVAL '1 min 2.5 sec') => 2.500000",
        "EXTRACT(DAY FROM INTERVAL '40 days') => 40",
        "EXTRACT(MINUTE FROM INTERVAL '-1 hour -30 minutes') => -30",
        "DATE_PART('minute', INTERVAL '1 hour 30 minutes') => 30",
        "DATE_PART('epoch', INTERVAL '1 hour') => 3600",
        "CAST(NULL AS INTERVAL) + INTERVAL '1 day' => NULL",
    })
    void evaluates(String expression, String expected) throws SQLException {
        assertEquals(expected, eval(expression), expression);
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
        "SELECT INTERVAL 'abc' => 22007",
        "SELECT INTERVAL '1 day 1 day' => 22007",
        "SELECT INTERVAL '' => 22007",
        "SELECT INTERVAL 'day' => 22007",
        "SELECT INTERVAL 'P1X' => 22007",
        "SELECT CAST('1 fortnight' AS INTERVAL) => 22007",
        "SELECT INTERVAL '99999999999 years' => 22008",
        "SELECT INTERVAL '10:75:00' => 22008",
        "SELECT INTERVAL '2147483647 days' + INTERVAL '1 day' => 22008",
        "SELECT MAKE_INTERVAL(2147483647, 1) => 22008",
        "SELECT INTERVAL '1 mon' * 1e10 => 22008",
        "SELECT INTERVAL '1 day' / 0 => 22012",
        "SELECT INTERVAL '1 day' + 1 => 42883",
        "SELECT INTERVAL '1 day' * INTERVAL '1 day' => 42883",
        "SELECT DATE '2024-01-01' * INTERVAL '1 day' => 42883",
        "SELECT INTERVAL '1 day' = 1 => 42883",
        "SELECT JUSTIFY_DAYS(1) => 42883",
        "SELECT AGE(1) => 42883",
        "SELECT EXTRACT(DOW FROM INTERVAL '1 day') => 0A000",
        "SELECT CAST(INTERVAL '1 day' AS INTEGER) => 42804",
        "SELECT CAST(1 AS INTERVAL) => 42804",
    })
    void rejects(String sql, String state) throws SQLException {
        try (Statement s = c.createStatement()) {
            fails(s, sql, state);
        }
    }

    @Test
    void columnsSortGroupAndAggregate() throws SQLException {
        update(c, "CREATE TABLE iv (id INT PRIMARY KEY, d INTERVAL)");
        update(c, "INSERT INTO iv VALUES (1, INTERVAL '1 day'), (2, '24 hours'), (3, '1 mon'), (4, '-2 hours'),"
                + " (5, NULL), (6, '30 days'), (7, 'PT90M')");
        assertEquals(List.of(4, 7, 1, 2, 3, 6, 5), column(c, "SELECT id FROM iv ORDER BY d NULLS LAST, id"));
        assertEquals(List.of(3, 6, 1, 2, 7, 4, 5), column(c, "SELECT id FROM iv ORDER BY d DESC NULLS LAST, id"));
        assertEquals(List.of(row("-02:00:00", 1L), row("01:30:00", 1L), row("1 day", 2L), row("1 mon", 2L)),
                textRows("SELECT MIN(d), COUNT(*) FROM iv WHERE d IS NOT NULL GROUP BY d ORDER BY MIN(d)"));
        assertEquals(List.of(row("-02:00:00", "1 mon", "1 mon 31 days 23:30:00", "10 days 07:55:00")),
                textRows("SELECT MIN(d), MAX(d), SUM(d), AVG(d) FROM iv"));
        assertEquals(List.of(1, 2), column(c, "SELECT id FROM iv WHERE d = INTERVAL '1 day' ORDER BY id"));
        assertEquals(List.of(3, 6), column(c, "SELECT id FROM iv WHERE d >= '29 days 1 hour' ORDER BY id"));
        assertEquals(List.of(row("2 days")), textRows("SELECT JUSTIFY_HOURS(SUM(d)) FROM iv WHERE id IN (1, 2)"));
        // field by field, as PostgreSQL: 1 day + 24 hours is "1 day 24:00:00"
        assertEquals(List.of(row(1, "1 day"), row(2, "1 day 24:00:00"), row(3, "1 mon 1 day 24:00:00")),
                textRows("SELECT id, SUM(d) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"
                        + " FROM iv WHERE id <= 3 ORDER BY id"));
        assertEquals(List.of(row(2, "1 mon 24:00:00"), row(3, "1 mon -02:00:00"), row(4, "-02:00:00")),
                textRows("SELECT id, SUM(d) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING)"
                        + " FROM iv WHERE id <= 4 AND id >= 2 ORDER BY id"));
        try (Statement s = c.createStatement()) {
            fails(s, "INSERT INTO iv VALUES (8, 1)", "42804");
            fails(s, "INSERT INTO iv VALUES (8, 'soon')", "22007");
            fails(s, "SELECT SUM(CAST(d AS VARCHAR)) FROM iv", "42883");
        }
        update(c, "DROP TABLE iv");
    }

    @Test
    void tpchStyleDateBoundsMatchTheirConstants() throws SQLException {
        update(c, "CREATE TABLE ship (d DATE PRIMARY KEY)");
        update(c, "INSERT INTO ship SELECT CAST(DATE '1998-08-20' + n AS DATE) FROM (VALUES (0), (5), (10), (13),"
                + " (14), (15), (20)) AS v(n)");
        assertEquals(column(c, "SELECT d FROM ship WHERE d <= CAST('1998-09-02' AS DATE) ORDER BY d"),
                column(c, "SELECT d FROM ship WHERE d <= DATE '1998-12-01' - INTERVAL '90' DAY (3) ORDER BY d"));
        assertEquals(4, column(c, "SELECT d FROM ship WHERE d <= DATE '1998-12-01' - INTERVAL '90' DAY (3)").size());
        assertEquals(column(c, "SELECT d FROM ship WHERE d >= DATE '1998-09-01' AND d < DATE '1998-10-01' ORDER BY d"),
                column(c, "SELECT d FROM ship WHERE d >= DATE '1998-09-01'"
                        + " AND d < DATE '1998-09-01' + INTERVAL '1' MONTH ORDER BY d"));
        update(c, "DROP TABLE ship");
    }

    @Test
    void indexedColumnFindsEqualSpans() throws SQLException {
        update(c, "CREATE TABLE ix (id INT, d INTERVAL)");
        update(c, "CREATE INDEX ix_d ON ix (d)");
        for (int i = 0; i < 50; i++) {
            update(c, "INSERT INTO ix VALUES (" + i + ", INTERVAL '" + (i % 10) + " days " + i + " hours')");
        }
        update(c, "INSERT INTO ix VALUES (100, '1 mon'), (101, '30 days'), (102, '720 hours')");
        assertEquals(List.of(100, 101, 102), column(c, "SELECT id FROM ix WHERE d = INTERVAL '30 days' ORDER BY id"));
        assertEquals(List.of(row("1 mon"), row("30 days"), row("720:00:00")),
                textRows("SELECT d FROM ix WHERE d = '1 mon' ORDER BY id"));
        assertEquals(column(c, "SELECT id FROM ix WHERE d + INTERVAL '0 days' < INTERVAL '2 days' ORDER BY id"),
                column(c, "SELECT id FROM ix WHERE d < INTERVAL '2 days' ORDER BY id"));
        update(c, "DROP TABLE ix");
    }

    @Test
    void survivesReopen() throws SQLException {
        String url = "jdbc:rustydb:file:" + dir.resolve("iv.db");
        try (Connection f = DriverManager.getConnection(url)) {
            update(f, "CREATE TABLE p (d INTERVAL)");
            update(f, "INSERT INTO p VALUES ('-1 years -2 mons +3 days -04:05:06.789'), ('P1W')");
        }
        try (Connection f = DriverManager.getConnection(url); Statement s = f.createStatement();
             ResultSet r = s.executeQuery("SELECT d FROM p ORDER BY d")) {
            assertTrue(r.next());
            assertEquals("-1 years -2 mons +3 days -04:05:06.789", r.getString(1));
            assertTrue(r.next());
            assertEquals("7 days", r.getString(1));
            assertFalse(r.next());
        }
    }

    @Test
    void jdbcReadsAndBindsIntervals() throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT INTERVAL '1 day 2 hours', INTERVAL '1 year 2 mons 3 days'")) {
            ResultSetMetaData md = r.getMetaData();
            assertEquals(Types.OTHER, md.getColumnType(1));
            assertEquals("INTERVAL", md.getColumnTypeName(1));
            assertEquals(Interval.class.getName(), md.getColumnClassName(1));
            assertTrue(r.next());
            Interval i = assertInstanceOf(Interval.class, r.getObject(1));
            assertEquals(0, i.months());
            assertEquals(1, i.days());
            assertEquals(2 * Interval.MICROS_PER_HOUR, i.micros());
            assertEquals("1 day 02:00:00", r.getString(1));
            assertEquals(Duration.ofHours(26), r.getObject(1, Duration.class));
            assertEquals(Period.of(1, 2, 3), r.getObject(2, Period.class));
            SQLException e = assertThrows(SQLException.class, () -> r.getObject(1, Period.class));
            assertEquals("22008", e.getSQLState());
            e = assertThrows(SQLException.class, () -> r.getObject(2, Duration.class));
            assertEquals("22008", e.getSQLState());
        }
        update(c, "CREATE TABLE jb (d INTERVAL)");
        try (PreparedStatement p = c.prepareStatement("INSERT INTO jb VALUES (?)")) {
            p.setObject(1, Duration.ofMinutes(90));
            p.executeUpdate();
            p.setObject(1, Period.of(1, 1, 1));
            p.executeUpdate();
            p.setObject(1, Interval.of(0, 2, 0));
            p.executeUpdate();
            p.setString(1, "3 hours");
            p.executeUpdate();
        }
        assertEquals(List.of(row("01:30:00"), row("03:00:00"), row("2 days"), row("1 year 1 mon 1 day")),
                textRows("SELECT d FROM jb ORDER BY d"));
        try (PreparedStatement p = c.prepareStatement("SELECT TIMESTAMP '2024-01-01' + ?")) {
            p.setObject(1, Duration.ofHours(36));
            try (ResultSet r = p.executeQuery()) {
                assertTrue(r.next());
                assertEquals("2024-01-02 12:00:00", r.getString(1));
            }
        }
        assertEquals(List.of(row("interval")), rows(c, "SELECT data_type FROM information_schema.columns"
                + " WHERE table_name = 'jb'"));
        update(c, "DROP TABLE jb");
        boolean listed = false;
        try (ResultSet r = c.getMetaData().getTypeInfo()) {
            while (r.next()) {
                if (r.getString("TYPE_NAME").equals("INTERVAL")) {
                    listed = true;
                    assertEquals(Types.OTHER, r.getInt("DATA_TYPE"));
                }
            }
        }
        assertTrue(listed, "getTypeInfo lists INTERVAL");
    }

    private static List<List<Object>> textRows(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            List<List<Object>> out = new java.util.ArrayList<>();
            while (r.next()) {
                List<Object> line = new java.util.ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object o = r.getObject(i);
                    line.add(o instanceof Interval ? r.getString(i) : o);
                }
                out.add(line);
            }
            return out;
        }
    }
}
