package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Aggregates beyond COUNT/SUM/AVG/MIN/MAX: DISTINCT, FILTER (WHERE ...), STRING_AGG with ORDER BY, BOOL_AND/BOOL_OR/
 * EVERY, the variance family (against a two-pass exact reference over random data, seeded), PERCENTILE_CONT/DISC
 * and MODE; NULL handling and the errors of each.
 */
class AggregateFunctionTest {
    private Connection c;
    private Statement s;

    @BeforeEach
    void open() throws SQLException {
        c = JdbcTestSupport.connect(JdbcTestSupport.freshMemUrl("aggregates"));
        s = c.createStatement();
        s.execute("CREATE TABLE t (g INTEGER, x INTEGER, name VARCHAR(10), ok BOOLEAN, d DOUBLE)");
        s.execute("INSERT INTO t VALUES (1, 1, 'b', TRUE, 1.5), (1, 2, 'a', TRUE, 2.5), (1, 2, NULL, NULL, NULL), "
                + "(2, 5, 'c', FALSE, 10), (2, NULL, 'd', TRUE, 20), (3, NULL, NULL, NULL, NULL)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void distinctAggregates() throws SQLException {
        assertEquals(List.of(row(1, 3L, 2L, 3L, 3L, new BigDecimal("1.5000000000000000")), row(2, 1L, 1L, 5L, 5L,
                        new BigDecimal("5.0000000000000000")), row(3, 0L, 0L, null, null, null)),
                rows(c, "SELECT g, COUNT(x), COUNT(DISTINCT x), SUM(DISTINCT x) + 0, SUM(ALL x) - SUM(DISTINCT x) "
                        + "+ SUM(DISTINCT x) - 2 * (g - 1) * 0 - CASE WHEN g = 1 THEN 2 ELSE 0 END, AVG(DISTINCT x) "
                        + "FROM t GROUP BY g ORDER BY g"));
        assertEquals(4L, scalar(c, "SELECT COUNT(DISTINCT name) FROM t"));
    }

    @Test
    void filterOnAnyAggregate() throws SQLException {
        assertEquals(List.of(row(1, 2L, 1L, 2, "a", 1L), row(2, 1L, 1L, null, "c", 0L), row(3, 0L, 0L, null, null, 0L)),
                rows(c, "SELECT g, COUNT(*) FILTER (WHERE x >= 2), COUNT(DISTINCT x) FILTER (WHERE x >= 2), "
                        + "MAX(x) FILTER (WHERE ok), MIN(name) FILTER (WHERE x > 1), "
                        + "COUNT(x) FILTER (WHERE name < 'b') FROM t GROUP BY g ORDER BY g"));
        // a NULL or FALSE filter skips the row; FILTER on an aggregate over no rows
        assertEquals(List.of(row(0L, null)), rows(c, "SELECT COUNT(*) FILTER (WHERE NULL), "
                + "SUM(x) FILTER (WHERE FALSE) FROM t"));
        fails(s, "SELECT COUNT(*) FILTER (WHERE x) FROM t", "42804");
        fails(s, "SELECT COUNT(*) FILTER (WHERE SUM(x) > 1) FROM t", "42803");
        fails(s, "SELECT x FROM t WHERE COUNT(*) FILTER (WHERE x > 1) > 0", "42803");
    }

    @Test
    void stringAgg() throws SQLException {
        assertEquals(List.of(row(1, "b,a", "a;b", "a|b"), row(2, "c,d", "c;d", "d|c"), row(3, null, null, null)),
                rows(c, "SELECT g, STRING_AGG(name, ','), STRING_AGG(name, ';' ORDER BY name), "
                        + "STRING_AGG(name, '|' ORDER BY x DESC NULLS FIRST, name DESC) FROM t GROUP BY g ORDER BY g"));
        // DISTINCT, NULL delimiter (no delimiter), FILTER, a parameter as the delimiter
        assertEquals("abcd", scalar(c, "SELECT STRING_AGG(DISTINCT name, NULL ORDER BY name) FROM t"));
        assertEquals("c", scalar(c, "SELECT STRING_AGG(name, ',') FILTER (WHERE g = 2 AND x IS NOT NULL) FROM t"));
        try (PreparedStatement p = c.prepareStatement("SELECT STRING_AGG(name, ? ORDER BY name) FROM t")) {
            p.setString(1, " + ");
            try (var r = p.executeQuery()) {
                r.next();
                assertEquals("a + b + c + d", r.getString(1));
            }
        }
        fails(s, "SELECT STRING_AGG(x, ',') FROM t", "42883");
        fails(s, "SELECT STRING_AGG(name) FROM t", "42883");
        fails(s, "SELECT STRING_AGG(name, 1) FROM t", "42883");
        fails(s, "SELECT STRING_AGG(DISTINCT name, ',' ORDER BY x) FROM t", "42P10");
        fails(s, "SELECT ARRAY_AGG(ARRAY[x]) FROM t", "0A000"); // arrays are one-dimensional
        fails(s, "SELECT ARRAY_AGG(DISTINCT x ORDER BY name) FROM t", "42P10");
    }

    @Test
    void boolAndOrEvery() throws SQLException {
        assertEquals(List.of(row(1, true, true, true), row(2, false, true, false), row(3, null, null, null)),
                rows(c, "SELECT g, BOOL_AND(ok), BOOL_OR(ok), EVERY(ok) FROM t GROUP BY g ORDER BY g"));
        assertEquals(true, scalar(c, "SELECT BOOL_AND(ok) FILTER (WHERE g = 1) FROM t"));
        fails(s, "SELECT BOOL_AND(x) FROM t", "42883");
        fails(s, "SELECT BOOL_OR(name) FROM t", "42883");
    }

    @Test
    void varianceFamily() throws SQLException {
        // 1, 2, 2: mean 5/3, squared deviations sum 2/3
        List<Object> one = rows(c, "SELECT VAR_SAMP(x), VAR_POP(x), VARIANCE(x), STDDEV(x), STDDEV_SAMP(x), "
                + "STDDEV_POP(x) FROM t WHERE g = 1").get(0);
        assertEquals(new BigDecimal("0.3333333333333333"), one.get(0));
        assertEquals(new BigDecimal("0.2222222222222222"), one.get(1));
        assertEquals(one.get(0), one.get(2));
        assertEquals(new BigDecimal("0.5773502691896258"), one.get(3));
        assertEquals(one.get(3), one.get(4));
        assertEquals(new BigDecimal("0.4714045207910317"), one.get(5));
        // doubles give doubles
        assertEquals(List.of(row(50.0, 25.0, Math.sqrt(50.0), 5.0)),
                rows(c, "SELECT VAR_SAMP(d), VAR_POP(d), STDDEV(d), STDDEV_POP(d) FROM t WHERE g = 2"));
        // one row: sample statistics are NULL, population ones 0; no rows: NULL
        assertEquals(List.of(row(null, new BigDecimal("0E-16"), null, new BigDecimal("0E-16"))),
                rows(c, "SELECT VAR_SAMP(x), VAR_POP(x), STDDEV_SAMP(x), STDDEV_POP(x) FROM t WHERE g = 2"));
        assertEquals(List.of(row(null, null)), rows(c, "SELECT VAR_POP(x), STDDEV(d) FROM t WHERE g = 3"));
        fails(s, "SELECT STDDEV(name) FROM t", "42883");
        fails(s, "SELECT VARIANCE(ok) FROM t", "42883");
    }

    /**
     * Welford's method keeps the variance of large, close values (where {@code sum(x²) - sum(x)²/n} cancels to
     * garbage): random data against an exact two-pass reference in BigDecimal.
     */
    @Test
    void varianceMatchesAnExactReferenceOnRandomData() throws SQLException {
        long seed = Long.getLong("rustydb.seed", System.nanoTime());
        Random random = new Random(seed);
        s.execute("CREATE TABLE v (d DOUBLE, n DECIMAL(20, 4))");
        for (int round = 0; round < 5; round++) {
            s.execute("DELETE FROM v");
            int count = 2 + random.nextInt(300);
            double offset = round % 2 == 0 ? 1e9 : 0;
            List<Double> doubles = new ArrayList<>();
            List<BigDecimal> decimals = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO v VALUES (?, ?)")) {
                for (int i = 0; i < count; i++) {
                    double d = offset + random.nextGaussian() * 3;
                    BigDecimal n = BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, 4)
                            .add(BigDecimal.valueOf((long) offset));
                    doubles.add(d);
                    decimals.add(n);
                    p.setDouble(1, d);
                    p.setBigDecimal(2, n);
                    p.addBatch();
                }
                p.executeBatch();
            }
            List<Object> got = rows(c, "SELECT VAR_SAMP(d), VAR_POP(d), STDDEV_SAMP(d), VAR_SAMP(n), STDDEV_POP(n) "
                    + "FROM v").get(0);
            String context = "seed " + seed + " round " + round;
            List<BigDecimal> exactDoubles = new ArrayList<>();
            for (double d : doubles) {
                exactDoubles.add(new BigDecimal(d));
            }
            BigDecimal m2d = sumOfSquaredDeviations(exactDoubles);
            assertClose(m2d.divide(BigDecimal.valueOf(count - 1), MathContext.DECIMAL128).doubleValue(),
                    (Double) got.get(0), context);
            assertClose(m2d.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue(),
                    (Double) got.get(1), context);
            assertClose(Math.sqrt(m2d.divide(BigDecimal.valueOf(count - 1), MathContext.DECIMAL128).doubleValue()),
                    (Double) got.get(2), context);
            BigDecimal m2n = sumOfSquaredDeviations(decimals);
            BigDecimal varSamp = m2n.divide(BigDecimal.valueOf(count - 1), MathContext.DECIMAL128);
            assertEquals(0, varSamp.setScale(16, java.math.RoundingMode.HALF_UP).compareTo((BigDecimal) got.get(3)),
                    context + ": " + varSamp + " vs " + got.get(3));
            BigDecimal stddevPop = m2n.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128)
                    .sqrt(MathContext.DECIMAL128);
            assertTrue(stddevPop.subtract((BigDecimal) got.get(4)).abs().compareTo(new BigDecimal("1e-15")) <= 0,
                    context + ": " + stddevPop + " vs " + got.get(4));
        }
    }

    private static BigDecimal sumOfSquaredDeviations(List<BigDecimal> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            sum = sum.add(v);
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL128);
        BigDecimal m2 = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            BigDecimal d = v.subtract(mean);
            m2 = m2.add(d.multiply(d));
        }
        return m2;
    }

    private static void assertClose(double expected, double actual, String context) {
        // values near 1e9 carry about 1e-7 of rounding each, so a few parts in 1e9 of the variance are lost even by
        // Welford; sum(x²) - sum(x)²/n would be off by thousands here
        assertTrue(Math.abs(expected - actual) <= 1e-6 * Math.max(1.0, Math.abs(expected)),
                context + ": expected " + expected + " but was " + actual);
    }

    @Test
    void orderedSetAggregates() throws SQLException {
        s.execute("CREATE TABLE p (g INTEGER, v INTEGER)");
        s.execute("INSERT INTO p VALUES (1, 10), (1, 20), (1, 30), (1, 40), (1, NULL), (2, 7), (2, 7), (2, 3), "
                + "(2, 3), (2, 9), (3, NULL)");
        assertEquals(List.of(row(1, 25.0, 20, 17.5, 10, 40, 10), row(2, 7.0, 7, 3.0, 3, 9, 3),
                        row(3, null, null, null, null, null, null)),
                rows(c, "SELECT g, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY v), "
                        + "PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY v), "
                        + "PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY v), "
                        + "PERCENTILE_DISC(0) WITHIN GROUP (ORDER BY v), "
                        + "PERCENTILE_DISC(1) WITHIN GROUP (ORDER BY v), "
                        + "MODE() WITHIN GROUP (ORDER BY v) FROM p GROUP BY g ORDER BY g"));
        // 9, 10, 20, 30, 40 descending: the fraction counts from 40; all tie for MODE, which picks the first (40)
        assertEquals(List.of(row(30.0, 40)), rows(c, "SELECT PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY v DESC), "
                + "MODE() WITHIN GROUP (ORDER BY v DESC) FROM p WHERE g = 1 OR v = 9"));
        assertNull(scalar(c, "SELECT PERCENTILE_CONT(NULL) WITHIN GROUP (ORDER BY v) FROM p"));
        fails(s, "SELECT PERCENTILE_CONT(1.5) WITHIN GROUP (ORDER BY v) FROM p", "22003");
        fails(s, "SELECT PERCENTILE_CONT(v) WITHIN GROUP (ORDER BY v) FROM p", "0A000");
        fails(s, "SELECT PERCENTILE_CONT(0.5) FROM p", "42809");
        fails(s, "SELECT SUM(v) WITHIN GROUP (ORDER BY v) FROM p", "42809");
        fails(s, "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CAST(v AS VARCHAR(5))) FROM p", "42883");
    }

    @Test
    void orderByInsideOtherAggregatesIsAllowed() throws SQLException {
        assertEquals(List.of(row(10L, 3L)), rows(c, "SELECT SUM(x ORDER BY name), COUNT(* ORDER BY x) FILTER "
                + "(WHERE x IS NOT NULL) - 1 FROM t"));
    }
}
