package io.rustydb.jdbc;

import io.rustydb.core.DbException;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.SqlArray;
import io.rustydb.sql.engine.QueryResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A SQL array value as JDBC hands it out ({@code ResultSet.getArray}/{@code getObject}) and takes it in
 * ({@code Connection.createArrayOf}, {@code PreparedStatement.setArray}), as PostgreSQL's driver does:
 * {@link #getArray()} is a Java array of the element type's class ({@code Integer[]} for {@code INTEGER[]}, {@code
 * byte[][]} for binary elements) and {@link #getResultSet()} has two columns, {@code INDEX} (1-based, INTEGER) and
 * {@code VALUE}. The value is detached from the result set: it stays readable after the result set is closed,
 * until {@link #free()}.
 */
final class RustyArray implements java.sql.Array {
    private final RustyConnection connection;
    private final DataType elementType;
    private SqlArray value;

    RustyArray(RustyConnection connection, DataType elementType, SqlArray value) {
        this.connection = connection;
        this.elementType = elementType.id() == io.rustydb.core.type.TypeId.NULL ? DataType.TEXT : elementType;
        this.value = value;
    }

    /** The engine value (for binding as a parameter). */
    SqlArray value() throws SQLException {
        check();
        return value;
    }

    @Override
    public String getBaseTypeName() throws SQLException {
        check();
        return elementType.sqlName();
    }

    @Override
    public int getBaseType() throws SQLException {
        check();
        return elementType.jdbcType();
    }

    @Override
    public Object getArray() throws SQLException {
        return getArray(1, value().size());
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) throws SQLException {
        return getArray();
    }

    @Override
    public Object getArray(long index, int count) throws SQLException {
        List<Object> slice = slice(index, count);
        Class<?> elementClass = elementType.id().isBinary() ? byte[].class : elementType.javaClass();
        Object[] out = (Object[]) java.lang.reflect.Array.newInstance(elementClass, slice.size());
        for (int i = 0; i < out.length; i++) {
            out[i] = JdbcValues.toJdbc(slice.get(i));
        }
        return out;
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getArray(index, count);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return getResultSet(1, value().size());
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
        List<Object> slice = slice(index, count);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < slice.size(); i++) {
            rows.add(new Object[] {(int) index + i, slice.get(i)});
        }
        QueryResult result = new QueryResult(List.of("INDEX", "VALUE"), List.of(DataType.INTEGER, elementType), rows);
        return new RustyResultSet(new RustyStatement(connection), result, 0);
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getResultSet(index, count);
    }

    @Override
    public void free() {
        value = null;
    }

    /** The text form, e.g. {@code {1,2,NULL}} (as PostgreSQL's driver's toString). */
    @Override
    public String toString() {
        return value == null ? "freed array" : value.toString();
    }

    private List<Object> slice(long index, int count) throws SQLException {
        SqlArray a = value();
        if (index < 1 || count < 0 || index - 1 + count > a.size()) {
            throw new SQLException("array index " + index + " and count " + count + " are out of range 1.."
                    + a.size(), "2202E");
        }
        return a.elements().subList((int) index - 1, (int) index - 1 + count);
    }

    private void check() throws SQLException {
        if (value == null) {
            throw SqlExceptions.closed("array");
        }
    }

    /** {@code Connection.createArrayOf(typeName, elements)}: each element converted to the named type. */
    static RustyArray create(RustyConnection connection, String typeName, Object[] elements) throws SQLException {
        try {
            DataType element = DataType.parse(typeName);
            Object[] values = new Object[elements.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = io.rustydb.core.type.Casts.cast(JdbcValues.toEngine(elements[i]), element);
            }
            return new RustyArray(connection, element, SqlArray.of(values));
        } catch (DbException e) {
            throw SqlExceptions.of(e);
        }
    }
}
