package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static io.rustydb.jdbc.JdbcTestSupport.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ALTER TABLE ... ADD CONSTRAINT} / {@code DROP CONSTRAINT} as schema tools write them (Hibernate declares
 * foreign keys after its tables): the rows already there are checked (23502, 23505, 23503, 23514), names follow
 * PostgreSQL, a unique index a foreign key needs cannot be dropped (2BP01), and a dropped constraint stops applying.
 */
class AlterConstraintTest {
    private static int counter;

    private static Connection memory() throws SQLException {
        return DriverManager.getConnection("jdbc:rustydb:mem:alterc" + (++counter));
    }

    @Test
    void keysAddedLaterCheckTheRowsAlreadyThere() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE parent (id INTEGER, code VARCHAR(5))");
            s.execute("CREATE TABLE child (id INTEGER, pid INTEGER, qty INTEGER)");
            s.execute("INSERT INTO parent VALUES (1, 'a'), (2, 'b'), (NULL, 'c')");
            s.execute("INSERT INTO child VALUES (10, 1, 5), (11, 3, 5)");
            fails(s, "ALTER TABLE parent ADD PRIMARY KEY (id)", "23502");
            s.execute("DELETE FROM parent WHERE id IS NULL");
            s.execute("INSERT INTO parent VALUES (2, 'd')");
            fails(s, "ALTER TABLE parent ADD CONSTRAINT parent_pk PRIMARY KEY (id)", "23505");
            s.execute("DELETE FROM parent WHERE code = 'd'");
            s.execute("ALTER TABLE parent ADD CONSTRAINT parent_pk PRIMARY KEY (id)");
            fails(s, "ALTER TABLE parent ADD PRIMARY KEY (code)", "42P16");
            fails(s, "INSERT INTO parent VALUES (NULL, 'e')", "23502");
            fails(s, "ALTER TABLE child ADD CONSTRAINT fk_child_parent FOREIGN KEY (pid) REFERENCES parent", "23503");
            s.execute("UPDATE child SET pid = 2 WHERE id = 11");
            s.execute("ALTER TABLE child ADD CONSTRAINT fk_child_parent FOREIGN KEY (pid) REFERENCES parent (id) "
                    + "ON DELETE CASCADE");
            fails(s, "INSERT INTO child VALUES (12, 9, 1)", "23503");
            s.execute("DELETE FROM parent WHERE id = 2");
            assertEquals(List.of("10"), strings(s, "SELECT id FROM child"));
            fails(s, "ALTER TABLE child ADD CONSTRAINT qty_positive CHECK (qty > 5)", "23514");
            s.execute("ALTER TABLE child ADD CONSTRAINT qty_positive CHECK (qty > 0)");
            fails(s, "INSERT INTO child VALUES (13, 1, 0)", "23514");
            s.execute("ALTER TABLE parent ADD UNIQUE (code)");
            fails(s, "INSERT INTO parent VALUES (7, 'a')", "23505");
            fails(s, "ALTER TABLE child ADD CONSTRAINT qty_positive CHECK (qty > 1)", "42710");
        }
    }

    @Test
    void droppedConstraintsStopApplying() throws SQLException {
        try (Connection c = memory(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE p (id INTEGER PRIMARY KEY, code VARCHAR(5) UNIQUE)");
            s.execute("CREATE TABLE c (pid INTEGER REFERENCES p, n INTEGER CHECK (n > 0))");
            s.execute("INSERT INTO p VALUES (1, 'a')");
            fails(s, "ALTER TABLE p DROP CONSTRAINT p_pkey", "2BP01");
            s.execute("ALTER TABLE c DROP CONSTRAINT c_pid_fkey");
            s.execute("INSERT INTO c VALUES (99, 1)");
            s.execute("ALTER TABLE c DROP CONSTRAINT c_n_check");
            s.execute("INSERT INTO c VALUES (1, -1)");
            s.execute("ALTER TABLE p DROP CONSTRAINT p_pkey");
            s.execute("INSERT INTO p VALUES (1, 'b')");
            s.execute("ALTER TABLE p DROP CONSTRAINT p_code_key");
            s.execute("INSERT INTO p VALUES (2, 'a')");
            fails(s, "ALTER TABLE p DROP CONSTRAINT nope", "42704");
            s.execute("ALTER TABLE p DROP CONSTRAINT IF EXISTS nope");
            assertTrue(strings(s, "EXPLAIN SELECT * FROM p WHERE id = 1").stream().noneMatch(l -> l.contains("Index")));
        }
    }
}
