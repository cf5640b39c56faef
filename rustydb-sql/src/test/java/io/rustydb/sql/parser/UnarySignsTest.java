package io.rustydb.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The unary-sign rewrite: what it wraps, and what it must leave alone. */
class UnarySignsTest {
    @Test
    void wrapsEverySignThatFollowsASignWithItsOperand() {
        assertEquals("SELECT DISTINCT - (+ 26) AS col2 FROM t",
                UnarySigns.parenthesize("SELECT DISTINCT - + 26 AS col2 FROM t"));
        assertEquals("SELECT - (+ (- 4)) * col1 FROM t", UnarySigns.parenthesize("SELECT - + - 4 * col1 FROM t"));
        assertEquals("SELECT + (+ CAST ( + (- 4) AS INTEGER )) FROM t",
                UnarySigns.parenthesize("SELECT + + CAST ( + - 4 AS INTEGER ) FROM t"));
        assertEquals("SELECT - (+ COUNT ( * )) FROM t", UnarySigns.parenthesize("SELECT - + COUNT ( * ) FROM t"));
        assertEquals("SELECT - (- cor0.col1) FROM t cor0", UnarySigns.parenthesize("SELECT - - cor0.col1 FROM t cor0"));
        assertEquals("SELECT - (+ CASE WHEN a THEN CASE WHEN b THEN 1 END END) FROM t",
                UnarySigns.parenthesize("SELECT - + CASE WHEN a THEN CASE WHEN b THEN 1 END END FROM t"));
        assertEquals("SELECT - (- x::numeric(5, 2)) FROM t", UnarySigns.parenthesize("SELECT - - x::numeric(5, 2) FROM t"));
        assertEquals("SELECT 1 - (- (- 1.5e-3))", UnarySigns.parenthesize("SELECT 1 - - - 1.5e-3"));
        assertEquals("SELECT (- (+ (a))) FROM t", UnarySigns.parenthesize("SELECT (- + (a)) FROM t"));
        assertEquals("SELECT CASE (+ 81) * 6 WHEN 1 THEN - (+ 2) END",
                UnarySigns.parenthesize("SELECT CASE + 81 * 6 WHEN 1 THEN - + 2 END"));
    }

    @Test
    void leavesLiteralsCommentsAndLoneSignsAlone() {
        assertNull(UnarySigns.parenthesize("SELECT '- + 1', \"- +\" FROM t"));
        assertNull(UnarySigns.parenthesize("SELECT - 1 -- - + 2\n FROM t"));
        assertNull(UnarySigns.parenthesize("SELECT /* - + */ -a FROM t WHERE b < -1"));
        assertNull(UnarySigns.parenthesize("SELECT j->>'k', j->'k' FROM t"));
        assertNull(UnarySigns.parenthesize("SELECT 'unterminated - + 1"));
        assertEquals("SELECT 'it''s' || - (+ 1)", UnarySigns.parenthesize("SELECT 'it''s' || - + 1"));
    }

    @Test
    void givesUpWhenTheOperandIsMissing() {
        assertNull(UnarySigns.parenthesize("SELECT - + FROM t"));
        assertNull(UnarySigns.parenthesize("SELECT - +"));
        assertNull(UnarySigns.parenthesize("SELECT - + (1"));
    }
}
