package io.rustydb.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits the SQL given to one {@link java.sql.Statement#execute(String)} into its statements ({@code ;}-separated,
 * outside literals, quoted identifiers, dollar quotes and comments — see {@link SqlText}), and tells whether they
 * manage transactions themselves.
 */
final class MultiStatements {
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "(?is)^(begin|start\\s+transaction|commit|end|rollback|abort|savepoint|release|prepare\\s+transaction)\\b.*");

    private MultiStatements() {
    }

    /**
     * The statements of {@code sql}, split at each {@code ;} outside literals, quoted identifiers, dollar quotes and
     * comments ({@link SqlText}); pieces holding only blanks and comments are dropped. A single element (the SQL as
     * given) when it holds at most one statement, so that the common case is not rewritten.
     */
    static List<String> split(String sql) {
        int semicolon = sql.indexOf(';');
        if (semicolon < 0 || sql.substring(semicolon + 1).isBlank()) {
            return List.of(sql);
        }
        List<String> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < sql.length()) {
            int skipped = SqlText.skipQuoted(sql, i);
            if (skipped > i) {
                i = skipped;
                continue;
            }
            if (sql.charAt(i) == ';') {
                addStatement(statements, sql.substring(start, i));
                start = i + 1;
            }
            i++;
        }
        addStatement(statements, sql.substring(start));
        return statements.size() <= 1 ? List.of(sql) : statements;
    }

    private static void addStatement(List<String> statements, String piece) {
        if (!SqlText.isBlankOrComments(piece)) {
            statements.add(piece.strip());
        }
    }

    /** Whether any of {@code statements} begins, ends or marks a transaction (BEGIN, COMMIT, SAVEPOINT, ...). */
    static boolean controlsTransactions(List<String> statements) {
        for (String statement : statements) {
            if (TRANSACTION_CONTROL.matcher(statement.strip().toLowerCase(Locale.ROOT)).matches()) {
                return true;
            }
        }
        return false;
    }
}
