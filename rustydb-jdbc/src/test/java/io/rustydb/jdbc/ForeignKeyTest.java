package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static io.rustydb.jdbc.JdbcTestSupport.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FOREIGN KEY ... REFERENCES: 23503 for a missing parent and for a delete or key update that would orphan children
 * (naming the constraint), every ON DELETE / ON UPDATE action, cascades several levels deep and through a
 * self-reference, multi-column keys, definition errors (42830, 42804, 42P01, 2BP01), concurrent parent deletes and
 * child inserts, and persistence.
 */
class ForeignKeyTest {
    @TempDir
    Path dir;

    private static int counter;

    private static Connection memory() throws SQLException {
        return DriverManager.getConnection("jdbc:rustydb:mem:fk" + (++counter));
    }

    @Test
    void childrenNeedAParentAndParentsKeepTheirChildren() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE p (id INTEGER PRIMARY KEY, name VARCHAR(10))");
            s.execute("CREATE TABLE c (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES p(id))");
            s.execute("INSERT INTO p VALUES (1, 'one'), (2, 'two')");
            s.execute("INSERT INTO c VALUES (10, 1), (11, NULL)");
            SQLException e = fails(s, "INSERT INTO c VALUES (12, 3)", "23503");
            assertTrue(e instanceof SQLIntegrityConstraintViolationException);
            assertTrue(e.getMessage().contains("c_pid_fkey") && e.getMessage().contains("(pid)=(3)"), e.getMessage());
            fails(s, "UPDATE c SET pid = 5 WHERE id = 10", "23503");
            e = fails(s, "DELETE FROM p WHERE id = 1", "23503");
            assertTrue(e.getMessage().contains("still referenced from table \"c\""), e.getMessage());
            fails(s, "UPDATE p SET id = 7 WHERE id = 1", "23503");
            s.execute("DELETE FROM p WHERE id = 2"); // no children
            s.execute("UPDATE p SET name = 'uno' WHERE id = 1"); // key unchanged
            s.execute("DELETE FROM c WHERE id = 10");
            s.execute("DELETE FROM p WHERE id = 1");
            assertEquals(List.of(), strings(s, "SELECT id FROM p"));
            fails(s, "DROP TABLE p", "2BP01");
            s.execute("DROP TABLE c");
            s.execute("DROP TABLE p");
        }
    }

    @Test
    void cascadesSetNullAndSetDefaultSeveralLevelsDeep() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE a (id INTEGER PRIMARY KEY)");
            s.execute("CREATE TABLE b (id INTEGER PRIMARY KEY, aid INTEGER REFERENCES a ON DELETE CASCADE ON UPDATE CASCADE)");
            s.execute("CREATE TABLE d (id INTEGER PRIMARY KEY, bid INTEGER, "
                    + "FOREIGN KEY (bid) REFERENCES b (id) ON DELETE CASCADE)");
            s.execute("CREATE TABLE e (id INTEGER PRIMARY KEY, did INTEGER DEFAULT 0 REFERENCES d ON DELETE SET DEFAULT, "
                    + "note VARCHAR(5))");
            s.execute("CREATE TABLE f (id INTEGER PRIMARY KEY, did INTEGER REFERENCES d ON DELETE SET NULL)");
            s.execute("INSERT INTO a VALUES (1), (2)");
            s.execute("INSERT INTO b VALUES (10, 1), (11, 1), (20, 2)");
            s.execute("INSERT INTO d VALUES (0, 20), (100, 10), (101, 11), (200, 20)");
            s.execute("INSERT INTO e VALUES (1000, 100, 'x'), (1001, 200, 'y')");
            s.execute("INSERT INTO f VALUES (5000, 101), (5001, 200)");
            // a -> b -> d -> (e: SET DEFAULT, f: SET NULL): three levels of cascade, then the actions
            s.execute("DELETE FROM a WHERE id = 1");
            assertEquals(List.of("20"), strings(s, "SELECT id FROM b ORDER BY id"));
            assertEquals(List.of("0", "200"), strings(s, "SELECT id FROM d ORDER BY id"));
            assertEquals(List.of("0", "200"), strings(s, "SELECT did FROM e ORDER BY id"));
            assertEquals(java.util.Arrays.asList(null, "200"), strings(s, "SELECT did FROM f ORDER BY id"));
            // ON UPDATE CASCADE moves the children's key
            s.execute("UPDATE a SET id = 3 WHERE id = 2");
            assertEquals(List.of("3"), strings(s, "SELECT aid FROM b"));
            // SET DEFAULT to a default that no parent has: 23503, and the statement is undone
            s.execute("DELETE FROM e WHERE did = 0");
            s.execute("DELETE FROM d WHERE id = 0");
            s.execute("INSERT INTO e VALUES (1002, 200, 'z')");
            fails(s, "DELETE FROM d WHERE id = 200", "23503");
            assertEquals(List.of("200"), strings(s, "SELECT id FROM d"));
        }
    }

    @Test
    void selfReferencesAndCompositeKeys() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE emp (id INTEGER PRIMARY KEY, boss INTEGER REFERENCES emp ON DELETE CASCADE)");
            s.execute("INSERT INTO emp VALUES (1, NULL), (2, 1), (3, 2), (4, 3), (5, 1)");
            s.execute("INSERT INTO emp VALUES (6, 7), (7, 6)"); // rows of one statement may reference each other
            s.execute("DELETE FROM emp WHERE id = 2");
            assertEquals(List.of("1", "5", "6", "7"), strings(s, "SELECT id FROM emp ORDER BY id"));
            s.execute("CREATE TABLE region (country CHAR(2), code INTEGER, PRIMARY KEY (country, code))");
            s.execute("CREATE TABLE shop (id INTEGER, country CHAR(2), code INTEGER, "
                    + "CONSTRAINT shop_region FOREIGN KEY (country, code) REFERENCES region (country, code) "
                    + "ON DELETE RESTRICT)");
            s.execute("INSERT INTO region VALUES ('ch', 1), ('de', 1)");
            s.execute("INSERT INTO shop VALUES (1, 'ch', 1), (2, 'de', NULL)"); // MATCH SIMPLE: NULL is not checked
            SQLException e = fails(s, "INSERT INTO shop VALUES (3, 'ch', 2)", "23503");
            assertTrue(e.getMessage().contains("shop_region"), e.getMessage());
            fails(s, "DELETE FROM region WHERE country = 'ch'", "23503");
            s.execute("DELETE FROM region WHERE country = 'de'");
        }
    }

    @Test
    void definitionsAreChecked() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE p (id INTEGER PRIMARY KEY, k INTEGER, v VARCHAR(5))");
            fails(s, "CREATE TABLE c1 (x INTEGER REFERENCES p(k))", "42830");
            fails(s, "CREATE TABLE c2 (x VARCHAR(5) REFERENCES p(id))", "42804");
            fails(s, "CREATE TABLE c3 (x INTEGER REFERENCES nope)", "42P01");
            fails(s, "CREATE TABLE c4 (x INTEGER REFERENCES p(nope))", "42703");
            fails(s, "CREATE TABLE c5 (x INTEGER, y INTEGER, FOREIGN KEY (x, y) REFERENCES p)", "42830");
            s.execute("CREATE TABLE nokey (a INTEGER)");
            fails(s, "CREATE TABLE c6 (x INTEGER REFERENCES nokey)", "42830");
            s.execute("CREATE UNIQUE INDEX p_k ON p (k)");
            s.execute("CREATE TABLE c7 (x BIGINT REFERENCES p(k))"); // a unique index will do; BIGINT -> INTEGER
            s.execute("INSERT INTO p VALUES (1, 5, 'a')");
            s.execute("INSERT INTO c7 VALUES (5)");
            fails(s, "INSERT INTO c7 VALUES (5000000000)", "23503");
        }
    }

    @Test
    void aParentDeleteAndAChildInsertWaitForEachOther() throws Exception {
        String url = "jdbc:rustydb:mem:fk" + (++counter);
        try (Connection setup = DriverManager.getConnection(url); Statement s = setup.createStatement()) {
            s.execute("CREATE TABLE p (id INTEGER PRIMARY KEY)");
            s.execute("CREATE TABLE c (id INTEGER, pid INTEGER REFERENCES p)");
            s.execute("INSERT INTO p VALUES (1), (2), (3)");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                // a child insert holds its parent: the delete waits, then finds the child
                try (Connection child = DriverManager.getConnection(url);
                     Connection parent = DriverManager.getConnection(url)) {
                    child.setAutoCommit(false);
                    child.createStatement().execute("INSERT INTO c VALUES (1, 1)");
                    Future<String> delete = pool.submit(() -> outcome(parent, "DELETE FROM p WHERE id = 1"));
                    Thread.sleep(200);
                    assertTrue(!delete.isDone(), "the parent delete must wait for the child's transaction");
                    child.commit();
                    assertEquals("23503", delete.get(30, TimeUnit.SECONDS));
                }
                // a parent delete in progress: the child insert waits, then fails or succeeds
                for (boolean commit : new boolean[] {true, false}) {
                    int id = commit ? 2 : 3;
                    try (Connection parent = DriverManager.getConnection(url);
                         Connection child = DriverManager.getConnection(url)) {
                        parent.setAutoCommit(false);
                        parent.createStatement().execute("DELETE FROM p WHERE id = " + id);
                        Future<String> insert = pool.submit(() -> outcome(child, "INSERT INTO c VALUES (9, " + id + ")"));
                        Thread.sleep(200);
                        assertTrue(!insert.isDone(), "the child insert must wait for the parent delete");
                        if (commit) {
                            parent.commit();
                        } else {
                            parent.rollback();
                        }
                        assertEquals(commit ? "23503" : "ok", insert.get(30, TimeUnit.SECONDS));
                    }
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(List.of("1", "3"), strings(s, "SELECT pid FROM c ORDER BY pid"));
        }
    }

    private static String outcome(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            return "ok";
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    @Test
    void foreignKeysSurviveReopen() throws SQLException {
        String url = "jdbc:rustydb:file:" + dir.resolve("fk.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE p (id INTEGER PRIMARY KEY)");
            s.execute("CREATE TABLE c (pid INTEGER REFERENCES p ON DELETE CASCADE)");
            s.execute("INSERT INTO p VALUES (1), (2)");
            s.execute("INSERT INTO c VALUES (1), (2), (2)");
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            fails(s, "INSERT INTO c VALUES (3)", "23503");
            s.execute("DELETE FROM p WHERE id = 2");
            assertEquals(List.of("1"), strings(s, "SELECT pid FROM c"));
        }
    }
}
