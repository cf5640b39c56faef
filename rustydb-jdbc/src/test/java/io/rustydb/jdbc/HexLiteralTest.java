package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Binary literals {@code X'..'} and {@code 0x..} wherever they stand in an expression, and their errors. */
class HexLiteralTest {
    @Test
    void hexLiteralsInsideExpressions() throws SQLException {
        try (Connection c = DriverManager.getConnection(freshMemUrl("hex")); Statement s = c.createStatement()) {
            assertArrayEquals(new byte[] {0x30, 0x31, 0x32}, (byte[]) scalar(c, "SELECT x'303132'"));
            assertEquals(true, scalar(c, "SELECT x'3031' = X'3031' "));
            assertEquals(false, scalar(c, "SELECT x'3031' = x'30' AND 1 = 1"));
            assertArrayEquals(new byte[0], (byte[]) scalar(c, "SELECT x'' "));
            assertEquals("42883", assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT x'3031' = 1")).getSQLState());
            assertEquals("22P02", assertThrows(SQLException.class,
                    () -> s.executeQuery("SELECT x'303' = x'30'")).getSQLState());
        }
    }
}
