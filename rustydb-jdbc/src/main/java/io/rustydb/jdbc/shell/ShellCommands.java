package io.rustydb.jdbc.shell;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shell's backslash commands: a line whose first non-blank character is {@code \}, needing no {@code ;}.
 *
 * <p>Everything they show about the database comes from {@link DatabaseMetaData}, so they work with whatever the
 * driver reports. They also hold the one setting the user can change, {@linkplain #timing() timing}. The commands
 * are listed in {@link #HELP}.
 */
final class ShellCommands {

    /** What the shell does after a command. */
    enum Outcome {
        /** The command ran; read on. */
        DONE,
        /** The command failed and printed its error; counts as a failure of the script. */
        FAILED,
        /** {@code \q}: stop reading input. */
        QUIT
    }

    /** The text of {@code \help}. */
    static final String HELP = """
            Statements end with ; and may span lines. Backslash commands take one line and need no ;.
              \\help, \\?            show this help
              \\q                   quit (Ctrl-D too)
              \\timing [on|off]     toggle (or set) printing each statement's elapsed time
              \\dt [PATTERN]        list tables and views (PATTERN as in LIKE, default all)
              \\d [TABLE]           describe the columns of TABLE (schema.table and "Quoted" work);
                                   without TABLE, same as \\dt
            In the interactive shell Ctrl-C discards the statement being typed.
            """;

    private final Connection connection;
    private final PrintStream out;
    private final PrintStream err;
    private boolean timing;

    /**
     * @param timing whether statement times are printed at first ({@code \timing} toggles it)
     */
    ShellCommands(Connection connection, PrintStream out, PrintStream err, boolean timing) {
        this.connection = connection;
        this.out = out;
        this.err = err;
        this.timing = timing;
    }

    /** Whether the shell prints {@code Time: X ms} after each statement. */
    boolean timing() {
        return timing;
    }

    /**
     * Runs one command line.
     *
     * @param line the line, starting with {@code \} after optional blanks
     * @throws SQLException from the metadata calls; the caller reports it as for a statement
     */
    Outcome execute(String line) throws SQLException {
        String text = line.strip();
        if (!text.startsWith("\\")) {
            throw new IllegalArgumentException("not a backslash command: " + line);
        }
        text = text.substring(1);
        int blank = indexOfWhitespace(text);
        String name = blank < 0 ? text : text.substring(0, blank);
        String argument = blank < 0 ? "" : text.substring(blank).strip();
        if (argument.endsWith(";")) {
            argument = argument.substring(0, argument.length() - 1).strip(); // forgive a habitual ;
        }
        switch (name) {
            case "help", "?" -> out.print(HELP);
            case "q", "quit" -> {
                return Outcome.QUIT;
            }
            case "timing" -> {
                return timing(argument);
            }
            case "dt" -> listTables(argument);
            case "d" -> {
                if (argument.isEmpty()) {
                    listTables("");
                } else {
                    return describe(argument);
                }
            }
            default -> {
                err.println("ERROR: unknown command \\" + name);
                return Outcome.FAILED;
            }
        }
        return Outcome.DONE;
    }

    private Outcome timing(String argument) {
        switch (argument.toLowerCase(Locale.ROOT)) {
            case "" -> timing = !timing;
            case "on" -> timing = true;
            case "off" -> timing = false;
            default -> {
                err.println("ERROR: \\timing takes on or off, not " + argument);
                return Outcome.FAILED;
            }
        }
        out.println(timing ? "Timing is on." : "Timing is off.");
        return Outcome.DONE;
    }

    private void listTables(String pattern) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<List<String>> rows = new ArrayList<>();
        String namePattern = pattern.isEmpty() ? "%" : pattern;
        try (ResultSet tables = meta.getTables(null, null, namePattern, new String[] {"TABLE", "VIEW"})) {
            while (tables.next()) {
                rows.add(List.of(nullToEmpty(tables.getString("TABLE_SCHEM")), tables.getString("TABLE_NAME"),
                        nullToEmpty(tables.getString("TABLE_TYPE"))));
            }
        }
        out.println(ResultTablePrinter.format(List.of("Schema", "Name", "Type"), rows,
                List.of(false, false, false)));
    }

    /**
     * {@code \d [schema.]table}: unquoted names match case-insensitively, so {@code \d t} finds {@code T}; quoted
     * names match exactly. Metadata patterns treat {@code _} as a wildcard, so the rows are filtered afterwards.
     */
    private Outcome describe(String argument) throws SQLException {
        List<String> parts = splitQualifiedName(argument);
        if (parts.isEmpty() || parts.size() > 2) {
            err.println("ERROR: \\d takes one table name, optionally schema-qualified, not: " + argument);
            return Outcome.FAILED;
        }
        NamePart table = NamePart.of(parts.get(parts.size() - 1));
        NamePart schema = parts.size() == 2 ? NamePart.of(parts.get(0)) : null;

        DatabaseMetaData meta = connection.getMetaData();
        Map<String, List<List<String>>> columnsByTable = new LinkedHashMap<>();
        for (String candidate : table.lookupSpellings()) {
            try (ResultSet columns = meta.getColumns(null, null, candidate, "%")) {
                while (columns.next()) {
                    String schemaName = columns.getString("TABLE_SCHEM");
                    String tableName = columns.getString("TABLE_NAME");
                    if (!table.matches(tableName) || (schema != null && !schema.matches(schemaName))) {
                        continue;
                    }
                    String title = schemaName == null || schemaName.isEmpty()
                            ? tableName : schemaName + "." + tableName;
                    columnsByTable.computeIfAbsent(title, t -> new ArrayList<>()).add(List.of(
                            columns.getString("COLUMN_NAME"), typeOf(columns), nullability(columns)));
                }
            }
            if (!columnsByTable.isEmpty()) {
                break;
            }
        }
        if (columnsByTable.isEmpty()) {
            throw new SQLException("table \"" + argument + "\" does not exist", "42P01");
        }
        columnsByTable.forEach((title, rows) -> {
            out.println("Table \"" + title + "\"");
            out.println(ResultTablePrinter.format(List.of("Column", "Type", "Nullable"), rows,
                    List.of(false, false, false)));
        });
        return Outcome.DONE;
    }

    /** TYPE_NAME, with (length) for character and binary types and (precision,scale) for exact numerics. */
    static String typeOf(ResultSet column) throws SQLException {
        String typeName = column.getString("TYPE_NAME");
        int dataType = column.getInt("DATA_TYPE");
        int size = column.getInt("COLUMN_SIZE");
        boolean hasSize = !column.wasNull() && size > 0 && size < Integer.MAX_VALUE;
        if (typeName == null || typeName.indexOf('(') >= 0 || !hasSize) {
            return typeName == null ? "" : typeName;
        }
        switch (dataType) {
            case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.BINARY, Types.VARBINARY:
                return typeName + "(" + size + ")";
            case Types.DECIMAL, Types.NUMERIC:
                int scale = column.getInt("DECIMAL_DIGITS");
                return column.wasNull() ? typeName + "(" + size + ")" : typeName + "(" + size + "," + scale + ")";
            default:
                return typeName;
        }
    }

    private static String nullability(ResultSet column) throws SQLException {
        String isNullable = column.getString("IS_NULLABLE");
        if (isNullable != null && !isNullable.isEmpty()) {
            return isNullable;
        }
        return switch (column.getInt("NULLABLE")) {
            case DatabaseMetaData.columnNoNulls -> "NO";
            case DatabaseMetaData.columnNullable -> "YES";
            default -> "";
        };
    }

    /** Splits {@code a.b} at dots outside double quotes; the parts keep their quotes. */
    static List<String> splitQualifiedName(String name) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '.' && !quoted) {
                parts.add(part.toString().strip());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString().strip());
        return parts.stream().anyMatch(String::isEmpty) ? List.of() : parts;
    }

    /** One part of a name as typed: {@code "Exact"} (quotes removed, {@code ""} unescaped) or {@code loose}. */
    private record NamePart(String name, boolean quoted) {
        static NamePart of(String typed) {
            if (typed.length() >= 2 && typed.startsWith("\"") && typed.endsWith("\"")) {
                return new NamePart(typed.substring(1, typed.length() - 1).replace("\"\"", "\""), true);
            }
            return new NamePart(typed, false);
        }

        boolean matches(String actual) {
            return actual != null && (quoted ? actual.equals(name) : actual.equalsIgnoreCase(name));
        }

        /** The spellings to ask the metadata for: as typed, then (unquoted only) upper and lower case. */
        List<String> lookupSpellings() {
            List<String> spellings = new ArrayList<>(List.of(name));
            if (!quoted) {
                for (String s : List.of(name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))) {
                    if (!spellings.contains(s)) {
                        spellings.add(s);
                    }
                }
            }
            return spellings;
        }
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
