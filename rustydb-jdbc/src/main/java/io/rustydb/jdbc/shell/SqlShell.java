package io.rustydb.jdbc.shell;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The RustyDB SQL shell: {@code java -jar rustydb.jar [OPTIONS] [URL | FILE]} (see {@link ShellOptions#USAGE}).
 *
 * <p>It connects through {@link DriverManager} and reads lines, interactively from a terminal (JLine editing and
 * history, prompts {@value #PROMPT} and {@value #CONTINUATION_PROMPT}, a banner, timing on) or as a script from a
 * file ({@code -f}) or piped standard input (no prompts, no banner, timing off, so the output is stable). Lines go
 * through a {@link StatementSplitter}; each complete statement is run with {@link Statement#execute(String)} and
 * all its results are printed: result sets as {@link ResultTablePrinter} tables, update counts as described in
 * {@link #updateMessage}. A line starting with {@code \} is a {@link ShellCommands} command.
 *
 * <p>Errors. A failed statement prints {@code ERROR [SQLSTATE] message} on the error stream and the shell reads on;
 * a {@link RuntimeException} (a bug in the driver or engine) prints as SQLSTATE {@code XX000} and does not end the
 * shell either. Exit codes: 0 = all went well (always, for an interactive session that quit normally); 1 = a
 * script statement or command failed (with {@code --on-error=stop} the script stops there), the connection could
 * not be opened or the script could not be read; 2 = bad command line.
 *
 * <p>At the end of a script a trailing statement without {@code ;} is run; in an interactive session Ctrl-D
 * discards it, as psql does. Ctrl-C discards the statement being typed, or cancels the running one
 * ({@link Statement#cancel()}, if the driver supports it).
 */
public final class SqlShell {

    /** Prompt for the first line of a statement. */
    static final String PROMPT = "rustydb> ";
    /** Prompt for the following lines of a statement; as wide as {@link #PROMPT}. */
    static final String CONTINUATION_PROMPT = "    ...> ";

    private static final String DRIVER_CLASS = "io.rustydb.jdbc.Driver";
    private static final Set<String> DML_KEYWORDS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT");

    private final Connection connection;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private final boolean stopOnError;
    private final ShellCommands commands;
    private final StatementSplitter splitter = new StatementSplitter();
    private volatile Statement running;
    private boolean failed;

    private SqlShell(Connection connection, PrintStream out, PrintStream err, boolean interactive,
            boolean stopOnError) {
        this.connection = connection;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.stopOnError = stopOnError;
        this.commands = new ShellCommands(connection, out, err, interactive);
    }

    /** Runs the shell on the process's standard streams and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, standardInputIsTerminal()));
    }

    /**
     * Runs the shell; the testable form of {@link #main}.
     *
     * @param in          the commands (unless {@code -f} names a script); when {@code interactive} and this is
     *                    {@link System#in}, the system terminal is used, otherwise a dumb JLine terminal over
     *                    {@code in} and {@code out}
     * @param interactive whether {@code in} is a terminal a person types at (ignored with {@code -f})
     * @return the exit code: 0 success, 1 failure, 2 bad command line
     */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean interactive) {
        ShellOptions options;
        try {
            options = ShellOptions.parse(args);
        } catch (ShellOptions.UsageException e) {
            err.println("rustydb: " + e.getMessage());
            err.print(ShellOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.print(ShellOptions.USAGE);
            return 0;
        }
        boolean readsTerminal = interactive && !options.hasScriptFile();
        // Open the script before connecting, so that a mistyped script name does not create a database file.
        BufferedReader script = null;
        if (!readsTerminal) {
            try {
                script = openScript(options.scriptFile(), in);
            } catch (IOException e) {
                err.println("ERROR: cannot read " + options.scriptFile() + ": " + e);
                return 1;
            }
        }
        loadDriver();
        try (Connection connection = DriverManager.getConnection(options.url())) {
            SqlShell shell = new SqlShell(connection, out, err, readsTerminal,
                    !readsTerminal && options.onError() == ShellOptions.OnError.STOP);
            if (readsTerminal) {
                shell.printBanner(options.url());
            }
            try (LineSource source = readsTerminal ? shell.openTerminal(in, out) : new LineSource.Plain(script, out)) {
                return shell.loop(source);
            }
        } catch (SQLException | RuntimeException e) {
            err.println(ShellErrors.describe(e));
            return 1;
        } catch (IOException e) {
            err.println("ERROR: cannot read input: " + e);
            return 1;
        } finally {
            closeQuietly(script);
            out.flush();
            err.flush();
        }
    }

    /** Reads and runs lines until end of input or {@code \q}; returns the exit code. */
    private int loop(LineSource source) throws IOException {
        boolean keepReading = true;
        while (keepReading) {
            String line;
            try {
                line = source.readLine(interactive
                        ? (splitter.hasPendingInput() ? CONTINUATION_PROMPT : PROMPT) : null);
            } catch (LineSource.Interrupted e) {
                splitter.reset();
                continue;
            }
            if (line == null) {
                if (interactive) {
                    splitter.reset();
                } else {
                    splitter.finish().ifPresent(this::executeSql);
                }
                break;
            }
            keepReading = handleLine(line);
        }
        return interactive || !failed ? 0 : 1;
    }

    /** Runs what one line completes; returns whether to read on. */
    private boolean handleLine(String line) {
        if (!splitter.isInsideQuoteOrComment() && line.stripLeading().startsWith("\\")) {
            ShellCommands.Outcome outcome = runCommand(line);
            return outcome != ShellCommands.Outcome.QUIT && !(failed && stopOnError);
        }
        for (String sql : splitter.feedLine(line)) {
            executeSql(sql);
            if (failed && stopOnError) {
                return false;
            }
        }
        return true;
    }

    private ShellCommands.Outcome runCommand(String line) {
        ShellCommands.Outcome outcome;
        try {
            outcome = commands.execute(line);
        } catch (SQLException | RuntimeException e) {
            err.println(ShellErrors.describe(e));
            outcome = ShellCommands.Outcome.FAILED;
        }
        if (outcome == ShellCommands.Outcome.FAILED) {
            failed = true;
        }
        flush();
        return outcome;
    }

    /** Runs one statement and prints all its results, or its error. */
    private void executeSql(String sql) {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            running = statement;
            boolean isResultSet = statement.execute(sql);
            while (true) {
                if (isResultSet) {
                    try (ResultSet resultSet = statement.getResultSet()) {
                        out.println(ResultTablePrinter.format(resultSet));
                    }
                } else {
                    int count = statement.getUpdateCount();
                    if (count == -1) {
                        break; // no more results (JDBC: getMoreResults() == false && getUpdateCount() == -1)
                    }
                    out.println(updateMessage(sql, count));
                }
                isResultSet = statement.getMoreResults();
            }
            printNotices(statement);
            if (commands.timing()) {
                out.printf(Locale.ROOT, "Time: %.3f ms%n", (System.nanoTime() - start) / 1e6);
            }
        } catch (SQLException | RuntimeException | StackOverflowError | AssertionError e) {
            err.println(ShellErrors.describe(e));
            failed = true;
        } finally {
            running = null;
            flush();
        }
    }

    /** The statement's warnings (PostgreSQL's NOTICEs), as psql shows them: on standard error, not failures. */
    private void printNotices(Statement statement) {
        try {
            for (java.sql.SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
                err.println("NOTICE:  " + w.getMessage());
            }
        } catch (SQLException noWarnings) {
            // a driver that keeps no warnings: nothing to show
        }
    }

    /**
     * What an update count prints as. Statements starting with INSERT, UPDATE, DELETE or MERGE always report their
     * count ({@code OK, 0 rows affected}, {@code OK, 1 row affected}, ...). For others (DDL, SET, ...), a count of
     * zero or less carries no information and prints as {@code OK}; a positive count (e.g. CREATE TABLE ... AS) is
     * still reported.
     */
    static String updateMessage(String sql, int count) {
        if (count <= 0 && !DML_KEYWORDS.contains(firstKeyword(sql))) {
            return "OK";
        }
        return "OK, " + count + (count == 1 ? " row affected" : " rows affected");
    }

    /** The first word of a statement, upper-cased, skipping blanks and opening parentheses. */
    static String firstKeyword(String sql) {
        int i = 0;
        while (i < sql.length() && (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == '(')) {
            i++;
        }
        int start = i;
        while (i < sql.length() && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(start, i).toUpperCase(Locale.ROOT);
    }

    private void printBanner(String url) {
        String product = "RustyDB";
        try {
            DatabaseMetaData meta = connection.getMetaData();
            product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException | RuntimeException e) {
            // The banner is cosmetic; an unfinished metadata implementation must not stop the shell.
        }
        out.println(product + " shell, connected to " + url);
        out.println("Type \\help for help, \\q to quit. End statements with ;");
        out.flush();
    }

    private LineSource openTerminal(InputStream in, PrintStream terminalOut) throws IOException {
        try {
            return in == System.in ? TerminalLineSource.system(this::cancelRunningStatement)
                    : TerminalLineSource.streams(in, terminalOut);
        } catch (NoClassDefFoundError e) {
            // JLine is an optional dependency; without it, read plain lines and still prompt.
            return new LineSource.Plain(
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), terminalOut);
        }
    }

    private void cancelRunningStatement() {
        Statement statement = running;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException e) {
                err.println(ShellErrors.describe(e));
            }
        }
    }

    private void flush() {
        out.flush();
        err.flush();
    }

    private static void closeQuietly(BufferedReader script) {
        if (script != null) {
            try {
                script.close();
            } catch (IOException e) {
                // Nothing was written through it; there is nothing to lose.
            }
        }
    }

    private static BufferedReader openScript(String scriptFile, InputStream in) throws IOException {
        if (scriptFile == null || scriptFile.equals("-")) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return Files.newBufferedReader(Path.of(scriptFile), StandardCharsets.UTF_8);
    }

    /**
     * Initialises RustyDB's driver if it is on the class path, for class paths where the
     * {@code META-INF/services/java.sql.Driver} entry got lost (e.g. a badly merged shaded jar). By name only: the
     * shell has no compile-time dependency on any driver.
     */
    private static void loadDriver() {
        try {
            Class.forName(DRIVER_CLASS);
        } catch (ClassNotFoundException | LinkageError e) {
            // Another driver may serve the URL; DriverManager reports it if none does.
        }
    }

    /**
     * Whether standard input and output are a terminal. {@link System#console()} is null when they are redirected;
     * from Java 22 on it may be non-null anyway, and {@code Console.isTerminal()} (looked up reflectively, as the
     * code targets Java 17) tells.
     */
    private static boolean standardInputIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }
}
