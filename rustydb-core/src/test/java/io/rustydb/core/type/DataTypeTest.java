package io.rustydb.core.type;

import static io.rustydb.core.type.Assertions2.assertSqlState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataTypeTest {

    @Test
    void typeIdFamilies() {
        for (TypeId id : TypeId.values()) {
            boolean numeric = id == TypeId.SMALLINT || id == TypeId.INTEGER || id == TypeId.BIGINT
                    || id == TypeId.DECIMAL || id == TypeId.REAL || id == TypeId.DOUBLE;
            assertEquals(numeric, id.isNumeric(), id.name());
            assertEquals(numeric && id != TypeId.REAL && id != TypeId.DOUBLE, id.isExactNumeric(), id.name());
            assertEquals(id == TypeId.CHAR || id == TypeId.VARCHAR || id == TypeId.TEXT, id.isString(), id.name());
            assertEquals(id == TypeId.VARBINARY || id == TypeId.BLOB, id.isBinary(), id.name());
            assertEquals(id == TypeId.DATE || id == TypeId.TIME || id == TypeId.TIMESTAMP || id == TypeId.TIMESTAMP_TZ,
                    id.isDateTime(), id.name());
            assertEquals(id == TypeId.JSON || id == TypeId.JSONB, id.isJson(), id.name());
        }
    }

    @Test
    void parametersAndNames() {
        DataType d = DataType.decimal(10, 2);
        assertEquals(TypeId.DECIMAL, d.id());
        assertEquals(10, d.precision());
        assertEquals(2, d.scale());
        assertEquals(-1, d.length());
        assertEquals("DECIMAL(10,2)", d.sqlName());
        assertTrue(d.isConstrainedDecimal());
        assertFalse(DataType.DECIMAL.isConstrainedDecimal());
        assertEquals(-1, DataType.DECIMAL.precision());
        assertEquals(-1, DataType.DECIMAL.scale());
        assertEquals("DECIMAL", DataType.DECIMAL.sqlName());
        assertEquals("VARCHAR(10)", DataType.varchar(10).sqlName());
        assertEquals(10, DataType.varchar(10).length());
        assertEquals("VARCHAR", DataType.VARCHAR.sqlName());
        assertEquals(-1, DataType.VARCHAR.length());
        assertEquals("CHAR(3)", DataType.charType(3).sqlName());
        assertEquals("VARBINARY(4)", DataType.varbinary(4).sqlName());
        assertEquals("VARBINARY", DataType.VARBINARY.sqlName());
        assertEquals("TIMESTAMP WITH TIME ZONE", DataType.TIMESTAMP_TZ.sqlName());
        assertEquals("DOUBLE PRECISION", DataType.DOUBLE.sqlName());
        assertEquals("INTEGER", DataType.INTEGER.sqlName());
        assertEquals("INTEGER", DataType.INTEGER.toString());
    }

    @Test
    void equalsCoversAllFields() {
        assertEquals(DataType.decimal(10, 2), DataType.decimal(10, 2));
        assertEquals(DataType.decimal(10, 2).hashCode(), DataType.decimal(10, 2).hashCode());
        assertNotEquals(DataType.decimal(10, 2), DataType.decimal(10, 3));
        assertNotEquals(DataType.decimal(10, 2), DataType.decimal(11, 2));
        assertNotEquals(DataType.decimal(10, 0), DataType.DECIMAL);
        assertNotEquals(DataType.varchar(10), DataType.varchar(11));
        assertNotEquals(DataType.varchar(10), DataType.charType(10));
        assertNotEquals(DataType.VARCHAR, DataType.TEXT);
        assertEquals(DataType.varbinary(3), DataType.varbinary(3));
    }

    @Test
    void invalidParameters() {
        assertSqlState("22023", () -> DataType.decimal(0, 0));
        assertSqlState("22023", () -> DataType.decimal(39, 0));
        assertSqlState("22023", () -> DataType.decimal(10, 11));
        assertSqlState("22023", () -> DataType.decimal(10, -1));
        assertEquals(38, DataType.decimal(38, 38).scale());
        assertSqlState("22023", () -> DataType.varchar(0));
        assertSqlState("22023", () -> DataType.charType(-1));
        assertSqlState("22023", () -> DataType.varbinary(0));
    }

    @Test
    void jdbcTypesAndJavaClasses() {
        Object[][] cases = {
            {DataType.NULL, Types.NULL, Object.class},
            {DataType.BOOLEAN, Types.BOOLEAN, Boolean.class},
            {DataType.SMALLINT, Types.SMALLINT, Short.class},
            {DataType.INTEGER, Types.INTEGER, Integer.class},
            {DataType.BIGINT, Types.BIGINT, Long.class},
            {DataType.decimal(5, 1), Types.DECIMAL, BigDecimal.class},
            {DataType.REAL, Types.REAL, Float.class},
            {DataType.DOUBLE, Types.DOUBLE, Double.class},
            {DataType.charType(2), Types.CHAR, String.class},
            {DataType.VARCHAR, Types.VARCHAR, String.class},
            {DataType.TEXT, Types.VARCHAR, String.class},
            {DataType.varbinary(2), Types.VARBINARY, Binary.class},
            {DataType.BLOB, Types.VARBINARY, Binary.class},
            {DataType.DATE, Types.DATE, LocalDate.class},
            {DataType.TIME, Types.TIME, LocalTime.class},
            {DataType.TIMESTAMP, Types.TIMESTAMP, LocalDateTime.class},
            {DataType.TIMESTAMP_TZ, Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.class},
            {DataType.UUID, Types.OTHER, UUID.class},
            {DataType.INTERVAL, Types.OTHER, Interval.class},
            {DataType.JSON, Types.OTHER, io.rustydb.core.json.JsonValue.class},
            {DataType.JSONB, Types.OTHER, io.rustydb.core.json.JsonValue.class},
            {DataType.array(DataType.INTEGER), Types.ARRAY, SqlArray.class},
        };
        assertEquals(TypeId.values().length, cases.length);
        for (Object[] c : cases) {
            DataType t = (DataType) c[0];
            assertEquals(c[1], t.jdbcType(), t.sqlName());
            assertEquals(c[2], t.javaClass(), t.sqlName());
        }
    }

    @Test
    void typeOfValue() {
        assertSame(DataType.NULL, DataType.of((Object) null));
        assertEquals(DataType.BOOLEAN, DataType.of(true));
        assertEquals(DataType.SMALLINT, DataType.of((short) 1));
        assertEquals(DataType.INTEGER, DataType.of(1));
        assertEquals(DataType.BIGINT, DataType.of(1L));
        assertEquals(DataType.DECIMAL, DataType.of(new BigDecimal("1.5")));
        assertEquals(DataType.REAL, DataType.of(1f));
        assertEquals(DataType.DOUBLE, DataType.of(1d));
        assertEquals(DataType.VARCHAR, DataType.of("x"));
        assertEquals(DataType.VARBINARY, DataType.of(Binary.of(new byte[] {1})));
        assertEquals(DataType.DATE, DataType.of(LocalDate.of(2024, 1, 2)));
        assertEquals(DataType.TIME, DataType.of(LocalTime.NOON));
        assertEquals(DataType.TIMESTAMP, DataType.of(LocalDateTime.of(2024, 1, 2, 3, 4)));
        assertEquals(DataType.TIMESTAMP_TZ, DataType.of(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)));
        assertEquals(DataType.UUID, DataType.of(new UUID(1, 2)));
        assertSqlState("42804", () -> DataType.of(new byte[] {1}));
        assertSqlState("42804", () -> DataType.of((byte) 1));
        // of(value) agrees with javaClass()
        for (Object v : CastsTest.SAMPLES) {
            assertEquals(DataType.of(v).javaClass(), v.getClass(), v.toString());
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "INT||INTEGER", "int||INTEGER", "Integer||INTEGER", "INT4||INTEGER", "MEDIUMINT||INTEGER",
        "INT8||BIGINT", "BIGINT||BIGINT", "bigint||BIGINT",
        "INT2||SMALLINT", "SMALLINT||SMALLINT", "TINYINT||SMALLINT",
        "BOOL||BOOLEAN", "BOOLEAN||BOOLEAN",
        "NUMERIC||DECIMAL", "DECIMAL||DECIMAL", "DEC||DECIMAL", "NUMBER||DECIMAL",
        "NUMERIC|10,2|DECIMAL(10,2)", "DECIMAL|10|DECIMAL(10,0)", "DEC|38,38|DECIMAL(38,38)",
        "decimal(10, 2)||DECIMAL(10,2)", "NUMERIC ( 7 )||DECIMAL(7,0)",
        "REAL||REAL", "FLOAT4||REAL", "FLOAT|24|REAL", "FLOAT|1|REAL",
        "FLOAT||DOUBLE PRECISION", "FLOAT|25|DOUBLE PRECISION", "FLOAT|53|DOUBLE PRECISION",
        "FLOAT8||DOUBLE PRECISION", "DOUBLE||DOUBLE PRECISION", "DOUBLE PRECISION||DOUBLE PRECISION",
        "double   precision||DOUBLE PRECISION",
        "CHAR||CHAR(1)", "CHAR|5|CHAR(5)", "CHARACTER|5|CHAR(5)", "NCHAR|2|CHAR(2)", "BPCHAR|3|CHAR(3)",
        "NATIONAL CHARACTER|4|CHAR(4)",
        "VARCHAR||VARCHAR", "VARCHAR|10|VARCHAR(10)", "CHARACTER VARYING|10|VARCHAR(10)",
        "character varying||VARCHAR", "CHAR VARYING|3|VARCHAR(3)", "VARCHAR2|10|VARCHAR(10)",
        "VARCHAR2|10 CHAR|VARCHAR(10)", "VARCHAR2|10 BYTE|VARCHAR(10)", "NVARCHAR|7|VARCHAR(7)",
        "NVARCHAR2|7|VARCHAR(7)", "VARCHAR|MAX|VARCHAR", "NATIONAL CHARACTER VARYING|9|VARCHAR(9)",
        "TEXT||TEXT", "CLOB||TEXT", "NCLOB||TEXT", "STRING||TEXT", "LONGVARCHAR||TEXT", "LONGTEXT||TEXT",
        "CHARACTER LARGE OBJECT||TEXT",
        "VARBINARY||VARBINARY", "VARBINARY|16|VARBINARY(16)", "BINARY VARYING|16|VARBINARY(16)",
        "BINARY|16|VARBINARY(16)", "BINARY||VARBINARY", "VARBINARY|max|VARBINARY",
        "BYTEA||BLOB", "BLOB||BLOB", "LONGVARBINARY||BLOB", "BINARY LARGE OBJECT||BLOB",
        "DATE||DATE",
        "TIME||TIME", "TIME|6|TIME", "TIME(3)||TIME", "TIME WITHOUT TIME ZONE||TIME",
        "TIMESTAMP||TIMESTAMP", "TIMESTAMP|6|TIMESTAMP", "DATETIME||TIMESTAMP", "DATETIME2||TIMESTAMP",
        "TIMESTAMP WITHOUT TIME ZONE||TIMESTAMP", "timestamp(0) without time zone||TIMESTAMP",
        "TIMESTAMP WITH TIME ZONE||TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ||TIMESTAMP WITH TIME ZONE",
        "TIMESTAMP(6) WITH TIME ZONE||TIMESTAMP WITH TIME ZONE",
        "TIMESTAMP WITH TIME ZONE|6|TIMESTAMP WITH TIME ZONE", "timestamptz|3|TIMESTAMP WITH TIME ZONE",
        "timestamp (9) with  time zone||TIMESTAMP WITH TIME ZONE",
        "UUID||UUID", "uuid||UUID",
    })
    void parseSpellings(String name, String args, String expected) {
        List<String> argList = args == null ? List.of() : Arrays.asList(args.split(","));
        DataType t = DataType.parse(name, argList);
        assertEquals(expected, t.sqlName());
        assertEquals(t, DataType.parse(t.sqlName(), List.of()), "sqlName must parse back");
        assertEquals(t, DataType.parse(t.sqlName()));
    }

    @Test
    void parseNullArgsMeansNone() {
        assertEquals(DataType.INTEGER, DataType.parse("INTEGER", null));
    }

    @Test
    void parseErrors() {
        var e = assertSqlState("42704", () -> DataType.parse("FOO", List.of()));
        assertEquals("type \"FOO\" does not exist", e.getMessage());
        assertSqlState("0A000", () -> DataType.parse("INT[][]", List.of()));
        assertSqlState("0A000", () -> DataType.parse("INT ARRAY[]", List.of()));
        assertSqlState("42704", () -> DataType.parse("NOPE[]", List.of()));
        assertSqlState("42704", () -> DataType.parse("", List.of()));
        assertSqlState("42704", () -> DataType.parse("DOUBLE DOUBLE", List.of()));
        assertSqlState("0A000", () -> DataType.parse("TIME WITH TIME ZONE", List.of()));
        assertSqlState("22023", () -> DataType.parse("DECIMAL", List.of("0")));
        assertSqlState("22023", () -> DataType.parse("DECIMAL", List.of("39", "2")));
        assertSqlState("22023", () -> DataType.parse("DECIMAL", List.of("5", "6")));
        assertSqlState("22023", () -> DataType.parse("DECIMAL", List.of("5", "2", "1")));
        assertSqlState("22023", () -> DataType.parse("DECIMAL", List.of("x")));
        assertSqlState("22023", () -> DataType.parse("VARCHAR", List.of("0")));
        assertSqlState("22023", () -> DataType.parse("VARCHAR", List.of("1", "2")));
        assertSqlState("22023", () -> DataType.parse("CHAR", List.of("MAX")));
        assertSqlState("22023", () -> DataType.parse("INTEGER", List.of("10")));
        assertSqlState("22023", () -> DataType.parse("TEXT", List.of("10")));
        assertSqlState("22023", () -> DataType.parse("FLOAT", List.of("54")));
        assertSqlState("22023", () -> DataType.parse("FLOAT", List.of("0")));
        assertSqlState("22023", () -> DataType.parse("TIMESTAMP", List.of("10")));
        assertSqlState("22023", () -> DataType.parse("TIMESTAMP", List.of("1", "2")));
        assertSqlState("22023", () -> DataType.parse("VARCHAR(10", List.of()));
        assertSqlState("22023", () -> DataType.parse("VARCHAR(10)", List.of("10")));
    }

    @Test
    void ofTypeId() {
        for (TypeId id : TypeId.values()) {
            assertEquals(id, DataType.of(id).id());
        }
        assertEquals(DataType.charType(1), DataType.of(TypeId.CHAR));
    }
}
