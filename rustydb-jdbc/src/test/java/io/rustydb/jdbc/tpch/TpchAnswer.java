package io.rustydb.jdbc.tpch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One expected TPC-H answer ({@code shared/tpch/answers-sf0.01/qNN.csv}: a header line, then one {@code |}-separated
 * row per line, no quoting, NULL as an empty field) and the comparison of a result set with it, as that folder's README asks: numbers
 * within 1e-6 relative or 0.01 absolute, strings trimmed, dates as yyyy-mm-dd, rows in order where the query sorts
 * and as a multiset where it does not.
 */
final class TpchAnswer {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final double RELATIVE = 1e-6;
    private static final double ABSOLUTE = 0.01;

    private final List<String> columns;
    private final List<List<String>> rows;

    private TpchAnswer(List<String> columns, List<List<String>> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** Reads an answer file. */
    static TpchAnswer read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(split(line)); // an empty line is a row of one NULL (Q17's answer at SF 0.01)
        }
        return new TpchAnswer(split(lines.get(0)), rows);
    }

    private static List<String> split(String line) {
        return Arrays.asList(line.split("\\|", -1));
    }

    /** The actual rows of {@code rs}, each value rendered as the answer files render it (trimmed, dates ISO). */
    static List<List<String>> render(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<List<String>> out = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(render(rs.getObject(i)));
            }
            out.add(row);
        }
        return out;
    }

    private static String render(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof LocalDate || v instanceof LocalDateTime) {
            return v.toString();
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return v.toString().trim();
    }

    /**
     * Null when {@code actual} matches this answer, else a description of the first difference.
     *
     * @param ordered whether row order must match (the query has a top-level ORDER BY)
     */
    String mismatch(List<String> actualColumns, List<List<String>> actual, boolean ordered) {
        if (actualColumns.size() != columns.size()) {
            return "expected columns " + columns + " but got " + actualColumns;
        }
        if (actual.size() != rows.size()) {
            return "expected " + rows.size() + " rows but got " + actual.size() + firstRows(actual);
        }
        List<List<String>> expected = rows;
        List<List<String>> got = actual;
        if (!ordered) {
            expected = sorted(rows);
            got = sorted(actual);
        }
        for (int r = 0; r < expected.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                String e = expected.get(r).get(c).trim();
                String a = got.get(r).get(c);
                if (!sameValue(e, a)) {
                    return "row " + (r + 1) + " column " + columns.get(c) + ": expected '" + e + "' but got '" + a
                            + "'\n  expected row " + expected.get(r) + "\n  actual row   " + got.get(r);
                }
            }
        }
        return null;
    }

    private static String firstRows(List<List<String>> actual) {
        return actual.isEmpty() ? "" : "; first rows " + actual.subList(0, Math.min(3, actual.size()));
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(r -> String.join("|", r)));
        return copy;
    }

    static boolean sameValue(String expected, String actual) {
        if (expected.equals(actual)) {
            return true;
        }
        if (NUMBER.matcher(expected).matches() && NUMBER.matcher(actual).matches()) {
            double e = Double.parseDouble(expected);
            double a = Double.parseDouble(actual);
            double diff = Math.abs(e - a);
            return diff <= ABSOLUTE || diff <= RELATIVE * Math.max(Math.abs(e), Math.abs(a));
        }
        return false;
    }
}
