package io.rustydb.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The JSON operator rewrite: PostgreSQL's precedence, parameters versus {@code ?}, and text it must not touch. */
class JsonOperatorsTest {
    @Test
    void chainsAreLeftAssociativeAndBindBetweenArithmeticAndComparison() {
        assertEquals("SELECT json_op_arrow_text(json_op_arrow(j, 'a'), 0) = 'x' FROM t",
                JsonOperators.rewrite("SELECT j->'a'->>0 = 'x' FROM t"));
        assertEquals("SELECT (json_op_arrow_text(j, 'a') || 'x')",
                JsonOperators.rewrite("SELECT j->>'a' || 'x'"));
        assertEquals("SELECT jsonb_contains(a - 'k', b::jsonb)", JsonOperators.rewrite("SELECT a - 'k' @> b::jsonb"));
        assertEquals("SELECT json_op_path(j, '{a,b}'), json_op_path_text(j, '{c}')",
                JsonOperators.rewrite("SELECT j #> '{a,b}', j#>>'{c}'"));
        assertEquals("SELECT jsonb_delete_path(j, '{a}')", JsonOperators.rewrite("SELECT j #- '{a}'"));
        assertEquals("SELECT json_op_arrow((json_op_arrow(j, 'a')), 'b')",
                JsonOperators.rewrite("SELECT (j->'a')->'b'"));
        assertEquals("SELECT f(json_op_arrow(t.j, -1), x) FROM t WHERE NOT jsonb_exists(t.j, 'k') AND x > 1",
                JsonOperators.rewrite("SELECT f(t.j->-1, x) FROM t WHERE NOT t.j ? 'k' AND x > 1"));
        assertEquals("SELECT jsonb_exists_any(CAST(x AS jsonb), '{a}') IS TRUE",
                JsonOperators.rewrite("SELECT CAST(x AS jsonb) ?| '{a}' IS TRUE"));
        assertEquals("SELECT json_op_arrow(jsonb '{\"a\":1}', 'a')",
                JsonOperators.rewrite("SELECT jsonb '{\"a\":1}' -> 'a'"));
        assertEquals("SELECT json_op_arrow(CASE WHEN b THEN j END, 'a')",
                JsonOperators.rewrite("SELECT CASE WHEN b THEN j END -> 'a'"));
    }

    @Test
    void questionMarksAreParametersUnlessTheyFollowAnOperand() {
        assertNull(JsonOperators.rewrite("SELECT * FROM t WHERE a = ? AND b IN (?, ?) LIMIT ?"));
        assertEquals("SELECT jsonb_exists(j, ?) FROM t WHERE id = ?",
                JsonOperators.rewrite("SELECT j ? ? FROM t WHERE id = ?"));
        assertEquals("SELECT jsonb_exists(j, ?)", JsonOperators.rewrite("SELECT j ?? ?"));
        assertEquals("SELECT jsonb_contains(j, ?::jsonb) AND jsonb_exists_all(j, ?)",
                JsonOperators.rewrite("SELECT j @> ?::jsonb AND j ?& ?"));
        assertNull(JsonOperators.rewrite("SELECT ? || 'x'"));
    }

    @Test
    void literalsCommentsAndQuotedNamesAreNotTouched() {
        assertNull(JsonOperators.rewrite("SELECT 'a->b', \"c->d\" FROM t -- x->y\n"));
        assertNull(JsonOperators.rewrite("SELECT /* j->'a' */ 1"));
        assertNull(JsonOperators.rewrite("SELECT a || b, c - d FROM t"));
        assertEquals("SELECT json_op_arrow(\"My Col\", 'a->b') FROM t -- ?",
                JsonOperators.rewrite("SELECT \"My Col\"->'a->b' FROM t -- ?"));
        assertEquals("SELECT json_op_arrow_text(j, E'it\\'s')", JsonOperators.rewrite("SELECT j->>E'it\\'s'"));
    }
}
