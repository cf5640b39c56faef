package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PreparedStatement}'s documented behaviour: every setter (each column type written and read back),
 * {@code setObject} with a target type, calendars, streams, NULLs, parameter errors, metadata before execution,
 * parameter metadata, batches and re-execution.
 */
class PreparedStatementConformanceTest {
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection(freshMemUrl("prep"));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, b BOOLEAN, sm SMALLINT, i INTEGER, bi BIGINT,"
                    + " r REAL, d DOUBLE PRECISION, n NUMERIC(20, 4), s VARCHAR(100), tx TEXT, by BYTEA, dt DATE,"
                    + " tm TIME, ts TIMESTAMP, tz TIMESTAMP WITH TIME ZONE, u UUID)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    /** Inserts row {@code id} setting only column {@code column} with {@code setter}, and reads it back. */
    private Object roundTrip(int id, String column, ParameterSetter setter) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO v (id, " + column + ") VALUES (?, ?)")) {
            p.setInt(1, id);
            setter.set(p);
            assertEquals(1, p.executeUpdate());
        }
        try (PreparedStatement p = c.prepareStatement("SELECT " + column + " FROM v WHERE id = ?")) {
            p.setInt(1, id);
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next());
                return rs.getObject(1);
            }
        }
    }

    @FunctionalInterface
    interface ParameterSetter {
        void set(PreparedStatement p) throws SQLException;
    }

    @Test
    void everyTypedSetterWritesItsValue() throws SQLException {
        assertEquals(true, roundTrip(1, "b", p -> p.setBoolean(2, true)));
        assertEquals((short) 7, roundTrip(2, "sm", p -> p.setByte(2, (byte) 7)));
        assertEquals((short) -3, roundTrip(3, "sm", p -> p.setShort(2, (short) -3)));
        assertEquals(42, roundTrip(4, "i", p -> p.setInt(2, 42)));
        assertEquals(Long.MAX_VALUE, roundTrip(5, "bi", p -> p.setLong(2, Long.MAX_VALUE)));
        assertEquals(1.5f, roundTrip(6, "r", p -> p.setFloat(2, 1.5f)));
        assertEquals(2.25, roundTrip(7, "d", p -> p.setDouble(2, 2.25)));
        assertEquals(new BigDecimal("12.3400"), roundTrip(8, "n", p -> p.setBigDecimal(2, new BigDecimal("12.34"))));
        assertEquals("héllo", roundTrip(9, "s", p -> p.setString(2, "héllo")));
        assertEquals("nstring", roundTrip(10, "s", p -> p.setNString(2, "nstring")));
        assertArrayEquals(new byte[] {0, 1, (byte) 255}, (byte[]) roundTrip(11, "by",
                p -> p.setBytes(2, new byte[] {0, 1, (byte) 255})));
        assertEquals(LocalDate.of(2024, 2, 29), roundTrip(12, "dt", p -> p.setDate(2, Date.valueOf("2024-02-29"))));
        assertEquals(LocalTime.of(23, 59, 58), roundTrip(13, "tm", p -> p.setTime(2, Time.valueOf("23:59:58"))));
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 600_000_000), roundTrip(14, "ts",
                p -> p.setTimestamp(2, Timestamp.valueOf("2024-01-02 03:04:05.6"))));
        assertEquals("x".repeat(5000), roundTrip(15, "tx", p -> p.setString(2, "x".repeat(5000))));
    }

    @Test
    void setObjectTakesJavaTimeUuidAndNumbers() throws SQLException {
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertEquals(uuid, roundTrip(1, "u", p -> p.setObject(2, uuid)));
        assertEquals(LocalDate.of(2020, 5, 6), roundTrip(2, "dt", p -> p.setObject(2, LocalDate.of(2020, 5, 6))));
        assertEquals(LocalTime.of(1, 2, 3), roundTrip(3, "tm", p -> p.setObject(2, LocalTime.of(1, 2, 3))));
        LocalDateTime ldt = LocalDateTime.of(2020, 5, 6, 7, 8, 9, 123_456_000);
        assertEquals(ldt, roundTrip(4, "ts", p -> p.setObject(2, ldt)));
        OffsetDateTime odt = OffsetDateTime.of(2020, 5, 6, 7, 8, 9, 0, ZoneOffset.ofHours(2));
        Object storedTz = roundTrip(5, "tz", p -> p.setObject(2, odt));
        assertEquals(odt.toInstant(), ((OffsetDateTime) storedTz).toInstant());
        Instant instant = Instant.parse("2021-01-01T00:00:00Z");
        assertEquals(instant, ((OffsetDateTime) roundTrip(6, "tz", p -> p.setObject(2, instant))).toInstant());
        assertEquals(new BigDecimal("123.0000"), roundTrip(7, "n", p -> p.setObject(2, BigInteger.valueOf(123))));
        assertEquals(99L, roundTrip(8, "bi", p -> p.setObject(2, 99L)));
        assertEquals("c", roundTrip(9, "s", p -> p.setObject(2, 'c')));
        assertEquals("22023", assertThrows(SQLException.class,
                () -> roundTrip(10, "s", p -> p.setObject(2, new Object()))).getSQLState());
    }

    @Test
    void setObjectWithATargetTypeConverts() throws SQLException {
        assertEquals(123, roundTrip(1, "i", p -> p.setObject(2, "123", Types.INTEGER)));
        assertEquals("45", roundTrip(2, "s", p -> p.setObject(2, 45, Types.VARCHAR)));
        assertEquals(new BigDecimal("2.5000"), roundTrip(3, "n", p -> p.setObject(2, "2.4999", Types.NUMERIC, 1)));
        assertEquals(true, roundTrip(4, "b", p -> p.setObject(2, "true", JDBCType.BOOLEAN)));
        assertEquals(LocalDate.of(2020, 1, 1), roundTrip(5, "dt", p -> p.setObject(2, "2020-01-01", Types.DATE)));
        assertEquals(7L, roundTrip(6, "bi", p -> p.setObject(2, 7, Types.OTHER)), "OTHER: the statement casts");
        SQLException bad = assertThrows(SQLException.class,
                () -> roundTrip(7, "i", p -> p.setObject(2, "abc", Types.INTEGER)));
        assertEquals("22P02", bad.getSQLState(), bad.getMessage());
    }

    @Test
    void nullsOfEveryKind() throws SQLException {
        assertNull(roundTrip(1, "i", p -> p.setNull(2, Types.INTEGER)));
        assertNull(roundTrip(2, "s", p -> p.setNull(2, Types.VARCHAR, "VARCHAR")));
        assertNull(roundTrip(3, "ts", p -> p.setNull(2, Types.OTHER)), "MyBatis binds NULLs as OTHER");
        assertNull(roundTrip(4, "dt", p -> p.setObject(2, null)));
        assertNull(roundTrip(5, "by", p -> p.setBytes(2, null)));
        assertNull(roundTrip(6, "s", p -> p.setString(2, null)));
        assertNull(roundTrip(7, "n", p -> p.setBigDecimal(2, null)));
    }

    @Test
    void streamsAreReadUpToTheirLength() throws SQLException {
        assertEquals("abc", roundTrip(1, "tx", p -> p.setCharacterStream(2, new StringReader("abcdef"), 3)));
        assertEquals("abcdef", roundTrip(2, "tx", p -> p.setCharacterStream(2, new StringReader("abcdef"))));
        assertEquals("ascii", roundTrip(3, "tx",
                p -> p.setAsciiStream(2, new ByteArrayInputStream("ascii".getBytes(StandardCharsets.US_ASCII)))));
        assertArrayEquals(new byte[] {1, 2}, (byte[]) roundTrip(4, "by",
                p -> p.setBinaryStream(2, new ByteArrayInputStream(new byte[] {1, 2, 3}), 2)));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) roundTrip(5, "by",
                p -> p.setBinaryStream(2, new ByteArrayInputStream(new byte[] {1, 2, 3}))));
        assertEquals("nchars", roundTrip(6, "tx", p -> p.setNCharacterStream(2, new StringReader("nchars"))));
    }

    @Test
    void calendarsSayWhichZoneAnInstantIsReadIn() throws SQLException {
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
        Calendar newYork = Calendar.getInstance(TimeZone.getTimeZone("America/New_York"));
        Timestamp instant = Timestamp.from(Instant.parse("2024-06-01T12:00:00Z"));
        assertEquals(LocalDateTime.of(2024, 6, 1, 21, 0), roundTrip(1, "ts", p -> p.setTimestamp(2, instant, tokyo)));
        assertEquals(LocalDateTime.of(2024, 6, 1, 8, 0), roundTrip(2, "ts", p -> p.setTimestamp(2, instant, newYork)));
        Date midnightUtc = new Date(Instant.parse("2024-06-01T00:00:00Z").toEpochMilli());
        assertEquals(LocalDate.of(2024, 5, 31), roundTrip(3, "dt", p -> p.setDate(2, midnightUtc, newYork)));
        try (PreparedStatement p = c.prepareStatement("SELECT ts, dt FROM v WHERE id = ?")) {
            p.setInt(1, 1);
            try (ResultSet rs = p.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(instant, rs.getTimestamp(1, tokyo), "read back in the same zone: the same instant");
                assertEquals(instant, rs.getTimestamp("ts", tokyo));
                assertEquals(Instant.parse("2024-06-01T21:00:00Z"),
                        rs.getTimestamp(1, Calendar.getInstance(TimeZone.getTimeZone("UTC"))).toInstant());
                assertNull(rs.getDate(2, tokyo));
                assertTrue(rs.wasNull());
            }
        }
    }

    @Test
    void parameterErrors() throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM v WHERE id = ? AND s = ?")) {
            p.setInt(1, 1);
            assertEquals("07001", assertThrows(SQLException.class, p::executeQuery).getSQLState(), "unset parameter");
            assertEquals("07009", assertThrows(SQLException.class, () -> p.setInt(3, 1)).getSQLState());
            assertEquals("07009", assertThrows(SQLException.class, () -> p.setInt(0, 1)).getSQLState());
            p.setString(2, "x");
            assertFalse(p.executeQuery().next());
            p.clearParameters();
            assertEquals("07001", assertThrows(SQLException.class, p::executeQuery).getSQLState());
            assertEquals("07000", assertThrows(SQLException.class, () -> p.executeQuery("SELECT 1")).getSQLState());
            assertEquals("07000", assertThrows(SQLException.class, () -> p.execute("SELECT 1")).getSQLState());
            assertEquals("07000", assertThrows(SQLException.class, () -> p.addBatch("SELECT 1")).getSQLState());
        }
        try (PreparedStatement p = c.prepareStatement("DELETE FROM v WHERE id = ?")) {
            p.setInt(1, 1);
            assertEquals("07000", assertThrows(SQLException.class, p::executeQuery).getSQLState());
        }
        assertEquals("42P01", assertThrows(SQLException.class,
                () -> c.prepareStatement("SELECT * FROM missing")).getSQLState(), "errors surface at prepare time");
    }

    @Test
    void metadataBeforeExecution() throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id, s AS label, n FROM v WHERE i > ? AND ts < ?")) {
            ResultSetMetaData md = p.getMetaData();
            assertEquals(3, md.getColumnCount());
            assertEquals("label", md.getColumnLabel(2));
            assertEquals(Types.INTEGER, md.getColumnType(1));
            assertEquals(Types.NUMERIC, md.getColumnType(3) == Types.DECIMAL ? Types.NUMERIC : md.getColumnType(3));
            assertEquals(4, md.getScale(3));
            ParameterMetaData pmd = p.getParameterMetaData();
            assertEquals(2, pmd.getParameterCount());
            assertEquals(Types.INTEGER, pmd.getParameterType(1));
            assertEquals(Types.TIMESTAMP, pmd.getParameterType(2));
            assertEquals(ParameterMetaData.parameterModeIn, pmd.getParameterMode(1));
            assertEquals(Integer.class.getName(), pmd.getParameterClassName(1));
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE v SET s = ? WHERE id = ?")) {
            assertNull(p.getMetaData(), "no result set: null, as JDBC allows");
            assertEquals(Types.VARCHAR, p.getParameterMetaData().getParameterType(1));
        }
    }

    @Test
    void batchesOfParameterSets() throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO v (id, s) VALUES (?, ?)")) {
            for (int id = 1; id <= 3; id++) {
                p.setInt(1, id);
                p.setString(2, "row " + id);
                p.addBatch();
            }
            assertArrayEquals(new int[] {1, 1, 1}, p.executeBatch());
            p.setInt(1, 4);
            p.setString(2, "four");
            p.addBatch();
            p.setInt(1, 2); // duplicate key
            p.addBatch();
            p.setInt(1, 5);
            p.addBatch();
            BatchUpdateException e = assertThrows(BatchUpdateException.class, p::executeBatch);
            assertEquals("23505", e.getSQLState());
            assertArrayEquals(new int[] {1}, e.getUpdateCounts());
            p.clearBatch();
            assertArrayEquals(new int[0], p.executeBatch());
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE v SET s = ? WHERE id <= ?")) {
            p.setString(1, "x");
            p.setInt(2, 2);
            p.addBatch();
            p.setString(1, "y");
            p.setInt(2, 100);
            p.addBatch();
            assertArrayEquals(new long[] {2, 4}, p.executeLargeBatch(), "exact counts, as @Version needs");
        }
    }

    @Test
    void reExecutionWithNewParameters() throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO v (id, i) VALUES (?, ?)");
             PreparedStatement select = c.prepareStatement("SELECT i FROM v WHERE id = ?")) {
            for (int id = 0; id < 20; id++) {
                insert.setInt(1, id);
                insert.setInt(2, id * id);
                assertFalse(insert.execute());
                assertEquals(1, insert.getUpdateCount());
            }
            for (int id = 19; id >= 0; id--) {
                select.setInt(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(id * id, rs.getInt(1));
                    assertFalse(rs.next());
                }
            }
        }
    }
}
