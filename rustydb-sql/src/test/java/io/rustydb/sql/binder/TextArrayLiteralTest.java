package io.rustydb.sql.binder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rustydb.core.DbException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL's text form of text[] as JSON paths and key lists use it. */
class TextArrayLiteralTest {
    @Test
    void readsElements() {
        assertEquals(List.of(), TextArrayLiteral.parse("{}"));
        assertEquals(List.of("a", "b", "0"), TextArrayLiteral.parse(" { a , b,0 } "));
        assertEquals(List.of("x, y", "q\"t", "{}", "NULL"), TextArrayLiteral.parse("{\"x, y\",\"q\\\"t\",\"{}\",\"NULL\"}"));
        assertEquals(Arrays.asList("a", null), TextArrayLiteral.parse("{a,null}"));
    }

    @Test
    void malformedIs22P02() {
        for (String bad : new String[] {"a,b", "{a", "{a,,b}", "{\"a}", "{{a}}", "{a\"b}", "", "{a} x"}) {
            DbException e = assertThrows(DbException.class, () -> TextArrayLiteral.parse(bad), bad);
            assertEquals("22P02", e.sqlState(), bad);
        }
    }
}
