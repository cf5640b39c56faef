package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ALTER TABLE ADD COLUMN / RENAME COLUMN / RENAME TO: old rows read the new column as NULL, changes persist and roll back. */
class AlterTableTest {
    @TempDir
    Path dir;

    @Test
    void addAndRenameColumnsAndTables() throws SQLException {
        String url = "jdbc:rustydb:file:" + dir.resolve("alter.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INTEGER, b VARCHAR(5))");
            s.execute("INSERT INTO t VALUES (1, 'x'), (2, 'y')");
            s.execute("ALTER TABLE t ADD COLUMN c INTEGER");
            s.execute("INSERT INTO t VALUES (3, 'z', 30)");
            s.execute("ALTER TABLE t RENAME COLUMN b TO name");
            SQLException notNull = assertThrows(SQLException.class, () -> s.execute("ALTER TABLE t ADD d INTEGER NOT NULL"));
            assertEquals("23502", notNull.getSQLState());
            SQLException duplicate = assertThrows(SQLException.class, () -> s.execute("ALTER TABLE t ADD a INTEGER"));
            assertEquals("42701", duplicate.getSQLState());
            c.setAutoCommit(false);
            s.execute("ALTER TABLE t ADD e INTEGER");
            c.rollback();
            c.setAutoCommit(true);
            s.execute("ALTER TABLE t RENAME TO u");
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT a, name, c FROM u ORDER BY a")) {
            assertEquals(3, r.getMetaData().getColumnCount());
            StringBuilder sb = new StringBuilder();
            while (r.next()) {
                sb.append(r.getInt(1)).append(r.getString(2)).append(r.getObject(3)).append(';');
            }
            assertEquals("1xnull;2ynull;3z30;", sb.toString());
            SQLException gone = assertThrows(SQLException.class, () -> s.executeQuery("SELECT e FROM u"));
            assertEquals("42703", gone.getSQLState());
        }
    }
}
