package io.rustydb.jdbc.shell;

import java.sql.SQLException;

/**
 * The shell's one error format: {@code ERROR [SQLSTATE] message}.
 *
 * <p>A {@link SQLException} shows its own SQLSTATE ({@code ?????} when the driver gave none); anything else that
 * escaped the driver is a bug and shows as internal error {@code XX000} with its exception class, so it can be
 * reported.
 */
final class ShellErrors {

    /** SQLSTATE shown for exceptions that are not {@link SQLException}s (PostgreSQL's {@code internal_error}). */
    static final String INTERNAL_ERROR_STATE = "XX000";

    private ShellErrors() {
    }

    /** The error line (without line terminator) for a failure while running a statement or command. */
    static String describe(Throwable failure) {
        if (failure instanceof SQLException sql) {
            String state = sql.getSQLState() == null ? "?????" : sql.getSQLState();
            return "ERROR [" + state + "] " + message(sql);
        }
        return "ERROR [" + INTERNAL_ERROR_STATE + "] " + failure;
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getName() : message;
    }
}
