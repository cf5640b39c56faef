package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code getPrimaryKeys}, {@code getImportedKeys}, {@code getExportedKeys}, {@code getCrossReference} and
 * {@code getIndexInfo} report the catalog's keys and indexes, read by column label as tools read them.
 */
class KeyMetadataTest {
    private Connection c;
    private DatabaseMetaData md;

    @BeforeEach
    void schema() throws SQLException {
        c = DriverManager.getConnection(freshMemUrl("keys"));
        md = c.getMetaData();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE parent (b INTEGER, a INTEGER, name VARCHAR(20) UNIQUE, PRIMARY KEY (a, b))");
            s.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, pa INTEGER, pb INTEGER, other INTEGER,"
                    + " CONSTRAINT child_parent FOREIGN KEY (pa, pb) REFERENCES parent (a, b)"
                    + " ON DELETE CASCADE ON UPDATE SET NULL)");
            s.execute("CREATE TABLE grandchild (id INTEGER, c INTEGER REFERENCES child (id))");
            s.execute("CREATE INDEX child_other ON child (other DESC)");
            s.execute("CREATE INDEX child_pa_hash ON child USING HASH (pa)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void primaryKeysInKeyOrder() throws SQLException {
        List<List<Object>> pk = read(md.getPrimaryKeys(null, null, "parent"),
                "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ");
        // rows ordered by column name; KEY_SEQ is the position in the key
        assertEquals(List.of(List.of("public", "parent", "a", "1"), List.of("public", "parent", "b", "2")), pk);
        assertEquals(1, read(md.getPrimaryKeys(null, "public", "child"), "COLUMN_NAME").size());
        assertEquals(0, read(md.getPrimaryKeys(null, null, "grandchild"), "COLUMN_NAME").size());
        assertEquals(0, read(md.getPrimaryKeys(null, "other_schema", "parent"), "COLUMN_NAME").size());
        String pkName = (String) read(md.getPrimaryKeys(null, null, "parent"), "PK_NAME").get(0).get(0);
        assertEquals(pkName, read(md.getImportedKeys(null, null, "child"), "PK_NAME").get(0).get(0),
                "a foreign key names the parent's key it references");
    }

    @Test
    void importedExportedAndCrossReference() throws SQLException {
        List<List<Object>> imported = read(md.getImportedKeys(null, null, "child"), "PKTABLE_NAME", "PKCOLUMN_NAME",
                "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "DEFERRABILITY");
        String setNull = String.valueOf(DatabaseMetaData.importedKeySetNull);
        String cascade = String.valueOf(DatabaseMetaData.importedKeyCascade);
        String notDeferrable = String.valueOf(DatabaseMetaData.importedKeyNotDeferrable);
        assertEquals(List.of(
                List.of("parent", "a", "child", "pa", "1", setNull, cascade, "child_parent", notDeferrable),
                List.of("parent", "b", "child", "pb", "2", setNull, cascade, "child_parent", notDeferrable)), imported);

        List<List<Object>> exported = read(md.getExportedKeys(null, null, "child"), "PKTABLE_NAME", "FKTABLE_NAME",
                "FKCOLUMN_NAME", "DELETE_RULE");
        String noAction = String.valueOf(DatabaseMetaData.importedKeyNoAction);
        assertEquals(List.of(List.of("child", "grandchild", "c", noAction)), exported);

        assertEquals(2, read(md.getCrossReference(null, null, "parent", null, null, "child"), "FK_NAME").size());
        assertEquals(0, read(md.getCrossReference(null, null, "parent", null, null, "grandchild"), "FK_NAME").size());
        assertEquals(0, read(md.getImportedKeys(null, null, "parent"), "FK_NAME").size());
    }

    @Test
    void indexInfoListsEveryIndexColumn() throws SQLException {
        List<List<Object>> all = read(md.getIndexInfo(null, null, "child", false, true), "TABLE_NAME", "NON_UNIQUE",
                "INDEX_NAME", "TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC");
        String other = String.valueOf(DatabaseMetaData.tableIndexOther);
        String hashed = String.valueOf(DatabaseMetaData.tableIndexHashed);
        List<Object> pk = all.get(0);
        assertEquals(List.of("child", "false"), pk.subList(0, 2), "unique indexes come first");
        assertEquals(List.of("1", "id", "A"), pk.subList(4, 7));
        // ordered by NON_UNIQUE, TYPE (tableIndexHashed before tableIndexOther), INDEX_NAME
        assertEquals(List.of(
                List.of("child", "true", "child_pa_hash", hashed, "1", "pa", "null"),
                List.of("child", "true", "child_other", other, "1", "other", "D")), all.subList(1, 3));
        assertEquals(3, all.size());
        assertEquals(1, read(md.getIndexInfo(null, null, "child", true, true), "INDEX_NAME").size());
        List<List<Object>> parent = read(md.getIndexInfo(null, null, "parent", true, true), "INDEX_NAME",
                "COLUMN_NAME");
        assertEquals(3, parent.size(), "the two-column primary key and the UNIQUE name: " + parent);
    }

    /** The named columns of every row, as strings (getString, as tools read metadata). */
    private static List<List<Object>> read(ResultSet rs, String... labels) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (String label : labels) {
                    row.add(String.valueOf(rs.getString(label)));
                }
                out.add(row);
            }
        }
        return out;
    }
}
