package io.rustydb.core.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rustydb.core.DbException;
import org.junit.jupiter.api.function.Executable;

/** Shared assertions for the type-system tests. */
final class Assertions2 {
    private Assertions2() {
    }

    /** Asserts that {@code body} throws a DbException with SQLSTATE {@code sqlState}, and returns it. */
    static DbException assertSqlState(String sqlState, Executable body) {
        DbException e = assertThrows(DbException.class, body);
        assertEquals(sqlState, e.sqlState(), () -> "SQLSTATE of \"" + e.getMessage() + "\"");
        return e;
    }
}
