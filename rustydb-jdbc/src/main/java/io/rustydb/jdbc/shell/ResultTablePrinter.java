package io.rustydb.jdbc.shell;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats tabular results as aligned text, the way psql does:
 *
 * <pre>
 *  id | name
 * ----+-------
 *   1 | alice
 *  10 | bob
 * (2 rows)
 * </pre>
 *
 * <p>Each cell has one space of padding on either side and columns are separated by {@code |}; the separator line
 * uses {@code -} and {@code +}. Headers are centred; numeric columns are right-aligned and all others left-aligned.
 * SQL NULL prints as an empty cell. Tabs, carriage returns and line feeds inside a value print as {@code \t},
 * {@code \r}, {@code \n} so that every row stays on one line. Trailing spaces are cut from every line, so the output
 * is deterministic and diff-friendly. Widths count code points, not UTF-16 units.
 *
 * <p>The formatter itself ({@link #format(List, List, List)}) knows nothing of JDBC; {@link #format(ResultSet)} is
 * the adapter that reads a result set (values through {@link ResultSet#getString}, so the driver decides how a value
 * is written) and decides alignment from {@link ResultSetMetaData#getColumnType}.
 */
public final class ResultTablePrinter {

    private ResultTablePrinter() {
    }

    /**
     * Formats a table, followed by its {@code (N rows)} line.
     *
     * @param header       the column labels
     * @param rows         the rows; each has one value per column, {@code null} for SQL NULL
     * @param rightAligned per column, whether its values are right-aligned (numbers)
     * @return the lines of the table, each ended by {@code \n}
     * @throws IllegalArgumentException if a row or the alignment list does not have one entry per column
     */
    public static String format(List<String> header, List<List<String>> rows, List<Boolean> rightAligned) {
        int columns = header.size();
        if (rightAligned.size() != columns) {
            throw new IllegalArgumentException(
                    "expected " + columns + " alignment flags, got " + rightAligned.size());
        }
        List<String> labels = new ArrayList<>(columns);
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            labels.add(printable(header.get(c)));
            widths[c] = width(labels.get(c));
        }
        List<List<String>> cells = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            if (row.size() != columns) {
                throw new IllegalArgumentException("expected " + columns + " values in a row, got " + row.size());
            }
            List<String> printed = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                String value = printable(row.get(c));
                printed.add(value);
                widths[c] = Math.max(widths[c], width(value));
            }
            cells.add(printed);
        }

        StringBuilder out = new StringBuilder();
        if (columns > 0) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String label = labels.get(c);
                int space = widths[c] - width(label);
                int left = space / 2;
                line.append(c == 0 ? " " : " | ").append(" ".repeat(left)).append(label)
                        .append(" ".repeat(space - left));
            }
            appendLine(out, line);
            for (int c = 0; c < columns; c++) {
                line.append(c == 0 ? "" : "+").append("-".repeat(widths[c] + 2));
            }
            appendLine(out, line);
            for (List<String> row : cells) {
                for (int c = 0; c < columns; c++) {
                    String value = row.get(c);
                    String padding = " ".repeat(widths[c] - width(value));
                    line.append(c == 0 ? " " : " | ");
                    if (rightAligned.get(c)) {
                        line.append(padding).append(value);
                    } else {
                        line.append(value).append(padding);
                    }
                }
                appendLine(out, line);
            }
        }
        out.append(rowCount(rows.size())).append('\n');
        return out.toString();
    }

    /**
     * Reads the remaining rows of a result set and formats them with {@link #format(List, List, List)}. Does not
     * close the result set.
     */
    public static String format(ResultSet resultSet) throws SQLException {
        ResultSetMetaData meta = resultSet.getMetaData();
        int columns = meta.getColumnCount();
        List<String> header = new ArrayList<>(columns);
        List<Boolean> rightAligned = new ArrayList<>(columns);
        for (int c = 1; c <= columns; c++) {
            header.add(meta.getColumnLabel(c));
            rightAligned.add(isNumeric(meta.getColumnType(c)));
        }
        List<List<String>> rows = new ArrayList<>();
        while (resultSet.next()) {
            List<String> row = new ArrayList<>(columns);
            for (int c = 1; c <= columns; c++) {
                row.add(resultSet.getString(c));
            }
            rows.add(row);
        }
        return format(header, rows, rightAligned);
    }

    /** Whether values of this {@link Types} code are numbers, which are right-aligned. */
    public static boolean isNumeric(int sqlType) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE,
                    Types.NUMERIC, Types.DECIMAL -> true;
            default -> false;
        };
    }

    /** {@code (1 row)} or {@code (N rows)}. */
    static String rowCount(int rows) {
        return rows == 1 ? "(1 row)" : "(" + rows + " rows)";
    }

    private static String printable(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0 && value.indexOf('\t') < 0) {
            return value;
        }
        return value.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    private static void appendLine(StringBuilder out, StringBuilder line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        out.append(line, 0, end).append('\n');
        line.setLength(0);
    }
}
