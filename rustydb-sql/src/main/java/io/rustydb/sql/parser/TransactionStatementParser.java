package io.rustydb.sql.parser;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.config.IsolationLevel;
import io.rustydb.sql.plan.TransactionControl;
import io.rustydb.sql.plan.TransactionControl.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recognizes the transaction control statements JSqlParser does not parse (BEGIN, START TRANSACTION, RELEASE
 * SAVEPOINT, SET TRANSACTION ...) — and, for one consistent grammar, COMMIT, ROLLBACK and SAVEPOINT too — before
 * the text goes to JSqlParser:
 * <pre>
 *  BEGIN [WORK | TRANSACTION] [mode [, mode]...]      START TRANSACTION [mode [, mode]...]
 *  COMMIT [WORK | TRANSACTION] | END [WORK | TRANSACTION]
 *  ROLLBACK [WORK | TRANSACTION] | ABORT [WORK | TRANSACTION]
 *  SAVEPOINT name    ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name    RELEASE [SAVEPOINT] name
 *  SET TRANSACTION mode [, mode]...    SET SESSION CHARACTERISTICS AS TRANSACTION mode [, mode]...
 *  mode: ISOLATION LEVEL {SERIALIZABLE | REPEATABLE READ | READ COMMITTED | READ UNCOMMITTED} | READ ONLY | READ WRITE
 * </pre>
 */
public final class TransactionStatementParser {
    private TransactionStatementParser() {
    }

    /** The statement if {@code sql} is a transaction control statement, else null (errors are 42601). */
    public static TransactionControl parse(String sql) {
        List<String> words = words(sql);
        if (words.isEmpty()) {
            return null;
        }
        String first = words.get(0).toUpperCase(Locale.ROOT);
        switch (first) {
            case "BEGIN":
                return begin(words, skipNoise(words, 1));
            case "START":
                if (words.size() < 2 || !upper(words, 1).equals("TRANSACTION")) {
                    return null;
                }
                return begin(words, 2);
            case "VACUUM":
                expectEnd(words, 1);
                return new TransactionControl(Kind.VACUUM, null, null, null);
            case "COMMIT":
            case "END":
                expectEnd(words, skipNoise(words, 1));
                return new TransactionControl(Kind.COMMIT, null, null, null);
            case "ROLLBACK":
            case "ABORT": {
                int i = skipNoise(words, 1);
                if (i < words.size() && upper(words, i).equals("TO")) {
                    if (first.equals("ABORT")) {
                        throw syntax(sql);
                    }
                    i++;
                    if (i < words.size() && upper(words, i).equals("SAVEPOINT")) {
                        i++;
                    }
                    return new TransactionControl(Kind.ROLLBACK_TO_SAVEPOINT, name(words, i), null, null);
                }
                expectEnd(words, i);
                return new TransactionControl(Kind.ROLLBACK, null, null, null);
            }
            case "SAVEPOINT":
                return new TransactionControl(Kind.SAVEPOINT, name(words, 1), null, null);
            case "RELEASE": {
                int i = 1;
                if (i < words.size() && upper(words, i).equals("SAVEPOINT")) {
                    i++;
                }
                return new TransactionControl(Kind.RELEASE_SAVEPOINT, name(words, i), null, null);
            }
            case "SET":
                if (words.size() >= 2 && upper(words, 1).equals("TRANSACTION")) {
                    return modes(Kind.SET_TRANSACTION, words, 2, true);
                }
                if (words.size() >= 5 && upper(words, 1).equals("SESSION") && upper(words, 2).equals("CHARACTERISTICS")
                        && upper(words, 3).equals("AS") && upper(words, 4).equals("TRANSACTION")) {
                    return modes(Kind.SET_SESSION_CHARACTERISTICS, words, 5, true);
                }
                return null;
            default:
                return null;
        }
    }

    private static TransactionControl begin(List<String> words, int i) {
        return modes(Kind.BEGIN, words, i, false);
    }

    private static TransactionControl modes(Kind kind, List<String> words, int i, boolean required) {
        IsolationLevel isolation = null;
        Boolean readOnly = null;
        boolean any = false;
        while (i < words.size()) {
            String w = upper(words, i);
            if (w.equals(",")) {
                i++;
                continue;
            }
            if (w.equals("ISOLATION") && i + 1 < words.size() && upper(words, i + 1).equals("LEVEL")) {
                i += 2;
                String level = i < words.size() ? upper(words, i) : "";
                String next = i + 1 < words.size() ? upper(words, i + 1) : "";
                if (level.equals("SERIALIZABLE")) {
                    isolation = IsolationLevel.SERIALIZABLE;
                    i++;
                } else if (level.equals("REPEATABLE") && next.equals("READ")) {
                    isolation = IsolationLevel.REPEATABLE_READ;
                    i += 2;
                } else if (level.equals("READ") && next.equals("COMMITTED")) {
                    isolation = IsolationLevel.READ_COMMITTED;
                    i += 2;
                } else if (level.equals("READ") && next.equals("UNCOMMITTED")) {
                    isolation = IsolationLevel.READ_UNCOMMITTED;
                    i += 2;
                } else {
                    throw new DbException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"" + level + "\": expected an isolation level");
                }
                any = true;
            } else if (w.equals("READ") && i + 1 < words.size()
                    && (upper(words, i + 1).equals("ONLY") || upper(words, i + 1).equals("WRITE"))) {
                readOnly = upper(words, i + 1).equals("ONLY");
                i += 2;
                any = true;
            } else if (w.equals("NOT") || w.equals("DEFERRABLE")) {
                // [NOT] DEFERRABLE: accepted and meaningless for RustyDB (SERIALIZABLE never needs deferral)
                i++;
            } else {
                throw new DbException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"" + words.get(i) + "\"");
            }
        }
        if (required && !any) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "syntax error at end of input: expected a transaction mode");
        }
        return new TransactionControl(kind, null, isolation, readOnly);
    }

    private static int skipNoise(List<String> words, int i) {
        if (i < words.size() && (upper(words, i).equals("WORK") || upper(words, i).equals("TRANSACTION"))) {
            return i + 1;
        }
        return i;
    }

    private static void expectEnd(List<String> words, int i) {
        if (i < words.size()) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "syntax error at or near \"" + words.get(i) + "\"");
        }
    }

    private static String name(List<String> words, int i) {
        if (i >= words.size()) {
            throw new DbException(ErrorCode.SYNTAX_ERROR, "syntax error at end of input: expected a savepoint name");
        }
        expectEnd(words, i + 1);
        String w = words.get(i);
        if (w.length() >= 2 && w.startsWith("\"") && w.endsWith("\"")) {
            return w.substring(1, w.length() - 1).replace("\"\"", "\"");
        }
        return w.toLowerCase(Locale.ROOT);
    }

    private static DbException syntax(String sql) {
        return new DbException(ErrorCode.SYNTAX_ERROR, "syntax error in \"" + sql.trim() + "\"");
    }

    private static String upper(List<String> words, int i) {
        return words.get(i).toUpperCase(Locale.ROOT);
    }

    /** Words of the statement: identifiers, quoted identifiers and commas; comments and a final ';' dropped. */
    static List<String> words(String sql) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == ';') {
                i++;
                for (int j = i; j < n; j++) {
                    if (!Character.isWhitespace(sql.charAt(j))) {
                        return List.of(); // more than one statement: not ours
                    }
                }
            } else if (c == ',') {
                words.add(",");
                i++;
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && (sql.charAt(j) != '"' || (j + 1 < n && sql.charAt(j + 1) == '"'))) {
                    j += sql.charAt(j) == '"' ? 2 : 1;
                }
                words.add(sql.substring(i, Math.min(n, j + 1)));
                i = j + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                    j++;
                }
                words.add(sql.substring(i, j));
                i = j;
            } else {
                return words.isEmpty() ? List.of() : List.of("\u0000"); // not a transaction statement
            }
        }
        return words;
    }
}
