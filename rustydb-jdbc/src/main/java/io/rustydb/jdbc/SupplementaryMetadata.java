package io.rustydb.jdbc;

import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link java.sql.DatabaseMetaData} results about things RustyDB has few or none of: stored procedures and
 * user-defined functions (none: the built-in functions are listed by {@code get*Functions()}), user-defined types,
 * privileges (until the security layer: nobody is restricted), pseudo and version columns — each an empty result
 * with the columns JDBC prescribes, so that tools can read it — and the two with content: the best row identifier
 * (the primary key, else the first unique index without nullable columns) and the client info properties.
 */
final class SupplementaryMetadata {
    /** The client info properties a connection keeps (JDBC's standard names), with their maximum lengths. */
    static final List<String> CLIENT_INFO_PROPERTIES = List.of("ApplicationName", "ClientUser", "ClientHostname");
    static final int CLIENT_INFO_MAX_LENGTH = 256;

    private SupplementaryMetadata() {
    }

    private static ResultSet empty(RustyConnection connection, MetadataResults.Columns columns) {
        return MetadataResults.result(connection, columns, List.of());
    }

    static ResultSet procedures(RustyConnection connection) {
        return empty(connection, new MetadataResults.Columns().text("PROCEDURE_CAT", "PROCEDURE_SCHEM",
                "PROCEDURE_NAME", "RESERVED1", "RESERVED2", "RESERVED3", "REMARKS").smallint("PROCEDURE_TYPE")
                .text("SPECIFIC_NAME"));
    }

    static ResultSet procedureColumns(RustyConnection connection) {
        return empty(connection, new MetadataResults.Columns().text("PROCEDURE_CAT", "PROCEDURE_SCHEM",
                "PROCEDURE_NAME", "COLUMN_NAME").smallint("COLUMN_TYPE").integer("DATA_TYPE").text("TYPE_NAME")
                .integer("PRECISION", "LENGTH").smallint("SCALE", "RADIX", "NULLABLE").text("REMARKS", "COLUMN_DEF")
                .integer("SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION")
                .text("IS_NULLABLE", "SPECIFIC_NAME"));
    }

    static ResultSet functions(RustyConnection connection) {
        return empty(connection, new MetadataResults.Columns().text("FUNCTION_CAT", "FUNCTION_SCHEM",
                "FUNCTION_NAME", "REMARKS").smallint("FUNCTION_TYPE").text("SPECIFIC_NAME"));
    }

    static ResultSet functionColumns(RustyConnection connection) {
        return empty(connection, new MetadataResults.Columns().text("FUNCTION_CAT", "FUNCTION_SCHEM",
                "FUNCTION_NAME", "COLUMN_NAME").smallint("COLUMN_TYPE").integer("DATA_TYPE").text("TYPE_NAME")
                .integer("PRECISION", "LENGTH").smallint("SCALE", "RADIX", "NULLABLE").text("REMARKS")
                .integer("CHAR_OCTET_LENGTH", "ORDINAL_POSITION").text("IS_NULLABLE", "SPECIFIC_NAME"));
    }

    static ResultSet tablePrivileges(RustyConnection connection) {
        return empty(connection, new MetadataResults.Columns().text("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
                "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE"));
    }

    static ResultSet columnPrivileges(RustyConnection connection) {
        return empty(connection, new MetadataResults.Columns().text("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
                "COLUMN_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE"));
    }

    static ResultSet versionColumns(RustyConnection connection) {
        return empty(connection, new MetadataResults.Columns().smallint("SCOPE").text("COLUMN_NAME")
                .integer("DATA_TYPE").text("TYPE_NAME").integer("COLUMN_SIZE", "BUFFER_LENGTH")
                .smallint("DECIMAL_DIGITS", "PSEUDO_COLUMN"));
    }

    static ResultSet pseudoColumns(RustyConnection connection) {
        return empty(connection, new MetadataResults.Columns().text("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
                "COLUMN_NAME").integer("DATA_TYPE", "COLUMN_SIZE", "DECIMAL_DIGITS", "NUM_PREC_RADIX")
                .text("COLUMN_USAGE", "REMARKS").integer("CHAR_OCTET_LENGTH").text("IS_NULLABLE"));
    }

    static ResultSet udts(RustyConnection connection) {
        return empty(connection, new MetadataResults.Columns().text("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME",
                "CLASS_NAME").integer("DATA_TYPE").text("REMARKS").smallint("BASE_TYPE"));
    }

    static ResultSet superTypes(RustyConnection connection) {
        return empty(connection, new MetadataResults.Columns().text("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME",
                "SUPERTYPE_CAT", "SUPERTYPE_SCHEM", "SUPERTYPE_NAME"));
    }

    static ResultSet superTables(RustyConnection connection) {
        return empty(connection, new MetadataResults.Columns().text("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",
                "SUPERTABLE_NAME"));
    }

    static ResultSet attributes(RustyConnection connection) {
        return empty(connection, new MetadataResults.Columns().text("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME",
                "ATTR_NAME").integer("DATA_TYPE").text("ATTR_TYPE_NAME").integer("ATTR_SIZE", "DECIMAL_DIGITS",
                "NUM_PREC_RADIX", "NULLABLE").text("REMARKS", "ATTR_DEF").integer("SQL_DATA_TYPE",
                "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION").text("IS_NULLABLE", "SCOPE_CATALOG",
                "SCOPE_SCHEMA", "SCOPE_TABLE").smallint("SOURCE_DATA_TYPE"));
    }

    static ResultSet clientInfoProperties(RustyConnection connection) {
        MetadataResults.Columns columns = new MetadataResults.Columns().text("NAME").integer("MAX_LEN")
                .text("DEFAULT_VALUE", "DESCRIPTION");
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"ApplicationName", CLIENT_INFO_MAX_LENGTH, null, "the application using the connection"});
        rows.add(new Object[] {"ClientHostname", CLIENT_INFO_MAX_LENGTH, null, "the host the application runs on"});
        rows.add(new Object[] {"ClientUser", CLIENT_INFO_MAX_LENGTH, null, "the application's user"});
        return MetadataResults.result(connection, columns, rows);
    }

    /**
     * The columns that identify a row of {@code tableName}: its primary key, else the first unique index whose
     * columns are all NOT NULL; none when {@code nullable} is false and there is neither. Valid for the session
     * (row identities do not change: RustyDB has no row ids that move).
     */
    static ResultSet bestRowIdentifier(RustyConnection connection, String schema, String tableName, boolean nullable) {
        MetadataResults.Columns columns = new MetadataResults.Columns().smallint("SCOPE").text("COLUMN_NAME")
                .integer("DATA_TYPE").text("TYPE_NAME").integer("COLUMN_SIZE", "BUFFER_LENGTH")
                .smallint("DECIMAL_DIGITS", "PSEUDO_COLUMN");
        List<Object[]> rows = new ArrayList<>();
        io.rustydb.sql.catalog.Catalog catalog = connection.database().engine().catalog();
        for (TableDef table : connection.database().engine().tables()) {
            if (!table.name().equals(tableName) || schema != null && !schema.equals(catalog.schemaOf(table))) {
                continue;
            }
            IndexDef key = identifyingIndex(table, nullable);
            if (key == null) {
                continue;
            }
            for (int position : key.columnPositions()) {
                ColumnDef column = table.columns().get(position);
                rows.add(new Object[] {(short) DatabaseMetaData.bestRowSession, column.name(),
                    column.type().jdbcType(), column.type().sqlName(), TypeInfo.precision(column.type()), null,
                    (short) TypeInfo.scale(column.type()), (short) DatabaseMetaData.bestRowNotPseudo});
            }
        }
        return MetadataResults.result(connection, columns, rows);
    }

    private static IndexDef identifyingIndex(TableDef table, boolean nullableAllowed) {
        if (table.primaryKey() != null) {
            return table.primaryKey();
        }
        for (IndexDef index : table.indexes()) {
            if (!index.unique()) {
                continue;
            }
            boolean anyNullable = false;
            for (int position : index.columnPositions()) {
                anyNullable |= table.columns().get(position).nullable();
            }
            if (!anyNullable || nullableAllowed) {
                return index;
            }
        }
        return null;
    }
}
