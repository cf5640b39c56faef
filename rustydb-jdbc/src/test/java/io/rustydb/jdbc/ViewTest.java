package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views: CREATE [OR REPLACE] VIEW v [(cols)], use wherever a table is read (joins, subqueries, views on views),
 * DROP VIEW [IF EXISTS] [CASCADE | RESTRICT], dependencies (2BP01), DML on a view (0A000), wrong object types
 * (42809), rollback and reopen.
 */
class ViewTest {
    @TempDir
    Path dir;

    private static Connection mem() throws SQLException {
        return DriverManager.getConnection(JdbcTestSupport.freshMemUrl("views"));
    }

    @Test
    void viewsAreReadLikeTables() throws SQLException {
        try (Connection c = mem(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10), qty INT)");
            s.execute("INSERT INTO t VALUES (1, 'a', 5), (2, 'b', 0), (3, 'c', 7)");
            s.execute("CREATE VIEW stocked AS SELECT id, name FROM t WHERE qty > 0");
            assertEquals(List.of(row(1, "a"), row(3, "c")), rows(c, "SELECT * FROM stocked ORDER BY id"));
            s.execute("INSERT INTO t VALUES (4, 'd', 1)");
            assertEquals(3L, scalar(c, "SELECT count(*) FROM stocked"));
            assertEquals(List.of(row("a", 5)), rows(c,
                    "SELECT v.name, t.qty FROM stocked v JOIN t ON t.id = v.id WHERE v.id = 1"));
            assertEquals(2L, scalar(c, "SELECT count(*) FROM t WHERE id IN (SELECT id FROM stocked WHERE id < 4)"));
            s.execute("CREATE VIEW renamed (k, n) AS SELECT id, name FROM stocked");
            assertEquals(List.of(row(4, "d")), rows(c, "SELECT k, n FROM renamed WHERE k = 4"));
            fails(s, "SELECT id FROM renamed", "42703");
            s.execute("CREATE OR REPLACE VIEW stocked AS SELECT id, name FROM t WHERE qty >= 0");
            assertEquals(4L, scalar(c, "SELECT count(*) FROM renamed"));
            s.execute("CREATE VIEW star AS SELECT * FROM t");
            s.execute("ALTER TABLE t ADD COLUMN extra INT");
            assertEquals(3, rows(c, "SELECT * FROM star").get(0).size()); // a view keeps its columns
            fails(s, "CREATE VIEW stocked AS SELECT 1 AS x", "42P07");
            fails(s, "CREATE VIEW t AS SELECT 1 AS x", "42P07");
            fails(s, "CREATE OR REPLACE VIEW t AS SELECT 1 AS x", "42809");
            fails(s, "CREATE VIEW bad AS SELECT * FROM nope", "42P01");
            fails(s, "CREATE VIEW dup AS SELECT 1 AS a, 2 AS a", "42701");
            fails(s, "CREATE VIEW p AS SELECT * FROM t WHERE id = ?", "42601");
            fails(s, "INSERT INTO stocked VALUES (9, 'z')", "0A000");
            fails(s, "UPDATE stocked SET name = 'q'", "0A000");
            fails(s, "DELETE FROM stocked", "0A000");
            fails(s, "CREATE INDEX i ON stocked (id)", "0A000");
            fails(s, "DROP TABLE stocked", "42809");
            fails(s, "DROP VIEW t", "42809");
            fails(s, "DROP VIEW nope", "42P01");
            s.execute("DROP VIEW IF EXISTS nope");
            // a view reading itself through a replacement
            fails(s, "CREATE OR REPLACE VIEW stocked AS SELECT k AS id, n AS name FROM renamed", "2BP01");
        }
    }

    @Test
    void dependenciesNeedCascade() throws SQLException {
        try (Connection c = mem(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INT, b INT)");
            s.execute("INSERT INTO t VALUES (1, 2)");
            s.execute("CREATE VIEW v1 AS SELECT a, b FROM t");
            s.execute("CREATE VIEW v2 AS SELECT a FROM v1");
            s.execute("CREATE VIEW vb AS SELECT b FROM t");
            fails(s, "DROP TABLE t", "2BP01");
            fails(s, "DROP TABLE t RESTRICT", "2BP01");
            fails(s, "DROP VIEW v1", "2BP01");
            fails(s, "ALTER TABLE t DROP COLUMN b", "2BP01");
            fails(s, "ALTER TABLE t RENAME COLUMN a TO x", "0A000");
            fails(s, "ALTER TABLE t RENAME TO u", "0A000");
            s.execute("ALTER TABLE t ADD COLUMN c INT");
            s.execute("ALTER TABLE t DROP COLUMN c");
            s.execute("ALTER TABLE t DROP COLUMN b CASCADE"); // takes v1, v2 and vb
            fails(s, "SELECT * FROM v2", "42P01");
            fails(s, "SELECT * FROM vb", "42P01");
            s.execute("CREATE VIEW v3 AS SELECT a FROM t");
            s.execute("DROP TABLE t CASCADE");
            fails(s, "SELECT * FROM v3", "42P01");
            s.execute("CREATE TABLE p (id INT PRIMARY KEY)");
            s.execute("CREATE TABLE ch (pid INT REFERENCES p (id))");
            fails(s, "DROP TABLE p", "2BP01");
            s.execute("DROP TABLE p CASCADE");
            s.execute("INSERT INTO ch VALUES (42)"); // its foreign key went with p
        }
    }

    @Test
    void viewsRollBackAndSurviveAReopen() throws SQLException {
        String url = "jdbc:rustydb:file:" + dir.resolve("views.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INT, b VARCHAR(5))");
            s.execute("INSERT INTO t VALUES (1, 'x'), (2, 'y')");
            s.execute("CREATE VIEW kept (first, \"Second\") AS SELECT a, b FROM t WHERE a > 1");
            s.execute("CREATE VIEW doomed AS SELECT a FROM t");
            c.setAutoCommit(false);
            s.execute("CREATE VIEW rolled AS SELECT a FROM t");
            s.execute("DROP VIEW doomed");
            s.execute("CREATE OR REPLACE VIEW kept (first, \"Second\") AS SELECT a, b FROM t");
            c.rollback();
            c.setAutoCommit(true);
            fails(s, "SELECT * FROM rolled", "42P01");
            assertEquals(2L, scalar(c, "SELECT count(*) FROM doomed"));
            s.execute("DROP VIEW doomed");
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertEquals(List.of(row(2, "y")), rows(c, "SELECT first, \"Second\" FROM kept"));
            fails(s, "SELECT * FROM doomed", "42P01");
        }
    }
}
