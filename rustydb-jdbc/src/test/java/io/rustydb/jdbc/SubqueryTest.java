package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
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
 * Subqueries: scalar (NULL without rows, 21000 with several), EXISTS, IN / NOT IN with SQL's NULL rules, ANY/ALL,
 * correlated at one and two levels, in SELECT, WHERE, CASE and UPDATE.
 */
class SubqueryTest {
    private static Connection c;

    @BeforeAll
    static void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:rustydb:mem:subqueries");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t1 (a INTEGER, b INTEGER)");
            s.execute("CREATE TABLE t2 (x INTEGER, y INTEGER)");
            s.execute("INSERT INTO t1 VALUES (1, 10), (2, 20), (3, 30), (4, NULL)");
            s.execute("INSERT INTO t2 VALUES (1, 100), (1, 101), (3, 300), (NULL, 0)");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        c.close();
    }

    private static String column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                String v = r.getString(r.getMetaData().getColumnCount());
                values.add(r.wasNull() ? "NULL" : v);
            }
        }
        return String.join(",", values);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "SELECT a, (SELECT max(y) FROM t2 WHERE t2.x = t1.a) FROM t1 ORDER BY a => 101,NULL,300,NULL",
        "SELECT a FROM t1 WHERE EXISTS (SELECT 1 FROM t2 WHERE t2.x = t1.a) ORDER BY a => 1,3",
        "SELECT a FROM t1 WHERE NOT EXISTS (SELECT 1 FROM t2 WHERE t2.x = t1.a) ORDER BY a => 2,4",
        "SELECT a FROM t1 WHERE a IN (SELECT x FROM t2) ORDER BY a => 1,3",
        "SELECT a FROM t1 WHERE a NOT IN (SELECT x FROM t2) ORDER BY a => ''",
        "SELECT a FROM t1 WHERE a NOT IN (SELECT x FROM t2 WHERE x IS NOT NULL) ORDER BY a => 2,4",
        "SELECT a FROM t1 WHERE a > ALL (SELECT x FROM t2 WHERE x IS NOT NULL) ORDER BY a => 4",
        "SELECT a FROM t1 WHERE a < ANY (SELECT x FROM t2) ORDER BY a => 1,2",
        "SELECT a FROM t1 WHERE a = ANY (SELECT x FROM t2 WHERE x > 5) => ''",
        "SELECT a FROM t1 WHERE a < ALL (SELECT x FROM t2 WHERE x > 5) ORDER BY a => 1,2,3,4",
        "SELECT (SELECT y FROM t2 WHERE x = 99) => NULL",
        "SELECT a, CASE WHEN b > (SELECT avg(b) FROM t1) THEN 'hi' ELSE 'lo' END FROM t1 ORDER BY a => lo,lo,hi,lo",
        "SELECT count(*) FROM t1 WHERE a IN (SELECT x FROM t2 WHERE y > (SELECT min(b) FROM t1 u WHERE u.a = t2.x)) => 2",
        "SELECT a FROM t1 WHERE EXISTS (SELECT 1 FROM t2 WHERE EXISTS (SELECT 1 FROM t1 i WHERE i.a = t2.x AND t2.x = t1.a)) ORDER BY a => 1,3",
        "SELECT count(*), (SELECT count(*) FROM t2) FROM t1 => 4",
        "SELECT SUM(ALL b) FROM t1 => 60",
        "SELECT COUNT(ALL b) FROM t1 => 3",
        "SELECT s.total FROM (SELECT SUM(b) AS total FROM t1) s => 60",
        "SELECT q.n FROM (SELECT a * 2 FROM t1 WHERE a > 2) AS q(n) ORDER BY q.n => 6,8",
        "SELECT t1.a FROM t1 JOIN (SELECT MAX(x) AS m FROM t2) q ON t1.a = q.m => 3",
    })
    void evaluates(String sql, String expected) throws SQLException {
        assertEquals(expected, column(sql), sql);
    }

    @Test
    void aScalarSubqueryWithSeveralRowsIs21000() {
        SQLException e = assertThrows(SQLException.class, () -> column("SELECT (SELECT x FROM t2)"));
        assertEquals("21000", e.getSQLState());
        SQLException twoColumns = assertThrows(SQLException.class, () -> column("SELECT a FROM t1 WHERE a IN (SELECT x, y FROM t2)"));
        assertEquals("42601", twoColumns.getSQLState());
    }

    @Test
    void updateWithACorrelatedSubquery() throws SQLException {
        try (Connection u = DriverManager.getConnection("jdbc:rustydb:mem:subquery-update"); Statement s = u.createStatement()) {
            s.execute("CREATE TABLE acc (id INTEGER, total INTEGER)");
            s.execute("CREATE TABLE item (acc INTEGER, amount INTEGER)");
            s.execute("INSERT INTO acc VALUES (1, 0), (2, 0), (3, 0)");
            s.execute("INSERT INTO item VALUES (1, 5), (1, 7), (3, 1)");
            assertEquals(2, s.executeUpdate(
                    "UPDATE acc SET total = (SELECT SUM(amount) FROM item WHERE item.acc = acc.id) "
                            + "WHERE id IN (SELECT acc FROM item)"));
            try (ResultSet r = s.executeQuery("SELECT id, total FROM acc ORDER BY id")) {
                StringBuilder sb = new StringBuilder();
                while (r.next()) {
                    sb.append(r.getInt(1)).append('=').append(r.getInt(2)).append(' ');
                }
                assertEquals("1=12 2=0 3=1 ", sb.toString());
            }
        }
    }
}
