package io.rustydb.jdbc;

import io.rustydb.sql.engine.PreparedSql;
import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * A {@link CallableStatement} for functions: {@code {? = call f(?, ?)}} runs {@code SELECT f(?, ?)} and makes its
 * value OUT parameter 1 (the IN parameters are then numbered from 2, as JDBC says); {@code {call f(?)}} runs the
 * same query and returns its result set, as PostgreSQL's driver does. RustyDB has no stored procedures, so there
 * are no other OUT parameters, and no named parameters ({@link java.sql.DatabaseMetaData#supportsNamedParameters()}
 * is false): the by-name methods throw {@link SQLFeatureNotSupportedException}.
 */
final class RustyCallableStatement extends RustyPreparedStatement implements CallableStatement {
    private final boolean hasReturnParameter;
    private boolean returnRegistered;
    /** The result set holding the return value of the last execution, positioned on its row; null before. */
    private ResultSet outRow;

    RustyCallableStatement(RustyConnection connection, String sql, PreparedSql prepared, int resultSetType,
            boolean hasReturnParameter) {
        super(connection, sql, prepared, resultSetType);
        this.hasReturnParameter = hasReturnParameter;
    }

    @Override
    int engineParameterIndex(int parameterIndex) throws SQLException {
        if (!hasReturnParameter) {
            return parameterIndex;
        }
        if (parameterIndex == 1) {
            throw new SQLException("parameter 1 is the function's return value (an OUT parameter); it cannot be set",
                    "07009");
        }
        return parameterIndex - 1;
    }

    @Override
    int jdbcParameterCount() {
        return super.jdbcParameterCount() + (hasReturnParameter ? 1 : 0);
    }

    @Override
    public boolean execute() throws SQLException {
        if (!hasReturnParameter) {
            return super.execute();
        }
        runForReturnValue();
        return false;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        if (!hasReturnParameter) {
            return super.executeQuery();
        }
        checkOpen();
        throw new SQLException("{? = call ...} returns its value as OUT parameter 1, not as a result set; use execute",
                "07000");
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        if (!hasReturnParameter) {
            return super.executeLargeUpdate();
        }
        runForReturnValue();
        return 0;
    }

    private void runForReturnValue() throws SQLException {
        checkOpen();
        if (!returnRegistered) {
            throw new SQLException("OUT parameter 1 (the return value) was not registered with registerOutParameter",
                    "07009");
        }
        outRow = null;
        if (!super.execute()) {
            throw new SQLException("the called function returned no result", "02000");
        }
        ResultSet rs = getResultSet();
        if (!rs.next()) {
            throw new SQLException("the called function returned no row", "02000");
        }
        outRow = rs;
    }

    private void registerOut(int parameterIndex) throws SQLException {
        checkOpen();
        if (!hasReturnParameter || parameterIndex != 1) {
            throw new SQLException("parameter " + parameterIndex + " is not an OUT parameter (only the return value"
                    + " of {? = call f(...)}, parameter 1, is)", "07009");
        }
        returnRegistered = true;
    }

    /** The result set to read OUT parameter {@code parameterIndex} from (column 1 of its row). */
    private ResultSet out(int parameterIndex) throws SQLException {
        checkOpen();
        if (!hasReturnParameter || parameterIndex != 1) {
            throw new SQLException("parameter " + parameterIndex + " is not an OUT parameter", "07009");
        }
        return outRow();
    }

    private ResultSet outRow() throws SQLException {
        checkOpen();
        if (outRow == null || outRow.isClosed()) {
            throw new SQLException("no OUT value: the statement has not been executed", "24000");
        }
        return outRow;
    }

    private SQLFeatureNotSupportedException namedParameters() throws SQLException {
        checkOpen();
        return SqlExceptions.notSupported("named parameters (functions take positional parameters)");
    }

    @Override
    public java.sql.Array getArray(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public java.sql.Array getArray(int parameterIndex) throws SQLException {
        return out(parameterIndex).getArray(1);
    }

    @Override
    public java.math.BigDecimal getBigDecimal(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int parameterIndex, int a1) throws SQLException {
        return out(parameterIndex).getBigDecimal(1, a1);
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int parameterIndex) throws SQLException {
        return out(parameterIndex).getBigDecimal(1);
    }

    @Override
    public java.sql.Blob getBlob(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public java.sql.Blob getBlob(int parameterIndex) throws SQLException {
        return out(parameterIndex).getBlob(1);
    }

    @Override
    public boolean getBoolean(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public boolean getBoolean(int parameterIndex) throws SQLException {
        return out(parameterIndex).getBoolean(1);
    }

    @Override
    public byte getByte(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public byte getByte(int parameterIndex) throws SQLException {
        return out(parameterIndex).getByte(1);
    }

    @Override
    public byte[] getBytes(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public byte[] getBytes(int parameterIndex) throws SQLException {
        return out(parameterIndex).getBytes(1);
    }

    @Override
    public java.io.Reader getCharacterStream(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public java.io.Reader getCharacterStream(int parameterIndex) throws SQLException {
        return out(parameterIndex).getCharacterStream(1);
    }

    @Override
    public java.sql.Clob getClob(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public java.sql.Clob getClob(int parameterIndex) throws SQLException {
        return out(parameterIndex).getClob(1);
    }

    @Override
    public java.sql.Date getDate(String parameterName, java.util.Calendar a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public java.sql.Date getDate(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public java.sql.Date getDate(int parameterIndex, java.util.Calendar a1) throws SQLException {
        return out(parameterIndex).getDate(1, a1);
    }

    @Override
    public java.sql.Date getDate(int parameterIndex) throws SQLException {
        return out(parameterIndex).getDate(1);
    }

    @Override
    public double getDouble(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public double getDouble(int parameterIndex) throws SQLException {
        return out(parameterIndex).getDouble(1);
    }

    @Override
    public float getFloat(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public float getFloat(int parameterIndex) throws SQLException {
        return out(parameterIndex).getFloat(1);
    }

    @Override
    public int getInt(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public int getInt(int parameterIndex) throws SQLException {
        return out(parameterIndex).getInt(1);
    }

    @Override
    public long getLong(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public long getLong(int parameterIndex) throws SQLException {
        return out(parameterIndex).getLong(1);
    }

    @Override
    public java.io.Reader getNCharacterStream(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public java.io.Reader getNCharacterStream(int parameterIndex) throws SQLException {
        return out(parameterIndex).getNCharacterStream(1);
    }

    @Override
    public java.sql.NClob getNClob(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public java.sql.NClob getNClob(int parameterIndex) throws SQLException {
        return out(parameterIndex).getNClob(1);
    }

    @Override
    public String getNString(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public String getNString(int parameterIndex) throws SQLException {
        return out(parameterIndex).getNString(1);
    }

    @Override
    public <T> T getObject(String parameterName, Class<T> a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public Object getObject(String parameterName, java.util.Map<String, Class<?>> a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public Object getObject(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public <T> T getObject(int parameterIndex, Class<T> a1) throws SQLException {
        return out(parameterIndex).getObject(1, a1);
    }

    @Override
    public Object getObject(int parameterIndex, java.util.Map<String, Class<?>> a1) throws SQLException {
        return out(parameterIndex).getObject(1, a1);
    }

    @Override
    public Object getObject(int parameterIndex) throws SQLException {
        return out(parameterIndex).getObject(1);
    }

    @Override
    public java.sql.Ref getRef(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public java.sql.Ref getRef(int parameterIndex) throws SQLException {
        return out(parameterIndex).getRef(1);
    }

    @Override
    public java.sql.RowId getRowId(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public java.sql.RowId getRowId(int parameterIndex) throws SQLException {
        return out(parameterIndex).getRowId(1);
    }

    @Override
    public java.sql.SQLXML getSQLXML(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public java.sql.SQLXML getSQLXML(int parameterIndex) throws SQLException {
        return out(parameterIndex).getSQLXML(1);
    }

    @Override
    public short getShort(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public short getShort(int parameterIndex) throws SQLException {
        return out(parameterIndex).getShort(1);
    }

    @Override
    public String getString(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public String getString(int parameterIndex) throws SQLException {
        return out(parameterIndex).getString(1);
    }

    @Override
    public java.sql.Time getTime(String parameterName, java.util.Calendar a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public java.sql.Time getTime(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public java.sql.Time getTime(int parameterIndex, java.util.Calendar a1) throws SQLException {
        return out(parameterIndex).getTime(1, a1);
    }

    @Override
    public java.sql.Time getTime(int parameterIndex) throws SQLException {
        return out(parameterIndex).getTime(1);
    }

    @Override
    public java.sql.Timestamp getTimestamp(String parameterName, java.util.Calendar a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public java.sql.Timestamp getTimestamp(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public java.sql.Timestamp getTimestamp(int parameterIndex, java.util.Calendar a1) throws SQLException {
        return out(parameterIndex).getTimestamp(1, a1);
    }

    @Override
    public java.sql.Timestamp getTimestamp(int parameterIndex) throws SQLException {
        return out(parameterIndex).getTimestamp(1);
    }

    @Override
    public java.net.URL getURL(String parameterName) throws SQLException {
        throw namedParameters();
    }

    @Override
    public java.net.URL getURL(int parameterIndex) throws SQLException {
        return out(parameterIndex).getURL(1);
    }

    @Override
    public void registerOutParameter(String parameterName, int a1, String a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void registerOutParameter(String parameterName, int a1, int a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void registerOutParameter(String parameterName, int a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void registerOutParameter(String parameterName, java.sql.SQLType a1, String a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void registerOutParameter(String parameterName, java.sql.SQLType a1, int a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void registerOutParameter(String parameterName, java.sql.SQLType a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void registerOutParameter(int parameterIndex, int a1, String a2) throws SQLException {
        registerOut(parameterIndex);
    }

    @Override
    public void registerOutParameter(int parameterIndex, int a1, int a2) throws SQLException {
        registerOut(parameterIndex);
    }

    @Override
    public void registerOutParameter(int parameterIndex, int a1) throws SQLException {
        registerOut(parameterIndex);
    }

    @Override
    public void registerOutParameter(int parameterIndex, java.sql.SQLType a1, String a2) throws SQLException {
        registerOut(parameterIndex);
    }

    @Override
    public void registerOutParameter(int parameterIndex, java.sql.SQLType a1, int a2) throws SQLException {
        registerOut(parameterIndex);
    }

    @Override
    public void registerOutParameter(int parameterIndex, java.sql.SQLType a1) throws SQLException {
        registerOut(parameterIndex);
    }

    @Override
    public void setAsciiStream(String parameterName, java.io.InputStream a1, int a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setAsciiStream(String parameterName, java.io.InputStream a1, long a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setAsciiStream(String parameterName, java.io.InputStream a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setBigDecimal(String parameterName, java.math.BigDecimal a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setBinaryStream(String parameterName, java.io.InputStream a1, int a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setBinaryStream(String parameterName, java.io.InputStream a1, long a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setBinaryStream(String parameterName, java.io.InputStream a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setBlob(String parameterName, java.io.InputStream a1, long a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setBlob(String parameterName, java.io.InputStream a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setBlob(String parameterName, java.sql.Blob a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setBoolean(String parameterName, boolean a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setByte(String parameterName, byte a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setBytes(String parameterName, byte[] a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setCharacterStream(String parameterName, java.io.Reader a1, int a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setCharacterStream(String parameterName, java.io.Reader a1, long a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setCharacterStream(String parameterName, java.io.Reader a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setClob(String parameterName, java.io.Reader a1, long a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setClob(String parameterName, java.io.Reader a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setClob(String parameterName, java.sql.Clob a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setDate(String parameterName, java.sql.Date a1, java.util.Calendar a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setDate(String parameterName, java.sql.Date a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setDouble(String parameterName, double a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setFloat(String parameterName, float a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setInt(String parameterName, int a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setLong(String parameterName, long a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setNCharacterStream(String parameterName, java.io.Reader a1, long a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setNCharacterStream(String parameterName, java.io.Reader a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setNClob(String parameterName, java.io.Reader a1, long a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setNClob(String parameterName, java.io.Reader a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setNClob(String parameterName, java.sql.NClob a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setNString(String parameterName, String a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setNull(String parameterName, int a1, String a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setNull(String parameterName, int a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setObject(String parameterName, Object a1, int a2, int a3) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setObject(String parameterName, Object a1, int a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setObject(String parameterName, Object a1, java.sql.SQLType a2, int a3) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setObject(String parameterName, Object a1, java.sql.SQLType a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setObject(String parameterName, Object a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setRowId(String parameterName, java.sql.RowId a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setSQLXML(String parameterName, java.sql.SQLXML a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setShort(String parameterName, short a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setString(String parameterName, String a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setTime(String parameterName, java.sql.Time a1, java.util.Calendar a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setTime(String parameterName, java.sql.Time a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setTimestamp(String parameterName, java.sql.Timestamp a1, java.util.Calendar a2) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setTimestamp(String parameterName, java.sql.Timestamp a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public void setURL(String parameterName, java.net.URL a1) throws SQLException {
        throw namedParameters();
    }

    @Override
    public boolean wasNull() throws SQLException {
        return outRow().wasNull();
    }
}
