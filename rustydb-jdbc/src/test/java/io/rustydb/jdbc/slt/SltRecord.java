package io.rustydb.jdbc.slt;

import java.util.List;
import java.util.Locale;

/**
 * One record of a sqllogictest script, after comments are stripped and DuckDB loops are expanded: a statement, a
 * query or a control record. {@link #line()} is the 1-based line of the record's first line in the file (for
 * records produced by a loop, the line inside the loop body).
 */
sealed interface SltRecord permits SltRecord.Statement, SltRecord.Query, SltRecord.Control {

    int line();

    /** The {@code skipif}/{@code onlyif} prefixes, in order. */
    List<Condition> conditions();

    /** {@code skipif <engine>} ({@code only == false}) or {@code onlyif <engine>}. */
    record Condition(boolean only, String engine) {
        /** Whether this prefix lets the record run on {@code engine}. */
        boolean allows(String engineName) {
            boolean same = engine.equalsIgnoreCase(engineName);
            return only == same;
        }
    }

    /** What a {@code statement} expects: {@code ok}, {@code error} or DuckDB's {@code maybe} (either). */
    enum Expect { OK, ERROR, MAYBE }

    /** {@code nosort}, {@code rowsort} or {@code valuesort}. */
    enum SortMode {
        NOSORT, ROWSORT, VALUESORT;

        /** The mode named {@code token}, or {@code null} when it names none. */
        static SortMode parse(String token) {
            return switch (token.toLowerCase(Locale.ROOT)) {
                case "nosort" -> NOSORT;
                case "rowsort" -> ROWSORT;
                case "valuesort" -> VALUESORT;
                default -> null;
            };
        }
    }

    /**
     * {@code statement ok|error|maybe [connection]} then SQL; with DuckDB, {@code ----} and the expected error message
     * may follow ({@code expectedError} is then non-null).
     */
    record Statement(int line, List<Condition> conditions, String connection, Expect expect, String sql,
                     String expectedError) implements SltRecord {
    }

    /**
     * {@code query <types> [sort] [label|connection]} then SQL, {@code ----} and the expected results exactly as the
     * lines of the file hold them (one value per line in SQLite's format, tab-separated rows in DuckDB's, or a single
     * {@code N values hashing to MD5} line).
     */
    record Query(int line, List<Condition> conditions, String connection, String types, SortMode sort, String label,
                 String sql, List<String> expected) implements SltRecord {
    }

    /** The runner directives. */
    enum ControlKind {
        /** {@code hash-threshold N}. */
        HASH_THRESHOLD,
        /** {@code halt}: ignore the rest of the script. */
        HALT,
        /** DuckDB {@code restart}: close every connection and reopen the database. */
        RESTART,
        /** DuckDB {@code reconnect}: replace the default connection. */
        RECONNECT,
        /** DuckDB {@code require <extension>} and {@code load <file>}: the file needs something RustyDB lacks. */
        REQUIRE,
        /** DuckDB {@code mode skip}: records up to {@code mode unskip} are skipped. */
        MODE_SKIP,
        /** DuckDB {@code mode unskip}. */
        MODE_UNSKIP,
        /** A directive this runner does not implement (the argument names it); counted as a skip. */
        UNSUPPORTED
    }

    record Control(int line, List<Condition> conditions, ControlKind kind, String argument) implements SltRecord {
    }
}
