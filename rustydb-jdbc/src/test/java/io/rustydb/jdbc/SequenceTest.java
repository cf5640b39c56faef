package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.column;
import static io.rustydb.jdbc.JdbcTestSupport.connect;
import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static io.rustydb.jdbc.JdbcTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sequences: CREATE SEQUENCE with every option, nextval / NEXT VALUE FOR / s.NEXTVAL, currval and lastval per
 * connection (55000 before the first nextval), setval, ALTER SEQUENCE RESTART, DROP SEQUENCE, the name space shared
 * with tables and indexes (42P07), exhaustion (2200H), values that are not given back by a rollback and never
 * repeat — under concurrent callers, across reopening a file database and across a kill -9.
 */
class SequenceTest {
    private static final long CHILD_TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;

    private static long next(Connection c, String sequence) throws SQLException {
        return ((Number) scalar(c, "SELECT nextval('" + sequence + "')")).longValue();
    }

    private static String state(SQLException e) {
        return e.getSQLState();
    }

    private static SQLException fails(Connection c, String sql) {
        return assertThrows(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                if (s.execute(sql)) {
                    s.getResultSet().close();
                }
            }
        }, sql);
    }

    @Test
    void nextvalCurrvalLastvalAndTheOtherSpellings() throws SQLException {
        try (Connection c = connect(freshMemUrl("seq"))) {
            update(c, "CREATE SEQUENCE s");
            assertEquals(1L, next(c, "s"));
            assertEquals(2L, next(c, "S"), "an unquoted name folds to lower case");
            assertEquals(2L, scalar(c, "SELECT currval('s')"));
            assertEquals(3L, scalar(c, "SELECT NEXT VALUE FOR s"));
            assertEquals(4L, scalar(c, "SELECT s.nextval"));
            assertEquals(4L, scalar(c, "SELECT s.currval"));
            assertEquals(4L, scalar(c, "SELECT lastval()"));
            update(c, "CREATE SEQUENCE \"Mixed\"");
            assertEquals(1L, scalar(c, "SELECT nextval('\"Mixed\"')"));
            assertEquals(1L, scalar(c, "SELECT lastval()"), "lastval follows the latest sequence used");
            try (PreparedStatement ps = c.prepareStatement("SELECT nextval(?)")) {
                ps.setString(1, "s");
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(5L, rs.getLong(1), "the name may be a parameter");
                }
            }
            update(c, "CREATE TABLE three (k INT)");
            update(c, "INSERT INTO three VALUES (1), (2), (3)");
            assertEquals(List.of(6L, 7L, 8L), column(c, "SELECT nextval('s') FROM three"), "one value per row");
            assertEquals("BIGINT", c.createStatement().executeQuery("SELECT nextval('s')").getMetaData()
                    .getColumnTypeName(1));
        }
    }

    @Test
    void everyCreateSequenceClause() throws SQLException {
        try (Connection c = connect(freshMemUrl("seqopts"))) {
            update(c, "CREATE SEQUENCE a START WITH 10 INCREMENT BY 5");
            assertEquals(List.of(10L, 15L, 20L), List.of(next(c, "a"), next(c, "a"), next(c, "a")));
            update(c, "CREATE SEQUENCE b START 3 INCREMENT 2 NO MINVALUE NO MAXVALUE NO CYCLE");
            assertEquals(List.of(3L, 5L), List.of(next(c, "b"), next(c, "b")));
            update(c, "CREATE SEQUENCE down INCREMENT BY -1");
            assertEquals(List.of(-1L, -2L), List.of(next(c, "down"), next(c, "down")), "descending from -1");
            update(c, "CREATE SEQUENCE cyc START 2 MINVALUE 1 MAXVALUE 3 CYCLE");
            assertEquals(List.of(2L, 3L, 1L, 2L, 3L, 1L), List.of(next(c, "cyc"), next(c, "cyc"), next(c, "cyc"),
                    next(c, "cyc"), next(c, "cyc"), next(c, "cyc")));
            update(c, "CREATE SEQUENCE dcyc INCREMENT BY -2 MINVALUE 0 MAXVALUE 4 CYCLE");
            assertEquals(List.of(4L, 2L, 0L, 4L), List.of(next(c, "dcyc"), next(c, "dcyc"), next(c, "dcyc"),
                    next(c, "dcyc")));
            update(c, "CREATE SEQUENCE cached CACHE 100");
            for (long i = 1; i <= 150; i++) {
                assertEquals(i, next(c, "cached"), "CACHE keeps the order");
            }
            update(c, "CREATE SEQUENCE i AS INTEGER START WITH 2147483646");
            assertEquals(2147483646L, next(c, "i"));
            assertEquals(2147483647L, next(c, "i"));
            SQLException full = fails(c, "SELECT nextval('i')");
            assertEquals("2200H", state(full));
            assertTrue(full.getMessage().contains("\"i\"") && full.getMessage().contains("2147483647"), full.getMessage());
            update(c, "CREATE SEQUENCE small AS SMALLINT START 32767");
            assertEquals(32767L, next(c, "small"));
            assertEquals("2200H", state(fails(c, "SELECT nextval('small')")));
            update(c, "CREATE SEQUENCE big AS BIGINT MAXVALUE 9223372036854775807 START 9223372036854775806");
            assertEquals(Long.MAX_VALUE - 1, next(c, "big"));
            assertEquals(Long.MAX_VALUE, next(c, "big"));
            assertEquals("2200H", state(fails(c, "SELECT nextval('big')")), "no overflow past the maximum");
            update(c, "CREATE SEQUENCE low INCREMENT BY -1 MINVALUE -2");
            next(c, "low");
            next(c, "low");
            SQLException bottom = fails(c, "SELECT nextval('low')");
            assertEquals("2200H", state(bottom));
            assertTrue(bottom.getMessage().contains("minimum"), bottom.getMessage());
            update(c, "CREATE SEQUENCE oracle NOMINVALUE NOMAXVALUE NOCYCLE NOCACHE ORDER");
            assertEquals(1L, next(c, "oracle"));
            update(c, "CREATE SEQUENCE IF NOT EXISTS a START WITH 1000");
            assertEquals(25L, next(c, "a"), "IF NOT EXISTS leaves the existing sequence alone");
            update(c, "CREATE SEQUENCE IF NOT EXISTS fresh START WITH 7");
            assertEquals(7L, next(c, "fresh"));
        }
    }

    @Test
    void badOptionsAreRefused() throws SQLException {
        try (Connection c = connect(freshMemUrl("seqbad"))) {
            assertEquals("22023", state(fails(c, "CREATE SEQUENCE x INCREMENT BY 0")));
            assertEquals("22023", state(fails(c, "CREATE SEQUENCE x MINVALUE 5 MAXVALUE 1")));
            assertEquals("22023", state(fails(c, "CREATE SEQUENCE x START WITH 0")), "below MINVALUE 1");
            assertEquals("22023", state(fails(c, "CREATE SEQUENCE x MAXVALUE 10 START 11")));
            assertEquals("22023", state(fails(c, "CREATE SEQUENCE x AS DECIMAL")));
            assertEquals("22023", state(fails(c, "CREATE SEQUENCE x AS INTEGER MAXVALUE 3000000000")));
            assertEquals("22023", state(fails(c, "CREATE SEQUENCE x CACHE 0")));
            assertEquals("42601", state(fails(c, "CREATE SEQUENCE x START 1 START 2")));
            assertEquals("42883", state(fails(c, "SELECT nextval('x', 2)")));
            assertEquals("42883", state(fails(c, "SELECT nextval(1)")));
            assertEquals("0A000", state(fails(c, "CREATE SEQUENCE x KEEP")));
            assertEquals("42P01", state(fails(c, "SELECT nextval('x')")), "no failed CREATE left a sequence");
        }
    }

    @Test
    void dropSequenceAndTheSharedNameSpace() throws SQLException {
        try (Connection c = connect(freshMemUrl("seqdrop"))) {
            update(c, "CREATE TABLE t (a INT PRIMARY KEY)");
            update(c, "CREATE SEQUENCE s");
            assertEquals("42P07", state(fails(c, "CREATE SEQUENCE t")));
            assertEquals("42P07", state(fails(c, "CREATE SEQUENCE t_pkey")), "an index has the name");
            assertEquals("42P07", state(fails(c, "CREATE SEQUENCE s")));
            assertEquals("42P07", state(fails(c, "CREATE TABLE s (a INT)")));
            assertEquals("42P07", state(fails(c, "CREATE INDEX s ON t (a)")));
            assertEquals("42P07", state(fails(c, "ALTER TABLE t RENAME TO s")));
            update(c, "CREATE SEQUENCE IF NOT EXISTS t"); // a relation has the name: nothing to do
            assertEquals("42809", state(fails(c, "SELECT nextval('t')")));
            assertEquals("42809", state(fails(c, "DROP SEQUENCE t")));
            assertEquals("42P01", state(fails(c, "SELECT nextval('nope')")));
            assertEquals("42P01", state(fails(c, "SELECT NEXT VALUE FOR nope")));
            assertEquals("42P01", state(fails(c, "DROP SEQUENCE nope")));
            update(c, "DROP SEQUENCE IF EXISTS nope");
            next(c, "s");
            update(c, "CREATE SEQUENCE s2");
            update(c, "DROP SEQUENCE s, s2");
            assertEquals("42P01", state(fails(c, "SELECT nextval('s')")));
            assertEquals("42P01", state(fails(c, "SELECT currval('s2')")));
            update(c, "CREATE SEQUENCE s");
            assertEquals(1L, next(c, "s"), "a new sequence of the old name starts afresh");
        }
    }

    @Test
    void currvalAndLastvalBelongToTheConnection() throws SQLException {
        String url = freshMemUrl("seqsession");
        try (Connection a = connect(url); Connection b = connect(url)) {
            update(a, "CREATE SEQUENCE s");
            SQLException notYet = fails(a, "SELECT currval('s')");
            assertEquals("55000", state(notYet));
            assertTrue(notYet.getMessage().contains("\"s\""), notYet.getMessage());
            assertEquals("55000", state(fails(a, "SELECT lastval()")));
            assertEquals(1L, next(a, "s"));
            assertEquals("55000", state(fails(b, "SELECT currval('s')")), "b has not called nextval");
            assertEquals(2L, next(b, "s"));
            assertEquals(1L, scalar(a, "SELECT currval('s')"));
            assertEquals(2L, scalar(b, "SELECT currval('s')"));
            a.setAutoCommit(false);
            assertEquals(3L, next(a, "s"));
            a.rollback();
            assertEquals(3L, scalar(a, "SELECT currval('s')"), "currval is not rolled back either");
            a.setAutoCommit(true);
        }
    }

    @Test
    void setvalAndRestart() throws SQLException {
        try (Connection c = connect(freshMemUrl("seqset"))) {
            update(c, "CREATE SEQUENCE s MAXVALUE 1000");
            assertEquals(100L, scalar(c, "SELECT setval('s', 100)"));
            assertEquals(100L, scalar(c, "SELECT currval('s')"), "setval(s, n) sets currval");
            assertEquals(101L, next(c, "s"));
            assertEquals(50L, scalar(c, "SELECT setval('s', 50, false)"));
            assertEquals(50L, next(c, "s"), "is_called false: the next value is the one given");
            SQLException out = fails(c, "SELECT setval('s', 1001)");
            assertEquals("22003", state(out));
            assertEquals(51L, next(c, "s"), "a refused setval changed nothing");
            update(c, "ALTER SEQUENCE s RESTART WITH 500");
            assertEquals(500L, next(c, "s"));
            update(c, "ALTER SEQUENCE s RESTART");
            assertEquals(1L, next(c, "s"), "RESTART goes back to START");
            assertEquals("42P01", state(fails(c, "ALTER SEQUENCE nope RESTART")));
            assertEquals("0A000", state(fails(c, "ALTER SEQUENCE s INCREMENT BY 2")));
        }
    }

    @Test
    void aRollbackDoesNotGiveValuesBack() throws SQLException {
        try (Connection c = connect(freshMemUrl("seqrollback"))) {
            update(c, "CREATE SEQUENCE s");
            update(c, "CREATE TABLE t (id BIGINT DEFAULT nextval('s'), v INT)");
            c.setAutoCommit(false);
            assertEquals(1L, next(c, "s"));
            update(c, "INSERT INTO t (v) VALUES (1), (2)");
            c.rollback();
            assertEquals(4L, next(c, "s"), "values 1..3 are gone with the rollback, not given back");
            update(c, "INSERT INTO t (v) VALUES (3)");
            c.commit();
            assertEquals(List.of(5L), column(c, "SELECT id FROM t"));
            // A statement that fails keeps the values it took.
            update(c, "CREATE TABLE nn (id BIGINT, v INT NOT NULL)");
            assertThrows(SQLException.class, () -> update(c, "INSERT INTO nn VALUES (nextval('s'), 1), (nextval('s'), NULL)"));
            assertEquals(8L, next(c, "s"));
            c.commit();
            // DDL rolled back: the dropped sequence comes back and goes on after the values already handed out.
            update(c, "DROP SEQUENCE s");
            c.rollback();
            assertEquals(9L, next(c, "s"));
            // A created sequence rolled back is gone; a rollback of other DDL leaves sequences as they were.
            update(c, "CREATE SEQUENCE gone");
            next(c, "gone");
            c.rollback();
            assertEquals("42P01", state(fails(c, "SELECT nextval('gone')")));
            c.rollback();
            c.setAutoCommit(true);
            assertEquals(10L, next(c, "s"));
        }
    }

    @Test
    void readOnlyTransactionsMayNotTakeValues() throws SQLException {
        try (Connection c = connect(freshMemUrl("seqro"))) {
            update(c, "CREATE SEQUENCE s");
            next(c, "s");
            c.setReadOnly(true);
            assertEquals("25006", state(fails(c, "SELECT nextval('s')")));
            assertEquals("25006", state(fails(c, "SELECT setval('s', 5)")));
            assertEquals(1L, scalar(c, "SELECT currval('s')"));
            c.setReadOnly(false);
            assertEquals(2L, next(c, "s"));
        }
    }

    @Test
    void defaultsMayCallNextval() throws SQLException {
        try (Connection c = connect(freshMemUrl("seqdefault"))) {
            update(c, "CREATE SEQUENCE s START WITH 100");
            update(c, "CREATE TABLE t (id BIGINT DEFAULT nextval('s'), alt BIGINT DEFAULT NEXT VALUE FOR s, v INT)");
            update(c, "INSERT INTO t (v) VALUES (1), (2)");
            update(c, "INSERT INTO t (v) SELECT v + 10 FROM t");
            update(c, "INSERT INTO t DEFAULT VALUES");
            List<Object> ids = column(c, "SELECT id FROM t");
            List<Object> alts = column(c, "SELECT alt FROM t");
            Set<Object> all = new HashSet<>(ids);
            all.addAll(alts);
            assertEquals(10, all.size(), "every row and column got its own value: " + ids + " " + alts);
            update(c, "DROP SEQUENCE s");
            assertEquals("42P01", state(fails(c, "INSERT INTO t (v) VALUES (3)")),
                    "a default naming a dropped sequence fails when it runs");
        }
    }

    @Test
    void valuesNeverRepeatUnderConcurrentCallers() throws Exception {
        long seed = Long.getLong("rustydb.seed", 20261202L);
        String url = freshMemUrl("seqthreads");
        Connection holder = connect(url); // keeps the in-memory database open
        update(holder, "CREATE SEQUENCE s");
        update(holder, "CREATE TABLE log (v BIGINT PRIMARY KEY)");
        int threads = 4;
        int perThread = 500;
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<Long> duplicates = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(seed + t);
                done.add(pool.submit(() -> {
                    try (Connection c = connect(url); Statement s = c.createStatement()) {
                        for (int i = 0; i < perThread; i++) {
                            int how = random.nextInt(4);
                            long v;
                            if (how == 3) {
                                // in a transaction that stores the value, committed or rolled back
                                c.setAutoCommit(false);
                                try (ResultSet rs = s.executeQuery("SELECT NEXT VALUE FOR s")) {
                                    rs.next();
                                    v = rs.getLong(1);
                                }
                                s.executeUpdate("INSERT INTO log VALUES (" + v + ")");
                                if (random.nextBoolean()) {
                                    c.commit();
                                } else {
                                    c.rollback();
                                }
                                c.setAutoCommit(true);
                            } else {
                                try (ResultSet rs = s.executeQuery(how == 0 ? "SELECT nextval('s')"
                                        : how == 1 ? "SELECT s.nextval" : "SELECT NEXT VALUE FOR s")) {
                                    rs.next();
                                    v = rs.getLong(1);
                                }
                            }
                            if (!seen.add(v)) {
                                synchronized (duplicates) {
                                    duplicates.add(v);
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            holder.close();
        }
        assertEquals(List.of(), duplicates, "seed " + seed);
        assertEquals(threads * perThread, seen.size(), "seed " + seed);
        Set<Long> expected = new HashSet<>();
        for (long v = 1; v <= threads * perThread; v++) {
            expected.add(v);
        }
        assertEquals(expected, seen, "nothing is skipped while the database stays open; seed " + seed);
    }

    @Test
    void valuesSurviveReopeningAFileDatabase() throws SQLException {
        String url = "jdbc:rustydb:file:" + dir.resolve("seq.db");
        long highest = 0;
        try (Connection c = connect(url)) {
            update(c, "CREATE SEQUENCE s INCREMENT BY 3");
            update(c, "CREATE SEQUENCE quiet START WITH 42");
            update(c, "CREATE SEQUENCE r");
            for (int i = 0; i < 100; i++) {
                highest = Math.max(highest, next(c, "s"));
            }
            scalar(c, "SELECT setval('r', 7, false)");
        }
        try (Connection c = connect(url)) {
            long after = next(c, "s");
            assertTrue(after > highest, after + " must come after " + highest);
            assertEquals(0, (after - 1) % 3, "still on the progression 1, 4, 7, ...");
            assertEquals(42L, next(c, "quiet"), "a sequence never used starts at START");
            assertEquals(7L, next(c, "r"), "setval(r, 7, false) was persisted");
            assertEquals("42P07", state(fails(c, "CREATE SEQUENCE s")));
            update(c, "DROP SEQUENCE quiet");
        }
        try (Connection c = connect(url)) {
            assertEquals("42P01", state(fails(c, "SELECT nextval('quiet')")), "a dropped sequence stays dropped");
            assertTrue(next(c, "s") > highest);
        }
    }

    @Test
    void valuesHandedOutBeforeAKillAreNeverHandedOutAgain() throws Exception {
        Path file = dir.resolve("crash.db");
        Path out = dir.resolve("child.out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SequenceCrashChild.class.getName(), file.toString())
                .redirectOutput(out.toFile()).redirectError(dir.resolve("child.err").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_SECONDS);
            while (countLines(out, "I ") < 150) {
                if (!child.isAlive()) {
                    fail("child exited with " + child.exitValue() + ": " + Files.readString(out)
                            + Files.readString(dir.resolve("child.err")));
                }
                if (System.nanoTime() > deadline) {
                    fail("child printed too little within " + CHILD_TIMEOUT_SECONDS + " s");
                }
                Thread.sleep(20);
            }
        } finally {
            child.destroyForcibly(); // kill -9: no close, no checkpoint
            child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        long maxS = 0;
        long maxI = 0;
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            String[] parts = line.split(" ");
            if (parts.length == 2 && parts[1].matches("\\d+")) {
                long v = Long.parseLong(parts[1]);
                if (parts[0].equals("S")) {
                    maxS = Math.max(maxS, v);
                } else if (parts[0].equals("I")) {
                    maxI = Math.max(maxI, v);
                }
            }
        }
        try (Connection c = connect("jdbc:rustydb:file:" + file)) {
            long s = next(c, "s");
            assertTrue(s > maxS, "after the crash nextval gave " + s + ", but " + maxS + " was handed out before");
            update(c, "INSERT INTO ids (pad) VALUES ('after')");
            long id = ((Number) scalar(c, "SELECT currval('ids_id_seq')")).longValue();
            assertTrue(id > maxI, "after the crash the SERIAL gave " + id + ", but " + maxI + " was stored before");
            long rows = ((Number) scalar(c, "SELECT COUNT(*) FROM ids")).longValue();
            assertEquals(rows, ((Number) scalar(c, "SELECT COUNT(DISTINCT id) FROM ids")).longValue());
        }
    }

    private static long countLines(Path file, String prefix) throws java.io.IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith(prefix)).count();
    }
}
