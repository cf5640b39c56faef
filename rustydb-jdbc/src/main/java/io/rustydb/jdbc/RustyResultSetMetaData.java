package io.rustydb.jdbc;

import io.rustydb.core.type.DataType;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.plan.ColumnOrigins;
import java.util.List;

/**
 * Describes the columns of a query result: names, SQL types, precision and scale, as the binder typed them; for a
 * column read unchanged from a table (see {@link ColumnOrigins}) also its table, nullability and whether the table
 * generates it (identity or SERIAL). Computed columns answer "unknown" / "" as JDBC allows.
 */
public final class RustyResultSetMetaData implements ResultSetMetaData {
    private final List<String> names;
    private final List<DataType> types;
    /** Where the columns come from, worked out on the first question that needs it (many callers never ask). */
    private final java.util.function.Supplier<List<ColumnOrigins.Origin>> originSource;
    /** Per column: its origin, or null when computed or unknown; null until first needed. */
    private List<ColumnOrigins.Origin> origins;
    private final Catalog catalog;

    RustyResultSetMetaData(List<String> names, List<DataType> types) {
        this(names, types, List::of, null);
    }

    /** With the columns' origins ({@code origins} empty: none known) and the catalog to tell generated columns. */
    RustyResultSetMetaData(List<String> names, List<DataType> types,
                           java.util.function.Supplier<List<ColumnOrigins.Origin>> origins, Catalog catalog) {
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
        this.originSource = origins;
        this.catalog = catalog;
    }

    private ColumnOrigins.Origin origin(int column) throws SQLException {
        type(column);
        if (origins == null) {
            List<ColumnOrigins.Origin> found = originSource.get();
            origins = found.size() == names.size() ? found : java.util.Collections.nCopies(names.size(), null);
        }
        return origins.get(column - 1);
    }

    private DataType type(int column) throws SQLException {
        if (column < 1 || column > types.size()) {
            throw new SQLException("column index " + column + " is out of range 1.." + types.size(), "07009");
        }
        return types.get(column - 1);
    }

    @Override
    public int getColumnCount() {
        return names.size();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        ColumnOrigins.Origin o = origin(column);
        if (o == null || catalog == null) {
            return false;
        }
        for (io.rustydb.sql.catalog.SequenceDef owned : catalog.sequences().ownedBy(o.table().tableId())) {
            if (owned.ownerColumn() == o.column()) {
                return true; // an identity or SERIAL column: its sequence belongs to it
            }
        }
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return type(column).id().isString();
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        type(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        type(column);
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        ColumnOrigins.Origin o = origin(column);
        return o == null ? columnNullableUnknown : o.nullable() ? columnNullable : columnNoNulls;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return type(column).id().isNumeric();
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return TypeInfo.displaySize(type(column));
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        type(column);
        return names.get(column - 1);
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return getColumnLabel(column);
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        ColumnOrigins.Origin o = origin(column);
        return o == null || catalog == null ? "" : catalog.schemaOf(o.table());
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return TypeInfo.precision(type(column));
    }

    @Override
    public int getScale(int column) throws SQLException {
        return TypeInfo.scale(type(column));
    }

    @Override
    public String getTableName(int column) throws SQLException {
        ColumnOrigins.Origin o = origin(column);
        return o == null ? "" : o.table().name();
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        type(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return type(column).jdbcType();
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return type(column).sqlName();
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        type(column);
        return true;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        type(column);
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        type(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return TypeInfo.className(type(column));
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
