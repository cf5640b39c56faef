package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.column;
import static io.rustydb.jdbc.JdbcTestSupport.connect;
import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static io.rustydb.jdbc.JdbcTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The first end-to-end slice (issue 2) through JDBC: DDL, INSERT, SELECT with WHERE/ORDER BY/LIMIT/aggregates,
 * every column type of the type system, result metadata, and how in-memory databases are shared and dropped.
 */
class SqlSliceTest {
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = connect(freshMemUrl("slice"));
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    /** t(a INT, b VARCHAR(10), c DOUBLE) with four rows, NULLs in every column. */
    private void sampleTable() throws SQLException {
        update(c, "CREATE TABLE t(a INT, b VARCHAR(10), c DOUBLE)");
        assertEquals(4, update(c, "INSERT INTO t VALUES (1, 'x', 1.5), (2, 'y', NULL), (NULL, 'z', 3.0), (3, NULL, -1)"));
    }

    @Nested
    class Ddl {
        @Test
        void createInsertSelectDropAndRecreate() throws SQLException {
            update(c, "CREATE TABLE t(a INT, b VARCHAR(10))");
            update(c, "INSERT INTO t VALUES (1, 'x'), (2, 'y')");
            assertEquals(List.of(row(1, "x"), row(2, "y")), rows(c, "SELECT * FROM t ORDER BY a"));
            update(c, "DROP TABLE t");
            SQLException gone = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM t"));
            assertEquals("42P01", gone.getSQLState());
            // Re-created with another shape: nothing of the old table survives.
            update(c, "CREATE TABLE t(z DATE)");
            assertEquals(List.of(), rows(c, "SELECT * FROM t"));
            assertEquals("z", c.createStatement().executeQuery("SELECT * FROM t").getMetaData().getColumnName(1));
            update(c, "INSERT INTO t VALUES (DATE '2020-01-02')");
            assertEquals(List.of(row(LocalDate.of(2020, 1, 2))), rows(c, "SELECT * FROM t"));
        }

        @Test
        void ifNotExistsKeepsTheExistingTable() throws SQLException {
            update(c, "CREATE TABLE t(a INT)");
            update(c, "INSERT INTO t VALUES (7)");
            update(c, "CREATE TABLE IF NOT EXISTS t(other VARCHAR(3))");
            assertEquals(List.of(row(7)), rows(c, "SELECT * FROM t"));
            SQLException e = assertThrows(SQLException.class, () -> update(c, "CREATE TABLE t(a INT)"));
            assertEquals("42P07", e.getSQLState());
        }

        @Test
        void dropIfExists() throws SQLException {
            update(c, "DROP TABLE IF EXISTS never_there");
            update(c, "CREATE TABLE t(a INT)");
            update(c, "DROP TABLE IF EXISTS t");
            update(c, "CREATE TABLE t(a INT)");
            assertEquals(0L, scalar(c, "SELECT COUNT(*) FROM t"));
            SQLException e = assertThrows(SQLException.class, () -> update(c, "DROP TABLE never_there"));
            assertEquals("42P01", e.getSQLState());
        }

        @Test
        void namesAreCaseInsensitiveUnlessQuoted() throws SQLException {
            update(c, "CREATE TABLE MixedCase(Col INT)");
            update(c, "INSERT INTO mixedcase(COL) VALUES (1)");
            assertEquals(List.of(row(1)), rows(c, "SELECT col FROM MIXEDCASE"));
        }

        @Test
        void manyTablesAreIndependent() throws SQLException {
            for (int i = 0; i < 20; i++) {
                update(c, "CREATE TABLE t" + i + "(v INT)");
                update(c, "INSERT INTO t" + i + " VALUES (" + i + ")");
            }
            for (int i = 0; i < 20; i++) {
                assertEquals(List.of(row(i)), rows(c, "SELECT v FROM t" + i), "table t" + i);
            }
        }
    }

    @Nested
    class Insert {
        @Test
        void multiRowValues() throws SQLException {
            update(c, "CREATE TABLE t(a INT, b VARCHAR(5))");
            assertEquals(3, update(c, "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, NULL)"));
            assertEquals(List.of(row(1, "a"), row(2, "b"), row(3, null)), rows(c, "SELECT a, b FROM t ORDER BY a"));
        }

        @Test
        void columnListLeavesOtherColumnsNull() throws SQLException {
            update(c, "CREATE TABLE t(a INT, b VARCHAR(5), c DATE)");
            update(c, "INSERT INTO t(b) VALUES ('only')");
            update(c, "INSERT INTO t(c, a) VALUES (DATE '2021-03-04', 9)");
            assertEquals(List.of(row(null, "only", null), row(9, null, LocalDate.of(2021, 3, 4))),
                    rows(c, "SELECT a, b, c FROM t ORDER BY a NULLS FIRST"));
        }

        @Test
        void insertSelectCopiesAndConverts() throws SQLException {
            sampleTable();
            update(c, "CREATE TABLE u(x BIGINT, y TEXT)");
            assertEquals(2, update(c, "INSERT INTO u SELECT a, b FROM t WHERE a >= 2"));
            assertEquals(List.of(row(2L, "y"), row(3L, null)), rows(c, "SELECT * FROM u ORDER BY x"));
            // Column list on the target, a computed expression on the source side.
            update(c, "INSERT INTO u(y, x) SELECT b, a * 10 FROM t WHERE a = 1");
            assertEquals(List.of(row(10L, "x")), rows(c, "SELECT * FROM u WHERE x = 10"));
        }

        @Test
        void insertSelectFromItself() throws SQLException {
            update(c, "CREATE TABLE t(a INT)");
            update(c, "INSERT INTO t VALUES (1), (2)");
            assertEquals(2, update(c, "INSERT INTO t SELECT a + 10 FROM t"));
            assertEquals(List.of(1, 2, 11, 12), column(c, "SELECT a FROM t ORDER BY a"));
        }

        @Test
        void thousandsOfRowsAcrossBatchesAndPages() throws SQLException {
            update(c, "CREATE TABLE t(k INT, s VARCHAR(40))");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 0; i < 5000; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "row-" + i + "-padding-padding");
                    assertEquals(1, ps.executeUpdate());
                }
            }
            assertEquals(row(5000L, 12_497_500L, 0, 4999), rows(c, "SELECT COUNT(*), SUM(k), MIN(k), MAX(k) FROM t").get(0));
            assertEquals(List.of(4999, 4998, 4997), column(c, "SELECT k FROM t ORDER BY k DESC LIMIT 3"));
            assertEquals(List.of("row-2500-padding-padding"), column(c, "SELECT s FROM t WHERE k = 2500"));
            assertEquals(1000L, scalar(c, "SELECT COUNT(*) FROM t WHERE k BETWEEN 1000 AND 1999"));
        }
    }

    @Nested
    class Where {
        @BeforeEach
        void table() throws SQLException {
            sampleTable();
        }

        @Test
        void comparisons() throws SQLException {
            assertEquals(List.of(2, 3), column(c, "SELECT a FROM t WHERE a > 1 ORDER BY a"));
            assertEquals(List.of(1, 2), column(c, "SELECT a FROM t WHERE a <= 2 ORDER BY a"));
            assertEquals(List.of(1, 3), column(c, "SELECT a FROM t WHERE a <> 2 ORDER BY a"));
            assertEquals(List.of(2), column(c, "SELECT a FROM t WHERE a = 2"));
            assertEquals(List.of(3), column(c, "SELECT a FROM t WHERE c < 0"));
            assertEquals(List.of("y", "z"), column(c, "SELECT b FROM t WHERE b >= 'y' ORDER BY b"));
            assertEquals(List.of(1), column(c, "SELECT a FROM t WHERE c = 1.5"));
            assertEquals(List.of(2), column(c, "SELECT a FROM t WHERE a + 1 = 3"));
        }

        @Test
        void nullComparesUnknownSoTheRowIsFilteredOut() throws SQLException {
            // a = NULL and a <> NULL are UNKNOWN for every row; NOT UNKNOWN is still UNKNOWN.
            assertEquals(List.of(), rows(c, "SELECT a FROM t WHERE a = NULL"));
            assertEquals(List.of(), rows(c, "SELECT a FROM t WHERE a <> NULL"));
            assertEquals(List.of(), rows(c, "SELECT a FROM t WHERE NOT (a = NULL)"));
            // The row with a NULL is neither > 1 nor NOT > 1.
            assertEquals(List.of(1), column(c, "SELECT a FROM t WHERE NOT (a > 1)"));
        }

        @Test
        void andOrNotFollowThreeValuedLogic() throws SQLException {
            update(c, "CREATE TABLE tv(p BOOLEAN, q BOOLEAN)");
            update(c, "INSERT INTO tv VALUES (TRUE, TRUE), (TRUE, FALSE), (TRUE, NULL), (FALSE, TRUE), (FALSE, FALSE),"
                    + " (FALSE, NULL), (NULL, TRUE), (NULL, FALSE), (NULL, NULL)");
            for (List<Object> r : rows(c, "SELECT p, q, p AND q, p OR q, NOT p FROM tv")) {
                Boolean p = (Boolean) r.get(0);
                Boolean q = (Boolean) r.get(1);
                String where = "p=" + p + ", q=" + q;
                assertEquals(and(p, q), r.get(2), "AND at " + where);
                assertEquals(or(p, q), r.get(3), "OR at " + where);
                assertEquals(p == null ? null : !p, r.get(4), "NOT at " + where);
            }
            // WHERE keeps only TRUE rows.
            assertEquals(1L, scalar(c, "SELECT COUNT(*) FROM tv WHERE p AND q"));
            assertEquals(5L, scalar(c, "SELECT COUNT(*) FROM tv WHERE p OR q"));
            assertEquals(3L, scalar(c, "SELECT COUNT(*) FROM tv WHERE NOT p"));
            assertEquals(1L, scalar(c, "SELECT COUNT(*) FROM tv WHERE NOT (p OR q)"));
            assertEquals(5L, scalar(c, "SELECT COUNT(*) FROM tv WHERE NOT (p AND q)"));
        }

        private Boolean and(Boolean p, Boolean q) {
            if (Boolean.FALSE.equals(p) || Boolean.FALSE.equals(q)) {
                return false;
            }
            return p == null || q == null ? null : true;
        }

        private Boolean or(Boolean p, Boolean q) {
            if (Boolean.TRUE.equals(p) || Boolean.TRUE.equals(q)) {
                return true;
            }
            return p == null || q == null ? null : false;
        }

        @Test
        void andOrWithNullsInWhere() throws SQLException {
            // b IS NULL for a = 3; a IS NULL for b = 'z'.
            assertEquals(List.of(2, 3), column(c, "SELECT a FROM t WHERE a > 1 AND (b = 'y' OR b IS NULL) ORDER BY a"));
            assertEquals(Arrays.asList(2, null), column(c, "SELECT a FROM t WHERE a = 2 OR b = 'z' ORDER BY a"));
            // a = 1 AND b IS NULL is FALSE or UNKNOWN for all rows; NOT of it keeps rows where it is FALSE.
            assertEquals(Arrays.asList(1, 2, 3, null), column(c, "SELECT a FROM t WHERE NOT (a = 1 AND b IS NULL) ORDER BY a"));
            assertEquals(List.of(3), column(c, "SELECT a FROM t WHERE NOT (b IS NOT NULL)"));
        }

        @Test
        void isNullAndIsNotNull() throws SQLException {
            assertEquals(Arrays.asList((Object) null), column(c, "SELECT a FROM t WHERE a IS NULL"));
            assertEquals(List.of("z"), column(c, "SELECT b FROM t WHERE a IS NULL"));
            assertEquals(List.of(1, 2, 3), column(c, "SELECT a FROM t WHERE a IS NOT NULL ORDER BY a"));
            assertEquals(List.of(2), column(c, "SELECT a FROM t WHERE c IS NULL"));
        }

        @Test
        void inList() throws SQLException {
            assertEquals(List.of(1, 3), column(c, "SELECT a FROM t WHERE a IN (1, 3, 99) ORDER BY a"));
            assertEquals(List.of(2), column(c, "SELECT a FROM t WHERE a NOT IN (1, 3)"));
            // x IN (..., NULL) is TRUE or UNKNOWN, x NOT IN (..., NULL) never TRUE.
            assertEquals(List.of(1, 3), column(c, "SELECT a FROM t WHERE a IN (1, 3, NULL) ORDER BY a"));
            assertEquals(List.of(), column(c, "SELECT a FROM t WHERE a NOT IN (1, NULL)"));
            assertEquals(List.of("x", "z"), column(c, "SELECT b FROM t WHERE b IN ('x', 'z') ORDER BY b"));
        }

        @Test
        void between() throws SQLException {
            assertEquals(List.of(1, 2), column(c, "SELECT a FROM t WHERE a BETWEEN 1 AND 2 ORDER BY a"));
            assertEquals(List.of(3), column(c, "SELECT a FROM t WHERE a NOT BETWEEN 1 AND 2"));
            assertEquals(List.of(), column(c, "SELECT a FROM t WHERE a BETWEEN 2 AND 1"));
            assertEquals(List.of(1), column(c, "SELECT a FROM t WHERE c BETWEEN 0 AND 2.5"));
        }

        @Test
        void like() throws SQLException {
            update(c, "CREATE TABLE s(v VARCHAR(20))");
            update(c, "INSERT INTO s VALUES ('apple'), ('apricot'), ('banana'), ('a'), (''), (NULL), ('Apple'), ('a_c'), ('abc')");
            assertEquals(List.of("a", "a_c", "abc", "apple", "apricot"), column(c, "SELECT v FROM s WHERE v LIKE 'a%' ORDER BY v"));
            assertEquals(List.of("a_c", "abc"), column(c, "SELECT v FROM s WHERE v LIKE 'a_c' ORDER BY v"));
            assertEquals(List.of("apple", "apricot"), column(c, "SELECT v FROM s WHERE v LIKE 'ap%' ORDER BY v"));
            assertEquals(List.of("banana"), column(c, "SELECT v FROM s WHERE v LIKE '%nan%'"));
            assertEquals(List.of(""), column(c, "SELECT v FROM s WHERE v LIKE ''"));
            assertEquals(List.of("", "Apple", "banana"), column(c, "SELECT v FROM s WHERE v NOT LIKE 'a%' ORDER BY v"));
            assertEquals(8L, scalar(c, "SELECT COUNT(*) FROM s WHERE v LIKE '%'"), "NULL does not match '%'");
        }
    }

    @Nested
    class OrderAndLimit {
        @BeforeEach
        void table() throws SQLException {
            sampleTable();
        }

        @Test
        void nullsSortLastAscendingAndFirstDescending() throws SQLException {
            assertEquals(Arrays.asList(1, 2, 3, null), column(c, "SELECT a FROM t ORDER BY a"));
            assertEquals(Arrays.asList(1, 2, 3, null), column(c, "SELECT a FROM t ORDER BY a ASC"));
            assertEquals(Arrays.asList(null, 3, 2, 1), column(c, "SELECT a FROM t ORDER BY a DESC"));
        }

        @Test
        void explicitNullsFirstAndLast() throws SQLException {
            assertEquals(Arrays.asList(null, 1, 2, 3), column(c, "SELECT a FROM t ORDER BY a NULLS FIRST"));
            assertEquals(Arrays.asList(3, 2, 1, null), column(c, "SELECT a FROM t ORDER BY a DESC NULLS LAST"));
            assertEquals(Arrays.asList(null, 3, 2, 1), column(c, "SELECT a FROM t ORDER BY a DESC NULLS FIRST"));
            assertEquals(Arrays.asList(1, 2, 3, null), column(c, "SELECT a FROM t ORDER BY a ASC NULLS LAST"));
        }

        @Test
        void byAliasPositionAndHiddenExpression() throws SQLException {
            assertEquals(Arrays.asList(3, 2, 1, null), column(c, "SELECT a AS k FROM t ORDER BY k DESC NULLS LAST"));
            assertEquals(Arrays.asList("z", "y", "x", null), column(c, "SELECT b, a FROM t ORDER BY 1 DESC NULLS LAST"));
            assertEquals(Arrays.asList(null, 3, 2, 1), column(c, "SELECT a, b FROM t ORDER BY 1 DESC"));
            // Ordering by a column that is not selected.
            assertEquals(Arrays.asList(3, 1, null, 2), column(c, "SELECT a FROM t ORDER BY c"));
            List<List<Object>> r = rows(c, "SELECT b FROM t ORDER BY a");
            assertEquals(1, r.get(0).size(), "hidden ORDER BY columns must not appear in the result");
            assertEquals(Arrays.asList("x", "y", null, "z"), column(c, "SELECT b FROM t ORDER BY a"));
            // Ordering by an expression.
            assertEquals(Arrays.asList(3, 2, 1, null), column(c, "SELECT a FROM t ORDER BY -a"));
        }

        @Test
        void severalKeys() throws SQLException {
            update(c, "CREATE TABLE m(g INT, v VARCHAR(3))");
            update(c, "INSERT INTO m VALUES (1, 'b'), (2, 'a'), (1, 'a'), (2, NULL), (1, 'c')");
            assertEquals(List.of(row(1, "a"), row(1, "b"), row(1, "c"), row(2, "a"), row(2, null)),
                    rows(c, "SELECT g, v FROM m ORDER BY g, v"));
            assertEquals(List.of(row(2, null), row(2, "a"), row(1, "c"), row(1, "b"), row(1, "a")),
                    rows(c, "SELECT g, v FROM m ORDER BY g DESC, v DESC"));
            assertEquals(List.of(row(1, "c"), row(1, "b"), row(1, "a"), row(2, "a"), row(2, null)),
                    rows(c, "SELECT g, v FROM m ORDER BY g ASC, v DESC NULLS LAST"));
        }

        @Test
        void limitAndOffset() throws SQLException {
            assertEquals(List.of(1, 2), column(c, "SELECT a FROM t ORDER BY a LIMIT 2"));
            assertEquals(List.of(2, 3), column(c, "SELECT a FROM t ORDER BY a LIMIT 2 OFFSET 1"));
            assertEquals(Arrays.asList(3, null), column(c, "SELECT a FROM t ORDER BY a LIMIT 10 OFFSET 2"));
            assertEquals(List.of(), column(c, "SELECT a FROM t ORDER BY a LIMIT 0"));
            assertEquals(List.of(), column(c, "SELECT a FROM t ORDER BY a OFFSET 4"));
            assertEquals(Arrays.asList((Object) null), column(c, "SELECT a FROM t ORDER BY a OFFSET 3"));
            assertEquals(4, rows(c, "SELECT a FROM t LIMIT 100").size());
        }

        @Test
        void fetchFirst() throws SQLException {
            assertEquals(List.of(1, 2), column(c, "SELECT a FROM t ORDER BY a FETCH FIRST 2 ROWS ONLY"));
            assertEquals(List.of(1), column(c, "SELECT a FROM t ORDER BY a FETCH FIRST ROW ONLY"));
            assertEquals(List.of(2, 3), column(c, "SELECT a FROM t ORDER BY a OFFSET 1 ROWS FETCH NEXT 2 ROWS ONLY"));
        }

        @Test
        void limitAsParameter() throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT a FROM t ORDER BY a LIMIT ? OFFSET ?")) {
                ps.setInt(1, 2);
                ps.setInt(2, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    assertEquals(List.of(List.of(2), List.of(3)), rows(rs));
                }
                ps.setInt(1, 1);
                ps.setInt(2, 0);
                try (ResultSet rs = ps.executeQuery()) {
                    assertEquals(List.of(List.of(1)), rows(rs));
                }
            }
        }
    }

    @Nested
    class Aggregates {
        @Test
        void overAllRows() throws SQLException {
            sampleTable();
            List<Object> r = rows(c, "SELECT COUNT(*), COUNT(a), COUNT(c), SUM(a), MIN(a), MAX(a), MIN(b), MAX(b) FROM t").get(0);
            assertEquals(row(4L, 3L, 3L, 6L, 1, 3, "x", "z"), r);
            assertEquals(0, new BigDecimal("2").compareTo((BigDecimal) scalar(c, "SELECT AVG(a) FROM t")));
            assertEquals(3.5, (Double) scalar(c, "SELECT SUM(c) FROM t"), 0.0);
            assertEquals(3.5 / 3, (Double) scalar(c, "SELECT AVG(c) FROM t"), 1e-12);
        }

        @Test
        void onAnEmptyTableCountIsZeroAndTheRestNull() throws SQLException {
            update(c, "CREATE TABLE e(a INT, d DOUBLE, s VARCHAR(3))");
            assertEquals(row(0L, 0L, null, null, null, null, null), rows(c,
                    "SELECT COUNT(*), COUNT(a), SUM(a), MIN(a), MAX(a), AVG(a), SUM(d) FROM e").get(0));
            // Grouped aggregation over no rows gives no groups at all.
            assertEquals(List.of(), rows(c, "SELECT a, COUNT(*) FROM e GROUP BY a"));
        }

        @Test
        void onlyNullsGiveNullExceptCount() throws SQLException {
            update(c, "CREATE TABLE n(a INT)");
            update(c, "INSERT INTO n VALUES (NULL), (NULL)");
            assertEquals(row(2L, 0L, null, null, null, null), rows(c,
                    "SELECT COUNT(*), COUNT(a), SUM(a), MIN(a), MAX(a), AVG(a) FROM n").get(0));
        }

        @Test
        void groupByAndHaving() throws SQLException {
            update(c, "CREATE TABLE g(k VARCHAR(3), v INT)");
            update(c, "INSERT INTO g VALUES ('a', 1), ('b', 2), ('a', 3), (NULL, 4), ('b', NULL), (NULL, 6), ('c', 7)");
            assertEquals(List.of(row("a", 2L, 4L), row("b", 2L, 2L), row("c", 1L, 7L), row(null, 2L, 10L)),
                    rows(c, "SELECT k, COUNT(*), SUM(v) FROM g GROUP BY k ORDER BY k"));
            assertEquals(List.of(row("a", 4L), row("c", 7L), row(null, 10L)),
                    rows(c, "SELECT k, SUM(v) FROM g GROUP BY k HAVING SUM(v) > 3 ORDER BY k"));
            assertEquals(List.of(row("a"), row("b"), row((Object) null)),
                    rows(c, "SELECT k FROM g GROUP BY k HAVING COUNT(*) = 2 ORDER BY k"));
            // Grouping by an expression, aggregate not in the select list but in ORDER BY.
            assertEquals(List.of(row(1, 3L), row(0, 2L)),
                    rows(c, "SELECT v % 2 AS parity, COUNT(*) FROM g WHERE v <> 6 GROUP BY v % 2 ORDER BY COUNT(*) DESC"));
            assertEquals(List.of(row(7), row(6)),
                    rows(c, "SELECT MAX(v) FROM g GROUP BY k ORDER BY MAX(v) DESC LIMIT 2"));
        }

        @Test
        void havingWithoutGroupBy() throws SQLException {
            update(c, "CREATE TABLE g(v INT)");
            update(c, "INSERT INTO g VALUES (1), (2)");
            assertEquals(List.of(row(2L)), rows(c, "SELECT COUNT(*) FROM g HAVING COUNT(*) > 1"));
            assertEquals(List.of(), rows(c, "SELECT COUNT(*) FROM g HAVING COUNT(*) > 2"));
        }

        @Test
        void distinct() throws SQLException {
            update(c, "CREATE TABLE d(a INT, b VARCHAR(3))");
            update(c, "INSERT INTO d VALUES (1, 'x'), (1, 'x'), (2, 'x'), (NULL, 'y'), (NULL, 'y'), (1, NULL)");
            assertEquals(Arrays.asList(1, 2, null), column(c, "SELECT DISTINCT a FROM d ORDER BY a"));
            assertEquals(List.of(row(1, "x"), row(1, null), row(2, "x"), row(null, "y")),
                    rows(c, "SELECT DISTINCT a, b FROM d ORDER BY a, b"));
            Set<List<Object>> unordered = new HashSet<>(rows(c, "SELECT DISTINCT b FROM d"));
            assertEquals(Set.of(row("x"), row("y"), row((Object) null)), unordered);
            assertEquals(row(2L, 2L), rows(c, "SELECT COUNT(DISTINCT a), COUNT(DISTINCT b) FROM d").get(0));
        }

        @Test
        void sumOfIntegersIsExactAcrossTypes() throws SQLException {
            update(c, "CREATE TABLE big(i INT, x BIGINT)");
            update(c, "INSERT INTO big VALUES (2147483647, 9223372036854775807), (2147483647, 1)");
            // SUM(INTEGER) is BIGINT and SUM(BIGINT) is DECIMAL (as in PostgreSQL): no wrap-around.
            assertEquals(4294967294L, scalar(c, "SELECT SUM(i) FROM big"));
            assertEquals(0, new BigDecimal("9223372036854775808").compareTo((BigDecimal) scalar(c, "SELECT SUM(x) FROM big")));
        }
    }

    @Nested
    class Types_ {
        private static final String CREATE = "CREATE TABLE ty(bo BOOLEAN, sm SMALLINT, i INTEGER, bi BIGINT,"
                + " de DECIMAL(10,2), r REAL, db DOUBLE, ch CHAR(5), vc VARCHAR(20), tx TEXT, vb VARBINARY(8), ba BYTEA,"
                + " da DATE, ti TIME, ts TIMESTAMP, tz TIMESTAMP WITH TIME ZONE, u UUID)";
        private static final String[] NAMES = {
            "bo", "sm", "i", "bi", "de", "r", "db", "ch", "vc", "tx", "vb", "ba", "da", "ti", "ts", "tz", "u"};
        private static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        private static final OffsetDateTime TZ = OffsetDateTime.of(2024, 2, 29, 12, 34, 56, 0, ZoneOffset.ofHours(2));

        @Test
        void everyTypeRoundTripsThroughLiterals() throws SQLException {
            update(c, CREATE);
            update(c, "INSERT INTO ty VALUES (TRUE, 32767, -2147483648, 9223372036854775807, 12345678.91, 1.5, 2.25,"
                    + " 'ab', 'hello', 'long text', X'0102FF', X'DEADBEEF', DATE '2024-02-29', TIME '23:59:58.123',"
                    + " TIMESTAMP '2024-02-29 12:34:56.789', TIMESTAMP WITH TIME ZONE '2024-02-29 12:34:56+02:00',"
                    + " '123e4567-e89b-12d3-a456-426614174000')");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM ty")) {
                assertTrue(rs.next());
                assertExpectedRow(rs);
                assertFalse(rs.next());
            }
        }

        @Test
        void everyTypeRoundTripsThroughPreparedSetters() throws SQLException {
            update(c, CREATE);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ty VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setBoolean(1, true);
                ps.setShort(2, (short) 32767);
                ps.setInt(3, Integer.MIN_VALUE);
                ps.setLong(4, Long.MAX_VALUE);
                ps.setBigDecimal(5, new BigDecimal("12345678.91"));
                ps.setFloat(6, 1.5f);
                ps.setDouble(7, 2.25);
                ps.setString(8, "ab");
                ps.setString(9, "hello");
                ps.setString(10, "long text");
                ps.setBytes(11, new byte[] {1, 2, (byte) 0xFF});
                ps.setBytes(12, new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF});
                ps.setObject(13, LocalDate.of(2024, 2, 29));
                ps.setObject(14, LocalTime.of(23, 59, 58, 123_000_000));
                ps.setObject(15, LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000));
                ps.setObject(16, TZ);
                ps.setObject(17, ID);
                assertEquals(1, ps.executeUpdate());
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM ty WHERE u = ? AND da = ? AND bi = ?")) {
                ps.setObject(1, ID);
                ps.setObject(2, LocalDate.of(2024, 2, 29));
                ps.setLong(3, Long.MAX_VALUE);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "the row must be found by its UUID, DATE and BIGINT");
                    assertExpectedRow(rs);
                    assertFalse(rs.next());
                }
            }
        }

        @Test
        void nullsOfEveryType() throws SQLException {
            update(c, CREATE);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ty VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= NAMES.length; i++) {
                    ps.setNull(i, Types.NULL);
                }
                ps.executeUpdate();
            }
            update(c, "INSERT INTO ty VALUES (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM ty")) {
                for (int n = 0; n < 2; n++) {
                    assertTrue(rs.next());
                    for (int i = 1; i <= NAMES.length; i++) {
                        assertNull(rs.getObject(i), NAMES[i - 1]);
                        assertTrue(rs.wasNull(), NAMES[i - 1]);
                    }
                    assertEquals(0, rs.getInt("i"));
                    assertTrue(rs.wasNull());
                }
            }
        }

        private void assertExpectedRow(ResultSet rs) throws SQLException {
            assertEquals(Boolean.TRUE, rs.getObject("bo", Boolean.class));
            assertEquals(Short.valueOf((short) 32767), rs.getObject("sm", Short.class));
            assertEquals(Integer.MIN_VALUE, rs.getObject("i", Integer.class));
            assertEquals(Long.MAX_VALUE, rs.getObject("bi", Long.class));
            assertEquals(new BigDecimal("12345678.91"), rs.getObject("de", BigDecimal.class));
            assertEquals(1.5f, rs.getObject("r", Float.class));
            assertEquals(2.25, rs.getObject("db", Double.class));
            assertEquals("ab   ", rs.getObject("ch", String.class), "CHAR(5) is blank-padded");
            assertEquals("hello", rs.getObject("vc", String.class));
            assertEquals("long text", rs.getObject("tx", String.class));
            assertArrayEquals(new byte[] {1, 2, (byte) 0xFF}, rs.getObject("vb", byte[].class));
            assertArrayEquals(new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF}, rs.getObject("ba", byte[].class));
            assertArrayEquals(new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF}, rs.getBytes("ba"));
            assertEquals(LocalDate.of(2024, 2, 29), rs.getObject("da", LocalDate.class));
            assertEquals(LocalTime.of(23, 59, 58, 123_000_000), rs.getObject("ti", LocalTime.class));
            assertEquals(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000), rs.getObject("ts", LocalDateTime.class));
            OffsetDateTime tz = rs.getObject("tz", OffsetDateTime.class);
            assertTrue(TZ.isEqual(tz), "same instant expected: " + TZ + " vs " + tz);
            assertEquals(TZ.toInstant(), rs.getObject("tz", java.time.Instant.class));
            assertEquals(ID, rs.getObject("u", UUID.class));
            // getObject without a class gives each type's natural Java class.
            Class<?>[] natural = {Boolean.class, Short.class, Integer.class, Long.class, BigDecimal.class, Float.class,
                Double.class, String.class, String.class, String.class, byte[].class, byte[].class, LocalDate.class,
                LocalTime.class, LocalDateTime.class, OffsetDateTime.class, UUID.class};
            for (int i = 1; i <= natural.length; i++) {
                assertEquals(natural[i - 1], rs.getObject(i).getClass(), NAMES[i - 1]);
                assertEquals(natural[i - 1].getName(), rs.getMetaData().getColumnClassName(i), NAMES[i - 1]);
            }
            // The typed getters agree.
            assertTrue(rs.getBoolean("bo"));
            assertEquals(32767, rs.getShort("sm"));
            assertEquals(Integer.MIN_VALUE, rs.getInt("i"));
            assertEquals(Long.MAX_VALUE, rs.getLong("bi"));
            assertEquals(new BigDecimal("12345678.91"), rs.getBigDecimal("de"));
            assertEquals("hello", rs.getString("vc"));
            assertEquals(java.sql.Date.valueOf(LocalDate.of(2024, 2, 29)), rs.getDate("da"));
        }

        @Test
        void metadataNamesAndTypes() throws SQLException {
            update(c, CREATE);
            int[] expected = {Types.BOOLEAN, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.REAL,
                Types.DOUBLE, Types.CHAR, Types.VARCHAR, Types.VARCHAR, Types.VARBINARY, Types.VARBINARY, Types.DATE,
                Types.TIME, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.OTHER};
            try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM ty")) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals(NAMES.length, md.getColumnCount());
                for (int i = 1; i <= NAMES.length; i++) {
                    assertEquals(NAMES[i - 1], md.getColumnName(i));
                    assertEquals(NAMES[i - 1], md.getColumnLabel(i));
                    assertEquals(expected[i - 1], md.getColumnType(i), NAMES[i - 1]);
                }
                assertEquals(10, md.getPrecision(5));
                assertEquals(2, md.getScale(5));
                assertEquals(5, md.getPrecision(8));
                assertEquals(20, md.getPrecision(9));
                assertEquals("UUID", md.getColumnTypeName(17));
            }
        }

        @Test
        void metadataOfExpressionsAndAliases() throws SQLException {
            sampleTable();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT a AS k1, COUNT(*), SUM(a) AS total, b, a + 1 FROM t GROUP BY a, b")) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals(5, md.getColumnCount());
                assertEquals("k1", md.getColumnLabel(1));
                assertEquals(Types.INTEGER, md.getColumnType(1));
                assertEquals(Types.BIGINT, md.getColumnType(2));
                assertEquals("total", md.getColumnLabel(3));
                assertEquals("b", md.getColumnLabel(4));
                assertEquals(Types.VARCHAR, md.getColumnType(4));
                assertEquals(Types.INTEGER, md.getColumnType(5));
            }
        }

        @Test
        void metadataIsAvailableBeforeExecutionOnPreparedStatements() throws SQLException {
            sampleTable();
            try (PreparedStatement ps = c.prepareStatement("SELECT b, c FROM t WHERE a = ?")) {
                ResultSetMetaData md = ps.getMetaData();
                assertEquals(2, md.getColumnCount());
                assertEquals("b", md.getColumnName(1));
                assertEquals(Types.DOUBLE, md.getColumnType(2));
                assertEquals(Types.INTEGER, ps.getParameterMetaData().getParameterType(1));
            }
        }

        @Test
        void decimalRoundsToItsScaleOnInsert() throws SQLException {
            update(c, "CREATE TABLE d(v DECIMAL(6,2))");
            update(c, "INSERT INTO d VALUES (1.005), (-1.005), (1234.5)");
            assertEquals(List.of(new BigDecimal("-1.01"), new BigDecimal("1.01"), new BigDecimal("1234.50")),
                    column(c, "SELECT v FROM d ORDER BY v"));
        }

        @Test
        void charPaddingIsInsignificantInComparisonsWithVarchar() throws SQLException {
            update(c, "CREATE TABLE ch(v CHAR(5))");
            update(c, "INSERT INTO ch VALUES ('ab')");
            assertEquals(List.of("ab   "), column(c, "SELECT v FROM ch WHERE v = CAST('ab   ' AS CHAR(5))"));
        }

        @Test
        void charColumnEqualsUnpaddedLiteral() throws SQLException {
            update(c, "CREATE TABLE ch(v CHAR(5))");
            update(c, "INSERT INTO ch VALUES ('ab')");
            // PostgreSQL and the SQL standard: trailing blanks of CHAR(n) are insignificant, so this finds the row.
            assertEquals(List.of("ab   "), column(c, "SELECT v FROM ch WHERE v = 'ab'"));
        }
    }

    @Nested
    class MemDatabases {
        @Test
        void twoConnectionsToOneNameShareTheDatabase() throws SQLException {
            String url = freshMemUrl("shared");
            try (Connection one = connect(url); Connection two = connect(url)) {
                update(one, "CREATE TABLE t(a INT)");
                update(one, "INSERT INTO t VALUES (1)");
                assertEquals(List.of(row(1)), rows(two, "SELECT * FROM t"));
                update(two, "INSERT INTO t VALUES (2)");
                assertEquals(List.of(1, 2), column(one, "SELECT a FROM t ORDER BY a"));
            }
        }

        @Test
        void anotherNameIsAnotherDatabase() throws SQLException {
            String base = freshMemUrl("iso");
            try (Connection one = connect(base + "a"); Connection two = connect(base + "b")) {
                update(one, "CREATE TABLE t(a INT)");
                SQLException e = assertThrows(SQLException.class, () -> rows(two, "SELECT * FROM t"));
                assertEquals("42P01", e.getSQLState());
                update(two, "CREATE TABLE t(b VARCHAR(3))");
                update(two, "INSERT INTO t VALUES ('x')");
                assertEquals(List.of(), rows(one, "SELECT * FROM t"));
            }
        }

        @Test
        void staysWhileAnyConnectionIsOpenAndIsDroppedAfterTheLast() throws SQLException {
            String url = freshMemUrl("life");
            Connection one = connect(url);
            Connection two = connect(url);
            update(one, "CREATE TABLE t(a INT)");
            update(one, "INSERT INTO t VALUES (1)");
            one.close();
            assertEquals(List.of(row(1)), rows(two, "SELECT * FROM t"), "the database lives while a connection is open");
            two.close();
            try (Connection three = connect(url)) {
                SQLException e = assertThrows(SQLException.class, () -> rows(three, "SELECT * FROM t"));
                assertEquals("42P01", e.getSQLState(), "after the last connection closed the database is gone");
                assertEquals(List.of(), three.getMetaData().getTables(null, null, "%", null).next()
                        ? List.of("a table survived") : List.of());
            }
            try (Connection four = connect(url)) {
                update(four, "CREATE TABLE t(a INT)");
                assertEquals(0L, scalar(four, "SELECT COUNT(*) FROM t"));
            }
        }

        @Test
        void closingTheSameConnectionTwiceDoesNotDropASharedDatabase() throws SQLException {
            String url = freshMemUrl("twice");
            try (Connection keeper = connect(url)) {
                update(keeper, "CREATE TABLE t(a INT)");
                Connection other = connect(url);
                other.close();
                other.close();
                assertEquals(0L, scalar(keeper, "SELECT COUNT(*) FROM t"));
            }
        }
    }

    @Nested
    class PlansAfterSchemaChanges {
        @Test
        void preparedStatementsFollowDropAndRecreate() throws SQLException {
            update(c, "CREATE TABLE t(a INT, b VARCHAR(5))");
            update(c, "INSERT INTO t VALUES (1, 'x')");
            try (PreparedStatement sel = c.prepareStatement("SELECT * FROM t");
                    Connection other = connect(c.getMetaData().getURL())) {
                assertEquals(List.of(row(1, "x")), rows(sel.executeQuery()));
                // Another connection changes the schema under the prepared statement.
                update(other, "DROP TABLE t");
                SQLException e = assertThrows(SQLException.class, sel::executeQuery);
                assertEquals("42P01", e.getSQLState());
                update(other, "CREATE TABLE t(d DATE, a INT)");
                update(other, "INSERT INTO t VALUES (DATE '2001-02-03', 7)");
                try (ResultSet rs = sel.executeQuery()) {
                    assertEquals(2, rs.getMetaData().getColumnCount());
                    assertEquals("d", rs.getMetaData().getColumnName(1));
                    assertEquals(Types.DATE, rs.getMetaData().getColumnType(1));
                    assertEquals(List.of(row(LocalDate.of(2001, 2, 3), 7)), rows(rs));
                }
            }
        }

        @Test
        void theSameSqlTextIsReboundAfterDdl() throws SQLException {
            update(c, "CREATE TABLE t(a INT)");
            update(c, "INSERT INTO t VALUES (1)");
            assertEquals(List.of(row(1)), rows(c, "SELECT * FROM t"));
            update(c, "DROP TABLE t");
            update(c, "CREATE TABLE t(a VARCHAR(3), b INT)");
            update(c, "INSERT INTO t VALUES ('s', 2)");
            assertEquals(List.of(row("s", 2)), rows(c, "SELECT * FROM t"), "a cached plan must not outlive its schema");
        }
    }

    @Test
    void selectWithoutFrom() throws SQLException {
        assertEquals(List.of(), rows(c, "SELECT 1 WHERE NULL"));
        assertEquals(List.of(row(1)), rows(c, "SELECT 1 WHERE TRUE"));
        assertEquals(Arrays.asList((Object) null), column(c, "SELECT NULL + 1"));
        assertEquals(row(3, 1, new BigDecimal("3.0"), true), rows(c, "SELECT 1 + 2, 7 % 3, 1.5 * 2, 1 < 2").get(0));
        List<Object> nulls = rows(c, "SELECT TRUE AND NULL, FALSE AND NULL, TRUE OR NULL, FALSE OR NULL, NOT NULL").get(0);
        assertEquals(Arrays.asList(null, false, true, null, null), nulls);
        assertEquals(new ArrayList<>(Arrays.asList(null, true, true)), rows(c, "SELECT NULL = NULL, NULL IS NULL, 1 IS NOT NULL").get(0));
    }
}
