package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.column;
import static io.rustydb.jdbc.JdbcTestSupport.connect;
import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schemas: CREATE / DROP / ALTER SCHEMA (transactional), qualified names in every statement, the search path
 * (SET / SHOW / RESET search_path, current_schema(), current_schemas()), the same name in two schemas, schemas
 * across reopening a file database, information_schema, and the errors (3F000, 42P06, 2BP01, 42P01, 42704, ...).
 */
class SchemaTest {
    @TempDir
    Path dir;

    private static void exec(Statement s, String... sqls) throws SQLException {
        for (String sql : sqls) {
            s.execute(sql);
        }
    }

    @Test
    void sameTableNameInTwoSchemasWithQualifiedNamesEverywhere() throws SQLException {
        try (Connection c = connect(freshMemUrl("schema_same")); Statement s = c.createStatement()) {
            exec(s, "CREATE SCHEMA a", "CREATE SCHEMA b",
                    "CREATE TABLE a.t (id INT PRIMARY KEY, v TEXT)",
                    "CREATE TABLE b.t (id INT PRIMARY KEY, v TEXT)",
                    "CREATE TABLE t (id INT PRIMARY KEY, v TEXT)",
                    "INSERT INTO a.t VALUES (1, 'a1'), (2, 'a2')",
                    "INSERT INTO b.t VALUES (1, 'b1')",
                    "INSERT INTO public.t VALUES (1, 'p1')");
            assertEquals(List.of("a1", "a2"), column(c, "SELECT v FROM a.t ORDER BY id"));
            assertEquals(List.of("b1"), column(c, "SELECT v FROM b.t"));
            assertEquals(List.of("p1"), column(c, "SELECT v FROM t"), "unqualified: public, the default path");
            assertEquals(List.of("a2"), column(c, "SELECT a.t.v FROM a.t WHERE a.t.id = 2"), "schema.table.column");
            assertEquals(List.of(row("a1", "b1")), rows(c, "SELECT x.v, y.v FROM a.t x JOIN b.t y ON x.id = y.id"));
            assertEquals(1, s.executeUpdate("UPDATE a.t SET v = 'A1' WHERE id = 1"));
            assertEquals(1, s.executeUpdate("DELETE FROM b.t WHERE id = 1"));
            exec(s, "MERGE INTO b.t USING a.t src ON b.t.id = src.id WHEN NOT MATCHED THEN INSERT VALUES (src.id, src.v)");
            assertEquals(List.of("A1", "a2"), column(c, "SELECT v FROM b.t ORDER BY id"));
            assertEquals(List.of("p1"), column(c, "SELECT v FROM t"), "public.t untouched");
            exec(s, "ALTER TABLE a.t ADD COLUMN w INT DEFAULT 7");
            assertEquals(List.of(7, 7), column(c, "SELECT w FROM a.t"));
            assertEquals(3, column(c, "SELECT * FROM b.t").size() + 1, "b.t did not get the column");
            exec(s, "CREATE INDEX t_v ON a.t (v)", "CREATE INDEX t_v ON b.t (v)"); // an index is in its table's schema
            fails(s, "CREATE INDEX t_v ON a.t (w)", "42P07");
            exec(s, "DROP INDEX b.t_v");
            fails(s, "DROP INDEX b.t_v", "42704");
            exec(s, "DROP INDEX a.t_v", "DROP TABLE a.t", "DROP TABLE b.t");
            assertEquals(List.of("p1"), column(c, "SELECT v FROM t"));
            fails(s, "SELECT * FROM a.t", "42P01");
        }
    }

    @Test
    void searchPathResolvesFirstMatchAndCreatesInFirstSchema() throws SQLException {
        try (Connection c = connect(freshMemUrl("schema_path")); Statement s = c.createStatement()) {
            assertEquals("public", scalar(c, "SHOW search_path"));
            assertEquals("public", scalar(c, "SELECT current_schema()"));
            exec(s, "CREATE SCHEMA a", "CREATE SCHEMA b", "CREATE TABLE b.only_b (x INT)",
                    "INSERT INTO b.only_b VALUES (2)", "CREATE TABLE t (x INT)", "INSERT INTO t VALUES (0)");
            exec(s, "SET search_path TO a, b, public");
            assertEquals("a, b, public", scalar(c, "SHOW search_path"));
            assertEquals("a", scalar(c, "SELECT current_schema()"));
            assertEquals("{a,b,public}", scalar(c, "SELECT current_schemas(false)"));
            assertEquals("{pg_catalog,a,b,public}", scalar(c, "SELECT current_schemas(true)"));
            assertEquals(2, scalar(c, "SELECT x FROM only_b"), "found in the second schema of the path");
            assertEquals(0, scalar(c, "SELECT x FROM t"), "public.t");
            exec(s, "CREATE TABLE t (x INT)", "INSERT INTO t VALUES (1)"); // into a, the first schema
            assertEquals(1, scalar(c, "SELECT x FROM t"), "a.t now hides public.t");
            assertEquals(1, scalar(c, "SELECT x FROM a.t"));
            assertEquals(0, scalar(c, "SELECT x FROM public.t"));
            exec(s, "SET search_path = nosuch, b");
            assertEquals("b", scalar(c, "SELECT current_schema()"), "a schema that does not exist is skipped");
            fails(s, "SELECT * FROM t", "42P01");
            exec(s, "CREATE TABLE made_in_b (x INT)");
            assertEquals(1, rows(c, "SELECT * FROM information_schema.tables WHERE table_schema = 'b' "
                    + "AND table_name = 'made_in_b'").size());
            exec(s, "SET search_path TO nosuch");
            assertEquals(null, scalar(c, "SELECT current_schema()"));
            fails(s, "CREATE TABLE nowhere (x INT)", "3F000");
            exec(s, "RESET search_path");
            assertEquals("public", scalar(c, "SHOW search_path"));
            exec(s, "SET search_path = 'b', public"); // a string literal is a list of names, folded
            assertEquals("b, public", scalar(c, "SHOW search_path"));
            exec(s, "SET SCHEMA 'a'");
            assertEquals("a", scalar(c, "SHOW search_path"));
            exec(s, "SET search_path TO DEFAULT");
            assertEquals("public", scalar(c, "SHOW search_path"));
            exec(s, "CREATE SCHEMA \"Mixed\"", "SET search_path TO \"Mixed\", public");
            assertEquals("\"Mixed\", public", scalar(c, "SHOW search_path"));
            assertEquals("Mixed", scalar(c, "SELECT current_schema()"));
        }
    }

    @Test
    void settingsAndTheirErrors() throws SQLException {
        try (Connection c = connect(freshMemUrl("schema_settings")); Statement s = c.createStatement()) {
            exec(s, "SET application_name = 'my app'");
            assertEquals("my app", scalar(c, "SHOW application_name"));
            assertEquals("my app", scalar(c, "SELECT current_setting('application_name')"));
            exec(s, "RESET application_name");
            assertEquals("", scalar(c, "SHOW application_name"));
            exec(s, "SET client_encoding TO 'UTF8'", "SET standard_conforming_strings = on");
            assertEquals("UTF8", scalar(c, "SHOW client_encoding"));
            fails(s, "SET client_encoding TO 'LATIN1'", "22023");
            fails(s, "SET standard_conforming_strings = off", "22023");
            SQLException unknown = fails(s, "SET no_such_parameter = 1", "42704");
            assertTrue(unknown.getMessage().contains("unrecognized configuration parameter \"no_such_parameter\""),
                    unknown.getMessage());
            fails(s, "SHOW no_such_parameter", "42704");
            fails(s, "RESET no_such_parameter", "42704");
            fails(s, "SELECT current_setting('no_such_parameter')", "42704");
            fails(s, "SET search_path", "42601");
            fails(s, "SET LOCAL search_path TO public", "0A000");
            exec(s, "SET search_path TO public", "RESET ALL");
            try (ResultSet rs = s.executeQuery("SHOW search_path")) {
                assertEquals("search_path", rs.getMetaData().getColumnName(1));
            }
        }
    }

    @Test
    void schemaDdlErrors() throws SQLException {
        try (Connection c = connect(freshMemUrl("schema_errors")); Statement s = c.createStatement()) {
            exec(s, "CREATE SCHEMA a");
            fails(s, "CREATE SCHEMA a", "42P06");
            fails(s, "CREATE SCHEMA public", "42P06");
            fails(s, "CREATE SCHEMA information_schema", "42P06");
            exec(s, "CREATE SCHEMA IF NOT EXISTS a");
            fails(s, "CREATE SCHEMA pg_mine", "42939");
            fails(s, "CREATE TABLE nosuch.t (x INT)", "3F000");
            fails(s, "SELECT * FROM nosuch.t", "3F000");
            fails(s, "INSERT INTO nosuch.t VALUES (1)", "3F000");
            fails(s, "CREATE TABLE information_schema.t (x INT)", "42501");
            SQLException missing = fails(s, "SELECT * FROM a.missing", "42P01");
            assertTrue(missing.getMessage().contains("a.missing"), missing.getMessage());
            fails(s, "DROP SCHEMA nosuch", "3F000");
            exec(s, "DROP SCHEMA IF EXISTS nosuch");
            fails(s, "DROP SCHEMA public", "0A000");
            fails(s, "ALTER SCHEMA public RENAME TO p2", "0A000");
            exec(s, "CREATE SCHEMA b");
            fails(s, "ALTER SCHEMA a RENAME TO b", "42P06");
            fails(s, "ALTER SCHEMA nosuch RENAME TO c", "3F000");
            exec(s, "CREATE TABLE a.t (x INT)");
            SQLException notEmpty = fails(s, "DROP SCHEMA a", "2BP01");
            assertTrue(notEmpty.getMessage().contains("a.t"), notEmpty.getMessage());
            fails(s, "DROP SCHEMA a RESTRICT", "2BP01");
            fails(s, "DROP SCHEMA b, a", "2BP01");
            assertEquals(1, rows(c, "SELECT * FROM information_schema.schemata WHERE schema_name = 'b'").size(),
                    "a failed DROP of several schemas drops none");
            exec(s, "DROP SCHEMA a, b CASCADE");
            fails(s, "SELECT * FROM a.t", "3F000");
            fails(s, "CREATE SCHEMA", "42601");
            fails(s, "ALTER SCHEMA a OWNER TO someone", "0A000");
        }
    }

    @Test
    void dropCascadeTakesObjectsAndReferencesFromOtherSchemas() throws SQLException {
        try (Connection c = connect(freshMemUrl("schema_cascade")); Statement s = c.createStatement()) {
            exec(s, "CREATE SCHEMA app",
                    "CREATE TABLE app.parent (id INT PRIMARY KEY)",
                    "CREATE TABLE app.items (id SERIAL PRIMARY KEY, p INT REFERENCES app.parent)",
                    "CREATE SEQUENCE app.counter",
                    "CREATE VIEW app.v AS SELECT id FROM app.parent",
                    "CREATE TABLE child (id INT, p INT REFERENCES app.parent (id))",
                    "CREATE VIEW outside AS SELECT * FROM app.parent",
                    "INSERT INTO app.parent VALUES (1)", "INSERT INTO child VALUES (1, 1)");
            fails(s, "INSERT INTO child VALUES (2, 99)", "23503");
            fails(s, "DROP TABLE app.parent", "2BP01");
            exec(s, "DROP SCHEMA app CASCADE");
            assertEquals(List.of("child"), column(c, "SELECT table_name FROM information_schema.tables"),
                    "the view outside that read a dropped table went too");
            exec(s, "INSERT INTO child VALUES (3, 99)"); // its foreign key went with the parent
            fails(s, "SELECT nextval('app.counter')", "3F000");
            assertEquals(0, rows(c, "SELECT * FROM information_schema.sequences").size());
        }
    }

    @Test
    void schemaDdlRollsBack() throws SQLException {
        try (Connection c = connect(freshMemUrl("schema_rollback")); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            exec(s, "CREATE SCHEMA a", "CREATE TABLE a.t (x INT)", "INSERT INTO a.t VALUES (1)");
            c.rollback();
            fails(s, "SELECT * FROM a.t", "3F000");
            assertEquals(List.of("information_schema", "pg_catalog", "public"),
                    column(c, "SELECT schema_name FROM information_schema.schemata ORDER BY schema_name"));
            exec(s, "CREATE SCHEMA a", "CREATE TABLE a.t (x INT)", "INSERT INTO a.t VALUES (1)");
            c.commit();
            exec(s, "DROP SCHEMA a CASCADE");
            fails(s, "SELECT * FROM a.t", "3F000");
            c.rollback();
            assertEquals(1, scalar(c, "SELECT x FROM a.t"), "DROP SCHEMA ... CASCADE rolled back, rows and all");
            exec(s, "ALTER SCHEMA a RENAME TO b");
            assertEquals(1, scalar(c, "SELECT x FROM b.t"));
            fails(s, "SELECT x FROM a.t", "3F000");
            c.rollback();
            assertEquals(1, scalar(c, "SELECT x FROM a.t"), "the rename rolled back");
            fails(s, "SELECT x FROM b.t", "3F000");
            exec(s, "SAVEPOINT sp", "CREATE SCHEMA c");
            exec(s, "ROLLBACK TO SAVEPOINT sp");
            fails(s, "CREATE TABLE c.t (x INT)", "3F000");
            c.commit();
        }
    }

    @Test
    void sequencesSerialsAndViewsInSchemas() throws SQLException {
        try (Connection c = connect(freshMemUrl("schema_seq")); Statement s = c.createStatement()) {
            exec(s, "CREATE SCHEMA a", "CREATE SEQUENCE a.seq START WITH 10", "CREATE SEQUENCE seq START WITH 100");
            assertEquals(10L, scalar(c, "SELECT nextval('a.seq')"));
            assertEquals(100L, scalar(c, "SELECT nextval('seq')"));
            assertEquals(11L, scalar(c, "SELECT NEXT VALUE FOR a.seq"));
            assertEquals(12L, scalar(c, "SELECT a.seq.nextval"));
            assertEquals(12L, scalar(c, "SELECT currval('a.seq')"));
            fails(s, "SELECT nextval('a.nothing')", "42P01");
            fails(s, "SELECT nextval('a.b.c')", "42602");
            exec(s, "SET search_path TO a");
            assertEquals(13L, scalar(c, "SELECT nextval('seq')"), "through the path: a.seq");
            exec(s, "CREATE TABLE items (id SERIAL PRIMARY KEY, v TEXT)"); // a.items, its sequence a.items_id_seq
            exec(s, "INSERT INTO items (v) VALUES ('x'), ('y')");
            exec(s, "SET search_path TO public");
            exec(s, "INSERT INTO a.items (v) VALUES ('z')"); // the default finds its own sequence from any path
            assertEquals(List.of(1, 2, 3), column(c, "SELECT id FROM a.items ORDER BY id"));
            assertEquals(List.of("a.items_id_seq"), column(c, "SELECT sequence_schema || '.' || sequence_name "
                    + "FROM information_schema.sequences WHERE sequence_name LIKE 'items%'"));
            exec(s, "DROP SEQUENCE a.seq");
            assertEquals(101L, scalar(c, "SELECT nextval('seq')"), "public.seq stays");

            // a view binds its query through the path it was created with, whatever the path of its readers
            exec(s, "CREATE TABLE t (x INT)", "INSERT INTO t VALUES (0)", "CREATE TABLE a.t (x INT)",
                    "INSERT INTO a.t VALUES (1)", "SET search_path TO a, public", "CREATE VIEW v AS SELECT x FROM t");
            exec(s, "SET search_path TO public");
            assertEquals(1, scalar(c, "SELECT x FROM a.v"));
            fails(s, "SELECT x FROM v", "42P01");
            exec(s, "ALTER SCHEMA a RENAME TO renamed");
            assertEquals(1, scalar(c, "SELECT x FROM renamed.v"), "a renamed schema keeps its views working");
            exec(s, "COMMENT ON TABLE renamed.t IS 'in renamed'");
            try (ResultSet rs = c.getMetaData().getTables(null, "renamed", "t", null)) {
                assertTrue(rs.next());
                assertEquals("in renamed", rs.getString("REMARKS"));
            }
        }
    }

    @Test
    void preparedStatementFollowsTheSearchPath() throws SQLException {
        try (Connection c = connect(freshMemUrl("schema_prepared")); Statement s = c.createStatement()) {
            exec(s, "CREATE SCHEMA a", "CREATE TABLE t (x INT)", "INSERT INTO t VALUES (0)",
                    "CREATE TABLE a.t (x INT)", "INSERT INTO a.t VALUES (1)");
            try (PreparedStatement p = c.prepareStatement("SELECT x FROM t")) {
                assertEquals(List.of(row(0)), rows(p.executeQuery()));
                exec(s, "SET search_path TO a");
                assertEquals(List.of(row(1)), rows(p.executeQuery()), "bound again through the new path");
            }
            try (Connection other = connect(c.getMetaData().getURL())) {
                assertEquals(0, scalar(other, "SELECT x FROM t"), "the path is per connection");
            }
        }
    }

    @Test
    void schemasSurviveReopeningAFileDatabase() throws SQLException {
        String url = "jdbc:rustydb:file:" + dir.resolve("schemas.db");
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            exec(s, "CREATE SCHEMA a AUTHORIZATION alice", "CREATE SCHEMA gone", "CREATE TABLE a.t (id SERIAL, v TEXT)",
                    "CREATE TABLE t (v TEXT)", "INSERT INTO a.t (v) VALUES ('a')", "INSERT INTO t VALUES ('p')",
                    "CREATE SEQUENCE a.s", "CREATE VIEW a.v AS SELECT v FROM a.t", "CREATE INDEX t_v ON a.t (v)",
                    "ALTER SCHEMA gone RENAME TO kept");
            assertEquals(1L, scalar(c, "SELECT nextval('a.s')"));
        }
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            assertEquals(List.of(row("a", "alice"), row("information_schema", "rustydb"), row("kept", "rustydb"),
                    row("pg_catalog", "rustydb"), row("public", "rustydb")),
                    rows(c, "SELECT schema_name, schema_owner FROM information_schema.schemata ORDER BY 1"));
            assertEquals("a", scalar(c, "SELECT v FROM a.t"));
            assertEquals("p", scalar(c, "SELECT v FROM t"));
            assertEquals("a", scalar(c, "SELECT v FROM a.v"));
            assertTrue((Long) scalar(c, "SELECT nextval('a.s')") > 1L);
            exec(s, "INSERT INTO a.t (v) VALUES ('b')");
            List<Object> ids = column(c, "SELECT id FROM a.t ORDER BY id");
            assertEquals(1, ids.get(0));
            assertTrue((Integer) ids.get(1) > 1, "the SERIAL's sequence in schema a went on: " + ids);
            fails(s, "CREATE INDEX t_v ON a.t (id)", "42P07");
            exec(s, "CREATE INDEX t_v ON t (v)");
            exec(s, "CREATE TABLE kept.k (x INT)");
            fails(s, "DROP SCHEMA a", "2BP01");
            // a view created through a path with a schema that is dropped later
            exec(s, "CREATE SCHEMA z", "SET search_path TO z, public", "CREATE VIEW public.pv AS SELECT v FROM t",
                    "SET search_path TO public", "DROP SCHEMA z");
        }
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            exec(s, "CREATE SCHEMA y", "CREATE TABLE y.t (v TEXT)", "INSERT INTO y.t VALUES ('y')");
            assertEquals("p", scalar(c, "SELECT v FROM pv"), "a new schema (maybe with z's id) is not on pv's path");
        }
    }

    @Test
    void informationSchemaReportsRealSchemas() throws SQLException {
        try (Connection c = connect(freshMemUrl("schema_info")); Statement s = c.createStatement()) {
            exec(s, "CREATE SCHEMA a", "CREATE TABLE a.t (id INT PRIMARY KEY, p INT)",
                    "CREATE TABLE r (id INT PRIMARY KEY, a_id INT REFERENCES a.t)", "CREATE VIEW a.v AS SELECT id FROM a.t");
            assertEquals(List.of(row("a", "t", "BASE TABLE"), row("a", "v", "VIEW"), row("public", "r", "BASE TABLE")),
                    rows(c, "SELECT table_schema, table_name, table_type FROM information_schema.tables"));
            assertEquals(List.of(row("a", "t", "id"), row("a", "t", "p"), row("a", "v", "id")),
                    rows(c, "SELECT table_schema, table_name, column_name FROM information_schema.columns "
                            + "WHERE table_schema = 'a' ORDER BY table_name, ordinal_position"));
            assertEquals(List.of(row("a", "v")), rows(c, "SELECT table_schema, table_name FROM information_schema.views"));
            assertEquals(List.of(row("public", "a", "t_pkey")), rows(c, "SELECT constraint_schema, "
                    + "unique_constraint_schema, unique_constraint_name FROM information_schema.referential_constraints"));
            assertEquals(List.of(row("a", "t_pkey")), rows(c, "SELECT table_schema, constraint_name FROM "
                    + "information_schema.table_constraints WHERE table_name = 't'"));
        }
    }

    @Test
    void jdbcSchemaApiAndMetadata() throws SQLException {
        String url = freshMemUrl("schema_jdbc");
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            exec(s, "CREATE SCHEMA app", "CREATE SCHEMA audit", "CREATE TABLE app.t (id INT PRIMARY KEY, v TEXT)",
                    "CREATE TABLE audit.t (id INT PRIMARY KEY, t_id INT REFERENCES app.t)", "CREATE TABLE plain (x INT)");
            assertEquals("public", c.getSchema());
            c.setSchema("app");
            assertEquals("app", c.getSchema());
            assertEquals("app", scalar(c, "SHOW search_path"));
            assertEquals(0, rows(c, "SELECT * FROM t").size(), "app.t through the path");
            c.setSchema("AUDIT"); // folded when only the lower-case schema exists
            assertEquals("audit", c.getSchema());
            assertEquals("3F000", org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> c.setSchema("nosuch")).getSQLState());
            assertEquals("audit", c.getSchema(), "a failed setSchema changes nothing");
            c.setSchema(null);
            assertEquals("public", c.getSchema());

            java.sql.DatabaseMetaData md = c.getMetaData();
            assertTrue(md.supportsSchemasInDataManipulation());
            assertTrue(md.supportsSchemasInTableDefinitions());
            assertTrue(md.supportsSchemasInIndexDefinitions());
            assertEquals(List.of("app", "audit", "information_schema", "pg_catalog", "public"),
                    firstColumn(md.getSchemas(), 1));
            assertEquals(List.of("app", "audit"), firstColumn(md.getSchemas(null, "a%"), 1));
            assertEquals(List.of(), firstColumn(md.getSchemas("other", null), 1));
            assertEquals(List.of(row("app", "t"), row("audit", "t")),
                    cols(md.getTables(null, null, "t", new String[] {"TABLE"}), "TABLE_SCHEM", "TABLE_NAME"));
            assertEquals(List.of(row("audit", "t")),
                    cols(md.getTables(null, "aud%", "%", null), "TABLE_SCHEM", "TABLE_NAME"));
            assertEquals(List.of(), cols(md.getTables(null, "", "%", null), "TABLE_SCHEM"), "\"\": no schema");
            assertEquals(List.of(row("app", "id"), row("app", "v")),
                    cols(md.getColumns(null, "app", "t", null), "TABLE_SCHEM", "COLUMN_NAME"));
            assertEquals(List.of(row("audit", "t", "id")),
                    cols(md.getPrimaryKeys(null, "audit", "t"), "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME"));
            assertEquals(List.of(row("app", "audit", "t_id")), cols(md.getImportedKeys(null, "audit", "t"),
                    "PKTABLE_SCHEM", "FKTABLE_SCHEM", "FKCOLUMN_NAME"));
            assertEquals(List.of(), cols(md.getImportedKeys(null, "app", "t"), "PKTABLE_SCHEM"));
            assertEquals(List.of(row("audit", "t")), cols(md.getExportedKeys(null, "app", "t"),
                    "FKTABLE_SCHEM", "FKTABLE_NAME"));
            assertEquals(List.of(row("app", "t_pkey")), cols(md.getIndexInfo(null, "app", "t", false, false),
                    "TABLE_SCHEM", "INDEX_NAME"));
            try (Connection withOption = connect(url + ";schema=audit, app")) { // c keeps the database open
                assertEquals("audit", withOption.getSchema());
                assertEquals("audit, app", scalar(withOption, "SHOW search_path"));
                assertEquals(List.of("t_id"), column(withOption, "SELECT column_name FROM information_schema.columns "
                        + "WHERE table_schema = current_schema() AND column_name LIKE 't%'"));
            }
        }
        assertEquals("42704", org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                () -> connect(url + ";no_such_option=1")).getSQLState(), "unknown options stay errors");
        assertEquals("22023", org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                () -> connect(url + ";schema=a b")).getSQLState());
    }

    private static List<Object> firstColumn(ResultSet rs, int index) throws SQLException {
        try (rs) {
            List<Object> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getObject(index));
            }
            return out;
        }
    }

    private static List<List<Object>> cols(ResultSet rs, String... names) throws SQLException {
        try (rs) {
            List<List<Object>> out = new java.util.ArrayList<>();
            while (rs.next()) {
                List<Object> r = new java.util.ArrayList<>();
                for (String n : names) {
                    r.add(rs.getObject(n));
                }
                out.add(r);
            }
            return out;
        }
    }
}
