package io.rustydb.jdbc;

import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.engine.QueryResult;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the result sets of {@link RustyDatabaseMetaData} from the live catalog, with the columns the JDBC
 * specification prescribes for each call. Objects are in schemas (besides the catalog's ones, the system schemas
 * {@code information_schema} and {@code pg_catalog} are listed); there are no catalogs. A schema pattern of null
 * matches every schema, and {@code ""} (objects without a schema) none.
 */
final class MetadataResults {

    private MetadataResults() {
    }

    /** The column names and types of a metadata result, built in order. */
    static final class Columns {
        final List<String> names = new ArrayList<>();
        final List<DataType> types = new ArrayList<>();

        Columns text(String... names) {
            for (String n : names) {
                this.names.add(n);
                types.add(DataType.VARCHAR);
            }
            return this;
        }

        Columns integer(String... names) {
            for (String n : names) {
                this.names.add(n);
                types.add(DataType.INTEGER);
            }
            return this;
        }

        Columns smallint(String... names) {
            for (String n : names) {
                this.names.add(n);
                types.add(DataType.SMALLINT);
            }
            return this;
        }

        Columns bool(String... names) {
            for (String n : names) {
                this.names.add(n);
                types.add(DataType.BOOLEAN);
            }
            return this;
        }
    }

    static ResultSet result(RustyConnection connection, Columns columns, List<Object[]> rows) {
        return new RustyResultSet(new RustyStatement(connection), new QueryResult(columns.names, columns.types, rows), 0);
    }

    /** Whether {@code value} matches a JDBC search pattern ({@code %}, {@code _}, {@code \} escapes; null = all). */
    static boolean matches(String pattern, String value) {
        if (pattern == null || pattern.equals("%")) {
            return true;
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
    }

    /** Whether {@code schema} matches a JDBC schema pattern (null: any schema; "": none, every object has one). */
    static boolean schemaMatches(String schemaPattern, String schema) {
        return schemaPattern == null || !schemaPattern.isEmpty() && matches(schemaPattern, schema);
    }

    static ResultSet tables(RustyConnection connection, String schemaPattern, String tablePattern, String[] types)
            throws SQLException {
        Columns columns = new Columns().text("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS",
                "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION");
        List<Object[]> rows = new ArrayList<>();
        boolean wantTables = types == null || List.of(types).contains("TABLE");
        io.rustydb.sql.catalog.Catalog catalog = connection.database().engine().catalog();
        if (wantTables) {
            for (TableDef table : catalog.tables()) {
                String schema = catalog.schemaOf(table);
                if (schemaMatches(schemaPattern, schema) && matches(tablePattern, table.name())) {
                    rows.add(new Object[] {null, schema, table.name(), "TABLE", comment(connection, table, -1), null,
                        null, null, null, null});
                }
            }
        }
        boolean wantViews = types == null || List.of(types).contains("VIEW");
        if (wantViews) {
            for (io.rustydb.sql.catalog.ViewDef view : catalog.views()) {
                String schema = catalog.schemaOf(view);
                if (schemaMatches(schemaPattern, schema) && matches(tablePattern, view.name())) {
                    rows.add(new Object[] {null, schema, view.name(), "VIEW", null, null, null, null, null, null});
                }
            }
        }
        return result(connection, columns, rows);
    }

    static ResultSet columns(RustyConnection connection, String schemaPattern, String tablePattern,
                             String columnPattern) {
        Columns columns = new Columns().text("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME")
                .integer("DATA_TYPE").text("TYPE_NAME").integer("COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS",
                        "NUM_PREC_RADIX", "NULLABLE")
                .text("REMARKS", "COLUMN_DEF").integer("SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH",
                        "ORDINAL_POSITION")
                .text("IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE").smallint("SOURCE_DATA_TYPE")
                .text("IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");
        List<Object[]> rows = new ArrayList<>();
        io.rustydb.sql.catalog.Catalog catalog = connection.database().engine().catalog();
        for (TableDef table : catalog.tables()) {
            String schema = catalog.schemaOf(table);
            if (!schemaMatches(schemaPattern, schema) || !matches(tablePattern, table.name())) {
                continue;
            }
            java.util.Set<Integer> generated = new java.util.HashSet<>(); // identity and SERIAL columns
            for (io.rustydb.sql.catalog.SequenceDef owned
                    : connection.database().engine().catalog().sequences().ownedBy(table.tableId())) {
                generated.add(owned.ownerColumn());
            }
            for (int i = 0; i < table.columns().size(); i++) {
                ColumnDef c = table.columns().get(i);
                if (!matches(columnPattern, c.name())) {
                    continue;
                }
                DataType t = c.type();
                Integer digits = t.id() == TypeId.DECIMAL && t.scale() >= 0 ? t.scale() : null;
                Integer radix = t.id().isNumeric() ? 10 : null;
                Integer octets = t.id().isString() && t.length() > 0 ? t.length() * 4 : null;
                rows.add(new Object[] {null, schema, table.name(), c.name(), t.jdbcType(), t.sqlName(),
                    TypeInfo.precision(t), null, digits, radix,
                    c.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
                    comment(connection, table, i), c.defaultSql(), null, null, octets, i + 1,
                    c.nullable() ? "YES" : "NO",
                    null, null, null, null, generated.contains(i) ? "YES" : "NO", "NO"});
            }
        }
        return result(connection, columns, rows);
    }

    /** The comment (COMMENT ON) on {@code table} ({@code column} -1) or one of its columns, or null. */
    private static String comment(RustyConnection connection, TableDef table, int column) {
        return connection.database().engine().catalog()
                .comment(new io.rustydb.sql.catalog.CommentKey(table.tableId(), column));
    }

    /** The schemas whose names match {@code schemaPattern} (null: all), ordered by name. */
    static ResultSet schemas(RustyConnection connection, String schemaPattern) {
        Columns columns = new Columns().text("TABLE_SCHEM", "TABLE_CATALOG");
        List<String> names = new ArrayList<>(List.of(io.rustydb.sql.catalog.SchemaDef.INFORMATION_SCHEMA,
                io.rustydb.sql.catalog.SchemaDef.PG_CATALOG));
        for (io.rustydb.sql.catalog.SchemaDef schema : connection.database().engine().catalog().schemas()) {
            names.add(schema.name());
        }
        names.sort(null);
        List<Object[]> rows = new ArrayList<>();
        for (String name : names) {
            if (schemaMatches(schemaPattern, name)) {
                rows.add(new Object[] {name, null});
            }
        }
        return result(connection, columns, rows);
    }

    static ResultSet catalogs(RustyConnection connection) {
        return result(connection, new Columns().text("TABLE_CAT"), List.of());
    }

    static ResultSet tableTypes(RustyConnection connection) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"TABLE"});
        rows.add(new Object[] {"VIEW"});
        return result(connection, new Columns().text("TABLE_TYPE"), rows);
    }




    static ResultSet typeInfo(RustyConnection connection) {
        Columns columns = new Columns().text("TYPE_NAME").integer("DATA_TYPE", "PRECISION")
                .text("LITERAL_PREFIX", "LITERAL_SUFFIX", "CREATE_PARAMS").smallint("NULLABLE").bool("CASE_SENSITIVE")
                .smallint("SEARCHABLE").bool("UNSIGNED_ATTRIBUTE", "FIXED_PREC_SCALE", "AUTO_INCREMENT")
                .text("LOCAL_TYPE_NAME").smallint("MINIMUM_SCALE", "MAXIMUM_SCALE").integer("SQL_DATA_TYPE",
                        "SQL_DATETIME_SUB", "NUM_PREC_RADIX");
        DataType[] types = {DataType.BOOLEAN, DataType.SMALLINT, DataType.INTEGER, DataType.BIGINT,
            DataType.decimal(38, 0), DataType.REAL, DataType.DOUBLE, DataType.charType(1), DataType.VARCHAR,
            DataType.TEXT, DataType.VARBINARY, DataType.BLOB, DataType.DATE, DataType.TIME, DataType.TIMESTAMP,
            DataType.TIMESTAMP_TZ, DataType.UUID, DataType.INTERVAL, DataType.JSON, DataType.JSONB};
        List<Object[]> rows = new ArrayList<>();
        for (DataType t : types) {
            boolean quoted = t.id().isString() || t.id().isDateTime() || t.id() == TypeId.UUID
                    || t.id() == TypeId.INTERVAL || t.id().isJson();
            String params = t.id() == TypeId.DECIMAL ? "precision,scale"
                    : t.id() == TypeId.CHAR || t.id() == TypeId.VARCHAR || t.id() == TypeId.VARBINARY ? "length" : null;
            String name = t.id() == TypeId.DECIMAL ? "DECIMAL" : t.id() == TypeId.CHAR ? "CHAR" : t.sqlName();
            rows.add(new Object[] {name, t.jdbcType(), TypeInfo.precision(t), quoted ? "'" : null,
                quoted ? "'" : null, params, (short) DatabaseMetaData.typeNullable, t.id().isString(),
                (short) DatabaseMetaData.typeSearchable, !t.id().isNumeric(), false, false, null,
                (short) 0, (short) (t.id() == TypeId.DECIMAL ? 38 : 0), null, null, t.id().isNumeric() ? 10 : null});
        }
        rows.sort((a, b) -> Integer.compare((Integer) a[1], (Integer) b[1]));
        return result(connection, columns, rows);
    }
}
