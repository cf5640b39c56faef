/**
 * The interactive SQL shell ({@code java -jar rustydb.jar}): a psql-like command-line client.
 *
 * <p>The shell is a JDBC client like any other: it uses only {@code java.sql} (it opens its connection through
 * {@link java.sql.DriverManager}) and JLine 3 for line editing, and never imports the engine, the storage layer or
 * the driver's classes. JLine is an optional dependency of {@code rustydb-jdbc}; only the interactive mode loads it (and falls back
 * to plain line reading without it), so scripts run without it on the class path.
 *
 * <ul>
 *   <li>{@link io.rustydb.jdbc.shell.SqlShell} — entry point: arguments, connection, the read-execute loop.</li>
 *   <li>{@link io.rustydb.jdbc.shell.ShellOptions} — command-line parsing and the usage text.</li>
 *   <li>{@link io.rustydb.jdbc.shell.StatementSplitter} — cuts input lines into {@code ;}-terminated
 *       statements, aware of quotes and comments.</li>
 *   <li>{@link io.rustydb.jdbc.shell.ShellCommands} — the backslash commands ({@code \dt}, {@code \d} ...).</li>
 *   <li>{@link io.rustydb.jdbc.shell.ResultTablePrinter} — aligned, psql-like tables.</li>
 *   <li>{@code LineSource} — where lines come from: a script, or the terminal through {@code TerminalLineSource},
 *       the only class that imports JLine.</li>
 *   <li>{@code ShellErrors} — the one place errors are turned into {@code ERROR [SQLSTATE] message} lines.</li>
 * </ul>
 */
package io.rustydb.jdbc.shell;
