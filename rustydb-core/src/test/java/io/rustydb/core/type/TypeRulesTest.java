package io.rustydb.core.type;

import static io.rustydb.core.type.Assertions2.assertSqlState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypeRulesTest {

    private static void assertCommon(DataType expected, DataType a, DataType b) {
        assertEquals(expected, TypeRules.commonType(a, b), a + " with " + b);
        assertEquals(expected, TypeRules.commonType(b, a), b + " with " + a + " (symmetric)");
        assertTrue(TypeRules.isComparable(a, b));
    }

    @Test
    void nullTakesTheOtherType() {
        for (DataType t : CastsTest.TARGETS) {
            assertCommon(t, DataType.NULL, t);
        }
        assertCommon(DataType.NULL, DataType.NULL, DataType.NULL);
    }

    @Test
    void sameTypeIsItself() {
        for (DataType t : CastsTest.TARGETS) {
            assertCommon(t, t, t);
        }
    }

    @Test
    void numericPromotion() {
        assertCommon(DataType.INTEGER, DataType.SMALLINT, DataType.INTEGER);
        assertCommon(DataType.BIGINT, DataType.SMALLINT, DataType.BIGINT);
        assertCommon(DataType.BIGINT, DataType.INTEGER, DataType.BIGINT);
        assertCommon(DataType.DECIMAL, DataType.BIGINT, DataType.DECIMAL);
        assertCommon(DataType.decimal(12, 2), DataType.INTEGER, DataType.decimal(5, 2));
        assertCommon(DataType.decimal(21, 2), DataType.BIGINT, DataType.decimal(5, 2));
        assertCommon(DataType.decimal(7, 2), DataType.SMALLINT, DataType.decimal(3, 2));
        assertCommon(DataType.decimal(11, 3), DataType.decimal(10, 2), DataType.decimal(5, 3));
        assertCommon(DataType.decimal(12, 4), DataType.decimal(10, 2), DataType.decimal(6, 4));
        assertCommon(DataType.DECIMAL, DataType.decimal(38, 30), DataType.decimal(38, 0)); // cannot hold both
        assertCommon(DataType.DECIMAL, DataType.DECIMAL, DataType.decimal(5, 2));
        assertCommon(DataType.REAL, DataType.REAL, DataType.SMALLINT);
        assertCommon(DataType.DOUBLE, DataType.REAL, DataType.INTEGER);
        assertCommon(DataType.DOUBLE, DataType.REAL, DataType.BIGINT);
        assertCommon(DataType.DOUBLE, DataType.REAL, DataType.decimal(5, 2));
        assertCommon(DataType.DOUBLE, DataType.REAL, DataType.DOUBLE);
        for (DataType t : List.of(DataType.SMALLINT, DataType.INTEGER, DataType.BIGINT, DataType.DECIMAL,
                DataType.decimal(3, 1), DataType.REAL)) {
            assertCommon(DataType.DOUBLE, DataType.DOUBLE, t);
        }
    }

    @Test
    void strings() {
        assertCommon(DataType.charType(5), DataType.charType(3), DataType.charType(5));
        assertCommon(DataType.varchar(5), DataType.charType(3), DataType.varchar(5));
        assertCommon(DataType.varchar(7), DataType.charType(7), DataType.varchar(5));
        assertCommon(DataType.VARCHAR, DataType.charType(3), DataType.VARCHAR);
        assertCommon(DataType.VARCHAR, DataType.varchar(3), DataType.VARCHAR);
        assertCommon(DataType.varchar(9), DataType.varchar(3), DataType.varchar(9));
        assertCommon(DataType.TEXT, DataType.TEXT, DataType.varchar(3));
        assertCommon(DataType.TEXT, DataType.TEXT, DataType.charType(3));
    }

    @Test
    void binaries() {
        assertCommon(DataType.varbinary(5), DataType.varbinary(3), DataType.varbinary(5));
        assertCommon(DataType.VARBINARY, DataType.varbinary(3), DataType.VARBINARY);
        assertCommon(DataType.BLOB, DataType.BLOB, DataType.varbinary(3));
    }

    @Test
    void dateTimes() {
        assertCommon(DataType.TIMESTAMP, DataType.DATE, DataType.TIMESTAMP);
        assertCommon(DataType.TIMESTAMP_TZ, DataType.TIMESTAMP, DataType.TIMESTAMP_TZ);
        assertCommon(DataType.TIMESTAMP_TZ, DataType.DATE, DataType.TIMESTAMP_TZ);
    }

    @Test
    void mismatches() {
        DataType[][] bad = {
            {DataType.INTEGER, DataType.VARCHAR}, {DataType.INTEGER, DataType.BOOLEAN}, {DataType.DATE, DataType.TIME},
            {DataType.TIME, DataType.TIMESTAMP}, {DataType.UUID, DataType.VARCHAR}, {DataType.BLOB, DataType.TEXT},
            {DataType.DATE, DataType.INTEGER}, {DataType.BOOLEAN, DataType.VARCHAR}, {DataType.UUID, DataType.BLOB},
        };
        for (DataType[] p : bad) {
            var e = assertSqlState("42804", () -> TypeRules.commonType(p[0], p[1]));
            assertEquals("types " + p[0].sqlName() + " and " + p[1].sqlName() + " cannot be matched", e.getMessage());
            assertSqlState("42804", () -> TypeRules.commonType(p[1], p[0]));
            assertFalse(TypeRules.isComparable(p[0], p[1]));
            assertFalse(TypeRules.isComparable(p[1], p[0]));
        }
    }

    /** Whatever the common type, both sides' values can be cast to it (assignment-compatible). */
    @Test
    void commonTypeIsReachableByImplicitCast() {
        for (DataType a : CastsTest.TARGETS) {
            for (DataType b : CastsTest.TARGETS) {
                if (TypeRules.isComparable(a, b)) {
                    DataType c = TypeRules.commonType(a, b);
                    assertTrue(Casts.canCastImplicitly(a, c), a + " -> " + c);
                    assertTrue(Casts.canCastImplicitly(b, c), b + " -> " + c);
                }
            }
        }
    }
}
