package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Randomized model test of the array functions: random INTEGER arrays (with NULL elements, empty arrays) go
 * through SQL (literal, stored column, functions, operators, unnest, ORDER BY) and every result is compared with
 * the same operation on a {@link java.util.List}. The seed is printed on failure.
 */
class ArrayModelTest {
    private static final int ROUNDS = 150;

    @Test
    void functionsMatchListOperations() throws SQLException {
        long seed = Long.getLong("rustydb.test.seed", System.nanoTime());
        Random random = new Random(seed);
        try (Connection c = DriverManager.getConnection(freshMemUrl("arraymodel")); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, a INTEGER[])");
            List<List<Integer>> model = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int round = 0; round < ROUNDS; round++) {
                    List<Integer> list = randomList(random);
                    model.add(list);
                    insert.setInt(1, round);
                    if (random.nextBoolean()) {
                        insert.setObject(2, list.toArray(new Integer[0]));
                    } else {
                        insert.setArray(2, c.createArrayOf("integer", list.toArray()));
                    }
                    insert.executeUpdate();
                }
            }
            String context = "seed " + seed;
            for (int round = 0; round < ROUNDS; round++) {
                List<Integer> list = model.get(round);
                Integer x = random.nextInt(4) == 0 ? null : random.nextInt(6);
                int i = random.nextInt(list.size() + 3) - 1;
                int j = random.nextInt(list.size() + 3) - 1;
                String xs = x == null ? "NULL::int" : x.toString();
                String sql = "SELECT cardinality(a), a[" + i + "], a[" + i + ":" + j + "], array_append(a, " + xs
                        + "), array_prepend(" + xs + ", a), a || a, array_position(a, " + xs + "), array_remove(a, "
                        + xs + "), array_to_string(a, ',', '*'), " + xs + " = ANY(a), " + xs + " <> ALL(a),"
                        + " (SELECT count(*) FROM unnest(t.a)), (SELECT sum(u) FROM unnest(t.a) v(u)), a,"
                        + " '" + text(list) + "'::int[] = a FROM t WHERE id = " + round;
                try (ResultSet rs = s.executeQuery(sql)) {
                    assertTrue(rs.next(), context);
                    String where = context + ", round " + round + ", list " + list + ", x " + x + ": " + sql;
                    assertEquals(list.size(), rs.getInt(1), where);
                    assertEquals(at(list, i), rs.getObject(2), where);
                    assertEquals(text(slice(list, i, j)), rs.getString(3), where);
                    List<Integer> appended = new ArrayList<>(list);
                    appended.add(x);
                    assertEquals(text(appended), rs.getString(4), where);
                    List<Integer> prepended = new ArrayList<>(list);
                    prepended.add(0, x);
                    assertEquals(text(prepended), rs.getString(5), where);
                    List<Integer> doubled = new ArrayList<>(list);
                    doubled.addAll(list);
                    assertEquals(text(doubled), rs.getString(6), where);
                    int position = list.indexOf(x);
                    assertEquals(position < 0 ? null : position + 1, rs.getObject(7), where);
                    List<Integer> removed = new ArrayList<>(list);
                    removed.removeIf(e -> Objects.equals(e, x));
                    assertEquals(text(removed), rs.getString(8), where);
                    assertEquals(list.stream().map(e -> e == null ? "*" : e.toString()).collect(Collectors.joining(",")),
                            rs.getString(9), where);
                    assertEquals(any(list, x, true), rs.getObject(10), where);
                    assertEquals(any(list, x, false), rs.getObject(11), where);
                    assertEquals((long) list.size(), rs.getObject(12), where);
                    long sum = list.stream().filter(Objects::nonNull).mapToLong(Integer::longValue).sum();
                    boolean anyValue = list.stream().anyMatch(Objects::nonNull);
                    assertEquals(anyValue ? sum : null, rs.getObject(13), where);
                    assertEquals(list, Arrays.asList((Integer[]) rs.getArray(14).getArray()), where);
                    assertEquals(true, rs.getObject(15), where);
                }
            }
            // ORDER BY a sorts as PostgreSQL: element by element, NULL elements last, a prefix first
            List<Integer> expected = new ArrayList<>();
            for (int k = 0; k < ROUNDS; k++) {
                expected.add(k);
            }
            expected.sort(Comparator.comparing((Integer k) -> model.get(k), ArrayModelTest::compareLists)
                    .thenComparing(k -> k));
            List<Integer> actual = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id FROM t ORDER BY a, id")) {
                while (rs.next()) {
                    actual.add(rs.getInt(1));
                }
            }
            assertEquals(expected, actual, context);
        }
    }

    private static List<Integer> randomList(Random random) {
        int n = random.nextInt(5) == 0 ? 0 : random.nextInt(8);
        List<Integer> list = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            list.add(random.nextInt(6) == 0 ? null : random.nextInt(6));
        }
        return list;
    }

    private static Integer at(List<Integer> list, int i) {
        return i >= 1 && i <= list.size() ? list.get(i - 1) : null;
    }

    private static List<Integer> slice(List<Integer> list, int i, int j) {
        int from = Math.max(1, i);
        int to = Math.min(list.size(), j);
        return from > to ? List.of() : list.subList(from - 1, to);
    }

    private static String text(List<Integer> list) {
        return list.stream().map(e -> e == null ? "NULL" : e.toString()).collect(Collectors.joining(",", "{", "}"));
    }

    /** {@code x = ANY(list)} (any) or {@code x <> ALL(list)} under three-valued logic. */
    private static Boolean any(List<Integer> list, Integer x, boolean anyEqual) {
        if (list.isEmpty()) {
            return !anyEqual;
        }
        if (x == null) {
            return null;
        }
        boolean unknown = false;
        for (Integer e : list) {
            if (e == null) {
                unknown = true;
            } else if (e.equals(x)) {
                return anyEqual; // found: ANY true, ALL(<>) false
            }
        }
        return unknown ? null : !anyEqual;
    }

    private static int compareLists(List<Integer> a, List<Integer> b) {
        for (int k = 0; k < Math.min(a.size(), b.size()); k++) {
            Integer x = a.get(k);
            Integer y = b.get(k);
            int c = x == null ? (y == null ? 0 : 1) : y == null ? -1 : Integer.compare(x, y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
