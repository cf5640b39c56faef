package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Chains of unary signs ({@code - + 26}, {@code - - col}), which the parser accepts only after they are
 * parenthesized: random chains over literals, columns, casts and aggregates evaluate as Java computes them.
 */
class UnarySignTest {
    @Test
    void randomSignChainsEvaluateLikeJava() throws SQLException {
        long seed = 7_2026_1202L;
        Random random = new Random(seed);
        try (Connection c = DriverManager.getConnection(freshMemUrl("signs")); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (col0 INTEGER, col1 INTEGER)");
            s.execute("INSERT INTO t VALUES (17, -5)");
            for (int i = 0; i < 300; i++) {
                int operand = random.nextInt(4);
                String text = switch (operand) {
                    case 0 -> "col0";
                    case 1 -> "t.col1";
                    case 2 -> "CAST ( 9 AS INTEGER )";
                    default -> "MAX ( col0 )";
                };
                long value = switch (operand) {
                    case 0 -> 17;
                    case 1 -> -5;
                    case 2 -> 9;
                    default -> 17;
                };
                StringBuilder chain = new StringBuilder();
                int signs = 1 + random.nextInt(5);
                for (int k = 0; k < signs; k++) {
                    boolean minus = random.nextBoolean();
                    chain.append(minus ? "- " : "+ ");
                    if (minus) {
                        value = -value;
                    }
                }
                long factor = random.nextInt(7) - 3;
                String sql = "SELECT " + chain + text + " * " + factor + " FROM t";
                Object got = scalar(c, sql);
                assertEquals(value * factor, ((Number) got).longValue(), "seed " + seed + ": " + sql);
            }
        }
    }

    @Test
    void aChainThatStillDoesNotParseReportsTheOriginalPosition() throws SQLException {
        try (Connection c = DriverManager.getConnection(freshMemUrl("signs")); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT - + FROM t"));
            assertEquals("42601", e.getSQLState());
            assertEquals(-26, ((Number) scalar(c, "SELECT - + 26")).intValue());
            assertEquals(6, ((Number) scalar(c, "SELECT CASE - 81 * 2 WHEN -162 THEN 6 END")).intValue());
            assertEquals("42883", assertThrows(SQLException.class, () -> s.executeQuery("SELECT - + 'x'")).getSQLState());
        }
    }
}
