package io.rustydb.jdbc.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    /** Feeds the lines, then finishes, and returns every statement in order. */
    private static List<String> split(String... lines) {
        StatementSplitter splitter = new StatementSplitter();
        List<String> statements = new ArrayList<>();
        for (String line : lines) {
            statements.addAll(splitter.feedLine(line));
        }
        splitter.finish().ifPresent(statements::add);
        return statements;
    }

    @Test
    void oneStatementPerLine() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), split("SELECT 1;", "SELECT 2;"));
    }

    @Test
    void severalStatementsOnOneLine() {
        assertEquals(List.of("CREATE TABLE t(a INT)", "INSERT INTO t VALUES (1)", "SELECT * FROM t"),
                split("CREATE TABLE t(a INT); INSERT INTO t VALUES (1);SELECT * FROM t;"));
    }

    @Test
    void statementOverSeveralLinesKeepsLineBreaks() {
        StatementSplitter splitter = new StatementSplitter();
        assertEquals(List.of(), splitter.feedLine("SELECT a,"));
        assertTrue(splitter.hasPendingInput());
        assertEquals(List.of(), splitter.feedLine("       b"));
        assertEquals(List.of("SELECT a,\n       b\nFROM t"), splitter.feedLine("FROM t;"));
        assertFalse(splitter.hasPendingInput());
    }

    @Test
    void restOfLineAfterSemicolonStaysPending() {
        StatementSplitter splitter = new StatementSplitter();
        assertEquals(List.of("SELECT 1"), splitter.feedLine("SELECT 1; SELECT"));
        assertTrue(splitter.hasPendingInput());
        assertEquals(List.of("SELECT\n2"), splitter.feedLine("2;"));
    }

    @Test
    void trailingStatementWithoutSemicolonIsReturnedByFinish() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), split("SELECT 1;", "SELECT 2"));
        StatementSplitter splitter = new StatementSplitter();
        splitter.feedLine("SELECT 1;   ");
        assertEquals(Optional.empty(), splitter.finish());
    }

    @Test
    void semicolonInsideStringLiteral() {
        assertEquals(List.of("INSERT INTO t VALUES ('a;b')", "SELECT 1"),
                split("INSERT INTO t VALUES ('a;b'); SELECT 1;"));
    }

    @Test
    void doubledQuoteEscapesInsideStringLiteral() {
        assertEquals(List.of("SELECT 'it''s; fine'", "SELECT ''"), split("SELECT 'it''s; fine'; SELECT '';"));
    }

    @Test
    void stringLiteralOverLines() {
        StatementSplitter splitter = new StatementSplitter();
        assertEquals(List.of(), splitter.feedLine("SELECT 'one;"));
        assertTrue(splitter.isInsideQuoteOrComment());
        assertEquals(List.of("SELECT 'one;\ntwo'"), splitter.feedLine("two';"));
    }

    @Test
    void semicolonInsideQuotedIdentifier() {
        assertEquals(List.of("SELECT \"a;\"\"b\" FROM t", "SELECT 2"), split("SELECT \"a;\"\"b\" FROM t; SELECT 2;"));
    }

    @Test
    void lineCommentsAreRemovedAndHideSemicolons() {
        assertEquals(List.of("SELECT 1\nFROM t"), split("SELECT 1 -- first; not the end", "FROM t; -- done;"));
    }

    @Test
    void commentOnlyInputIsNoStatement() {
        assertEquals(List.of(), split("-- just a comment;", "/* and another; */", ""));
        StatementSplitter splitter = new StatementSplitter();
        splitter.feedLine("-- comment");
        assertFalse(splitter.hasPendingInput());
    }

    @Test
    void blockCommentsBecomeOneSpaceAndHideSemicolons() {
        assertEquals(List.of("SELECT   1", "SELECT a b"), split("SELECT /* ; */ 1; SELECT a/**/b;"));
    }

    @Test
    void blockCommentOverLines() {
        StatementSplitter splitter = new StatementSplitter();
        assertEquals(List.of(), splitter.feedLine("SELECT 1 /* starts;"));
        assertTrue(splitter.isInsideQuoteOrComment());
        assertEquals(List.of(), splitter.feedLine("still; inside"));
        assertEquals(List.of("SELECT 1"), splitter.feedLine("ends */;"));
    }

    @Test
    void commentMarkersInsideLiteralsAreData() {
        assertEquals(List.of("SELECT '--not a comment', '/* nor this */'", "SELECT \"--x\""),
                split("SELECT '--not a comment', '/* nor this */'; SELECT \"--x\";"));
    }

    @Test
    void quotesInsideCommentsAreIgnored() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), split("SELECT 1; -- don't", "SELECT 2; /* it's */"));
    }

    @Test
    void emptyStatementsAreDropped() {
        assertEquals(List.of("SELECT 1"), split(";;  ; SELECT 1;;"));
    }

    @Test
    void unterminatedLiteralIsHandedOutAtEnd() {
        assertEquals(List.of("SELECT 'oops;"), split("SELECT 'oops;"));
    }

    @Test
    void resetDiscardsPendingInput() {
        StatementSplitter splitter = new StatementSplitter();
        splitter.feedLine("SELECT 'abc");
        splitter.reset();
        assertFalse(splitter.hasPendingInput());
        assertEquals(List.of("SELECT 1"), splitter.feedLine("SELECT 1;"));
    }
}
