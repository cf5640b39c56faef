package io.rustydb.jdbc;

import io.rustydb.core.type.DataType;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * The types the binder inferred for a prepared statement's parameters. A parameter whose context fixed no type
 * reports {@code Types.OTHER} / {@code NULL}: its value is used as given.
 */
public final class RustyParameterMetaData implements ParameterMetaData {
    private final List<DataType> types;

    RustyParameterMetaData(List<DataType> types) {
        this.types = List.copyOf(types);
    }

    private DataType type(int param) throws SQLException {
        if (param < 1 || param > types.size()) {
            throw new SQLException("parameter index " + param + " is out of range 1.." + types.size(), "07009");
        }
        return types.get(param - 1);
    }

    @Override
    public int getParameterCount() {
        return types.size();
    }

    @Override
    public int isNullable(int param) throws SQLException {
        type(param);
        return parameterNullableUnknown;
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        return type(param).id().isNumeric();
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        return TypeInfo.precision(type(param));
    }

    @Override
    public int getScale(int param) throws SQLException {
        return TypeInfo.scale(type(param));
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        return type(param).jdbcType();
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        return type(param).sqlName();
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        return TypeInfo.className(type(param));
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        type(param);
        return parameterModeIn;
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
