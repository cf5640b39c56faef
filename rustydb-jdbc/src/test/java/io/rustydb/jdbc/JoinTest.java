package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Joins against a model: random tables with duplicate and NULL keys, every join type, equi-joins (hash join) and
 * non-equi conditions (nested loop), compared with a join computed in Java. The seed is printed on failure.
 */
class JoinTest {
    private record Row(Integer k, int v) {
    }

    private static List<Row> fill(Connection c, String table, Random random, int n) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (k INTEGER, v INTEGER)");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
            for (int i = 0; i < n; i++) {
                Integer k = random.nextInt(6) == 0 ? null : random.nextInt(8);
                Row row = new Row(k, i);
                rows.add(row);
                p.setObject(1, k);
                p.setInt(2, i);
                p.executeUpdate();
            }
        }
        return rows;
    }

    private static List<String> query(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getObject(1) + "|" + r.getObject(2));
            }
        }
        Collections.sort(out);
        return out;
    }

    private interface Condition {
        boolean test(Row l, Row r);
    }

    private static List<String> model(List<Row> left, List<Row> right, String type, Condition on) {
        List<String> out = new ArrayList<>();
        boolean[] rightMatched = new boolean[right.size()];
        for (Row l : left) {
            boolean matched = false;
            for (int i = 0; i < right.size(); i++) {
                if (on.test(l, right.get(i))) {
                    matched = true;
                    rightMatched[i] = true;
                    out.add(l.v + "|" + right.get(i).v);
                }
            }
            if (!matched && (type.equals("LEFT") || type.equals("FULL"))) {
                out.add(l.v + "|null");
            }
        }
        if (type.equals("RIGHT") || type.equals("FULL")) {
            for (int i = 0; i < right.size(); i++) {
                if (!rightMatched[i]) {
                    out.add("null|" + right.get(i).v);
                }
            }
        }
        Collections.sort(out);
        return out;
    }

    @Test
    void everyJoinTypeMatchesTheModel() throws SQLException {
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            try (Connection c = DriverManager.getConnection("jdbc:rustydb:mem:join-" + seed)) {
                List<Row> a = fill(c, "a", random, 40 + random.nextInt(40));
                List<Row> b = fill(c, "b", random, 40 + random.nextInt(40));
                for (String type : new String[] {"INNER", "LEFT", "RIGHT", "FULL"}) {
                    assertEquals(model(a, b, type, (l, r) -> l.k != null && Objects.equals(l.k, r.k)),
                            query(c, "SELECT a.v, b.v FROM a " + type + " JOIN b ON a.k = b.k"),
                            "equi " + type + " join, seed " + seed);
                    assertEquals(model(a, b, type, (l, r) -> l.k != null && r.k != null && l.k < r.k && r.v % 3 == 0),
                            query(c, "SELECT a.v, b.v FROM a " + type + " JOIN b ON a.k < b.k AND b.v % 3 = 0"),
                            "non-equi " + type + " join, seed " + seed);
                    assertEquals(model(a, b, type, (l, r) -> l.k != null && Objects.equals(l.k, r.k) && l.v > r.v),
                            query(c, "SELECT a.v, b.v FROM a " + type + " JOIN b ON b.k = a.k AND a.v > b.v"),
                            "equi + residual " + type + " join, seed " + seed);
                }
                assertEquals(model(a, b, "INNER", (l, r) -> true).size(),
                        query(c, "SELECT a.v, b.v FROM a CROSS JOIN b").size(), "cross join, seed " + seed);
                assertEquals(model(a, b, "INNER", (l, r) -> l.k != null && Objects.equals(l.k, r.k)),
                        query(c, "SELECT a.v, b.v FROM a, b WHERE a.k = b.k"), "comma join, seed " + seed);
            }
        }
    }

    @Test
    void usingNaturalAndNameErrors() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:rustydb:mem:join-names"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE p (id INTEGER, name VARCHAR(10))");
            s.execute("CREATE TABLE q (id INTEGER, score INTEGER)");
            s.execute("INSERT INTO p VALUES (1, 'x'), (2, 'y')");
            s.execute("INSERT INTO q VALUES (2, 20), (3, 30)");
            try (ResultSet r = s.executeQuery("SELECT * FROM p JOIN q USING (id)")) {
                assertEquals(3, r.getMetaData().getColumnCount(), "the USING column appears once in *");
                r.next();
                assertEquals(2, r.getInt("id"));
                assertEquals(20, r.getInt("score"));
            }
            try (ResultSet r = s.executeQuery("SELECT id, q.id FROM p NATURAL JOIN q")) {
                r.next();
                assertEquals(2, r.getInt(1));
            }
            SQLException ambiguous = assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT id FROM p JOIN q ON p.id = q.id"));
            assertEquals("42702", ambiguous.getSQLState());
            SQLException twice = assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1 FROM p JOIN p ON 1 = 1"));
            assertEquals("42712", twice.getSQLState());
            SQLException noOn = assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1 FROM p JOIN q"));
            assertEquals("42601", noOn.getSQLState());
        }
    }
    @Test
    void parenthesizedJoinsAreOneInput() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:rustydb:mem:join-parens"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE a (id INTEGER)");
            s.execute("CREATE TABLE b (id INTEGER, a_id INTEGER)");
            s.execute("CREATE TABLE c (id INTEGER, b_id INTEGER)");
            s.execute("INSERT INTO a VALUES (1), (2)");
            s.execute("INSERT INTO b VALUES (10, 1), (20, 2)");
            s.execute("INSERT INTO c VALUES (100, 10)");
            // the inner join of b and c happens first, so a = 2 keeps its row with NULLs on both sides
            assertEquals(List.of("1|100", "2|null"), query(c,
                    "SELECT a.id, c.id FROM a LEFT JOIN (b JOIN c ON c.b_id = b.id) ON b.a_id = a.id"));
            assertEquals(List.of("1|10", "2|20"), query(c, "SELECT a.id, b.id FROM (a CROSS JOIN b) WHERE b.a_id = a.id"));
            SQLException aliased = assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT 1 FROM (a CROSS JOIN b) AS x"));
            assertEquals("0A000", aliased.getSQLState());
        }
    }
}
