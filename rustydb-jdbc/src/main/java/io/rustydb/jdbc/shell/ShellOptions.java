package io.rustydb.jdbc.shell;

import java.util.Objects;
import java.util.UUID;

/**
 * The shell's command line, parsed.
 *
 * <p>The options and their meaning are in {@link #USAGE}, which {@code --help} prints. The database argument is a
 * JDBC URL if it starts with {@code jdbc:}, otherwise a database file path ({@value #FILE_URL_PREFIX}PATH); without
 * one the shell opens a fresh in-memory database ({@value #DEFAULT_URL_PREFIX}RANDOM). {@code --} ends the options.
 *
 * @param url        the JDBC URL to connect to
 * @param scriptFile the script to run ({@code "-"} for standard input), or {@code null} to read commands from
 *                   standard input
 * @param onError    what a script does after a failed statement
 * @param help       whether {@code -h}/{@code --help} was given (the other fields are then defaults)
 */
public record ShellOptions(String url, String scriptFile, OnError onError, boolean help) {

    /** What a script run does after a failed statement or command. */
    public enum OnError {
        /** Stop at the first failure; the shell exits with code 1. */
        STOP,
        /** Report the failure and go on; the shell still exits with code 1 at the end. */
        CONTINUE
    }

    /** Prefix of the URL the shell opens when given no database. */
    public static final String DEFAULT_URL_PREFIX = "jdbc:rustydb:mem:shell-";

    /** Prefix that turns a database file path into a JDBC URL. */
    public static final String FILE_URL_PREFIX = "jdbc:rustydb:file:";

    /** The usage text printed by {@code --help} and after a bad argument. */
    public static final String USAGE = """
            Usage: java -jar rustydb.jar [OPTIONS] [URL | FILE]

            Opens a RustyDB database and reads SQL statements (ended by ;) and backslash commands.

              URL                      a JDBC URL, e.g. jdbc:rustydb:mem:test or jdbc:rustydb:file:app.db
              FILE                     a database file, short for jdbc:rustydb:file:FILE
                                       (default: a fresh in-memory database)
              -f FILE, --file=FILE     run the SQL script FILE (- reads standard input) and exit
              --on-error=stop|continue after a failed statement in a script: stop, or go on (default);
                                       either way the exit code is 1 if anything failed
              -h, --help               show this help and exit

            Type \\help in the shell for its commands.
            """;

    /** Validates the fields; see the class comment. */
    public ShellOptions {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(onError, "onError");
    }

    /** Thrown for an unusable command line; its message says what is wrong, for printing above the usage. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        /** Creates the exception with a one-line description of the mistake. */
        public UsageException(String message) {
            super(message);
        }
    }

    /**
     * Parses the command line.
     *
     * @throws UsageException for an unknown option, a missing option value, a bad {@code --on-error} value or more
     *                        than one database argument
     */
    public static ShellOptions parse(String... args) throws UsageException {
        String database = null;
        String scriptFile = null;
        OnError onError = OnError.CONTINUE;
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || !arg.startsWith("-")) {
                if (database != null) {
                    throw new UsageException("more than one database given: " + database + " and " + arg);
                }
                database = arg;
            } else if (arg.equals("--")) {
                optionsEnded = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                return new ShellOptions(defaultUrl(), null, OnError.CONTINUE, true);
            } else if (arg.equals("-f") || arg.equals("--file")) {
                if (i + 1 >= args.length) {
                    throw new UsageException("option " + arg + " needs a file name");
                }
                scriptFile = args[++i];
            } else if (arg.startsWith("--file=")) {
                scriptFile = arg.substring("--file=".length());
            } else if (arg.startsWith("--on-error=")) {
                String value = arg.substring("--on-error=".length());
                onError = switch (value) {
                    case "stop" -> OnError.STOP;
                    case "continue" -> OnError.CONTINUE;
                    default -> throw new UsageException(
                            "bad value for --on-error: '" + value + "' (expected stop or continue)");
                };
            } else {
                throw new UsageException("unknown option: " + arg);
            }
            if (scriptFile != null && scriptFile.isEmpty()) {
                throw new UsageException("option -f needs a file name");
            }
        }
        return new ShellOptions(toUrl(database), scriptFile, onError, false);
    }

    /** Whether the shell runs a script file ({@code -f}) rather than reading commands from its input. */
    public boolean hasScriptFile() {
        return scriptFile != null;
    }

    private static String toUrl(String database) {
        if (database == null) {
            return defaultUrl();
        }
        return database.startsWith("jdbc:") ? database : FILE_URL_PREFIX + database;
    }

    private static String defaultUrl() {
        return DEFAULT_URL_PREFIX + UUID.randomUUID().toString().substring(0, 8);
    }
}
