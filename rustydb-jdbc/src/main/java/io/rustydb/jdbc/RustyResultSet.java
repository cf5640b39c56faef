package io.rustydb.jdbc;

import io.rustydb.sql.engine.QueryResult;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import io.rustydb.sql.engine.PreparedSql;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A read-only result set over a query's rows (materialized when the statement ran), forward-only or
 * scroll-insensitive as its statement was created: scrolling moves over the same rows, which later changes do not
 * alter. Column indexes are 1-based; typed getters convert
 * under SQL cast rules and report a value that does not fit as 22003, a NULL as the type's default with
 * {@link #wasNull()} true.
 */
public final class RustyResultSet extends ReadOnlyResultSet {
    private final RustyStatement statement;
    /** The statement the rows come from, or null (metadata results, generated keys). */
    private final PreparedSql source;
    private final QueryResult result;
    private final List<Object[]> rows;
    private final boolean scrollable;
    /** -1 = before the first row, {@code rows.size()} = after the last, else the current row's index. */
    private int position = -1;
    private int fetchDirection = FETCH_FORWARD;
    private boolean closed;
    private boolean wasNull;
    private int fetchSize;

    RustyResultSet(RustyStatement statement, QueryResult result, long maxRows) {
        this(statement, result, maxRows, null);
    }

    /** With the statement that produced the rows, for the column origins of {@link #getMetaData()}. */
    RustyResultSet(RustyStatement statement, QueryResult result, long maxRows, PreparedSql source) {
        this.statement = statement;
        this.source = source;
        this.result = result;
        List<Object[]> all = result.rows();
        this.rows = maxRows > 0 && all.size() > maxRows ? all.subList(0, (int) maxRows) : all;
        this.scrollable = statement.resultSetType == TYPE_SCROLL_INSENSITIVE;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw SqlExceptions.closed("result set");
        }
    }

    private Object value(int columnIndex) throws SQLException {
        checkOpen();
        if (position < 0 || position >= rows.size()) {
            throw new SQLException("the cursor is not on a row", "24000");
        }
        if (columnIndex < 1 || columnIndex > result.columnNames().size()) {
            throw new SQLException("column index " + columnIndex + " is out of range 1.."
                    + result.columnNames().size(), "07009");
        }
        Object v = rows.get(position)[columnIndex - 1];
        wasNull = v == null;
        return v;
    }

    private <T> T get(int columnIndex, Class<T> type) throws SQLException {
        return JdbcValues.convert(value(columnIndex), type);
    }

    void closeQuietly() {
        closed = true;
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (position < rows.size()) {
            position++;
        }
        return position < rows.size();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            statement.resultSetClosed(this);
        }
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        return get(columnIndex, String.class);
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        Boolean v = get(columnIndex, Boolean.class);
        return v != null && v;
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        Byte v = get(columnIndex, Byte.class);
        return v == null ? 0 : v;
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        Short v = get(columnIndex, Short.class);
        return v == null ? 0 : v;
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        Integer v = get(columnIndex, Integer.class);
        return v == null ? 0 : v;
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        Long v = get(columnIndex, Long.class);
        return v == null ? 0 : v;
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        Float v = get(columnIndex, Float.class);
        return v == null ? 0 : v;
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        Double v = get(columnIndex, Double.class);
        return v == null ? 0 : v;
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal v = get(columnIndex, BigDecimal.class);
        return v == null ? null : v.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        return get(columnIndex, byte[].class);
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        return get(columnIndex, Date.class);
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        return get(columnIndex, Time.class);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        return get(columnIndex, Timestamp.class);
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int columnIndex) throws SQLException {
        throw SqlExceptions.notSupported("getUnicodeStream (deprecated)");
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        byte[] b = getBytes(columnIndex);
        return b == null ? null : new ByteArrayInputStream(b);
    }

    @Override
    public String getString(String columnLabel) throws SQLException {
        return getString(findColumn(columnLabel));
    }

    @Override
    public boolean getBoolean(String columnLabel) throws SQLException {
        return getBoolean(findColumn(columnLabel));
    }

    @Override
    public byte getByte(String columnLabel) throws SQLException {
        return getByte(findColumn(columnLabel));
    }

    @Override
    public short getShort(String columnLabel) throws SQLException {
        return getShort(findColumn(columnLabel));
    }

    @Override
    public int getInt(String columnLabel) throws SQLException {
        return getInt(findColumn(columnLabel));
    }

    @Override
    public long getLong(String columnLabel) throws SQLException {
        return getLong(findColumn(columnLabel));
    }

    @Override
    public float getFloat(String columnLabel) throws SQLException {
        return getFloat(findColumn(columnLabel));
    }

    @Override
    public double getDouble(String columnLabel) throws SQLException {
        return getDouble(findColumn(columnLabel));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
        return getBigDecimal(findColumn(columnLabel), scale);
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException {
        return getBytes(findColumn(columnLabel));
    }

    @Override
    public Date getDate(String columnLabel) throws SQLException {
        return getDate(findColumn(columnLabel));
    }

    @Override
    public Time getTime(String columnLabel) throws SQLException {
        return getTime(findColumn(columnLabel));
    }

    @Override
    public Timestamp getTimestamp(String columnLabel) throws SQLException {
        return getTimestamp(findColumn(columnLabel));
    }

    @Override
    public InputStream getAsciiStream(String columnLabel) throws SQLException {
        return getAsciiStream(findColumn(columnLabel));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(String columnLabel) throws SQLException {
        throw SqlExceptions.notSupported("getUnicodeStream (deprecated)");
    }

    @Override
    public InputStream getBinaryStream(String columnLabel) throws SQLException {
        return getBinaryStream(findColumn(columnLabel));
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public String getCursorName() throws SQLException {
        throw SqlExceptions.notSupported("named cursors");
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new RustyResultSetMetaData(result.columnNames(), result.columnTypes(),
                source == null ? List::of : source::columnOrigins, statement.connection.database().engine().catalog());
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        if (v instanceof io.rustydb.core.type.SqlArray a) { // a java.sql.Array, as PostgreSQL's driver returns
            return new RustyArray(statement.connection, result.columnTypes().get(columnIndex - 1).elementType(), a);
        }
        return JdbcValues.toJdbc(v);
    }

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        return getObject(findColumn(columnLabel));
    }

    @Override
    public int findColumn(String columnLabel) throws SQLException {
        checkOpen();
        List<String> names = result.columnNames();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(columnLabel)) {
                return i + 1;
            }
        }
        String lower = columnLabel.toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).toLowerCase(Locale.ROOT).equals(lower)) {
                return i + 1;
            }
        }
        throw new SQLException("the result has no column named \"" + columnLabel + "\"", "42703");
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new StringReader(s);
    }

    @Override
    public Reader getCharacterStream(String columnLabel) throws SQLException {
        return getCharacterStream(findColumn(columnLabel));
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        return get(columnIndex, BigDecimal.class);
    }

    @Override
    public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        return getBigDecimal(findColumn(columnLabel));
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return position < 0 && !rows.isEmpty();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return position >= rows.size() && !rows.isEmpty();
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return position == 0 && !rows.isEmpty();
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return position == rows.size() - 1 && !rows.isEmpty();
    }

    private SQLException forwardOnly() {
        return new SQLException("the result set is TYPE_FORWARD_ONLY", "24000");
    }

    /** Checks that the cursor may move other than forward. */
    private void checkScrollable() throws SQLException {
        checkOpen();
        if (!scrollable) {
            throw forwardOnly();
        }
    }

    /** Moves to {@code target} (clamped to before-first / after-last); whether the cursor is on a row. */
    private boolean moveTo(long target) {
        position = (int) Math.max(-1, Math.min(rows.size(), target));
        return position >= 0 && position < rows.size();
    }

    @Override
    public void beforeFirst() throws SQLException {
        checkScrollable();
        moveTo(-1);
    }

    @Override
    public void afterLast() throws SQLException {
        checkScrollable();
        moveTo(rows.size());
    }

    @Override
    public boolean first() throws SQLException {
        checkScrollable();
        return moveTo(rows.isEmpty() ? -1 : 0);
    }

    @Override
    public boolean last() throws SQLException {
        checkScrollable();
        return moveTo(rows.size() - 1);
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return position >= 0 && position < rows.size() ? position + 1 : 0;
    }

    /** Row {@code row} counted from 1 (from the end when negative); 0 = before the first row. */
    @Override
    public boolean absolute(int row) throws SQLException {
        checkScrollable();
        if (row > 0) {
            return moveTo(row - 1L);
        }
        return moveTo(row == 0 ? -1 : rows.size() + (long) row);
    }

    /** {@code n} rows on (back when negative); moving past either end leaves the cursor before/after the rows. */
    @Override
    public boolean relative(int n) throws SQLException {
        checkScrollable();
        return moveTo((long) position + n);
    }

    @Override
    public boolean previous() throws SQLException {
        checkScrollable();
        return moveTo(position - 1L);
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != FETCH_FORWARD && direction != FETCH_REVERSE && direction != FETCH_UNKNOWN) {
            throw new SQLException("unknown fetch direction " + direction, "22023");
        }
        if (direction != FETCH_FORWARD && !scrollable) {
            throw forwardOnly();
        }
        fetchDirection = direction;
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return fetchDirection;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw new SQLException("fetch size must not be negative", "22023");
        }
        fetchSize = rows; // a hint only: rows are materialized when the query runs
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return scrollable ? TYPE_SCROLL_INSENSITIVE : TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return CONCUR_READ_ONLY;
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        return getObject(columnIndex);
    }

    @Override
    public Ref getRef(int columnIndex) throws SQLException {
        throw SqlExceptions.notSupported("Ref");
    }

    @Override
    public Blob getBlob(int columnIndex) throws SQLException {
        byte[] bytes = getBytes(columnIndex);
        return bytes == null ? null : new RustyBlob(bytes);
    }

    @Override
    public Clob getClob(int columnIndex) throws SQLException {
        return getNClob(columnIndex);
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException {
        Object v = value(columnIndex);
        if (v == null) {
            return null;
        }
        if (!(v instanceof io.rustydb.core.type.SqlArray)) {
            throw new SQLException("column " + columnIndex + " is of type "
                    + result.columnTypes().get(columnIndex - 1).sqlName() + ", not an array", "42804");
        }
        return (Array) getObject(columnIndex);
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(columnLabel));
    }

    @Override
    public Ref getRef(String columnLabel) throws SQLException {
        throw SqlExceptions.notSupported("Ref");
    }

    @Override
    public Blob getBlob(String columnLabel) throws SQLException {
        return getBlob(findColumn(columnLabel));
    }

    @Override
    public Clob getClob(String columnLabel) throws SQLException {
        return getClob(findColumn(columnLabel));
    }

    @Override
    public Array getArray(String columnLabel) throws SQLException {
        return getArray(findColumn(columnLabel));
    }

    @Override
    public Date getDate(int columnIndex, Calendar cal) throws SQLException {
        return CalendarValues.date(value(columnIndex), cal);
    }

    @Override
    public Date getDate(String columnLabel, Calendar cal) throws SQLException {
        return getDate(findColumn(columnLabel), cal);
    }

    @Override
    public Time getTime(int columnIndex, Calendar cal) throws SQLException {
        return CalendarValues.time(value(columnIndex), cal);
    }

    @Override
    public Time getTime(String columnLabel, Calendar cal) throws SQLException {
        return getTime(findColumn(columnLabel), cal);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
        return CalendarValues.timestamp(value(columnIndex), cal);
    }

    @Override
    public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(columnLabel), cal);
    }

    @Override
    public URL getURL(int columnIndex) throws SQLException {
        throw SqlExceptions.notSupported("URL values");
    }

    @Override
    public URL getURL(String columnLabel) throws SQLException {
        throw SqlExceptions.notSupported("URL values");
    }

    @Override
    public RowId getRowId(int columnIndex) throws SQLException {
        throw SqlExceptions.notSupported("RowId");
    }

    @Override
    public RowId getRowId(String columnLabel) throws SQLException {
        throw SqlExceptions.notSupported("RowId");
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public NClob getNClob(int columnIndex) throws SQLException {
        String text = getString(columnIndex);
        return text == null ? null : new RustyClob(text);
    }

    @Override
    public NClob getNClob(String columnLabel) throws SQLException {
        return getNClob(findColumn(columnLabel));
    }

    @Override
    public SQLXML getSQLXML(int columnIndex) throws SQLException {
        throw SqlExceptions.notSupported("SQLXML");
    }

    @Override
    public SQLXML getSQLXML(String columnLabel) throws SQLException {
        throw SqlExceptions.notSupported("SQLXML");
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return getString(columnIndex);
    }

    @Override
    public String getNString(String columnLabel) throws SQLException {
        return getString(findColumn(columnLabel));
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        return getCharacterStream(columnIndex);
    }

    @Override
    public Reader getNCharacterStream(String columnLabel) throws SQLException {
        return getCharacterStream(findColumn(columnLabel));
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        checkOpen();
        if (type == null) {
            throw new SQLException("type must not be null", "22023");
        }
        return get(columnIndex, type);
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        return getObject(findColumn(columnLabel), type);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlExceptions.notAWrapperFor(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
