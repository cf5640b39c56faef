package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.util.Locale;

/** SQL identifier rules, as PostgreSQL applies them: unquoted names fold to lower case, quoted names keep theirs. */
public final class Identifiers {
    /** Longest identifier accepted, in characters. */
    public static final int MAX_LENGTH = 128;

    private Identifiers() {
    }

    /** The catalog form of a name as written in SQL ({@code Foo} → {@code foo}, {@code "Foo"} → {@code Foo}). */
    public static String normalize(String written) {
        String name;
        if (written.length() >= 2 && written.startsWith("\"") && written.endsWith("\"")) {
            name = written.substring(1, written.length() - 1).replace("\"\"", "\"");
        } else if (written.length() >= 2 && written.startsWith("`") && written.endsWith("`")) {
            name = written.substring(1, written.length() - 1);
        } else {
            name = written.toLowerCase(Locale.ROOT);
        }
        if (name.isEmpty()) {
            throw new DbException(ErrorCode.INVALID_NAME, "zero-length identifier");
        }
        if (name.length() > MAX_LENGTH) {
            throw new DbException(ErrorCode.INVALID_NAME, "identifier longer than " + MAX_LENGTH + " characters");
        }
        return name;
    }
}
