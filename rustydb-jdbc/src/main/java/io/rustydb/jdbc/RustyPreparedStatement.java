package io.rustydb.jdbc;

import io.rustydb.core.type.Binary;
import io.rustydb.sql.engine.PreparedSql;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A prepared statement: parsed, bound and planned once (through the shared plan cache), executed with the
 * parameter values set on it. Values are converted to engine values when set.
 */
public class RustyPreparedStatement extends RustyStatement implements PreparedStatement {
    private static final Object UNSET = new Object();

    private final String sql;
    private final PreparedSql prepared;
    private final Object[] parameters;
    private final List<List<Object>> batch = new ArrayList<>();

    RustyPreparedStatement(RustyConnection connection, String sql, PreparedSql prepared) {
        this(connection, sql, prepared, ResultSet.TYPE_FORWARD_ONLY);
    }

    /** With the type of the result sets it produces (forward-only or scroll-insensitive). */
    RustyPreparedStatement(RustyConnection connection, String sql, PreparedSql prepared, int resultSetType) {
        super(connection, resultSetType);
        this.sql = sql;
        this.prepared = prepared;
        this.parameters = new Object[prepared.parameterTypes().size()];
        Arrays.fill(parameters, UNSET);
    }

    private List<Object> parameterValues() throws SQLException {
        List<Object> values = new ArrayList<>(parameters.length);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == UNSET) {
                throw new SQLException("no value specified for parameter " + (i + 1), "07001");
            }
            values.add(parameters[i]);
        }
        return values;
    }

    private void set(int index, Object value) throws SQLException {
        checkOpen();
        if (index < 1 || index > jdbcParameterCount()) {
            throw new SQLException("parameter index " + index + " is out of range 1.." + jdbcParameterCount(),
                    "07009");
        }
        parameters[engineParameterIndex(index) - 1] = JdbcValues.toEngine(value);
    }

    /** How many parameters JDBC numbers (a callable statement's return value is one more than the query has). */
    int jdbcParameterCount() {
        return parameters.length;
    }

    /** The query's parameter number for JDBC parameter {@code parameterIndex} (the same, but for callables). */
    int engineParameterIndex(int parameterIndex) throws SQLException {
        return parameterIndex;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        checkOpen();
        if (!prepared.returnsRows()) {
            throw new SQLException("the statement does not return rows; use executeUpdate", "07000");
        }
        run(prepared, parameterValues());
        return getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate());
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        checkOpen();
        return runForUpdateCount(prepared, parameterValues());
    }

    @Override
    public boolean execute() throws SQLException {
        checkOpen();
        return run(prepared, parameterValues());
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        checkOpen();
        throw new SQLException("executeQuery(String) cannot be called on a PreparedStatement", "07000");
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        checkOpen();
        throw new SQLException("executeUpdate(String) cannot be called on a PreparedStatement", "07000");
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        checkOpen();
        throw new SQLException("execute(String) cannot be called on a PreparedStatement", "07000");
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(parameters, UNSET);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        set(parameterIndex, null);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        set(parameterIndex, null);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        set(parameterIndex, (short) x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        set(parameterIndex, value);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        set(parameterIndex, x == null ? null : Binary.of(x));
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        set(parameterIndex, CalendarValues.toLocalDate(x, cal));
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        set(parameterIndex, CalendarValues.toLocalTime(x, cal));
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        set(parameterIndex, CalendarValues.toLocalDateTime(x, cal));
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        checkOpen();
        set(parameterIndex, JdbcValues.toEngineAs(x, targetSqlType, -1));
    }

    /** JDBC: {@code x} is converted to {@code targetSqlType}; for DECIMAL/NUMERIC, to {@code scaleOrLength} digits. */
    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        checkOpen();
        set(parameterIndex, JdbcValues.toEngineAs(x, targetSqlType, scaleOrLength));
    }

    @Override
    public void setObject(int parameterIndex, Object x, java.sql.SQLType targetSqlType) throws SQLException {
        checkOpen();
        setObject(parameterIndex, x, vendorTypeNumber(targetSqlType));
    }

    @Override
    public void setObject(int parameterIndex, Object x, java.sql.SQLType targetSqlType, int scaleOrLength)
            throws SQLException {
        checkOpen();
        setObject(parameterIndex, x, vendorTypeNumber(targetSqlType), scaleOrLength);
    }

    /** The {@link java.sql.Types} number of a {@link java.sql.JDBCType}; other vendors' types are 0A000. */
    private static int vendorTypeNumber(java.sql.SQLType type) throws SQLException {
        if (!(type instanceof java.sql.JDBCType jdbc)) {
            throw SqlExceptions.notSupported("SQL type " + type);
        }
        return jdbc.getVendorTypeNumber();
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setAsciiStream(parameterIndex, x, (long) length);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        set(parameterIndex, x == null ? null : new String(readBytes(x, length), StandardCharsets.US_ASCII));
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        setAsciiStream(parameterIndex, x, -1L);
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        throw SqlExceptions.notSupported("setUnicodeStream (deprecated)");
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setBinaryStream(parameterIndex, x, (long) length);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        set(parameterIndex, x == null ? null : Binary.of(readBytes(x, length)));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        setBinaryStream(parameterIndex, x, -1L);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        setCharacterStream(parameterIndex, reader, (long) length);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        set(parameterIndex, reader == null ? null : readChars(reader, length));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader, -1L);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        setCharacterStream(parameterIndex, value, length);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        setCharacterStream(parameterIndex, value, -1L);
    }

    private static byte[] readBytes(InputStream in, long length) throws SQLException {
        try {
            return length < 0 ? in.readAllBytes() : in.readNBytes((int) Math.min(length, Integer.MAX_VALUE));
        } catch (IOException e) {
            throw new SQLException("could not read the stream: " + e.getMessage(), "58030", e);
        }
    }

    private static String readChars(Reader reader, long length) throws SQLException {
        try {
            StringBuilder sb = new StringBuilder();
            char[] buffer = new char[8192];
            long remaining = length < 0 ? Long.MAX_VALUE : length;
            int n;
            while (remaining > 0 && (n = reader.read(buffer, 0, (int) Math.min(buffer.length, remaining))) > 0) {
                sb.append(buffer, 0, n);
                remaining -= n;
            }
            return sb.toString();
        } catch (IOException e) {
            throw new SQLException("could not read the stream: " + e.getMessage(), "58030", e);
        }
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batch.add(parameterValues());
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        throw new SQLException("addBatch(String) cannot be called on a PreparedStatement", "07000");
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return toIntCounts(executeLargeBatch());
    }

    /**
     * Runs the statement once per parameter set added with {@link #addBatch()}, in order (in auto-commit mode each
     * run is a transaction of its own); the batch is empty afterwards. A failure stops the batch with a
     * {@link java.sql.BatchUpdateException} carrying the counts of the runs before it.
     */
    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        if (prepared.isQuery()) {
            batch.clear();
            throw new SQLException("a query cannot be run as a batch", "0A000");
        }
        List<List<Object>> runs = new ArrayList<>(batch);
        batch.clear();
        return asOneExecution(() -> runBatch(runs));
    }

    private long[] runBatch(List<List<Object>> runs) throws SQLException {
        long[] counts = new long[runs.size()];
        try {
            for (int i = 0; i < runs.size(); i++) {
                try {
                    run(prepared, runs.get(i));
                    getMoreResults(); // a RETURNING's rows are not kept in a batch
                    collectingBatchKeys = true; // later runs add their generated keys to the first one's
                    counts[i] = Math.max(lastUpdateCount(), 0);
                } catch (SQLException e) {
                    throw batchFailure(e, counts, i);
                }
            }
        } finally {
            collectingBatchKeys = false;
        }
        return counts;
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        throw SqlExceptions.notSupported("Ref");
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        set(parameterIndex, x == null ? null : Binary.of(x.getBytes(1, (int) x.length())));
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        setBinaryStream(parameterIndex, inputStream, length);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        setBinaryStream(parameterIndex, inputStream, -1L);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        set(parameterIndex, x == null ? null : x.getSubString(1, (int) x.length()));
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader, -1L);
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        setClob(parameterIndex, value);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader, length);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader, -1L);
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        set(parameterIndex, x == null ? null : x.toString());
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        throw SqlExceptions.notSupported("RowId");
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        throw SqlExceptions.notSupported("SQLXML");
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        if (!prepared.returnsRows()) {
            return null;
        }
        return new RustyResultSetMetaData(prepared.columnNames(), prepared.columnTypes(), prepared::columnOrigins,
                connection.database().engine().catalog());
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new RustyParameterMetaData(prepared.parameterTypes());
    }

    @Override
    public String toString() {
        return sql;
    }
}
