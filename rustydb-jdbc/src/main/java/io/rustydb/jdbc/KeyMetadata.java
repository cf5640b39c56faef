package io.rustydb.jdbc;

import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.ForeignKeyDef;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The key and index results of {@link RustyDatabaseMetaData} — {@code getPrimaryKeys}, {@code getImportedKeys},
 * {@code getExportedKeys}, {@code getCrossReference} and {@code getIndexInfo} — built from the catalog's primary
 * keys, foreign keys and indexes with the columns and row order the JDBC specification prescribes. Table names are
 * matched exactly as stored (lower case unless quoted); a null table name matches every table. Schema arguments
 * are names, not patterns, as JDBC specifies them here: null matches every schema.
 */
final class KeyMetadata {
    private KeyMetadata() {
    }

    static ResultSet primaryKeys(RustyConnection connection, String schema, String tableName) {
        MetadataResults.Columns columns = new MetadataResults.Columns()
                .text("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME").smallint("KEY_SEQ").text("PK_NAME");
        List<Object[]> rows = new ArrayList<>();
        for (TableDef table : tables(connection, schema, tableName)) {
            IndexDef key = table.primaryKey();
            if (key == null) {
                continue;
            }
            int[] positions = key.columnPositions();
            for (int i = 0; i < positions.length; i++) {
                rows.add(new Object[] {null, catalog(connection).schemaOf(table), table.name(),
                    table.columns().get(positions[i]).name(), (short) (i + 1), key.name()});
            }
        }
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[1]).thenComparing(r -> (String) r[2])
                .thenComparing(r -> (String) r[3]));
        return MetadataResults.result(connection, columns, rows);
    }

    /**
     * The foreign keys from tables named {@code childTable} to tables named {@code parentTable} (null: any), one row
     * per key column; ordered by the parent table when {@code orderByParent} (getImportedKeys), else by the child.
     */
    static ResultSet foreignKeys(RustyConnection connection, String parentSchema, String parentTable,
                                 String childSchema, String childTable, boolean orderByParent) {
        MetadataResults.Columns columns = new MetadataResults.Columns()
                .text("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME",
                        "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME")
                .smallint("KEY_SEQ", "UPDATE_RULE", "DELETE_RULE").text("FK_NAME", "PK_NAME")
                .smallint("DEFERRABILITY");
        Catalog catalog = connection.database().engine().catalog();
        List<Object[]> rows = new ArrayList<>();
        for (TableDef child : tables(connection, childSchema, childTable)) {
            for (ForeignKeyDef key : child.foreignKeys()) {
                TableDef parent = catalog.tableById(key.parentTableId());
                if (parent == null || (parentTable != null && !parentTable.equals(parent.name()))
                        || !nameMatches(parentSchema, catalog.schemaOf(parent))) {
                    continue;
                }
                String parentKeyName = uniqueIndexName(parent, key.parentColumns());
                for (int i = 0; i < key.columns().length; i++) {
                    rows.add(new Object[] {null, catalog.schemaOf(parent), parent.name(),
                        parent.columns().get(key.parentColumns()[i]).name(), null, catalog.schemaOf(child),
                        child.name(), child.columns().get(key.columns()[i]).name(), (short) (i + 1),
                        rule(key.onUpdate()), rule(key.onDelete()), key.name(), parentKeyName,
                        (short) DatabaseMetaData.importedKeyNotDeferrable});
                }
            }
        }
        int table = orderByParent ? 2 : 6;
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[table - 1]).thenComparing(r -> (String) r[table])
                .thenComparing(r -> (String) r[11])
                .thenComparing(r -> (Short) r[8]));
        return MetadataResults.result(connection, columns, rows);
    }

    /** The indexes of the tables named {@code tableName}, one row per indexed column; only UNIQUE ones if asked. */
    static ResultSet indexInfo(RustyConnection connection, String schema, String tableName, boolean uniqueOnly) {
        MetadataResults.Columns columns = new MetadataResults.Columns()
                .text("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME").bool("NON_UNIQUE")
                .text("INDEX_QUALIFIER", "INDEX_NAME").smallint("TYPE", "ORDINAL_POSITION")
                .text("COLUMN_NAME", "ASC_OR_DESC").integer("CARDINALITY", "PAGES").text("FILTER_CONDITION");
        List<Object[]> rows = new ArrayList<>();
        for (TableDef table : tables(connection, schema, tableName)) {
            for (IndexDef index : table.indexes()) {
                if (uniqueOnly && !index.unique()) {
                    continue;
                }
                boolean hash = index.method() == IndexDef.IndexMethod.HASH;
                for (int i = 0; i < index.columns().size(); i++) {
                    IndexDef.IndexColumn column = index.columns().get(i);
                    String order = hash ? null : column.descending() ? "D" : "A";
                    rows.add(new Object[] {null, catalog(connection).schemaOf(table), table.name(), !index.unique(), null,
                        index.name(), (short) (hash ? DatabaseMetaData.tableIndexHashed
                            : DatabaseMetaData.tableIndexOther), (short) (i + 1),
                        table.columns().get(column.column()).name(), order, null, null, null});
                }
            }
        }
        rows.sort(Comparator.comparing((Object[] r) -> (Boolean) r[3]).thenComparing(r -> (Short) r[6])
                .thenComparing(r -> (String) r[5]).thenComparing(r -> (Short) r[7]));
        return MetadataResults.result(connection, columns, rows);
    }

    /** The tables named {@code tableName} (null: any) in schema {@code schema} (a name, not a pattern; null: any). */
    private static List<TableDef> tables(RustyConnection connection, String schema, String tableName) {
        List<TableDef> found = new ArrayList<>();
        Catalog catalog = catalog(connection);
        for (TableDef table : catalog.tables()) {
            if ((tableName == null || tableName.equals(table.name())) && nameMatches(schema, catalog.schemaOf(table))) {
                found.add(table);
            }
        }
        return found;
    }

    /** Whether {@code schema} is the one named by {@code wanted} (null: any; "": none, every table has one). */
    private static boolean nameMatches(String wanted, String schema) {
        return wanted == null || wanted.equals(schema);
    }

    private static Catalog catalog(RustyConnection connection) {
        return connection.database().engine().catalog();
    }

    /** The name of the unique index on exactly {@code columns} of {@code table} (what a foreign key refers to). */
    private static String uniqueIndexName(TableDef table, int[] columns) {
        int[] wanted = columns.clone();
        Arrays.sort(wanted);
        for (IndexDef index : table.indexes()) {
            int[] have = index.columnPositions().clone();
            Arrays.sort(have);
            if (index.unique() && Arrays.equals(have, wanted)) {
                return index.name();
            }
        }
        return null;
    }

    private static short rule(ForeignKeyDef.Action action) {
        return (short) switch (action) {
            case CASCADE -> DatabaseMetaData.importedKeyCascade;
            case SET_NULL -> DatabaseMetaData.importedKeySetNull;
            case SET_DEFAULT -> DatabaseMetaData.importedKeySetDefault;
            case RESTRICT -> DatabaseMetaData.importedKeyRestrict;
            case NO_ACTION -> DatabaseMetaData.importedKeyNoAction;
        };
    }
}
