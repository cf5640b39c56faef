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

/** UNION, INTERSECT and EXCEPT with and without ALL, NULLs as equal, precedence, ORDER BY and LIMIT; WITH queries. */
class SetOperationTest {
    private static Connection c;

    @BeforeAll
    static void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:rustydb:mem:setops");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE a (x INTEGER)");
            s.execute("CREATE TABLE b (x INTEGER)");
            s.execute("INSERT INTO a VALUES (1), (2), (2), (3), (NULL)");
            s.execute("INSERT INTO b VALUES (2), (3), (3), (4), (NULL)");
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
                String v = r.getString(1);
                values.add(r.wasNull() ? "NULL" : v);
            }
        }
        return String.join(",", values);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "SELECT x FROM a UNION SELECT x FROM b ORDER BY 1 => 1,2,3,4,NULL",
        "SELECT x FROM a UNION ALL SELECT x FROM b ORDER BY x => 1,2,2,2,3,3,3,4,NULL,NULL",
        "SELECT x FROM a INTERSECT SELECT x FROM b ORDER BY 1 => 2,3,NULL",
        "SELECT x FROM a INTERSECT ALL SELECT x FROM b ORDER BY 1 => 2,3,NULL",
        "SELECT x FROM a EXCEPT SELECT x FROM b ORDER BY 1 => 1",
        "SELECT x FROM a EXCEPT ALL SELECT x FROM b ORDER BY 1 => 1,2",
        "SELECT x FROM a UNION SELECT x FROM b INTERSECT SELECT 4 ORDER BY 1 => 1,2,3,4,NULL",
        "SELECT 1 UNION SELECT 2.5 ORDER BY 1 DESC LIMIT 1 => 2.5",
        "SELECT x FROM a UNION SELECT x FROM b ORDER BY x DESC LIMIT 2 OFFSET 1 => 4,3",
        "WITH big AS (SELECT x FROM a WHERE x > 1) SELECT x FROM big ORDER BY x => 2,2,3",
        "WITH s(total) AS (SELECT SUM(x) FROM a), t AS (SELECT total * 2 AS d FROM s) SELECT d FROM t => 16",
        "WITH w AS (SELECT 4 AS v) SELECT x FROM b WHERE x IN (SELECT v FROM w) => 4",
        "WITH w AS (SELECT 1 AS v) SELECT v FROM w UNION SELECT x FROM b WHERE x < 3 ORDER BY 1 => 1,2",
    })
    void evaluates(String sql, String expected) throws SQLException {
        assertEquals(expected, column(sql), sql);
    }

    @Test
    void mismatchedQueriesAreRejected() {
        SQLException width = assertThrows(SQLException.class, () -> column("SELECT x, x FROM a UNION SELECT x FROM b"));
        assertEquals("42601", width.getSQLState());
        SQLException types = assertThrows(SQLException.class, () -> column("SELECT x FROM a UNION SELECT DATE '2020-01-01'"));
        assertEquals("42804", types.getSQLState());
    }
}
