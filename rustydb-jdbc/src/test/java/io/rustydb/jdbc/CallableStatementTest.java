package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import org.junit.jupiter.api.Test;

/** CallableStatement over functions: the return value as OUT parameter 1, result sets, and what is refused. */
class CallableStatementTest {

    @Test
    void returnValueIsOutParameterOne() throws SQLException {
        try (Connection c = DriverManager.getConnection(freshMemUrl("call"));
             CallableStatement cs = c.prepareCall("{? = call upper(?)}")) {
            cs.registerOutParameter(1, Types.VARCHAR);
            cs.setString(2, "abc");
            assertFalse(cs.execute(), "the value is an OUT parameter, not a result set");
            assertEquals("ABC", cs.getString(1));
            assertFalse(cs.wasNull());
            assertEquals("ABC", cs.getObject(1));
            cs.setString(2, "x");
            assertEquals(0, cs.executeUpdate());
            assertEquals("X", cs.getString(1));
        }
    }

    @Test
    void typedGettersAndNulls() throws SQLException {
        try (Connection c = DriverManager.getConnection(freshMemUrl("call"));
             CallableStatement cs = c.prepareCall("{ ? = call nullif(?, ?) }")) {
            cs.registerOutParameter(1, JDBCType.BIGINT);
            cs.setLong(2, 42);
            cs.setLong(3, 7);
            cs.execute();
            assertEquals(42L, cs.getLong(1));
            assertEquals(42, cs.getInt(1));
            assertEquals(new BigDecimal(42), cs.getBigDecimal(1));
            assertEquals(42L, cs.getObject(1, Long.class));
            cs.setLong(3, 42);
            cs.execute();
            assertEquals(0L, cs.getLong(1));
            assertTrue(cs.wasNull());
            assertNull(cs.getObject(1));
        }
    }

    @Test
    void callWithoutReturnParameterReturnsAResultSet() throws SQLException {
        try (Connection c = DriverManager.getConnection(freshMemUrl("call"));
             CallableStatement cs = c.prepareCall("{call abs(?)}")) {
            cs.setInt(1, -5);
            assertTrue(cs.execute());
            try (ResultSet rs = cs.getResultSet()) {
                assertTrue(rs.next());
                assertEquals(5, rs.getInt(1));
            }
            try (ResultSet rs = cs.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(5, rs.getInt(1));
            }
            assertEquals("07009", assertThrows(SQLException.class, () -> cs.registerOutParameter(1, Types.INTEGER))
                    .getSQLState());
            assertEquals("07009", assertThrows(SQLException.class, () -> cs.getInt(1)).getSQLState());
        }
    }

    @Test
    void misuseIsReportedWithSqlStates() throws SQLException {
        try (Connection c = DriverManager.getConnection(freshMemUrl("call"))) {
            try (CallableStatement cs = c.prepareCall("{? = call lower(?)}")) {
                assertEquals("07009", assertThrows(SQLException.class, () -> cs.setString(1, "x")).getSQLState(),
                        "the return value cannot be set");
                assertEquals("07009", assertThrows(SQLException.class, () -> cs.setString(3, "x")).getSQLState());
                cs.setString(2, "A");
                assertEquals("07009", assertThrows(SQLException.class, cs::execute).getSQLState(),
                        "OUT parameter not registered");
                cs.registerOutParameter(1, Types.VARCHAR);
                assertEquals("24000", assertThrows(SQLException.class, () -> cs.getString(1)).getSQLState(),
                        "no value before execution");
                assertEquals("07009", assertThrows(SQLException.class, () -> cs.registerOutParameter(2, Types.VARCHAR))
                        .getSQLState());
                assertThrows(SQLFeatureNotSupportedException.class, () -> cs.getString("result"));
                assertThrows(SQLFeatureNotSupportedException.class, () -> cs.setString("p", "x"));
                assertEquals("07000", assertThrows(SQLException.class, cs::executeQuery).getSQLState());
                cs.execute();
                assertEquals("a", cs.getString(1));
                cs.close();
                assertEquals("08003", assertThrows(SQLException.class, () -> cs.getString(1)).getSQLState());
            }
            assertEquals("42601", assertThrows(SQLException.class, () -> c.prepareCall("{? = select 1}"))
                    .getSQLState());
            SQLException unknown = assertThrows(SQLException.class, () -> c.prepareCall("{? = call no_such_fn(?)}"));
            assertEquals("42883", unknown.getSQLState(), unknown.getMessage());
            assertFalse(c.getMetaData().supportsNamedParameters());
        }
    }
}
