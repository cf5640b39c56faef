package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ResultSet}'s documented behaviour: typed getters and their conversions, {@code getObject(i, Class)},
 * NULL and {@code wasNull}, streams, column lookup by label, the forward-only cursor, properties, and the update
 * methods of a read-only result set; {@link ResultSetMetaData} for every column type. Scrolling is in
 * {@link ScrollableResultSetTest}; closed result sets in {@link ClosedObjectConformanceTest}.
 */
class ResultSetConformanceTest {
    private static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    private Connection c;
    private Statement s;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection(freshMemUrl("rs"));
        s = c.createStatement();
        s.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, b BOOLEAN, sm SMALLINT, i INTEGER, bi BIGINT,"
                + " r REAL, d DOUBLE PRECISION, n NUMERIC(12, 3), s VARCHAR(20), ch CHAR(4), tx TEXT, by BYTEA,"
                + " dt DATE, tm TIME, ts TIMESTAMP, tz TIMESTAMP WITH TIME ZONE, u UUID)");
        s.execute("INSERT INTO v VALUES (1, true, 12, 34, 5000000000, 1.5, 2.25, 123.456, '42', 'ab', 'text',"
                + " '\\x00ff', DATE '2024-02-29', TIME '13:14:15', TIMESTAMP '2024-02-29 13:14:15.5',"
                + " TIMESTAMP WITH TIME ZONE '2024-02-29 13:14:15+02', '" + ID + "')");
        s.execute("INSERT INTO v (id) VALUES (2)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private ResultSet row(int id) throws SQLException {
        ResultSet rs = s.executeQuery("SELECT * FROM v WHERE id = " + id);
        assertTrue(rs.next());
        return rs;
    }

    @Test
    void typedGettersReadTheirOwnTypes() throws SQLException {
        ResultSet rs = row(1);
        assertTrue(rs.getBoolean("b"));
        assertEquals(12, rs.getShort("sm"));
        assertEquals(12, rs.getByte("sm"));
        assertEquals(34, rs.getInt("i"));
        assertEquals(5_000_000_000L, rs.getLong("bi"));
        assertEquals(1.5f, rs.getFloat("r"));
        assertEquals(2.25, rs.getDouble("d"));
        assertEquals(new BigDecimal("123.456"), rs.getBigDecimal("n"));
        assertEquals("42", rs.getString("s"));
        assertEquals("ab  ", rs.getString("ch"), "CHAR(n) is blank-padded");
        assertEquals("text", rs.getNString("tx"));
        assertArrayEquals(new byte[] {0, (byte) 0xff}, rs.getBytes("by"));
        assertEquals(Date.valueOf("2024-02-29"), rs.getDate("dt"));
        assertEquals(Time.valueOf("13:14:15"), rs.getTime("tm"));
        assertEquals(Timestamp.valueOf("2024-02-29 13:14:15.5"), rs.getTimestamp("ts"));
        assertEquals(Instant.parse("2024-02-29T11:14:15Z"), rs.getTimestamp("tz").toInstant());
        assertEquals(ID, rs.getObject("u"));
    }

    @Test
    void gettersConvertBetweenTypesAndRefuseWhatDoesNotFit() throws SQLException {
        ResultSet rs = row(1);
        assertEquals(42, rs.getInt("s"), "a numeric string reads as a number");
        assertEquals("34", rs.getString("i"));
        assertEquals("2024-02-29", rs.getString("dt"));
        assertEquals(34L, rs.getLong("i"));
        assertEquals(123.456, rs.getDouble("n"), 1e-9);
        assertEquals(new BigDecimal("123.46"), rs.getBigDecimal(8, 2), "the deprecated scale variant rounds");
        assertEquals(new BigDecimal("5000000000"), rs.getBigDecimal("bi"));
        SQLException overflow = assertThrows(SQLException.class, () -> rs.getInt("bi"));
        assertEquals("22003", overflow.getSQLState(), overflow.getMessage());
        assertEquals("22003", assertThrows(SQLException.class, () -> rs.getByte("bi")).getSQLState());
        SQLException notANumber = assertThrows(SQLException.class, () -> rs.getInt("tx"));
        assertEquals("22P02", notANumber.getSQLState(), notANumber.getMessage());
        SQLException noDate = assertThrows(SQLException.class, () -> rs.getDate("i"));
        assertTrue(noDate.getSQLState().startsWith("22") || noDate.getSQLState().startsWith("42"),
                noDate.getSQLState());
    }

    @Test
    void getObjectWithAClass() throws SQLException {
        ResultSet rs = row(1);
        assertEquals(LocalDate.of(2024, 2, 29), rs.getObject("dt", LocalDate.class));
        assertEquals(LocalTime.of(13, 14, 15), rs.getObject("tm", LocalTime.class));
        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 500_000_000), rs.getObject("ts", LocalDateTime.class));
        assertEquals(Instant.parse("2024-02-29T11:14:15Z"), rs.getObject("tz", OffsetDateTime.class).toInstant());
        assertEquals(Instant.parse("2024-02-29T11:14:15Z"), rs.getObject("tz", Instant.class));
        assertEquals(Instant.parse("2024-02-29T11:14:15Z"), rs.getObject("tz", ZonedDateTime.class).toInstant());
        assertEquals(ID, rs.getObject("u", UUID.class));
        assertEquals(ID.toString(), rs.getObject("u", String.class));
        assertEquals(BigInteger.valueOf(5_000_000_000L), rs.getObject("bi", BigInteger.class));
        assertEquals(34L, rs.getObject("i", Long.class));
        assertEquals(Boolean.TRUE, rs.getObject("b", Boolean.class));
        assertArrayEquals(new byte[] {0, (byte) 0xff}, rs.getObject("by", byte[].class));
        assertEquals(Date.valueOf("2024-02-29"), rs.getObject("dt", Date.class));
        assertThrows(SQLException.class, () -> rs.getObject("i", Thread.class));
        assertEquals(Integer.valueOf(34), rs.getObject("i", java.util.Map.of()), "an empty type map");
    }

    @Test
    void nullsAndWasNull() throws SQLException {
        ResultSet rs = row(2);
        assertFalse(rs.getBoolean("b"));
        assertTrue(rs.wasNull());
        assertEquals(2, rs.getInt("id"));
        assertFalse(rs.wasNull(), "wasNull follows the last getter");
        assertEquals(0, rs.getInt("i"));
        assertTrue(rs.wasNull());
        assertEquals(0L, rs.getLong("bi"));
        assertEquals(0.0, rs.getDouble("d"));
        assertEquals(0, rs.getShort("sm"));
        assertNull(rs.getString("s"));
        assertNull(rs.getBigDecimal("n"));
        assertNull(rs.getBytes("by"));
        assertNull(rs.getDate("dt"));
        assertNull(rs.getTimestamp("ts"));
        assertNull(rs.getObject("u"));
        assertNull(rs.getObject("dt", LocalDate.class));
        assertNull(rs.getCharacterStream("tx"));
        assertNull(rs.getBinaryStream("by"));
        assertTrue(rs.wasNull());
    }

    @Test
    void streams() throws SQLException, IOException {
        ResultSet rs = row(1);
        try (Reader reader = rs.getCharacterStream("tx")) {
            StringWriter out = new StringWriter();
            reader.transferTo(out);
            assertEquals("text", out.toString());
        }
        try (InputStream in = rs.getBinaryStream("by")) {
            assertArrayEquals(new byte[] {0, (byte) 0xff}, in.readAllBytes());
        }
        try (InputStream in = rs.getAsciiStream("tx")) {
            assertEquals("text", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
        try (Reader reader = rs.getNCharacterStream("s")) {
            StringWriter out = new StringWriter();
            reader.transferTo(out);
            assertEquals("42", out.toString());
        }
    }

    @Test
    void columnsAreFoundByLabelIgnoringCase() throws SQLException {
        ResultSet rs = s.executeQuery("SELECT id AS \"Key\", s AS label, i, i FROM v WHERE id = 1");
        assertTrue(rs.next());
        assertEquals(1, rs.findColumn("Key"));
        assertEquals(1, rs.findColumn("KEY"), "JDBC: labels are case-insensitive");
        assertEquals(2, rs.findColumn("LABEL"));
        assertEquals(3, rs.findColumn("i"), "the first of equal labels");
        SQLException missing = assertThrows(SQLException.class, () -> rs.findColumn("nope"));
        assertEquals("42703", missing.getSQLState(), missing.getMessage());
        assertEquals("07009", assertThrows(SQLException.class, () -> rs.getInt(5)).getSQLState());
        assertEquals("07009", assertThrows(SQLException.class, () -> rs.getInt(0)).getSQLState());
    }

    @Test
    void forwardOnlyCursor() throws SQLException {
        ResultSet rs = s.executeQuery("SELECT id FROM v ORDER BY id");
        assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
        assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
        assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, rs.getHoldability());
        assertEquals(ResultSet.FETCH_FORWARD, rs.getFetchDirection());
        assertSame(s, rs.getStatement());
        assertTrue(rs.isBeforeFirst());
        assertEquals(0, rs.getRow());
        assertEquals("24000", assertThrows(SQLException.class, () -> rs.getInt(1)).getSQLState(), "before the first row");
        assertTrue(rs.next());
        assertTrue(rs.isFirst());
        assertEquals(1, rs.getRow());
        assertTrue(rs.next());
        assertFalse(rs.next());
        assertFalse(rs.next(), "stays after the last row");
        assertTrue(rs.isAfterLast());
        assertEquals(0, rs.getRow());
        assertEquals("24000", assertThrows(SQLException.class, () -> rs.getInt(1)).getSQLState(), "after the last row");
        for (Executable move : new Executable[] {rs::previous, rs::first, rs::last, rs::beforeFirst, rs::afterLast,
            () -> rs.absolute(1), () -> rs.relative(-1)}) {
            SQLException e = assertThrows(SQLException.class, move::run);
            assertTrue(e.getSQLState().equals("24000") || e instanceof SQLFeatureNotSupportedException, e.toString());
        }
        assertThrows(SQLException.class, () -> rs.setFetchDirection(ResultSet.FETCH_REVERSE));
        rs.setFetchSize(10);
        assertEquals(10, rs.getFetchSize());
        assertThrows(SQLException.class, () -> rs.setFetchSize(-1));
        assertThrows(SQLFeatureNotSupportedException.class, rs::getCursorName);
        ResultSet empty = s.executeQuery("SELECT id FROM v WHERE id < 0");
        assertFalse(empty.isBeforeFirst(), "JDBC: false when there are no rows");
        assertFalse(empty.next());
    }

    @FunctionalInterface
    interface Executable {
        void run() throws SQLException;
    }

    @Test
    void aReadOnlyResultSetRefusesUpdates() throws SQLException {
        ResultSet rs = row(1);
        assertThrows(SQLException.class, () -> rs.updateInt("i", 1));
        assertThrows(SQLException.class, rs::updateRow);
        assertThrows(SQLException.class, rs::insertRow);
        assertThrows(SQLException.class, rs::deleteRow);
        assertThrows(SQLException.class, rs::moveToInsertRow);
        assertThrows(SQLFeatureNotSupportedException.class, rs::rowUpdated);
        assertThrows(SQLFeatureNotSupportedException.class, rs::rowInserted);
        assertThrows(SQLFeatureNotSupportedException.class, rs::rowDeleted);
        assertFalse(c.getMetaData().supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_UPDATABLE));
    }

    @Test
    void metadataDescribesEveryColumn() throws SQLException {
        ResultSet rs = s.executeQuery("SELECT id, b, sm, i, bi, r, d, n, s, ch, tx, by, dt, tm, ts, tz, u,"
                + " i + 1 AS computed FROM v");
        ResultSetMetaData md = rs.getMetaData();
        assertEquals(18, md.getColumnCount());
        int[] types = {Types.INTEGER, Types.BOOLEAN, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL,
            Types.DOUBLE, Types.NUMERIC, Types.VARCHAR, Types.CHAR, Types.VARCHAR, Types.VARBINARY, Types.DATE,
            Types.TIME, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.OTHER, Types.INTEGER};
        for (int col = 1; col <= types.length; col++) {
            int type = md.getColumnType(col);
            boolean same = type == types[col - 1] || (types[col - 1] == Types.NUMERIC && type == Types.DECIMAL)
                    || (types[col - 1] == Types.VARBINARY && (type == Types.BINARY || type == Types.LONGVARBINARY
                    || type == Types.BLOB)) || (col == 11 && (type == Types.LONGVARCHAR || type == Types.CLOB))
                    || (col == 17 && type == Types.OTHER);
            assertTrue(same, "column " + md.getColumnName(col) + ": type " + type);
            assertTrue(md.getColumnTypeName(col) != null && !md.getColumnTypeName(col).isEmpty());
            assertTrue(md.getColumnClassName(col) != null);
            assertTrue(md.getColumnDisplaySize(col) > 0, md.getColumnName(col));
            assertTrue(md.isReadOnly(col) || md.isWritable(col) || true);
        }
        assertEquals("id", md.getColumnName(1));
        assertEquals("computed", md.getColumnLabel(18));
        assertEquals(12, md.getPrecision(8));
        assertEquals(3, md.getScale(8));
        assertEquals(20, md.getPrecision(9));
        assertTrue(md.isSigned(4));
        assertFalse(md.isSigned(9));
        assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1), "a primary key column is NOT NULL");
        assertEquals(ResultSetMetaData.columnNullable, md.isNullable(4));
        assertEquals(ResultSetMetaData.columnNullableUnknown, md.isNullable(18), "computed");
        assertEquals("v", md.getTableName(1));
        assertEquals("public", md.getSchemaName(1));
        assertEquals("", md.getTableName(18), "JDBC's value for not applicable");
        assertEquals(Integer.class.getName(), md.getColumnClassName(1));
        assertEquals(UUID.class.getName(), md.getColumnClassName(17));
        assertFalse(md.isAutoIncrement(1));
        assertTrue(md.isCaseSensitive(9));
        assertFalse(md.isCaseSensitive(1));
        assertTrue(md.isSearchable(1));
        assertFalse(md.isCurrency(8));
        assertEquals("07009", assertThrows(SQLException.class, () -> md.getColumnType(19)).getSQLState());
    }

    @Test
    void metadataFollowsColumnsThroughJoinsGroupingAndIdentity() throws SQLException {
        s.execute("CREATE TABLE parent (pid INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name TEXT NOT NULL)");
        String sql = "SELECT p.pid, p.name, v.id, v.s, upper(p.name) FROM parent p LEFT JOIN v ON v.i = p.pid"
                + " WHERE p.pid > 0 ORDER BY 1";
        ResultSetMetaData md = s.executeQuery(sql).getMetaData();
        assertTrue(md.isAutoIncrement(1), "identity column");
        assertFalse(md.isAutoIncrement(3));
        assertEquals("parent", md.getTableName(2));
        assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(2));
        assertEquals("v", md.getTableName(3));
        assertEquals(ResultSetMetaData.columnNullable, md.isNullable(3), "the outer join's NULL-extended side");
        assertEquals(ResultSetMetaData.columnNullableUnknown, md.isNullable(5));
        ResultSetMetaData prepared = c.prepareStatement(sql).getMetaData();
        assertEquals("parent", prepared.getTableName(1));
        assertTrue(prepared.isAutoIncrement(1));
        ResultSetMetaData grouped = s.executeQuery("SELECT name, count(*) FROM parent GROUP BY ROLLUP (name)")
                .getMetaData();
        assertEquals("parent", grouped.getTableName(1));
        assertEquals(ResultSetMetaData.columnNullable, grouped.isNullable(1), "ROLLUP's total row has NULL");
        assertEquals("", grouped.getTableName(2));
        ResultSetMetaData union = s.executeQuery("SELECT id FROM v UNION SELECT pid FROM parent").getMetaData();
        assertEquals("", union.getTableName(1));
    }
}
