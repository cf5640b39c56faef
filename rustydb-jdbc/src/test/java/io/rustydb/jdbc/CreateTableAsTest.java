package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE TABLE ... AS query [WITH [NO] DATA], IF NOT EXISTS, column lists, rollback and reopen. */
class CreateTableAsTest {
    @TempDir
    Path dir;

    @Test
    void copiesRowsNamesAndTypes() throws SQLException {
        try (Connection c = DriverManager.getConnection(JdbcTestSupport.freshMemUrl("ctas"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE src (id INT, name VARCHAR(10), price DECIMAL(8,2))");
            s.execute("INSERT INTO src VALUES (1, 'a', 1.50), (2, 'b', 2.25), (3, 'c', NULL)");
            assertEquals(2, s.executeUpdate("CREATE TABLE dst AS SELECT id, name, price * 2 AS doubled FROM src WHERE id < 3"));
            assertEquals(List.of(row(1, "a", new java.math.BigDecimal("3.00")), row(2, "b", new java.math.BigDecimal("4.50"))),
                    rows(c, "SELECT * FROM dst ORDER BY id"));
            ResultSetMetaData md = s.executeQuery("SELECT * FROM dst").getMetaData();
            assertEquals("doubled", md.getColumnName(3));
            assertEquals(java.sql.Types.VARCHAR, md.getColumnType(2));
            s.execute("CREATE TABLE named (x, y) AS SELECT id, name FROM src");
            assertEquals(List.of(row(3, "c")), rows(c, "SELECT x, y FROM named WHERE x = 3"));
            s.execute("CREATE TABLE partly (x) AS SELECT id, name FROM src");
            assertEquals("a", scalar(c, "SELECT name FROM partly WHERE x = 1"));
            s.execute("CREATE TABLE empty AS SELECT * FROM src WITH NO DATA");
            assertEquals(0L, scalar(c, "SELECT count(*) FROM empty"));
            s.execute("INSERT INTO empty VALUES (9, 'z', 9.99)");
            s.execute("CREATE TABLE full_copy AS (SELECT * FROM src) WITH DATA");
            assertEquals(3L, scalar(c, "SELECT count(*) FROM full_copy"));
            s.execute("CREATE TABLE IF NOT EXISTS full_copy AS SELECT 1 AS one");
            assertEquals(3L, scalar(c, "SELECT count(*) FROM full_copy"));
            fails(s, "CREATE TABLE full_copy AS SELECT 1 AS one", "42P07");
            s.execute("CREATE TABLE nulls AS SELECT NULL AS n, 1 AS one");
            s.execute("INSERT INTO nulls VALUES ('text', 2)");
            fails(s, "CREATE TABLE dup AS SELECT 1 AS a, 2 AS a", "42701");
            fails(s, "CREATE TABLE toomany (a, b, c) AS SELECT 1, 2", "42601");
            fails(s, "CREATE TABLE bad AS SELECT * FROM nope", "42P01");
            fails(s, "CREATE OR REPLACE TABLE src AS SELECT 1", "0A000");
            try (PreparedStatement p = c.prepareStatement("CREATE TABLE param AS SELECT id FROM src WHERE id > ?")) {
                p.setInt(1, 1);
                assertEquals(2, p.executeUpdate());
            }
            c.setAutoCommit(false);
            s.execute("CREATE TABLE gone AS SELECT * FROM src");
            c.rollback();
            c.setAutoCommit(true);
            fails(s, "SELECT * FROM gone", "42P01");
        }
    }

    @Test
    void survivesAReopen() throws SQLException {
        String url = "jdbc:rustydb:file:" + dir.resolve("ctas.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE src (id INT, name VARCHAR(10))");
            s.execute("INSERT INTO src VALUES (1, 'a'), (2, 'b')");
            s.execute("CREATE TABLE dst AS SELECT name, id FROM src");
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(List.of(row("a", 1), row("b", 2)), rows(c, "SELECT * FROM dst ORDER BY id"));
        }
    }
}
