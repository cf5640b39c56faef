package io.rustydb.jdbc.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a stream of input lines into SQL statements terminated by {@code ;}.
 *
 * <p>Feed lines with {@link #feedLine}; each call returns the statements that the line completed (zero, one or
 * several: {@code SELECT 1; SELECT 2;} on one line yields two). Text after the last {@code ;} stays pending until a
 * later line ends it, or until {@link #finish()} hands it out at end of input.
 *
 * <p>A {@code ;} ends a statement only outside of
 * <ul>
 *   <li>single-quoted string literals ({@code 'it''s'} — a doubled quote is an escaped quote),</li>
 *   <li>double-quoted identifiers ({@code "a;b"}, {@code ""} likewise escaped),</li>
 *   <li>{@code --} line comments (to the end of the line) and {@code /* ... *}{@code /} block comments (not nested,
 *       as in the SQL standard and most engines; PostgreSQL's nesting is not supported).</li>
 * </ul>
 * Literals and identifiers may span lines; the line breaks are kept in the statement text.
 *
 * <p>Comments are removed from the statements handed out (a block comment becomes one space, so {@code a/**}{@code /b}
 * stays two tokens), so the driver only ever sees SQL and a line holding only a comment is not a statement.
 * Statements are trimmed; empty statements ({@code ;;}) are dropped. PostgreSQL's {@code E'\''} escape strings and
 * {@code $$} dollar quoting are not recognised.
 *
 * <p>Not thread-safe; one splitter per input.
 */
public final class StatementSplitter {

    /** Where the scanner is between two characters; only {@link #BLOCK_COMMENT} and the quotes span lines. */
    private enum State { CODE, SINGLE_QUOTED, DOUBLE_QUOTED, BLOCK_COMMENT }

    private final StringBuilder pending = new StringBuilder();
    private State state = State.CODE;

    /** Creates a splitter with no pending input. */
    public StatementSplitter() {
    }

    /**
     * Consumes one line of input (without its line terminator).
     *
     * @return the statements this line completed, trimmed and without their {@code ;}, in input order; empty if
     *         the line ended none
     */
    public List<String> feedLine(String line) {
        List<String> complete = new ArrayList<>();
        if (pending.length() > 0 || state != State.CODE) {
            pending.append('\n');
        }
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            char next = i + 1 < n ? line.charAt(i + 1) : '\0';
            switch (state) {
                case CODE -> {
                    if (c == '-' && next == '-') {
                        i = n; // line comment: drop the rest of the line
                        continue;
                    } else if (c == '/' && next == '*') {
                        state = State.BLOCK_COMMENT;
                        pending.append(' ');
                        i += 2;
                        continue;
                    } else if (c == ';') {
                        emit(complete);
                    } else {
                        if (c == '\'') {
                            state = State.SINGLE_QUOTED;
                        } else if (c == '"') {
                            state = State.DOUBLE_QUOTED;
                        }
                        pending.append(c);
                    }
                }
                // A doubled quote closes and at once reopens the literal, so plain toggling handles '' and "".
                case SINGLE_QUOTED -> {
                    if (c == '\'') {
                        state = State.CODE;
                    }
                    pending.append(c);
                }
                case DOUBLE_QUOTED -> {
                    if (c == '"') {
                        state = State.CODE;
                    }
                    pending.append(c);
                }
                case BLOCK_COMMENT -> {
                    if (c == '*' && next == '/') {
                        state = State.CODE;
                        i += 2;
                        continue;
                    }
                }
            }
            i++;
        }
        if (state != State.SINGLE_QUOTED && state != State.DOUBLE_QUOTED) {
            stripTrailingBlanks(); // e.g. before a removed line comment; inside quotes blanks are data
        }
        return complete;
    }

    /**
     * Ends the input: returns the trailing statement that had no {@code ;}, if there is one with any SQL in it, and
     * resets the splitter. An unterminated literal is returned as is, for the database to reject.
     */
    public Optional<String> finish() {
        String rest = pending.toString().strip();
        reset();
        return rest.isEmpty() ? Optional.empty() : Optional.of(rest);
    }

    /**
     * Whether a statement has been started but not yet ended: some SQL is pending, or the input is inside a quoted
     * literal, identifier or block comment. The interactive shell shows its continuation prompt then.
     */
    public boolean hasPendingInput() {
        return state != State.CODE || !pending.toString().isBlank();
    }

    /**
     * Whether the scanner is inside a quoted literal, quoted identifier or block comment, where a line starting with
     * a backslash is data, not a shell command.
     */
    public boolean isInsideQuoteOrComment() {
        return state != State.CODE;
    }

    /** Discards any pending input (Ctrl-C in the interactive shell). */
    public void reset() {
        pending.setLength(0);
        state = State.CODE;
    }

    private void stripTrailingBlanks() {
        int end = pending.length();
        while (end > 0 && (pending.charAt(end - 1) == ' ' || pending.charAt(end - 1) == '\t')) {
            end--;
        }
        pending.setLength(end);
    }

    private void emit(List<String> complete) {
        String statement = pending.toString().strip();
        pending.setLength(0);
        if (!statement.isEmpty()) {
            complete.add(statement);
        }
    }
}
