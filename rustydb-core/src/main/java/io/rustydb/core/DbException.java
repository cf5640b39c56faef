package io.rustydb.core;

import java.util.IllegalFormatException;
import java.util.Objects;

/**
 * The one exception every RustyDB layer throws for a failure it reports to the user.
 *
 * <p>It carries an {@link ErrorCode} (and so a SQLSTATE); the JDBC layer turns it into the matching
 * {@code SQLException} subclass in exactly one place. Corruption errors should name the file and page through
 * {@link #corruption(String, long, String)}.
 */
public final class DbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** Creates an exception whose message is {@code code}'s template filled with {@code args}. */
    public DbException(ErrorCode code, Object... args) {
        this(code, null, args);
    }

    /** Like {@link #DbException(ErrorCode, Object...)}, recording the exception that caused it. */
    public DbException(ErrorCode code, Throwable cause, Object... args) {
        super(format(code, args), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** A {@link ErrorCode#DATA_CORRUPTED} error naming the file and page; {@code page < 0} means "no page". */
    public static DbException corruption(String file, long page, String detail) {
        String where = page < 0 ? "file " + file : "file " + file + ", page " + page;
        return new DbException(ErrorCode.DATA_CORRUPTED, "data corrupted in " + where + ": " + detail);
    }

    /** A {@link ErrorCode#INTERNAL_ERROR}: a bug, an invariant that did not hold. */
    public static DbException internal(String detail) {
        return new DbException(ErrorCode.INTERNAL_ERROR, detail);
    }

    public ErrorCode code() {
        return code;
    }

    public String sqlState() {
        return code.sqlState();
    }

    private static String format(ErrorCode code, Object[] args) {
        try {
            return String.format(code.template(), args);
        } catch (IllegalFormatException e) {
            return code.template() + " " + java.util.Arrays.toString(args);
        }
    }
}
