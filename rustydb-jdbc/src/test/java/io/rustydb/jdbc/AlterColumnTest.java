package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALTER TABLE on columns: ADD with DEFAULT / NOT NULL / CHECK / UNIQUE / REFERENCES, DROP [CASCADE], RENAME, SET /
 * DROP DEFAULT, SET / DROP NOT NULL, TYPE [USING]; each rolled back, each surviving a reopen of a file database,
 * and the errors (42701, 42703, 23502, 23505, 23514, 2BP01, 42804, 42P16).
 */
class AlterColumnTest {
    @TempDir
    Path dir;

    private static Connection mem() throws SQLException {
        return DriverManager.getConnection(JdbcTestSupport.freshMemUrl("alter-column"));
    }

    @Test
    void addColumnGivesExistingRowsTheDefault() throws SQLException {
        try (Connection c = mem(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(10))");
            s.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
            s.execute("ALTER TABLE t ADD COLUMN qty INT DEFAULT 7 NOT NULL");
            s.execute("INSERT INTO t (id, name) VALUES (3, 'c')");
            assertEquals(List.of(row(1, "a", 7), row(2, "b", 7), row(3, "c", 7)), rows(c, "SELECT * FROM t ORDER BY id"));
            s.execute("ALTER TABLE t ADD COLUMN IF NOT EXISTS qty INT");
            fails(s, "ALTER TABLE t ADD COLUMN qty INT", "42701");
            fails(s, "ALTER TABLE t ADD COLUMN bad INT NOT NULL", "23502");
            fails(s, "ALTER TABLE t ADD COLUMN neg INT DEFAULT -1 CHECK (neg >= 0)", "23514");
            fails(s, "ALTER TABLE t ADD COLUMN u INT DEFAULT 5 UNIQUE", "23505");
            fails(s, "ALTER TABLE t ADD COLUMN v INT DEFAULT 'x'", "22P02");
            // the primary key index still finds rows after the rewrite
            assertEquals("b", scalar(c, "SELECT name FROM t WHERE id = 2"));
            fails(s, "INSERT INTO t VALUES (2, 'dup', 1)", "23505");
            s.execute("ALTER TABLE t ADD COLUMN code INT UNIQUE");
            s.execute("UPDATE t SET code = id * 10");
            fails(s, "UPDATE t SET code = 10 WHERE id = 2", "23505");
            s.execute("ALTER TABLE t ADD COLUMN ok BOOLEAN DEFAULT TRUE CHECK (ok IS NOT NULL)");
            fails(s, "UPDATE t SET ok = NULL", "23514");
            s.execute("CREATE TABLE p (k INT PRIMARY KEY)");
            s.execute("INSERT INTO p VALUES (1)");
            s.execute("ALTER TABLE t ADD COLUMN pk INT REFERENCES p (k)");
            fails(s, "UPDATE t SET pk = 2", "23503");
            s.execute("UPDATE t SET pk = 1");
            assertEquals(3L, scalar(c, "SELECT count(*) FROM t WHERE pk = 1"));
        }
    }

    @Test
    void addColumnWithVolatileDefaultEvaluatesItPerRow() throws SQLException {
        try (Connection c = mem(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INT)");
            s.execute("INSERT INTO t VALUES (1), (2), (3)");
            s.execute("CREATE SEQUENCE seq");
            s.execute("ALTER TABLE t ADD COLUMN n BIGINT DEFAULT nextval('seq')");
            assertEquals(3L, scalar(c, "SELECT count(DISTINCT n) FROM t"));
        }
    }

    @Test
    void dropColumnTakesItsIndexesAndChecksButNotOtherTablesKeys() throws SQLException {
        try (Connection c = mem(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, a INT CHECK (a > 0), b VARCHAR(10), c INT)");
            s.execute("CREATE INDEX t_b ON t (b)");
            s.execute("CREATE INDEX t_ab ON t (a, b)");
            s.execute("INSERT INTO t VALUES (1, 1, 'x', 10), (2, 2, 'y', 20)");
            s.execute("ALTER TABLE t DROP COLUMN a");
            assertEquals(List.of(row(1, "x", 10), row(2, "y", 20)), rows(c, "SELECT * FROM t ORDER BY id"));
            s.execute("INSERT INTO t VALUES (3, 'z', -5)"); // the CHECK on a went with it
            fails(s, "SELECT a FROM t", "42703");
            fails(s, "DROP INDEX t_ab", "42704");
            assertEquals(10, scalar(c, "SELECT c FROM t WHERE b = 'x'"));
            fails(s, "INSERT INTO t VALUES (1, 'dup', 0)", "23505");
            s.execute("ALTER TABLE t DROP IF EXISTS a");
            fails(s, "ALTER TABLE t DROP COLUMN a", "42703");
            s.execute("CREATE TABLE child (ref INT REFERENCES t (id), other INT)");
            s.execute("INSERT INTO child VALUES (1, 0)");
            fails(s, "ALTER TABLE t DROP COLUMN id", "2BP01");
            fails(s, "ALTER TABLE t DROP COLUMN id RESTRICT", "2BP01");
            s.execute("ALTER TABLE child DROP COLUMN other"); // the key of child moves with its column
            fails(s, "INSERT INTO child VALUES (99)", "23503");
            s.execute("ALTER TABLE t DROP COLUMN id CASCADE");
            s.execute("INSERT INTO child VALUES (99)"); // the foreign key went with the column
            assertEquals(List.of(row("x", 10), row("y", 20), row("z", -5)), rows(c, "SELECT * FROM t ORDER BY b"));
            s.execute("CREATE TABLE one (x INT)");
            fails(s, "ALTER TABLE one DROP COLUMN x", "0A000");
        }
    }

    @Test
    void renameColumnKeepsChecksAndIndexesWorking() throws SQLException {
        try (Connection c = mem(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INT CHECK (a < 100), b INT)");
            s.execute("CREATE INDEX t_a ON t (a)");
            s.execute("INSERT INTO t VALUES (1, 2)");
            s.execute("ALTER TABLE t RENAME COLUMN a TO \"Big A\"");
            fails(s, "INSERT INTO t VALUES (100, 0)", "23514");
            assertEquals(2, scalar(c, "SELECT b FROM t WHERE \"Big A\" = 1"));
            fails(s, "ALTER TABLE t RENAME COLUMN b TO \"Big A\"", "42701");
            fails(s, "ALTER TABLE t RENAME COLUMN nope TO x", "42703");
            s.execute("ALTER TABLE t RENAME b TO c");
            s.execute("ALTER TABLE t RENAME TO u");
            fails(s, "SELECT * FROM t", "42P01");
            assertEquals(List.of(row(1, 2)), rows(c, "SELECT \"Big A\", c FROM u"));
            s.execute("CREATE TABLE v (x INT)");
            fails(s, "ALTER TABLE u RENAME TO v", "42P07");
        }
    }

    @Test
    void defaultsAndNotNull() throws SQLException {
        try (Connection c = mem(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, a INT, b VARCHAR(5) DEFAULT 'zz')");
            s.execute("ALTER TABLE t ALTER COLUMN a SET DEFAULT 40 + 2");
            s.execute("ALTER TABLE t ALTER b DROP DEFAULT");
            s.execute("INSERT INTO t (id) VALUES (1)");
            assertEquals(List.of(row(1, 42, null)), rows(c, "SELECT * FROM t"));
            fails(s, "ALTER TABLE t ALTER COLUMN a SET DEFAULT 'abc'", "22P02");
            fails(s, "ALTER TABLE t ALTER COLUMN b SET NOT NULL", "23502");
            s.execute("UPDATE t SET b = 'q'");
            s.execute("ALTER TABLE t ALTER COLUMN b SET NOT NULL");
            fails(s, "INSERT INTO t VALUES (2, 1, NULL)", "23502");
            s.execute("ALTER TABLE t ALTER COLUMN b DROP NOT NULL");
            s.execute("INSERT INTO t VALUES (2, 1, NULL)");
            fails(s, "ALTER TABLE t ALTER COLUMN id DROP NOT NULL", "42P16");
            fails(s, "ALTER TABLE t ALTER COLUMN nope SET DEFAULT 1", "42703");
        }
    }

    @Test
    void changeTypeRewritesRows() throws SQLException {
        try (Connection c = mem(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, a INT, s VARCHAR(10))");
            s.execute("CREATE INDEX t_a ON t (a)");
            s.execute("INSERT INTO t VALUES (1, 10, '5'), (2, 20, '6')");
            s.execute("ALTER TABLE t ALTER COLUMN a TYPE BIGINT");
            s.execute("ALTER TABLE t ALTER COLUMN a SET DATA TYPE DECIMAL(10,2)");
            assertEquals(new BigDecimal("20.00"), scalar(c, "SELECT a FROM t WHERE a = 20"));
            fails(s, "ALTER TABLE t ALTER COLUMN s TYPE INT", "42804");
            s.execute("ALTER TABLE t ALTER COLUMN s TYPE INT USING CAST(s AS INT) * 2");
            assertEquals(List.of(row(1, new BigDecimal("10.00"), 10), row(2, new BigDecimal("20.00"), 12)),
                    rows(c, "SELECT * FROM t ORDER BY id"));
            s.execute("ALTER TABLE t ALTER COLUMN s TYPE VARCHAR(3)");
            assertEquals("12", scalar(c, "SELECT s FROM t WHERE id = 2"));
            fails(s, "ALTER TABLE t ALTER COLUMN s TYPE INT USING s || 'x'", "42804");
            fails(s, "ALTER TABLE t ALTER COLUMN s TYPE INT USING CAST(s || 'x' AS INT)", "22P02");
            s.execute("INSERT INTO t VALUES (3, 30, '7')");
            // a type change that makes two keys equal
            s.execute("CREATE TABLE r (x DECIMAL(4,2) UNIQUE)");
            s.execute("INSERT INTO r VALUES (1.1), (1.2)");
            fails(s, "ALTER TABLE r ALTER COLUMN x TYPE INT", "23505");
            assertEquals(2L, scalar(c, "SELECT count(*) FROM r"));
        }
    }

    @Test
    void everyAlterRollsBack() throws SQLException {
        String[] alters = {
            "ALTER TABLE t ADD COLUMN c INT DEFAULT 1",
            "ALTER TABLE t ADD COLUMN c INT",
            "ALTER TABLE t DROP COLUMN b",
            "ALTER TABLE t RENAME COLUMN b TO c",
            "ALTER TABLE t RENAME TO u",
            "ALTER TABLE t ALTER COLUMN b SET DEFAULT 'd'",
            "ALTER TABLE t ALTER COLUMN b SET NOT NULL",
            "ALTER TABLE t ALTER COLUMN b TYPE VARCHAR(20)",
            "ALTER TABLE t ALTER COLUMN a TYPE BIGINT, ADD COLUMN z INT DEFAULT 3, DROP COLUMN b",
        };
        for (String alter : alters) {
            try (Connection c = mem(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (a INT PRIMARY KEY, b VARCHAR(10))");
                s.execute("INSERT INTO t VALUES (1, 'x'), (2, 'y')");
                c.setAutoCommit(false);
                s.execute(alter);
                if (!alter.contains("NOT NULL")) {
                    s.execute("INSERT INTO " + (alter.contains("RENAME TO") ? "u" : "t") + " (a) VALUES (3)");
                }
                c.rollback();
                c.setAutoCommit(true);
                assertEquals(List.of(row(1, "x"), row(2, "y")), rows(c, "SELECT * FROM t ORDER BY a"), alter);
                s.execute("INSERT INTO t VALUES (3, NULL)");
                fails(s, "INSERT INTO t VALUES (3, 'dup')", "23505");
                assertEquals(1, scalar(c, "SELECT a FROM t WHERE a = 1"), alter);
            }
        }
    }

    @Test
    void changesSurviveAReopen() throws SQLException {
        String url = "jdbc:rustydb:file:" + dir.resolve("alter.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, a INT, b VARCHAR(10), c INT CHECK (c > 0))");
            s.execute("CREATE INDEX t_b ON t (b)");
            s.execute("INSERT INTO t VALUES (1, 10, 'x', 1), (2, 20, 'y', 2)");
            s.execute("ALTER TABLE t DROP COLUMN a");
            s.execute("ALTER TABLE t ADD COLUMN d INT DEFAULT 5 NOT NULL");
            s.execute("ALTER TABLE t ALTER COLUMN b TYPE VARCHAR(20)");
            s.execute("ALTER TABLE t ALTER COLUMN d SET DEFAULT 6");
            s.execute("ALTER TABLE t RENAME COLUMN c TO cc");
            s.execute("ALTER TABLE t RENAME TO u");
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertEquals(List.of(row(1, "x", 1, 5), row(2, "y", 2, 5)), rows(c, "SELECT * FROM u ORDER BY id"));
            s.execute("INSERT INTO u (id, b, cc) VALUES (3, 'z', 3)");
            assertEquals(6, scalar(c, "SELECT d FROM u WHERE b = 'z'"));
            fails(s, "INSERT INTO u VALUES (4, 'w', 0, 1)", "23514");
            fails(s, "INSERT INTO u VALUES (1, 'w', 1, 1)", "23505");
            fails(s, "INSERT INTO u VALUES (5, 'w', 1, NULL)", "23502");
        }
    }

    @Test
    void severalActionsInOneStatementAndConstraints() throws SQLException {
        try (Connection c = mem(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INT, b INT)");
            s.execute("INSERT INTO t VALUES (1, 2)");
            s.execute("ALTER TABLE t ADD COLUMN c INT DEFAULT 3, ADD CONSTRAINT t_c_pos CHECK (c > 0), DROP COLUMN b");
            assertEquals(List.of(row(1, 3)), rows(c, "SELECT * FROM t"));
            fails(s, "INSERT INTO t VALUES (2, -1)", "23514");
            fails(s, "ALTER TABLE t ADD COLUMN d INT, ADD COLUMN d INT", "42701");
            fails(s, "ALTER TABLE nope ADD COLUMN d INT", "42P01");
            s.execute("ALTER TABLE IF EXISTS nope ADD COLUMN d INT");
        }
    }
}
