package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** information_schema views over the catalog, COMMENT ON TABLE / COLUMN (rollback, reopen), public.t names. */
class InformationSchemaTest {
    @TempDir
    Path dir;

    @Test
    void viewsReflectTheCatalog() throws SQLException {
        try (Connection c = DriverManager.getConnection(JdbcTestSupport.freshMemUrl("infoschema"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE p (id INT PRIMARY KEY, code VARCHAR(8) UNIQUE)");
            s.execute("CREATE TABLE ch (id BIGINT NOT NULL, pid INT REFERENCES p (id) ON DELETE CASCADE, "
                    + "price DECIMAL(10,2) DEFAULT 0 CHECK (price >= 0), at TIMESTAMP)");
            s.execute("CREATE VIEW pv AS SELECT id, code FROM p");
            s.execute("CREATE SEQUENCE seq START WITH 5 INCREMENT BY 2");
            assertEquals(List.of(row("ch", "BASE TABLE"), row("p", "BASE TABLE"), row("pv", "VIEW")), rows(c,
                    "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'public' "
                    + "ORDER BY table_name"));
            assertEquals(List.of(
                    row("id", 1, "NO", "bigint", null, 64, 0, null),
                    row("pid", 2, "YES", "integer", null, 32, 0, null),
                    row("price", 3, "YES", "numeric", null, 10, 2, "0"),
                    row("at", 4, "YES", "timestamp without time zone", null, null, null, null)),
                    rows(c, "SELECT column_name, ordinal_position, is_nullable, data_type, character_maximum_length, "
                    + "numeric_precision, numeric_scale, column_default FROM information_schema.columns "
                    + "WHERE table_name = 'ch' ORDER BY ordinal_position"));
            assertEquals(List.of(row("code", "character varying", 8)), rows(c, "SELECT column_name, data_type, "
                    + "character_maximum_length FROM information_schema.columns WHERE table_name = 'pv' "
                    + "AND column_name = 'code'"));
            assertEquals(List.of(row("ch_pid_fkey", "FOREIGN KEY"), row("ch_price_check", "CHECK"),
                    row("p_code_key", "UNIQUE"), row("p_pkey", "PRIMARY KEY")), rows(c,
                    "SELECT constraint_name, constraint_type FROM information_schema.table_constraints "
                    + "ORDER BY constraint_name"));
            assertEquals(List.of(row("p_pkey", "CASCADE", "NO ACTION")), rows(c, "SELECT unique_constraint_name, "
                    + "delete_rule, update_rule FROM information_schema.referential_constraints"));
            assertEquals(List.of(row("ch_pid_fkey", "pid", 1)), rows(c, "SELECT k.constraint_name, k.column_name, "
                    + "k.ordinal_position FROM information_schema.key_column_usage k WHERE k.table_name = 'ch'"));
            assertEquals(List.of(row("seq", "bigint", "5", "2", "NO")), rows(c, "SELECT sequence_name, data_type, "
                    + "start_value, increment, cycle_option FROM information_schema.sequences"));
            assertEquals(1L, scalar(c, "SELECT count(*) FROM information_schema.views WHERE table_name = 'pv'"));
            assertEquals(List.of("information_schema", "pg_catalog", "public"), JdbcTestSupport.column(c,
                    "SELECT schema_name FROM information_schema.schemata ORDER BY schema_name"));
            // the plan follows the catalog
            s.execute("CREATE TABLE later (x INT)");
            assertEquals(3L, scalar(c, "SELECT count(*) FROM information_schema.tables WHERE table_type = 'BASE TABLE'"));
            assertEquals(0L, scalar(c, "SELECT count(*) FROM public.later"));
            fails(s, "SELECT * FROM information_schema.nope", "42P01");
            fails(s, "SELECT * FROM nope.later", "3F000");
        }
    }

    @Test
    void commentsAreKeptRolledBackAndReopened() throws SQLException {
        String url = "jdbc:rustydb:file:" + dir.resolve("comments.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INT, b INT, c INT)");
            s.execute("COMMENT ON TABLE t IS 'the table'");
            s.execute("COMMENT ON COLUMN t.c IS 'column c'");
            s.execute("COMMENT ON COLUMN t.b IS 'column b'");
            fails(s, "COMMENT ON COLUMN t.nope IS 'x'", "42703");
            fails(s, "COMMENT ON TABLE nope IS 'x'", "42P01");
            c.setAutoCommit(false);
            s.execute("COMMENT ON TABLE t IS 'changed'");
            s.execute("COMMENT ON COLUMN t.b IS NULL");
            c.rollback();
            c.setAutoCommit(true);
            s.execute("ALTER TABLE t DROP COLUMN a"); // the comments follow their columns
        }
        try (Connection c = DriverManager.getConnection(url)) {
            java.sql.DatabaseMetaData md = c.getMetaData();
            try (java.sql.ResultSet r = md.getTables(null, null, "t", null)) {
                r.next();
                assertEquals("the table", r.getString("REMARKS"));
            }
            List<String> remarks = new java.util.ArrayList<>();
            try (java.sql.ResultSet r = md.getColumns(null, null, "t", null)) {
                while (r.next()) {
                    remarks.add(r.getString("COLUMN_NAME") + "=" + r.getString("REMARKS"));
                }
            }
            assertEquals(List.of("b=column b", "c=column c"), remarks);
        }
    }
}
