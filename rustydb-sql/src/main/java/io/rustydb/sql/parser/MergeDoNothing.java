package io.rustydb.sql.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeDelete;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeOperation;

/**
 * MERGE's {@code WHEN ... THEN DO NOTHING}, which JSqlParser does not read: {@link SqlParser} writes each such action
 * as an action JSqlParser reads in its clause ({@code DELETE} after MATCHED, {@code INSERT VALUES (NULL)} after NOT
 * MATCHED), parses the statement and then puts an instance of this class in place of each of those actions. Only
 * text outside string literals, quoted identifiers and comments is looked at.
 */
public final class MergeDoNothing extends MergeDelete {
    private static final Pattern MERGE = Pattern.compile("^\\s*MERGE\\s", Pattern.CASE_INSENSITIVE);
    /** The start of a WHEN clause: MATCHED or NOT MATCHED. */
    private static final Pattern CLAUSE = Pattern.compile("WHEN\\s+(NOT\\s+)?MATCHED\\b", Pattern.CASE_INSENSITIVE);
    /** The start of a MERGE action: THEN followed by its keyword. */
    private static final Pattern ACTION = Pattern.compile("THEN\\s+(UPDATE|DELETE|INSERT|DO\\s+NOTHING)\\b",
            Pattern.CASE_INSENSITIVE);

    private final boolean notMatched;

    private MergeDoNothing(net.sf.jsqlparser.expression.Expression condition, boolean notMatched) {
        setAndPredicate(condition);
        this.notMatched = notMatched;
    }

    /** The statement if {@code sql} is a MERGE with a DO NOTHING action, else null. */
    static Statement parse(String sql) {
        if (!MERGE.matcher(sql).lookingAt()) {
            return null;
        }
        StringBuilder rewritten = new StringBuilder(sql.length());
        List<Integer> doNothing = new ArrayList<>();
        int ordinal = 0;
        boolean notMatched = false;
        Matcher action = ACTION.matcher(sql);
        Matcher clause = CLAUSE.matcher(sql);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int next;
            if (c == '\'' || c == '"') {
                next = skipQuoted(sql, i, c);
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                next = end < 0 ? sql.length() : end;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                next = end < 0 ? sql.length() : end + 2;
            } else if (wordStart(sql, i) && clause.region(i, sql.length()).lookingAt()) {
                notMatched = clause.group(1) != null;
                next = clause.end();
            } else if (wordStart(sql, i) && action.region(i, sql.length()).lookingAt()) {
                if (action.group(1).regionMatches(true, 0, "DO", 0, 2)) {
                    doNothing.add(ordinal);
                    rewritten.append(sql, i, action.start(1));
                    // a stand-in JSqlParser reads in that kind of clause
                    rewritten.append(notMatched ? "INSERT VALUES (NULL)" : "DELETE");
                    i = action.end();
                    ordinal++;
                    continue;
                }
                ordinal++;
                next = action.end();
            } else {
                next = i + 1;
            }
            rewritten.append(sql, i, next);
            i = next;
        }
        if (doNothing.isEmpty()) {
            return null;
        }
        Statement parsed = SqlParser.parse(rewritten.toString());
        if (!(parsed instanceof Merge merge) || merge.getOperations() == null
                || merge.getOperations().size() != ordinal) {
            return parsed;
        }
        List<MergeOperation> operations = merge.getOperations();
        for (int k : doNothing) {
            MergeOperation op = operations.get(k);
            if (op instanceof MergeDelete delete) {
                operations.set(k, new MergeDoNothing(delete.getAndPredicate(), false));
            } else if (op instanceof MergeInsert insert) {
                operations.set(k, new MergeDoNothing(insert.getAndPredicate(), true));
            }
        }
        return merge;
    }

    /** Whether this is a MATCHED clause's action ({@code false}: a NOT MATCHED clause's). */
    public boolean matched() {
        return !notMatched;
    }

    private static boolean wordStart(String sql, int i) {
        return i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)) && sql.charAt(i - 1) != '_';
    }

    private static int skipQuoted(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return i;
    }

    @Override
    public String toString() {
        return (notMatched ? " WHEN NOT MATCHED" : " WHEN MATCHED")
                + (getAndPredicate() == null ? "" : " AND " + getAndPredicate()) + " THEN DO NOTHING";
    }
}
