package io.rustydb.jdbc.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The 22 TPC-H queries of {@code ../shared/tpch/queries} on scale factor 0.01 (loaded once into an in-memory
 * database by {@link TpchData}), each compared with {@code ../shared/tpch/answers-sf0.01} by {@link TpchAnswer}.
 * One dynamic test per query, so a failure names its query. Skipped, with a message, when the shared corpus is
 * absent. All 22 run by default (Q4, Q20 and Q21 took 30-75 s each before the planner decorrelated their
 * subqueries; about 1-2 s now).
 *
 * <p>{@code -Drustydb.tpch.shared=PATH} points at a {@code shared} directory elsewhere; {@code -Dtpch.only=q03,q05}
 * runs only the queries named.
 */
class TpchTest {
    private static final double SCALE_FACTOR = 0.01;

    private static Connection connection;

    @BeforeAll
    static void load() throws SQLException {
        if (tpchDirectory().isEmpty()) {
            return;
        }
        connection = DriverManager.getConnection("jdbc:rustydb:mem:tpch_" + System.nanoTime());
        long start = System.nanoTime();
        Map<String, Long> counts = TpchData.createAndLoad(connection, SCALE_FACTOR);
        System.out.printf("TPC-H SF %s loaded in %d ms: %s%n", SCALE_FACTOR,
                (System.nanoTime() - start) / 1_000_000, counts);
        assertEquals(60_175L, counts.get("lineitem"), "lineitem rows at SF 0.01");
    }

    @AfterAll
    static void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> queries() {
        Optional<Path> dir = tpchDirectory();
        Assumptions.assumeTrue(dir.isPresent(), "../shared/tpch is absent: TPC-H queries skipped");
        String only = System.getProperty("tpch.only", "");
        Set<String> selected = only.isBlank() ? null : Set.of(only.toLowerCase(java.util.Locale.ROOT).split(","));
        return IntStream.rangeClosed(1, 22).mapToObj(i -> String.format("q%02d", i))
                .filter(q -> selected == null || selected.contains(q))
                .map(q -> DynamicTest.dynamicTest(q, () -> runQuery(dir.get(), q)));
    }

    private static void runQuery(Path dir, String query) throws IOException, SQLException {
        String sql = Files.readString(dir.resolve("queries").resolve(query + ".sql"), StandardCharsets.UTF_8).trim();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        TpchAnswer expected = TpchAnswer.read(dir.resolve("answers-sf0.01").resolve(query + ".csv"));
        long start = System.nanoTime();
        List<String> columns = new ArrayList<>();
        List<List<String>> rows;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
            }
            rows = TpchAnswer.render(rs);
        }
        System.out.printf("TPC-H %s: %d rows in %d ms%n", query, rows.size(), (System.nanoTime() - start) / 1_000_000);
        assertNull(expected.mismatch(columns, rows, hasTopLevelOrderBy(sql)), query);
    }

    /** Whether {@code sql} sorts its final result: an ORDER BY outside every parenthesis. */
    static boolean hasTopLevelOrderBy(String sql) {
        StringBuilder outside = new StringBuilder();
        int depth = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (depth == 0) {
                outside.append(Character.isWhitespace(ch) ? ' ' : Character.toUpperCase(ch));
            }
        }
        return outside.toString().replaceAll(" +", " ").contains("ORDER BY");
    }

    /** {@code shared/tpch}, found by walking up from the working directory, or named by a system property. */
    private static Optional<Path> tpchDirectory() {
        String override = System.getProperty("rustydb.tpch.shared");
        List<Path> candidates = new ArrayList<>();
        if (override != null && !override.isBlank()) {
            candidates.add(Paths.get(override).toAbsolutePath().resolve("tpch"));
        } else {
            for (Path d = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
                candidates.add(d.resolve("shared").resolve("tpch"));
            }
        }
        return candidates.stream().filter(p -> Files.isDirectory(p.resolve("queries"))
                && Files.isDirectory(p.resolve("answers-sf0.01"))).findFirst().map(Path::normalize);
    }
}
