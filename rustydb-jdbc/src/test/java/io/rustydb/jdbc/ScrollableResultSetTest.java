package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code TYPE_SCROLL_INSENSITIVE} result sets: every cursor movement of {@link ResultSet} checked against a model of
 * the JDBC rules (random moves, seeded), the rows unchanged by later writes, and forward-only result sets refusing
 * to scroll.
 */
class ScrollableResultSetTest {
    @Test
    void randomMovesAgreeWithTheModel() throws SQLException {
        long seed = 20261202L;
        try (Connection c = DriverManager.getConnection(freshMemUrl("scroll"))) {
            for (int size : new int[] {0, 1, 2, 7}) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE t" + size + " (n INTEGER)");
                    for (int i = 1; i <= size; i++) {
                        s.execute("INSERT INTO t" + size + " VALUES (" + i + ")");
                    }
                }
                try (Statement s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
                     ResultSet rs = s.executeQuery("SELECT n FROM t" + size + " ORDER BY n")) {
                    assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, rs.getType());
                    walk(rs, size, new Random(seed + size), seed);
                }
            }
        }
    }

    /** 500 random moves; after each, the position, the on-row answer and the value agree with the model. */
    private static void walk(ResultSet rs, int size, Random random, long seed) throws SQLException {
        int model = -1; // -1 before first, size after last
        for (int step = 0; step < 500; step++) {
            int kind = random.nextInt(8);
            int arg = random.nextInt(2 * size + 5) - size - 2;
            String move;
            boolean onRow;
            switch (kind) {
                case 0 -> { move = "next"; onRow = rs.next(); model = Math.min(size, model + 1); }
                case 1 -> { move = "previous"; onRow = rs.previous(); model = Math.max(-1, model - 1); }
                case 2 -> { move = "first"; onRow = rs.first(); model = size == 0 ? -1 : 0; }
                case 3 -> { move = "last"; onRow = rs.last(); model = size - 1; }
                case 4 -> { move = "beforeFirst"; rs.beforeFirst(); onRow = false; model = -1; }
                case 5 -> { move = "afterLast"; rs.afterLast(); onRow = false; model = size; }
                case 6 -> {
                    move = "absolute(" + arg + ")";
                    onRow = rs.absolute(arg);
                    model = arg > 0 ? Math.min(size, arg - 1) : arg == 0 ? -1 : Math.max(-1, size + arg);
                }
                default -> {
                    move = "relative(" + arg + ")";
                    onRow = rs.relative(arg);
                    model = Math.max(-1, Math.min(size, model + arg));
                }
            }
            String where = "seed " + seed + ", size " + size + ", step " + step + " " + move;
            boolean modelOnRow = model >= 0 && model < size;
            if (!move.equals("beforeFirst") && !move.equals("afterLast")) {
                assertEquals(modelOnRow, onRow, where);
            }
            assertEquals(modelOnRow ? model + 1 : 0, rs.getRow(), where);
            assertEquals(size > 0 && model == -1, rs.isBeforeFirst(), where);
            assertEquals(size > 0 && model == size, rs.isAfterLast(), where);
            assertEquals(size > 0 && model == 0, rs.isFirst(), where);
            assertEquals(size > 0 && model == size - 1, rs.isLast(), where);
            if (modelOnRow) {
                assertEquals(model + 1, rs.getInt(1), where);
            } else {
                assertEquals("24000", assertThrows(SQLException.class, () -> rs.getInt(1)).getSQLState(), where);
            }
        }
    }

    @Test
    void scrollingSeesTheRowsAsTheyWereWhenTheStatementRan() throws SQLException {
        try (Connection c = DriverManager.getConnection(freshMemUrl("scroll"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (n INTEGER)");
            s.execute("INSERT INTO t VALUES (1), (2), (3)");
            try (PreparedStatement p = c.prepareStatement("SELECT n FROM t ORDER BY n",
                    ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
                 ResultSet rs = p.executeQuery()) {
                assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, p.getResultSetType());
                assertTrue(rs.last());
                assertEquals(3, rs.getRow());
                s.execute("DELETE FROM t WHERE n = 2");
                s.execute("INSERT INTO t VALUES (4)");
                assertTrue(rs.absolute(2));
                assertEquals(2, rs.getInt(1));
                assertFalse(rs.absolute(4));
                rs.setFetchDirection(ResultSet.FETCH_REVERSE);
                assertEquals(ResultSet.FETCH_REVERSE, rs.getFetchDirection());
            }
        }
    }

    @Test
    void forwardOnlyResultSetsRefuseToScroll() throws SQLException {
        try (Connection c = DriverManager.getConnection(freshMemUrl("scroll"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
            assertEquals("24000", assertThrows(SQLException.class, rs::previous).getSQLState());
            assertEquals("24000", assertThrows(SQLException.class, rs::first).getSQLState());
            assertEquals("24000", assertThrows(SQLException.class, () -> rs.absolute(1)).getSQLState());
            assertEquals("24000", assertThrows(SQLException.class, () -> rs.relative(1)).getSQLState());
            assertEquals("24000", assertThrows(SQLException.class, rs::afterLast).getSQLState());
            assertEquals("24000",
                    assertThrows(SQLException.class, () -> rs.setFetchDirection(ResultSet.FETCH_REVERSE)).getSQLState());
            assertEquals("24000",
                    assertThrows(SQLException.class, () -> s.setFetchDirection(ResultSet.FETCH_REVERSE)).getSQLState());
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void metadataAndUnsupportedTypesTellTheTruth() throws SQLException {
        try (Connection c = DriverManager.getConnection(freshMemUrl("scroll"))) {
            var md = c.getMetaData();
            assertTrue(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
            assertTrue(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
            assertFalse(md.supportsResultSetType(ResultSet.TYPE_SCROLL_SENSITIVE));
            assertTrue(md.supportsResultSetConcurrency(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY));
            assertFalse(md.supportsResultSetConcurrency(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE));
            assertEquals("0A000", assertThrows(SQLException.class, () -> c.createStatement(
                    ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_READ_ONLY)).getSQLState());
        }
    }
}
