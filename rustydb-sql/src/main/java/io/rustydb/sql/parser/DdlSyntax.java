package io.rustydb.sql.parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL DDL spellings JSqlParser does not read, turned into equivalent ones it does before parsing:
 * {@code ALTER TABLE ... ALTER c SET DATA TYPE t} (→ {@code TYPE t}), {@code ALTER TABLE ... DROP [COLUMN] c
 * RESTRICT} (RESTRICT is the default: blanked out) and {@code CREATE TABLE ... AS query WITH [NO] DATA} ({@code WITH
 * DATA} is the default; {@code WITH NO DATA} becomes a query over the original one that returns no row, which keeps
 * the column names and types). Words are blanked with spaces where possible, so error positions stay right.
 */
final class DdlSyntax {
    private static final Pattern ALTER_TABLE = Pattern.compile("^\\s*ALTER\\s+TABLE\\s", Pattern.CASE_INSENSITIVE);
    private static final Pattern SET_DATA_TYPE = Pattern.compile("\\bSET\\s+DATA\\s+TYPE\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_RESTRICT = Pattern.compile(
            "\\bDROP\\s+((?:COLUMN|CONSTRAINT)\\s+)?(IF\\s+EXISTS\\s+)?(\"[^\"]+\"|[\\w$]+)\\s+(RESTRICT)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_TABLE_AS = Pattern.compile(
            "^(\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:\"[^\"]+\"|[\\w$.]+)\\s*(?:\\([^)]*\\))?\\s*AS\\s+)"
                    + "(.*?)\\s+WITH\\s+(NO\\s+)?DATA\\s*;?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private DdlSyntax() {
    }

    /** {@code sql} in a form JSqlParser reads (unchanged if it holds none of the spellings above). */
    static String normalize(String sql) {
        if (ALTER_TABLE.matcher(sql).lookingAt()) {
            Matcher m = SET_DATA_TYPE.matcher(sql);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, " ".repeat(m.end() - m.start() - 4) + "TYPE");
            }
            m.appendTail(out);
            String text = out.toString();
            Matcher r = DROP_RESTRICT.matcher(text);
            StringBuilder blanked = new StringBuilder(text);
            while (r.find()) {
                for (int i = r.start(4); i < r.end(4); i++) {
                    blanked.setCharAt(i, ' ');
                }
            }
            return blanked.toString();
        }
        Matcher m = CREATE_TABLE_AS.matcher(sql);
        if (m.matches()) {
            String query = m.group(2);
            if (m.group(3) == null) {
                return m.group(1) + query;
            }
            return m.group(1) + "SELECT * FROM (" + query + ") AS rustydb_no_data WHERE FALSE";
        }
        return sql;
    }
}
