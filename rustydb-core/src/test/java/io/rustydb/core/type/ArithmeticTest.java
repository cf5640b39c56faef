package io.rustydb.core.type;

import static io.rustydb.core.type.Assertions2.assertSqlState;
import static io.rustydb.core.type.ArithmeticOp.ADD;
import static io.rustydb.core.type.ArithmeticOp.DIVIDE;
import static io.rustydb.core.type.ArithmeticOp.MODULO;
import static io.rustydb.core.type.ArithmeticOp.MULTIPLY;
import static io.rustydb.core.type.ArithmeticOp.SUBTRACT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ArithmeticTest {

    private static Object apply(ArithmeticOp op, Object l, Object r) {
        return Arithmetic.apply(op, l, r, Arithmetic.resultType(op, DataType.of(l), DataType.of(r)));
    }

    @Test
    void resultTypes() {
        assertEquals(DataType.SMALLINT, Arithmetic.resultType(ADD, DataType.SMALLINT, DataType.SMALLINT));
        assertEquals(DataType.INTEGER, Arithmetic.resultType(ADD, DataType.SMALLINT, DataType.INTEGER));
        assertEquals(DataType.INTEGER, Arithmetic.resultType(MULTIPLY, DataType.INTEGER, DataType.INTEGER));
        assertEquals(DataType.BIGINT, Arithmetic.resultType(SUBTRACT, DataType.INTEGER, DataType.BIGINT));
        assertEquals(DataType.BIGINT, Arithmetic.resultType(DIVIDE, DataType.BIGINT, DataType.SMALLINT));
        assertEquals(DataType.DECIMAL, Arithmetic.resultType(ADD, DataType.INTEGER, DataType.decimal(5, 2)));
        assertEquals(DataType.DECIMAL, Arithmetic.resultType(DIVIDE, DataType.decimal(5, 2), DataType.decimal(7, 1)));
        assertEquals(DataType.REAL, Arithmetic.resultType(ADD, DataType.REAL, DataType.REAL));
        assertEquals(DataType.DOUBLE, Arithmetic.resultType(ADD, DataType.REAL, DataType.INTEGER));
        assertEquals(DataType.DOUBLE, Arithmetic.resultType(ADD, DataType.SMALLINT, DataType.REAL));
        assertEquals(DataType.DOUBLE, Arithmetic.resultType(ADD, DataType.DOUBLE, DataType.decimal(5, 2)));
        assertEquals(DataType.DOUBLE, Arithmetic.resultType(MODULO, DataType.DOUBLE, DataType.DOUBLE));
        assertEquals(DataType.DATE, Arithmetic.resultType(ADD, DataType.DATE, DataType.INTEGER));
        assertEquals(DataType.DATE, Arithmetic.resultType(ADD, DataType.BIGINT, DataType.DATE));
        assertEquals(DataType.DATE, Arithmetic.resultType(SUBTRACT, DataType.DATE, DataType.SMALLINT));
        assertEquals(DataType.INTEGER, Arithmetic.resultType(SUBTRACT, DataType.DATE, DataType.DATE));
        assertEquals(DataType.TIMESTAMP, Arithmetic.resultType(ADD, DataType.DATE, DataType.TIME));
        assertEquals(DataType.TIMESTAMP, Arithmetic.resultType(ADD, DataType.TIME, DataType.DATE));
        assertEquals(DataType.INTEGER, Arithmetic.resultType(ADD, DataType.NULL, DataType.INTEGER));
        assertEquals(DataType.decimal(5, 2), Arithmetic.resultType(MULTIPLY, DataType.decimal(5, 2), DataType.NULL));
        assertEquals(DataType.DATE, Arithmetic.resultType(SUBTRACT, DataType.DATE, DataType.NULL));
        assertEquals(DataType.NULL, Arithmetic.resultType(ADD, DataType.NULL, DataType.NULL));
    }

    @Test
    void operatorsThatDoNotExist() {
        DataType[][] bad = {
            {DataType.INTEGER, DataType.VARCHAR}, {DataType.BOOLEAN, DataType.BOOLEAN}, {DataType.DATE, DataType.DATE},
            {DataType.DATE, DataType.decimal(3, 0)}, {DataType.DATE, DataType.DOUBLE},
            {DataType.TIMESTAMP, DataType.INTEGER}, {DataType.TEXT, DataType.TEXT}, {DataType.UUID, DataType.NULL},
            {DataType.NULL, DataType.VARCHAR}, {DataType.TIME, DataType.TIME},
        };
        for (DataType[] p : bad) {
            var e = assertSqlState("42883", () -> Arithmetic.resultType(ADD, p[0], p[1]));
            assertTrue(e.getMessage().contains(p[0].sqlName()), e.getMessage());
        }
        assertSqlState("42883", () -> Arithmetic.resultType(SUBTRACT, DataType.INTEGER, DataType.DATE));
        assertSqlState("42883", () -> Arithmetic.resultType(MULTIPLY, DataType.DATE, DataType.INTEGER));
        assertSqlState("42883", () -> Arithmetic.resultType(DIVIDE, DataType.DATE, DataType.DATE));
        assertSqlState("42883", () -> Arithmetic.resultType(MULTIPLY, DataType.NULL, DataType.DATE));
        assertSqlState("42883", () -> Arithmetic.apply(ADD, "a", "b", null));
    }

    @ParameterizedTest
    @EnumSource(ArithmeticOp.class)
    void nullPropagates(ArithmeticOp op) {
        for (Object v : List.of(1, 1L, (short) 1, new BigDecimal("1.5"), 1.5f, 1.5d, LocalDate.of(2024, 1, 1))) {
            DataType t = DataType.of(v);
            assertNull(Arithmetic.apply(op, null, v, t));
            assertNull(Arithmetic.apply(op, v, null, t));
            assertNull(Arithmetic.apply(op, null, null, t));
        }
        assertNull(Arithmetic.apply(op, 0, null, DataType.INTEGER)); // no division by zero on NULL
        assertNull(Arithmetic.apply(op, null, 0, DataType.INTEGER));
        assertNull(Arithmetic.negate(null));
    }

    @Test
    void integerResultsKeepTheirClass() {
        assertEquals((short) 3, apply(ADD, (short) 1, (short) 2));
        assertEquals(3, apply(ADD, (short) 1, 2));
        assertEquals(3L, apply(ADD, 1, 2L));
        assertEquals(-1, apply(SUBTRACT, 1, 2));
        assertEquals(6, apply(MULTIPLY, 2, 3));
        assertEquals(3, apply(DIVIDE, 7, 2));
        assertEquals(-3, apply(DIVIDE, -7, 2));
        assertEquals(-3, apply(DIVIDE, 7, -2));
        assertEquals(3L, apply(DIVIDE, -7L, -2L));
        assertEquals(1, apply(MODULO, 7, 2));
        assertEquals(-1, apply(MODULO, -7, 2));
        assertEquals(1, apply(MODULO, 7, -2));
        assertEquals((short) -1, apply(MODULO, (short) -7, (short) 2));
        assertEquals(0L, apply(MODULO, Long.MIN_VALUE, -1L));
        assertEquals(0, apply(MODULO, Integer.MIN_VALUE, -1));
    }

    @Test
    void smallintOverflow() {
        assertSqlState("22003", () -> apply(ADD, Short.MAX_VALUE, (short) 1));
        assertSqlState("22003", () -> apply(SUBTRACT, Short.MIN_VALUE, (short) 1));
        assertSqlState("22003", () -> apply(MULTIPLY, (short) 200, (short) 200));
        assertSqlState("22003", () -> apply(DIVIDE, Short.MIN_VALUE, (short) -1));
        var e = assertSqlState("22003", () -> Arithmetic.negate(Short.MIN_VALUE));
        assertEquals("smallint out of range", e.getMessage());
        assertEquals(Short.MAX_VALUE, apply(ADD, (short) (Short.MAX_VALUE - 1), (short) 1));
        assertEquals((short) -Short.MAX_VALUE, Arithmetic.negate(Short.MAX_VALUE));
    }

    @Test
    void integerOverflow() {
        var e = assertSqlState("22003", () -> apply(ADD, Integer.MAX_VALUE, 1));
        assertEquals("integer out of range", e.getMessage());
        assertSqlState("22003", () -> apply(SUBTRACT, Integer.MIN_VALUE, 1));
        assertSqlState("22003", () -> apply(MULTIPLY, 65536, 65536));
        assertSqlState("22003", () -> apply(DIVIDE, Integer.MIN_VALUE, -1));
        assertSqlState("22003", () -> Arithmetic.negate(Integer.MIN_VALUE));
        assertEquals(Integer.MIN_VALUE, apply(SUBTRACT, Integer.MIN_VALUE + 1, 1));
        assertEquals(-Integer.MAX_VALUE, Arithmetic.negate(Integer.MAX_VALUE));
        // a wider result type makes room
        assertEquals(2147483648L, Arithmetic.apply(ADD, Integer.MAX_VALUE, 1, DataType.BIGINT));
    }

    @Test
    void bigintOverflow() {
        var e = assertSqlState("22003", () -> apply(ADD, Long.MAX_VALUE, 1L));
        assertEquals("bigint out of range", e.getMessage());
        assertSqlState("22003", () -> apply(ADD, Long.MAX_VALUE, 1));
        assertSqlState("22003", () -> apply(SUBTRACT, Long.MIN_VALUE, 1L));
        assertSqlState("22003", () -> apply(MULTIPLY, 1L << 32, 1L << 31));
        assertSqlState("22003", () -> apply(DIVIDE, Long.MIN_VALUE, -1L));
        assertSqlState("22003", () -> Arithmetic.negate(Long.MIN_VALUE));
        assertEquals(Long.MIN_VALUE + 1, Arithmetic.negate(Long.MAX_VALUE));
        assertEquals(Long.MIN_VALUE, apply(MULTIPLY, 1L << 62, -2L));
    }

    @Test
    void divisionByZero() {
        for (Object zero : List.of((short) 0, 0, 0L, BigDecimal.ZERO, new BigDecimal("0.00"), 0.0f, 0.0d, -0.0d)) {
            for (Object x : List.of((short) 5, 5, 5L, new BigDecimal("5.5"), 5.5f, 5.5d, 0)) {
                var e = assertSqlState("22012", () -> apply(DIVIDE, x, zero));
                assertEquals("division by zero", e.getMessage());
                assertSqlState("22012", () -> apply(MODULO, x, zero));
            }
        }
        assertTrue(Double.isNaN((Double) apply(DIVIDE, Double.NaN, 0.0d)));
    }

    @Test
    void decimalArithmetic() {
        assertEquals(new BigDecimal("3.75"), apply(ADD, new BigDecimal("1.25"), new BigDecimal("2.5")));
        assertEquals(new BigDecimal("-1.25"), apply(SUBTRACT, new BigDecimal("1.25"), new BigDecimal("2.5")));
        assertEquals(new BigDecimal("3.125"), apply(MULTIPLY, new BigDecimal("1.25"), new BigDecimal("2.5")));
        assertEquals(new BigDecimal("1.25"), apply(MODULO, new BigDecimal("6.25"), new BigDecimal("2.5")));
        assertEquals(new BigDecimal("3.5"), apply(ADD, 1, new BigDecimal("2.5")));
        assertEquals(new BigDecimal("5000000000.5"), apply(ADD, 5_000_000_000L, new BigDecimal("0.5")));
        // constrained result type rounds HALF_UP to its scale
        assertEquals(new BigDecimal("3.13"), Arithmetic.apply(MULTIPLY, new BigDecimal("1.25"), new BigDecimal("2.5"),
                DataType.decimal(5, 2)));
        assertSqlState("22003", () -> Arithmetic.apply(MULTIPLY, new BigDecimal("100"), new BigDecimal("100"),
                DataType.decimal(3, 0)));
    }

    @ParameterizedTest(name = "{0} / {1} = {2}")
    @CsvSource({
        "1, 3, 0.3333333333333333",
        "2, 3, 0.6666666666666667",
        "10, 3, 3.333333333333333",
        "10, 4, 2.500000000000000",
        "1, 1, 1.000000000000000",
        "7.50, 2.5, 3.000000000000000",
        "1, 8, 0.1250000000000000",
        "-1, 3, -0.3333333333333333",
        "1000000, 3, 333333.3333333333",
        "1, 3000000, 0.0000003333333333333333",
        "0, 5, 0.000000000000000",
        "1.123456789012345678, 1, 1.123456789012345678",
        "99999999999999999999, 0.001, 99999999999999999999000.000",
    })
    void decimalDivisionScale(String a, String b, String expected) {
        BigDecimal r = (BigDecimal) apply(DIVIDE, new BigDecimal(a), new BigDecimal(b));
        assertEquals(expected, r.toPlainString());
    }

    @Test
    void decimalPrecisionLimit() {
        BigDecimal big = new BigDecimal("9".repeat(38));
        assertSqlState("22003", () -> apply(ADD, big, BigDecimal.ONE));
        assertSqlState("22003", () -> apply(MULTIPLY, big, new BigDecimal(10)));
        assertSqlState("22003", () -> apply(DIVIDE, big, new BigDecimal("0.1")));
        assertSqlState("22003", () -> apply(SUBTRACT, big.negate(), 1));
        assertEquals(big, apply(ADD, big, BigDecimal.ZERO));
        // excess fraction digits are rounded, not an error
        BigDecimal third = (BigDecimal) apply(DIVIDE, BigDecimal.ONE, new BigDecimal(3));
        BigDecimal r = (BigDecimal) apply(MULTIPLY, third.multiply(third), third.multiply(third)); // 64 fraction digits
        assertTrue(r.precision() <= 38 && r.scale() <= 38, r.toPlainString());
        assertEquals(third.pow(4).setScale(38, java.math.RoundingMode.HALF_UP), r);
    }

    @Test
    void floatArithmetic() {
        assertEquals(4.0d, apply(ADD, 1.5d, 2.5d));
        assertEquals(4.0d, apply(ADD, 1.5f, 2.5d));
        assertEquals(4.0f, apply(ADD, 1.5f, 2.5f));
        assertEquals(3.5d, apply(ADD, 1, 2.5d));
        assertEquals(0.5d, apply(DIVIDE, 1, 2.0d));
        assertEquals(1.5d, apply(MODULO, 7.5d, 2.0d));
        assertEquals(4.0d, apply(MULTIPLY, new BigDecimal("2"), 2.0d));
        assertEquals(Double.POSITIVE_INFINITY, apply(ADD, Double.POSITIVE_INFINITY, 1.0d)); // infinite input is fine
        assertTrue(Double.isNaN((Double) apply(ADD, Double.NaN, 1.0d)));
        var e = assertSqlState("22003", () -> apply(MULTIPLY, 1e200, 1e200));
        assertEquals("value out of range: overflow", e.getMessage());
        assertSqlState("22003", () -> apply(ADD, Double.MAX_VALUE, Double.MAX_VALUE));
        assertSqlState("22003", () -> apply(DIVIDE, 1e300, 1e-300));
        assertSqlState("22003", () -> apply(MULTIPLY, 1e-200, 1e-200)); // underflow
        assertSqlState("22003", () -> apply(MULTIPLY, 1e30f, 1e30f));
        assertSqlState("22003", () -> apply(MULTIPLY, 1e-30f, 1e-30f));
        assertEquals(0.0d, apply(MULTIPLY, 0.0d, 1e-300));
    }

    @Test
    void dateArithmetic() {
        LocalDate d = LocalDate.of(2024, 2, 28);
        assertEquals(LocalDate.of(2024, 3, 1), apply(ADD, d, 2));
        assertEquals(LocalDate.of(2024, 3, 1), apply(ADD, 2L, d));
        assertEquals(LocalDate.of(2024, 2, 26), apply(SUBTRACT, d, (short) 2));
        assertEquals(LocalDate.of(2024, 3, 1), apply(SUBTRACT, d, -2));
        assertEquals(2, apply(SUBTRACT, LocalDate.of(2024, 3, 1), d));
        assertEquals(-365, apply(SUBTRACT, LocalDate.of(2023, 2, 28), d));
        assertEquals(-366, apply(SUBTRACT, LocalDate.of(2023, 2, 28), LocalDate.of(2024, 2, 29)));
        assertEquals(LocalDateTime.of(2024, 2, 28, 12, 0), apply(ADD, d, LocalTime.NOON));
        assertEquals(LocalDateTime.of(2024, 2, 28, 12, 0), apply(ADD, LocalTime.NOON, d));
        assertSqlState("22008", () -> apply(ADD, d, Long.MAX_VALUE));
        assertSqlState("22003", () -> apply(SUBTRACT, LocalDate.MAX, LocalDate.MIN));
    }

    @Test
    void applyDerivesResultTypeWhenNotGiven() {
        assertEquals(3, Arithmetic.apply(ADD, 1, 2, null));
        assertEquals(3L, Arithmetic.apply(ADD, 1, 2L, DataType.NULL));
        assertEquals(3L, Arithmetic.apply(ADD, 1, 2, DataType.BIGINT));
        assertEquals(3.0d, Arithmetic.apply(ADD, 1, 2, DataType.DOUBLE));
    }

    @Test
    void negate() {
        assertEquals(-5, Arithmetic.negate(5));
        assertEquals(5L, Arithmetic.negate(-5L));
        assertEquals((short) -5, Arithmetic.negate((short) 5));
        assertEquals(new BigDecimal("-1.50"), Arithmetic.negate(new BigDecimal("1.50")));
        assertEquals(-1.5d, Arithmetic.negate(1.5d));
        assertEquals(-1.5f, Arithmetic.negate(1.5f));
        assertEquals(-0.0d, Arithmetic.negate(0.0d));
        assertSqlState("42883", () -> Arithmetic.negate("x"));
        assertSqlState("42883", () -> Arithmetic.negate(LocalDate.of(2024, 1, 1)));
    }
}
