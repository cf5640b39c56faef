package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SELECT DISTINCT ON (...) with PostgreSQL's rules: first row per key in ORDER BY order, NULL keys equal, 42P10. */
class DistinctOnTest {
    private Connection c;
    private Statement s;

    @BeforeEach
    void open() throws SQLException {
        c = JdbcTestSupport.connect(JdbcTestSupport.freshMemUrl("distinct_on"));
        s = c.createStatement();
        s.execute("CREATE TABLE m (station VARCHAR(5), at INTEGER, temp INTEGER)");
        s.execute("INSERT INTO m VALUES ('a', 1, 10), ('a', 3, 12), ('a', 2, 11), ('b', 5, 20), ('b', 4, 21), "
                + "(NULL, 1, 0), (NULL, 2, 1)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void latestRowPerKey() throws SQLException {
        assertEquals(List.of(row("a", 3, 12), row("b", 5, 20), row(null, 2, 1)),
                rows(c, "SELECT DISTINCT ON (station) station, at, temp FROM m ORDER BY station, at DESC"));
        // the key need not be selected; ORDER BY may name it by position or alias; LIMIT applies after
        assertEquals(List.of(row(10), row(20)),
                rows(c, "SELECT DISTINCT ON (station) temp FROM m WHERE station IS NOT NULL "
                        + "ORDER BY station, temp"));
        assertEquals(List.of(row("b", 4)),
                rows(c, "SELECT DISTINCT ON (s) station AS s, at FROM m ORDER BY 1 DESC NULLS LAST, at LIMIT 1"));
        // several keys, in any order among the leading ORDER BY items
        assertEquals(3, rows(c, "SELECT DISTINCT ON (station, at > 2) station FROM m WHERE station IS NOT NULL "
                + "ORDER BY at > 2, station").size());
        // without ORDER BY: one row per key
        assertEquals(3, rows(c, "SELECT DISTINCT ON (station) * FROM m").size());
        // over an aggregation
        assertEquals(List.of(row("a", 3L), row("b", 2L)), rows(c, "SELECT DISTINCT ON (COUNT(*)) station, COUNT(*) FROM m "
                + "GROUP BY station ORDER BY COUNT(*) DESC, station"));
    }

    @Test
    void orderByMustStartWithTheKeys() {
        fails(s, "SELECT DISTINCT ON (station) station, at FROM m ORDER BY at", "42P10");
        fails(s, "SELECT DISTINCT ON (station) station, at FROM m ORDER BY at, station", "42P10");
        fails(s, "SELECT DISTINCT ON (station, temp) station FROM m ORDER BY station, at, temp", "42P10");
        fails(s, "SELECT DISTINCT ON (nope) station FROM m", "42703");
        fails(s, "SELECT DISTINCT ON (station, 'literal') station FROM m", "42601");
        fails(s, "SELECT DISTINCT ON (3) station FROM m", "42P10");
        fails(s, "SELECT DISTINCT ON (station) at FROM m GROUP BY station", "42803");
    }
}
