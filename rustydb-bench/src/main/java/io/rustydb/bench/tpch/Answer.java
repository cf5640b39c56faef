package io.rustydb.bench.tpch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rows of one query's result, every value rendered as text the way {@code shared/tpch/answers-sf0.01} writes
 * it: NULL as the empty string, strings trimmed (CHAR padding differs between engines), dates as yyyy-mm-dd,
 * decimals in plain notation. Engines return the same answer as different Java types (SQLite a Double where Derby
 * has a BigDecimal, DuckDB a LocalDate where H2 has a java.sql.Date); comparing rendered text with a numeric
 * tolerance ({@link #sameValue}) makes them comparable.
 */
public record Answer(List<List<String>> rows) {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    /** Numbers agree within this relative difference ... */
    static final double RELATIVE = 1e-6;
    /** ... or this absolute difference (decimals at scale 2; Derby's AVG keeps its argument's scale). */
    static final double ABSOLUTE = 0.01;

    public Answer {
        rows = List.copyOf(rows);
    }

    /** The raw values of a result set: every column of every row through {@code getObject} (the timed part). */
    static List<Object[]> fetch(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<Object[]> out = new ArrayList<>();
        while (rs.next()) {
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                row[i] = rs.getObject(i + 1);
            }
            out.add(row);
        }
        return out;
    }

    /** Renders values fetched by {@link #fetch} (outside the timed part). */
    public static Answer of(List<Object[]> values) {
        List<List<String>> rows = new ArrayList<>(values.size());
        for (Object[] row : values) {
            List<String> r = new ArrayList<>(row.length);
            for (Object v : row) {
                r.add(render(v));
            }
            rows.add(r);
        }
        return new Answer(rows);
    }

    /** An expected answer file: a header line, then one {@code |}-separated row per line, no quoting. */
    public static Answer read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            // an empty line is a row of one NULL (Q17's answer at SF 0.01)
            rows.add(Arrays.stream(line.split("\\|", -1)).map(String::strip).toList());
        }
        return new Answer(rows);
    }

    static String render(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (v instanceof TemporalAccessor) {
            return v.toString();
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return v.toString().strip();
    }

    static boolean isNumber(String s) {
        return NUMBER.matcher(s).matches();
    }

    /** Whether two rendered values agree: equal text, or both numbers within the tolerance. */
    static boolean sameValue(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        return isNumber(expected) && isNumber(actual)
                && close(Double.parseDouble(expected), Double.parseDouble(actual), ABSOLUTE);
    }

    static boolean close(double a, double b, double absolute) {
        double diff = Math.abs(a - b);
        return diff <= absolute || diff <= RELATIVE * Math.max(Math.abs(a), Math.abs(b));
    }

    public int rowCount() {
        return rows.size();
    }
}
