package io.rustydb.sql.parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.sequence.CreateSequence;

/**
 * {@code CREATE SEQUENCE IF NOT EXISTS s ...}, which JSqlParser does not read: {@link SqlParser} blanks out the
 * {@code IF NOT EXISTS} (with spaces, so that error positions stay right), parses the rest and marks the result
 * with this class.
 */
public final class CreateSequenceIfNotExists extends CreateSequence {
    private static final Pattern FORM = Pattern.compile(
            "^\\s*CREATE\\s+SEQUENCE\\s+(IF\\s+NOT\\s+EXISTS)\\s", Pattern.CASE_INSENSITIVE);

    private CreateSequenceIfNotExists(CreateSequence parsed) {
        setSequence(parsed.getSequence());
    }

    /** The statement if {@code sql} is a CREATE SEQUENCE IF NOT EXISTS, else null. */
    static Statement parse(String sql) {
        Matcher m = FORM.matcher(sql);
        if (!m.lookingAt()) {
            return null;
        }
        String blanked = sql.substring(0, m.start(1)) + " ".repeat(m.end(1) - m.start(1)) + sql.substring(m.end(1));
        Statement parsed = SqlParser.parse(blanked);
        return parsed instanceof CreateSequence create ? new CreateSequenceIfNotExists(create) : parsed;
    }

    @Override
    public String toString() {
        return super.toString().replaceFirst("(?i)^CREATE SEQUENCE ", "CREATE SEQUENCE IF NOT EXISTS ");
    }
}
