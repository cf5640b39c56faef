package io.rustydb.jdbc.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTablePrinterTest {

    @Test
    void numbersRightTextLeftHeadersCentred() {
        String table = ResultTablePrinter.format(List.of("id", "name"),
                List.of(List.of("1", "alice"), List.of("10", "bob")), List.of(true, false));
        assertEquals("""
                 id | name
                ----+-------
                  1 | alice
                 10 | bob
                (2 rows)
                """, table);
    }

    @Test
    void nullPrintsAsEmptyCell() {
        String table = ResultTablePrinter.format(List.of("a", "b", "c"),
                List.of(Arrays.asList("1", null, "x"), Arrays.asList(null, "y", null)), List.of(true, false, false));
        assertEquals("""
                 a | b | c
                ---+---+---
                 1 |   | x
                   | y |
                (2 rows)
                """, table);
    }

    @Test
    void rowCountLines() {
        assertTrue(ResultTablePrinter.format(List.of("a"), List.of(List.of("1")), List.of(true))
                .endsWith("\n(1 row)\n"));
        assertEquals("""
                 a
                ---
                (0 rows)
                """, ResultTablePrinter.format(List.of("a"), List.of(), List.of(true)));
    }

    @Test
    void wideHeaderIsCentredOverNarrowValues() {
        assertEquals("""
                 count | label
                -------+-------
                     3 | x
                (1 row)
                """, ResultTablePrinter.format(List.of("count", "label"), List.of(List.of("3", "x")),
                List.of(true, false)));
    }

    @Test
    void lineBreaksInValuesAreEscaped() {
        assertEquals("""
                  v
                ------
                 a\\nb
                (1 row)
                """, ResultTablePrinter.format(List.of("v"), List.of(List.of("a\nb")), List.of(false)));
    }

    @Test
    void widthCountsCodePoints() {
        String table = ResultTablePrinter.format(List.of("e"), List.of(List.of("\uD83D\uDE00"), List.of("ab")),
                List.of(false));
        assertEquals(" e\n----\n \uD83D\uDE00\n ab\n(2 rows)\n", table);
    }

    @Test
    void mismatchedRowIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ResultTablePrinter.format(List.of("a", "b"),
                List.of(List.of("1")), List.of(true, true)));
        assertThrows(IllegalArgumentException.class,
                () -> ResultTablePrinter.format(List.of("a"), List.of(), List.of()));
    }

    @Test
    void numericTypes() {
        assertTrue(ResultTablePrinter.isNumeric(Types.INTEGER));
        assertTrue(ResultTablePrinter.isNumeric(Types.DECIMAL));
        assertTrue(ResultTablePrinter.isNumeric(Types.DOUBLE));
        assertEquals(false, ResultTablePrinter.isNumeric(Types.VARCHAR));
        assertEquals(false, ResultTablePrinter.isNumeric(Types.DATE));
        assertEquals(false, ResultTablePrinter.isNumeric(Types.BOOLEAN));
    }
}
