package io.rustydb.jdbc;

import io.rustydb.jdbc.shell.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits the SQL given to one {@link java.sql.Statement#execute(String)} into its statements ({@code ;}-separated,
 * outside literals, quoted identifiers and comments — see {@link StatementSplitter}), and tells whether they manage
 * transactions themselves.
 */
final class MultiStatements {
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "(?is)^(begin|start\\s+transaction|commit|end|rollback|abort|savepoint|release|prepare\\s+transaction)\\b.*");

    private MultiStatements() {
    }

    /**
     * The statements of {@code sql}; a single element (the SQL as given) when it holds at most one statement, so
     * that the common case is not rewritten.
     */
    static List<String> split(String sql) {
        int semicolon = sql.indexOf(';');
        if (semicolon < 0 || sql.substring(semicolon + 1).isBlank()) {
            return List.of(sql);
        }
        StatementSplitter splitter = new StatementSplitter();
        List<String> statements = new ArrayList<>();
        for (String line : sql.split("\n", -1)) {
            statements.addAll(splitter.feedLine(line));
        }
        splitter.finish().ifPresent(statements::add);
        return statements.size() <= 1 ? List.of(sql) : statements;
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
