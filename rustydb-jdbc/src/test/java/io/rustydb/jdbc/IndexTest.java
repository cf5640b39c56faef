package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexes through SQL: CREATE [UNIQUE] INDEX / DROP INDEX, PRIMARY KEY and UNIQUE constraints (23505 naming the
 * constraint, NULLs distinct, 42P16 for two primary keys), the planner's use of indexes (EXPLAIN) for equality,
 * ranges, IN lists and ORDER BY ... LIMIT, and indexes surviving a reopen.
 */
class IndexTest {
    @TempDir
    Path dir;

    private static int counter;

    private static Connection memory() throws SQLException {
        return DriverManager.getConnection("jdbc:rustydb:mem:index" + (++counter));
    }

    /** The first row's first two columns. */
    private static List<String> column2(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next(), sql);
            return List.of(r.getString(1), r.getString(2));
        }
    }

    private static String plan(Statement s, String sql) throws SQLException {
        return String.join("\n", strings(s, "EXPLAIN " + sql));
    }

    @Test
    void primaryKeyLookupsUseTheIndexAndDuplicatesAre23505() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v VARCHAR(20))");
            for (int i = 0; i < 500; i++) {
                s.execute("INSERT INTO t VALUES (" + i + ", 'v" + i + "')");
            }
            assertEquals(List.of("v42"), strings(s, "SELECT v FROM t WHERE id = 42"));
            assertTrue(plan(s, "SELECT v FROM t WHERE id = 42").contains("IndexScan t USING t_pkey"),
                    plan(s, "SELECT v FROM t WHERE id = 42"));
            SQLException e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO t VALUES (7, 'x')"));
            assertEquals("23505", e.getSQLState());
            assertTrue(e.getMessage().contains("t_pkey"), e.getMessage());
            e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO t (v) VALUES ('no key')"));
            assertEquals("23502", e.getSQLState());
            // an update may move a key onto a free value, not onto a taken one
            s.execute("UPDATE t SET id = 1000 WHERE id = 1");
            assertEquals(List.of("v1"), strings(s, "SELECT v FROM t WHERE id = 1000"));
            assertEquals(List.of(), strings(s, "SELECT v FROM t WHERE id = 1"));
            e = assertThrows(SQLException.class, () -> s.execute("UPDATE t SET id = 2 WHERE id = 3"));
            assertEquals("23505", e.getSQLState());
            // delete then insert the same key in one transaction
            c.setAutoCommit(false);
            s.execute("DELETE FROM t WHERE id = 5");
            s.execute("INSERT INTO t VALUES (5, 'again')");
            c.commit();
            assertEquals(List.of("again"), strings(s, "SELECT v FROM t WHERE id = 5"));
            // a rolled-back insert leaves its key free
            s.execute("INSERT INTO t VALUES (2000, 'gone')");
            c.rollback();
            c.setAutoCommit(true);
            s.execute("INSERT INTO t VALUES (2000, 'kept')");
            assertEquals(List.of("kept"), strings(s, "SELECT v FROM t WHERE id = 2000"));
            assertEquals(List.of("501"), strings(s, "SELECT COUNT(*) FROM t"));
        }
    }

    @Test
    void rangesInListsAndOrderByLimitReadTheIndex() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE r (a INTEGER, b INTEGER, c VARCHAR(10))");
            for (int i = 0; i < 300; i++) {
                s.execute("INSERT INTO r VALUES (" + (i % 30) + ", " + i + ", 'c" + i + "')");
            }
            s.execute("INSERT INTO r VALUES (NULL, 1000, 'null a')");
            s.execute("CREATE INDEX r_a_b ON r (a, b DESC)");
            assertTrue(plan(s, "SELECT b FROM r WHERE a = 3 AND b > 200").contains("USING r_a_b (a = 3 AND b > 200)"));
            assertEquals(List.of("273", "243", "213"), strings(s, "SELECT b FROM r WHERE a = 3 AND b > 200"));
            assertEquals(List.of("33", "3"), strings(s, "SELECT b FROM r WHERE a = 3 AND b BETWEEN 3 AND 40"));
            assertEquals(List.of("1", "2", "31", "32"),
                    strings(s, "SELECT b FROM r WHERE a IN (2, 1, 1) AND b < 60 ORDER BY b"));
            assertTrue(plan(s, "SELECT b FROM r WHERE a IN (1, 2)").contains("a IN"));
            assertEquals(List.of("0", "30"), strings(s, "SELECT b FROM r WHERE a < 1 AND b < 60 ORDER BY b"));
            // ORDER BY the index order (a ASC, b DESC) and its reverse: no sort
            String ordered = plan(s, "SELECT a, b FROM r ORDER BY a, b DESC LIMIT 3");
            assertTrue(ordered.contains("IndexOnlyScan r USING r_a_b") && !ordered.contains("Sort"), ordered);
            String reversed = plan(s, "SELECT a, b FROM r ORDER BY a DESC, b LIMIT 3");
            assertTrue(reversed.contains("IndexOnlyScan r USING r_a_b") && reversed.contains("DESC") && !reversed.contains("Sort"),
                    reversed);
            assertEquals(java.util.Arrays.asList(null, "29", "29"),
                    strings(s, "SELECT a FROM r ORDER BY a DESC, b LIMIT 3")); // NULLs first when descending
            assertEquals(List.of("1000", "29", "59"), strings(s, "SELECT b FROM r ORDER BY a DESC, b LIMIT 3"));
            assertEquals(List.of("299", "269"), strings(s, "SELECT b FROM r WHERE a = 29 ORDER BY b DESC LIMIT 2"));
            assertEquals("1000", strings(s, "SELECT b FROM r ORDER BY a, b DESC").get(300)); // NULLs last
            assertEquals(List.of(), strings(s, "SELECT b FROM r WHERE a = 2.5"));
            assertEquals(List.of("1000"), strings(s, "SELECT b FROM r WHERE a IS NULL"));
        }
    }

    @Test
    void uniqueConstraintsTreatNullsAsDistinctAndNameTheirIndex() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE u (id INTEGER, email VARCHAR(50) UNIQUE, a INTEGER, b INTEGER, UNIQUE (a, b))");
            s.execute("INSERT INTO u VALUES (1, NULL, 1, NULL), (2, NULL, 1, NULL), (3, 'x@y', 1, 2)");
            SQLException e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO u VALUES (4, 'x@y', 9, 9)"));
            assertEquals("23505", e.getSQLState());
            assertTrue(e.getMessage().contains("u_email_key"), e.getMessage());
            e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO u VALUES (5, 'z', 1, 2)"));
            assertTrue(e.getMessage().contains("u_a_b_key"), e.getMessage());
            // a failed multi-row insert leaves nothing behind
            e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO u VALUES (6, 'p', 6, 6), (7, 'p', 7, 7)"));
            assertEquals("23505", e.getSQLState());
            assertEquals(List.of("3"), strings(s, "SELECT COUNT(*) FROM u"));
            e = assertThrows(SQLException.class, () -> s.execute("CREATE TABLE two (a INT PRIMARY KEY, b INT, PRIMARY KEY (b))"));
            assertEquals("42P16", e.getSQLState());
            e = assertThrows(SQLException.class, () -> s.execute("CREATE UNIQUE INDEX u_id ON u (a)"));
            assertEquals("23505", e.getSQLState());
            e = assertThrows(SQLException.class, () -> s.execute("CREATE INDEX u ON u (a)"));
            assertEquals("42P07", e.getSQLState());
            s.execute("CREATE INDEX IF NOT EXISTS u_email_key ON u (id)");
            e = assertThrows(SQLException.class, () -> s.execute("DROP INDEX nope"));
            assertEquals("42704", e.getSQLState());
            s.execute("DROP INDEX IF EXISTS nope");
            s.execute("DROP INDEX u_email_key");
            s.execute("INSERT INTO u VALUES (4, 'x@y', 9, 9)"); // no longer unique
            e = assertThrows(SQLException.class, () -> s.execute("CREATE INDEX bad ON u (nope)"));
            assertEquals("42703", e.getSQLState());
        }
    }

    @Test
    void indexOnlyScansNeverShowRolledBackOrDeletedRows() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE io (a INTEGER, b VARCHAR(10), c INTEGER)");
            s.execute("CREATE INDEX io_a_b ON io (a, b)");
            for (int i = 0; i < 300; i++) {
                s.execute("INSERT INTO io VALUES (" + (i % 10) + ", 'b" + i + "', " + i + ")");
            }
            String query = "SELECT a, b FROM io WHERE a = 3 ORDER BY b";
            assertTrue(plan(s, query).contains("IndexOnlyScan io USING io_a_b"), plan(s, query));
            assertTrue(!plan(s, "SELECT a, c FROM io WHERE a = 3").contains("IndexOnly"));
            List<String> before = strings(s, "SELECT b FROM io WHERE a = 3 ORDER BY b");
            assertEquals(30, before.size());
            s.execute("VACUUM"); // every page all-visible now: answered from the index alone
            assertEquals(before, strings(s, "SELECT b FROM io WHERE a = 3 ORDER BY b"));
            c.setAutoCommit(false);
            s.execute("INSERT INTO io VALUES (3, 'ghost', 0)");
            s.execute("DELETE FROM io WHERE b = 'b3'");
            assertEquals(30, strings(s, "SELECT b FROM io WHERE a = 3").size()); // +ghost -b3, own changes
            try (Connection other = DriverManager.getConnection(((RustyConnection) c).url());
                 Statement o = other.createStatement()) {
                assertEquals(before, strings(o, "SELECT b FROM io WHERE a = 3 ORDER BY b")); // neither is visible yet
            }
            c.rollback();
            c.setAutoCommit(true);
            assertEquals(before, strings(s, "SELECT b FROM io WHERE a = 3 ORDER BY b"));
            s.execute("DELETE FROM io WHERE b = 'b13'");
            assertEquals(29, strings(s, "SELECT b FROM io WHERE a = 3").size());
            s.execute("VACUUM");
            assertEquals(29, strings(s, "SELECT b FROM io WHERE a = 3").size());
            assertEquals(List.of("299"), strings(s, "SELECT COUNT(*) FROM io"));
            String count = "SELECT COUNT(*), MAX(b) FROM io WHERE a = 3";
            assertTrue(plan(s, count).contains("IndexOnlyScan io USING io_a_b"), plan(s, count));
            assertEquals(List.of("29|b93"), List.of(String.join("|", column2(s, count)))); // b13 deleted
        }
    }

    @Test
    void vacuumAfterRolledBackLargeValuesKeepsWorking() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE big (id INTEGER PRIMARY KEY, body TEXT)");
            s.execute("INSERT INTO big VALUES (1, 'small')");
            c.setAutoCommit(false);
            s.execute("INSERT INTO big VALUES (2, '" + "x".repeat(50_000) + "'), (3, 'small too')");
            c.rollback();
            c.setAutoCommit(true);
            s.execute("VACUUM"); // the aborted version with a large value stays; the other one goes
            s.execute("VACUUM");
            assertEquals(List.of("1"), strings(s, "SELECT id FROM big WHERE id >= 0"));
            s.execute("INSERT INTO big VALUES (2, 'again'), (3, 'and again')");
            assertEquals(List.of("again"), strings(s, "SELECT body FROM big WHERE id = 2"));
            s.execute("CREATE INDEX big_id_desc ON big (id DESC)"); // the build passes over the aborted version
            assertEquals(List.of("3", "2", "1"), strings(s, "SELECT id FROM big ORDER BY id DESC"));
            s.execute("DROP TABLE big"); // frees the live versions' large values, not the cleared ones
        }
    }

    @Test
    void whereConditionsOnOneSideOfAJoinReachThatSidesIndex() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE cust (id INTEGER PRIMARY KEY, name VARCHAR(10))");
            s.execute("CREATE TABLE ord (id INTEGER PRIMARY KEY, cust INTEGER, total INTEGER)");
            s.execute("CREATE INDEX ord_cust ON ord (cust)");
            for (int i = 0; i < 50; i++) {
                s.execute("INSERT INTO cust VALUES (" + i + ", 'c" + i + "')");
                s.execute("INSERT INTO ord VALUES (" + i + ", " + (i % 10) + ", " + i * 10 + ")");
            }
            String join = "SELECT c.name, o.total FROM cust c JOIN ord o ON o.cust = c.id WHERE c.id = 3 ORDER BY o.total";
            String plan = plan(s, join);
            assertTrue(plan.contains("IndexScan cust USING cust_pkey"), plan);
            assertEquals(List.of("c3", "c3", "c3", "c3", "c3"), strings(s, join));
            plan = plan(s, "SELECT c.name FROM cust c, ord o WHERE o.cust = c.id AND o.cust = 4 AND c.name <> 'x'");
            assertTrue(plan.contains("USING ord_cust"), plan);
            assertEquals(5, strings(s, "SELECT c.name FROM cust c, ord o WHERE o.cust = c.id AND o.cust = 4").size());
            // LEFT JOIN: a WHERE condition on the right side must still see the NULL-extended rows
            assertEquals(List.of("c11"), strings(s, "SELECT c.name FROM cust c LEFT JOIN ord o ON o.cust = c.id "
                    + "WHERE o.id IS NULL AND c.id = 11"));
            assertEquals(40, strings(s, "SELECT c.name FROM cust c LEFT JOIN ord o ON o.cust = c.id "
                    + "WHERE o.id IS NULL").size());
        }
    }

    @Test
    void hashIndexesAnswerEqualities() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE h (id INTEGER, tag VARCHAR(10))");
            for (int i = 0; i < 400; i++) {
                s.execute("INSERT INTO h VALUES (" + i + ", 't" + (i % 7) + "')");
            }
            s.execute("CREATE INDEX h_tag ON h USING HASH (tag)");
            String plan = plan(s, "SELECT id FROM h WHERE tag = 't3'");
            assertTrue(plan.contains("IndexScan h USING h_tag (tag = t3)"), plan);
            assertEquals(57, strings(s, "SELECT id FROM h WHERE tag = 't3'").size());
            assertTrue(!plan(s, "SELECT id FROM h WHERE tag > 't3'").contains("IndexScan"));
            s.execute("UPDATE h SET tag = 'new' WHERE id < 10");
            s.execute("DELETE FROM h WHERE id >= 390");
            assertEquals(10, strings(s, "SELECT id FROM h WHERE tag = 'new'").size());
            assertEquals(List.of("55"), strings(s, "SELECT COUNT(*) FROM h WHERE tag = 't3'"));
            assertEquals(strings(s, "SELECT id FROM h WHERE tag || '' = 't3' ORDER BY id"), // no index for this
                    strings(s, "SELECT id FROM h WHERE tag = 't3' ORDER BY id"));
            SQLException e = assertThrows(SQLException.class,
                    () -> s.execute("CREATE INDEX bad ON h USING HASH (tag DESC)"));
            assertEquals("42601", e.getSQLState());
            s.execute("VACUUM");
            s.execute("DROP INDEX h_tag");
            assertEquals(10, strings(s, "SELECT id FROM h WHERE tag = 'new'").size());
        }
    }

    @Test
    void indexesSurviveReopenAndDropTable() throws SQLException {
        String url = "jdbc:rustydb:file:" + dir.resolve("idx.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE p (id BIGINT PRIMARY KEY, name VARCHAR(20))");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO p VALUES (?, ?)")) {
                for (int i = 0; i < 2000; i++) {
                    insert.setLong(1, i * 7L);
                    insert.setString(2, "n" + i);
                    insert.executeUpdate();
                }
            }
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            try (PreparedStatement q = c.prepareStatement("SELECT name FROM p WHERE id = ?")) {
                q.setLong(1, 700);
                try (ResultSet r = q.executeQuery()) {
                    assertTrue(r.next());
                    assertEquals("n100", r.getString(1));
                }
            }
            assertTrue(plan(s, "SELECT name FROM p WHERE id = 700").contains("p_pkey"));
            SQLException e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO p VALUES (14, 'dup')"));
            assertEquals("23505", e.getSQLState());
            s.execute("DROP TABLE p");
            s.execute("CREATE TABLE p (id BIGINT PRIMARY KEY)");
            s.execute("INSERT INTO p VALUES (14)");
        }
    }
}
