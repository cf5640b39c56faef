package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Window functions end to end: every function, frames (ROWS, RANGE, GROUPS, offsets), partitions, NULLs, peers,
 * named windows, windows over aggregation, parameters, EXPLAIN, and the errors. {@link WindowFunctionModelTest}
 * checks random calls against a naive model.
 */
class WindowFunctionTest {
    private static Connection c;

    @BeforeAll
    static void open() throws SQLException {
        c = JdbcTestSupport.connect(JdbcTestSupport.freshMemUrl("window"));
        try (Statement s = c.createStatement()) {
            // PostgreSQL's tutorial table
            s.execute("CREATE TABLE emp (depname VARCHAR(20), empno INTEGER, salary INTEGER, enroll DATE)");
            s.execute("INSERT INTO emp VALUES ('develop', 10, 5200, DATE '2007-08-01'), ('sales', 1, 5000, DATE '2006-10-01'),"
                    + " ('personnel', 5, 3500, DATE '2007-12-10'), ('sales', 4, 4800, DATE '2007-08-08'),"
                    + " ('personnel', 2, 3900, DATE '2006-12-23'), ('develop', 7, 4200, DATE '2008-01-01'),"
                    + " ('develop', 9, 4500, DATE '2008-01-01'), ('sales', 3, 4800, DATE '2007-08-01'),"
                    + " ('develop', 8, 6000, DATE '2006-10-01'), ('develop', 11, 5200, DATE '2007-08-15')");
            s.execute("CREATE TABLE n (id INTEGER, g INTEGER, x INTEGER, d DOUBLE PRECISION)");
            s.execute("INSERT INTO n VALUES (1, 1, 10, 1.5), (2, 1, NULL, NULL), (3, 1, 30, 2.5), (4, 2, 40, 0.25),"
                    + " (5, 2, 40, NULL), (6, NULL, 60, 4.0), (7, NULL, NULL, 8.0)");
            s.execute("CREATE TABLE empty_t (x INTEGER)");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        c.close();
    }

    /** The rows of {@code sql}, each as its columns' strings joined by ':', rows joined by ','. */
    private static String q(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    String v = r.getString(i);
                    row.add(r.wasNull() ? "NULL" : v);
                }
                out.add(String.join(":", row));
            }
        }
        return String.join(",", out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        // ranking
        "SELECT empno, ROW_NUMBER() OVER (ORDER BY empno) FROM emp ORDER BY empno LIMIT 3 => 1:1,2:2,3:3",
        "SELECT empno, RANK() OVER (PARTITION BY depname ORDER BY salary DESC) FROM emp ORDER BY empno"
                + " => 1:1,2:1,3:2,4:2,5:2,7:5,8:1,9:4,10:2,11:2",
        "SELECT empno, DENSE_RANK() OVER (PARTITION BY depname ORDER BY salary DESC) FROM emp ORDER BY empno"
                + " => 1:1,2:1,3:2,4:2,5:2,7:4,8:1,9:3,10:2,11:2",
        "SELECT empno, PERCENT_RANK() OVER (PARTITION BY depname ORDER BY salary) FROM emp ORDER BY empno"
                + " => 1:1,2:1,3:0,4:0,5:0,7:0,8:1,9:0.25,10:0.5,11:0.5",
        "SELECT empno, CUME_DIST() OVER (PARTITION BY depname ORDER BY salary) FROM emp ORDER BY empno"
                + " => 1:1,2:1,3:0.6666666666666666,4:0.6666666666666666,5:0.5,7:0.2,8:1,9:0.4,10:0.8,11:0.8",
        "SELECT empno, NTILE(3) OVER (ORDER BY empno) FROM emp ORDER BY empno => 1:1,2:1,3:1,4:1,5:2,7:2,8:2,9:3,10:3,11:3",
        "SELECT empno, NTILE(20) OVER (ORDER BY empno) FROM emp WHERE empno < 4 ORDER BY empno => 1:1,2:2,3:3",
        "SELECT NTILE(NULL) OVER () FROM emp WHERE empno = 1 => NULL",
        "SELECT RANK() OVER (), DENSE_RANK() OVER (), ROW_NUMBER() OVER (ORDER BY empno) FROM emp WHERE empno < 3 ORDER BY 3"
                + " => 1:1:1,1:1:2",
        "SELECT PERCENT_RANK() OVER (), CUME_DIST() OVER () FROM emp WHERE empno = 1 => 0:1",
        // navigation
        "SELECT empno, LAG(salary) OVER (ORDER BY empno) FROM emp WHERE empno < 5 ORDER BY empno => 1:NULL,2:5000,3:3900,4:4800",
        "SELECT empno, LEAD(salary, 2, -1) OVER (ORDER BY empno) FROM emp WHERE empno < 5 ORDER BY empno"
                + " => 1:4800,2:4800,3:-1,4:-1",
        "SELECT empno, LAG(empno, 1, 0) OVER (PARTITION BY depname ORDER BY empno) FROM emp ORDER BY empno"
                + " => 1:0,2:0,3:1,4:3,5:2,7:0,8:7,9:8,10:9,11:10",
        "SELECT empno, LAG(empno, -1) OVER (ORDER BY empno) FROM emp WHERE empno < 4 ORDER BY empno => 1:2,2:3,3:NULL",
        "SELECT id, LAG(x, NULL) OVER (ORDER BY id) FROM n WHERE id < 3 ORDER BY id => 1:NULL,2:NULL",
        "SELECT id, LAG(d, 1, 0) OVER (ORDER BY id) FROM n WHERE id < 4 ORDER BY id => 1:0,2:1.5,3:NULL",
        "SELECT empno, FIRST_VALUE(empno) OVER (PARTITION BY depname ORDER BY salary DESC, empno) FROM emp ORDER BY empno"
                + " => 1:1,2:2,3:1,4:1,5:2,7:8,8:8,9:8,10:8,11:8",
        "SELECT empno, LAST_VALUE(salary) OVER (PARTITION BY depname ORDER BY salary DESC) FROM emp ORDER BY empno"
                + " => 1:5000,2:3900,3:4800,4:4800,5:3500,7:4200,8:6000,9:4500,10:5200,11:5200",
        "SELECT empno, LAST_VALUE(empno) OVER (PARTITION BY depname ORDER BY salary, empno) FROM emp ORDER BY empno"
                + " => 1:1,2:2,3:3,4:4,5:5,7:7,8:8,9:9,10:10,11:11",
        "SELECT empno, LAST_VALUE(empno) OVER (PARTITION BY depname ORDER BY empno ROWS BETWEEN UNBOUNDED PRECEDING"
                + " AND UNBOUNDED FOLLOWING) FROM emp ORDER BY empno => 1:4,2:5,3:4,4:4,5:5,7:11,8:11,9:11,10:11,11:11",
        "SELECT empno, NTH_VALUE(empno, 2) OVER (ORDER BY empno) FROM emp WHERE empno < 5 ORDER BY empno"
                + " => 1:NULL,2:2,3:2,4:2",
        "SELECT empno, NTH_VALUE(empno, 2) OVER (ORDER BY empno ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM emp"
                + " WHERE empno < 5 ORDER BY empno => 1:2,2:2,3:3,4:4",
        // aggregates: partition, running with peers, whole partition
        "SELECT empno, SUM(salary) OVER (PARTITION BY depname) FROM emp WHERE depname <> 'develop' ORDER BY empno"
                + " => 1:14600,2:7400,3:14600,4:14600,5:7400",
        "SELECT salary, SUM(salary) OVER (ORDER BY salary) FROM emp ORDER BY salary, empno"
                + " => 3500:3500,3900:7400,4200:11600,4500:16100,4800:25700,4800:25700,5000:30700,5200:41100,5200:41100,6000:47100",
        "SELECT depname, AVG(salary) OVER (PARTITION BY depname) FROM emp WHERE empno IN (2, 5) => personnel:3700.0000000000000000,personnel:3700.0000000000000000",
        "SELECT COUNT(*) OVER (), COUNT(x) OVER (), MIN(x) OVER (), MAX(x) OVER (), SUM(d) OVER () FROM n ORDER BY id LIMIT 1"
                + " => 7:5:10:60:16.25",
        "SELECT id, COUNT(x) OVER (ORDER BY id), SUM(x) OVER (ORDER BY id) FROM n WHERE id <= 3 ORDER BY id"
                + " => 1:1:10,2:1:10,3:2:40",
        "SELECT id, SUM(x) OVER (PARTITION BY g) FROM n ORDER BY id => 1:40,2:40,3:40,4:80,5:80,6:60,7:60",
        "SELECT id, COUNT(DISTINCT x) OVER (ORDER BY id) FROM n ORDER BY id => 1:1,2:1,3:2,4:3,5:3,6:4,7:4",
        "SELECT id, SUM(x) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM n ORDER BY id"
                + " => 1:10,2:40,3:70,4:110,5:140,6:100,7:60",
        "SELECT id, MAX(x) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM n ORDER BY id"
                + " => 1:10,2:10,3:30,4:40,5:40,6:60,7:60",
        "SELECT id, MIN(x) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM n ORDER BY id"
                + " => 1:10,2:30,3:30,4:40,5:40,6:60,7:NULL",
        "SELECT id, AVG(x) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING) FROM n WHERE id >= 3 ORDER BY id"
                + " => 3:40.0000000000000000,4:50.0000000000000000,5:60.0000000000000000,6:NULL,7:NULL",
        "SELECT id, COUNT(*) OVER (ORDER BY id ROWS 2 PRECEDING) FROM n ORDER BY id => 1:1,2:2,3:3,4:3,5:3,6:3,7:3",
        "SELECT id, COUNT(*) OVER (ORDER BY id ROWS BETWEEN 3 FOLLOWING AND 1 FOLLOWING) FROM n WHERE id < 3 => 1:0,2:0",
        "SELECT id, SUM(x) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) FROM n WHERE id < 5 ORDER BY id"
                + " => 1:NULL,2:10,3:10,4:40",
        "SELECT id, SUM(DISTINCT x) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM n WHERE id >= 3 ORDER BY id"
                + " => 3:70,4:70,5:100,6:100,7:60",
        // RANGE and GROUPS
        "SELECT empno, SUM(salary) OVER (ORDER BY salary RANGE BETWEEN 300 PRECEDING AND 300 FOLLOWING) FROM emp"
                + " WHERE depname = 'develop' ORDER BY empno => 7:8700,8:6000,9:8700,10:10400,11:10400",
        "SELECT empno, COUNT(*) OVER (ORDER BY salary DESC RANGE BETWEEN CURRENT ROW AND 700 FOLLOWING) FROM emp"
                + " WHERE depname = 'develop' ORDER BY empno => 7:1,8:1,9:2,10:3,11:3",
        "SELECT empno, COUNT(*) OVER (ORDER BY enroll RANGE BETWEEN 31 PRECEDING AND CURRENT ROW) FROM emp"
                + " WHERE depname = 'develop' ORDER BY empno => 7:2,8:1,9:2,10:1,11:2",
        "SELECT id, COUNT(*) OVER (ORDER BY x RANGE BETWEEN 10 PRECEDING AND 10 FOLLOWING) FROM n ORDER BY id"
                + " => 1:1,2:2,3:3,4:3,5:3,6:1,7:2",
        "SELECT id, COUNT(*) OVER (ORDER BY x NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND 10 PRECEDING) FROM n ORDER BY id"
                + " => 1:2,2:2,3:3,4:4,5:4,6:6,7:2",
        "SELECT id, SUM(d) OVER (ORDER BY d RANGE BETWEEN 1 PRECEDING AND 0.5 FOLLOWING) FROM n WHERE d IS NOT NULL ORDER BY id"
                + " => 1:1.5,3:4,4:0.25,6:4,7:8",
        "SELECT empno, COUNT(*) OVER (ORDER BY salary GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM emp"
                + " WHERE depname = 'sales' ORDER BY empno => 1:3,3:3,4:3",
        "SELECT empno, SUM(salary) OVER (ORDER BY salary GROUPS BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM emp"
                + " WHERE depname = 'develop' ORDER BY empno => 7:8700,8:6000,9:14900,10:16400,11:16400",
        "SELECT empno, SUM(salary) OVER (ORDER BY salary RANGE BETWEEN CURRENT ROW AND CURRENT ROW) FROM emp"
                + " WHERE depname = 'sales' ORDER BY empno => 1:5000,3:9600,4:9600",
        // named windows, several specs, windows in ORDER BY and over DISTINCT
        "SELECT empno, RANK() OVER w, SUM(salary) OVER w FROM emp WHERE depname = 'sales' WINDOW w AS (ORDER BY salary)"
                + " ORDER BY empno => 1:3:14600,3:1:9600,4:1:9600",
        "SELECT empno, ROW_NUMBER() OVER (ORDER BY empno DESC), ROW_NUMBER() OVER (ORDER BY salary, empno) FROM emp"
                + " WHERE depname = 'sales' ORDER BY empno => 1:3:3,3:2:1,4:1:2",
        "SELECT empno FROM emp WHERE depname = 'develop' ORDER BY ROW_NUMBER() OVER (ORDER BY salary DESC, empno DESC)"
                + " => 8,11,10,9,7",
        "SELECT empno, ROW_NUMBER() OVER (ORDER BY empno) AS rn FROM emp ORDER BY rn DESC LIMIT 2 => 11:10,10:9",
        "SELECT DISTINCT depname, COUNT(*) OVER (PARTITION BY depname) FROM emp ORDER BY 1"
                + " => develop:5,personnel:2,sales:3",
        "SELECT x, ROW_NUMBER() OVER () FROM empty_t => ''",
        // windows over aggregation
        "SELECT depname, SUM(salary), SUM(SUM(salary)) OVER () FROM emp GROUP BY depname ORDER BY 1"
                + " => develop:25100:47100,personnel:7400:47100,sales:14600:47100",
        "SELECT depname, RANK() OVER (ORDER BY COUNT(*) DESC) FROM emp GROUP BY depname ORDER BY 1"
                + " => develop:1,personnel:3,sales:2",
        "SELECT depname, AVG(SUM(salary)) OVER (ORDER BY depname ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING), MAX(empno) FROM emp"
                + " GROUP BY depname HAVING COUNT(*) > 1 ORDER BY 1"
                + " => develop:16250.0000000000000000:11,personnel:11000.0000000000000000:5,sales:14600.0000000000000000:4",
        "SELECT COUNT(*), ROW_NUMBER() OVER () FROM emp => 10:1",
        // in a derived table (filter on the window's result)
        "SELECT empno FROM (SELECT empno, RANK() OVER (PARTITION BY depname ORDER BY salary DESC) AS r FROM emp) t"
                + " WHERE r = 1 ORDER BY empno => 1,2,8",
    })
    void query(String sql, String expected) throws SQLException {
        assertEquals(expected, q(sql), sql);
    }

    @Test
    void parametersInFrameAndArguments() throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT empno, SUM(salary) OVER (ORDER BY empno ROWS BETWEEN ?"
                + " PRECEDING AND CURRENT ROW), LAG(empno, ?, ?) OVER (ORDER BY empno) FROM emp WHERE empno < 4 ORDER BY empno")) {
            p.setInt(1, 1);
            p.setInt(2, 2);
            p.setInt(3, -7);
            List<String> got = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    got.add(r.getInt(1) + ":" + r.getLong(2) + ":" + r.getInt(3));
                }
            }
            assertEquals(List.of("1:5000:-7", "2:8900:-7", "3:8700:1"), got);
            p.setInt(1, -1);
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, p::executeQuery);
            assertEquals("22013", e.getSQLState());
            p.setNull(1, java.sql.Types.INTEGER);
            e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, p::executeQuery);
            assertEquals("22004", e.getSQLState());
        }
    }

    @Test
    void columnNameAndTypes() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT ROW_NUMBER() OVER (), NTILE(2) OVER (), CUME_DIST() OVER (), SUM(salary) OVER () FROM emp")) {
            assertEquals("row_number", r.getMetaData().getColumnLabel(1));
            assertEquals(java.sql.Types.BIGINT, r.getMetaData().getColumnType(1));
            assertEquals(java.sql.Types.INTEGER, r.getMetaData().getColumnType(2));
            assertEquals(java.sql.Types.DOUBLE, r.getMetaData().getColumnType(3));
            assertEquals(java.sql.Types.BIGINT, r.getMetaData().getColumnType(4));
        }
    }

    @Test
    void explainShowsTheWindowOperator() throws SQLException {
        String plan = String.join("\n", JdbcTestSupport.strings(c.createStatement(),
                "EXPLAIN SELECT RANK() OVER (PARTITION BY depname ORDER BY salary) FROM emp"));
        assertTrue(plan.contains("-> Window [rank([]) OVER (PARTITION BY [depname#0] ORDER BY [salary#2]"), plan);
    }

    @Test
    void largePartitionsStayFast() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE digits (i INTEGER)");
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                values.append(i == 0 ? "" : ",").append('(').append(i).append(')');
            }
            s.execute("INSERT INTO digits VALUES " + values);
            s.execute("CREATE TABLE big (i INTEGER)");
            s.execute("INSERT INTO big SELECT a.i * 100 + b.i FROM digits a, digits b WHERE a.i < 100 AND b.i < 100");
            // sliding MIN over a 5,000-row frame: a quadratic evaluation would take 5 * 10^7 steps
            assertEquals("0:0:49995000:9999", q("SELECT MIN(m), MIN(i), SUM(r), MAX(c) FROM (SELECT i,"
                    + " MIN(i) OVER (ORDER BY i ROWS BETWEEN 2500 PRECEDING AND 2500 FOLLOWING) AS m,"
                    + " SUM(i) OVER (ORDER BY i) - SUM(i) OVER (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS r,"
                    + " ROW_NUMBER() OVER (ORDER BY i DESC) - 1 AS c FROM big) t"));
            s.execute("DROP TABLE big");
            s.execute("DROP TABLE digits");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "SELECT empno FROM emp WHERE ROW_NUMBER() OVER () > 1 => 42P20",
        "SELECT COUNT(*) FROM emp GROUP BY RANK() OVER () => 42P20",
        "SELECT depname FROM emp GROUP BY depname HAVING RANK() OVER () > 1 => 42P20",
        "SELECT SUM(ROW_NUMBER() OVER ()) FROM emp => 42803",
        "SELECT SUM(ROW_NUMBER() OVER ()) OVER () FROM emp => 42P20",
        "SELECT ROW_NUMBER() FROM emp => 42809",
        "SELECT ABS(salary) OVER () FROM emp => 42809",
        "SELECT RANK(salary) OVER () FROM emp => 42883",
        "SELECT NTILE() OVER () FROM emp => 42883",
        "SELECT NTILE('a') OVER () FROM emp => 42804",
        "SELECT NTILE(0) OVER () FROM emp => 22014",
        "SELECT NTH_VALUE(empno, 0) OVER () FROM emp => 22016",
        "SELECT SUM(depname) OVER () FROM emp => 42883",
        "SELECT SUM(*) OVER () FROM emp => 42601",
        "SELECT RANK() OVER w FROM emp => 42704",
        "SELECT RANK() OVER w FROM emp WINDOW w AS (), w AS (ORDER BY empno) => 42P20",
        "SELECT SUM(salary) OVER (ORDER BY empno ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW) FROM emp => 42P20",
        "SELECT SUM(salary) OVER (ORDER BY empno ROWS BETWEEN CURRENT ROW AND UNBOUNDED PRECEDING) FROM emp => 42P20",
        "SELECT SUM(salary) OVER (ORDER BY empno ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM emp => 42P20",
        "SELECT SUM(salary) OVER (ORDER BY empno ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW) FROM emp => 42P20",
        "SELECT SUM(salary) OVER (ROWS BETWEEN -1 PRECEDING AND CURRENT ROW) FROM emp => 22013",
        "SELECT SUM(salary) OVER (ROWS BETWEEN empno PRECEDING AND CURRENT ROW) FROM emp => 42703",
        "SELECT SUM(salary) OVER (ROWS BETWEEN 1.5 PRECEDING AND CURRENT ROW) FROM emp => 42804",
        "SELECT SUM(salary) OVER (RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM emp => 42P20",
        "SELECT SUM(salary) OVER (ORDER BY empno, salary RANGE 1 PRECEDING) FROM emp => 42P20",
        "SELECT SUM(salary) OVER (ORDER BY depname RANGE 1 PRECEDING) FROM emp => 0A000",
        "SELECT SUM(salary) OVER (GROUPS 1 PRECEDING) FROM emp => 42P20",
        "SELECT SUM(salary) OVER (ORDER BY empno ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW) FROM emp => 0A000",
        "SELECT depname, SUM(salary) OVER () FROM emp GROUP BY depname => 42803",
        "SELECT empno FROM emp FOR UPDATE => OK",
        "SELECT RANK() OVER (ORDER BY empno) FROM emp FOR UPDATE => 0A000",
        "SELECT LAG(salary, 1, 'x') OVER () FROM emp => 22P02",
        "SELECT LAG(salary, 1, DATE '2020-01-01') OVER () FROM emp => 42804",
        "SELECT DISTINCT RANK() OVER () FROM emp ORDER BY RANK() OVER (ORDER BY empno) => 42P10",
    })
    void errors(String sql, String state) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (state.equals("OK")) {
                s.executeQuery(sql).close();
            } else {
                fails(s, sql, state);
            }
        }
    }
}
