package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code UPDATE t SET ... FROM other WHERE ...} and {@code DELETE FROM t USING other WHERE ...}: joins to one or more
 * tables or subqueries, a target row changed once however many rows it joins, RETURNING over both sides, and the
 * constraints of ordinary UPDATE/DELETE (NOT NULL, CHECK, unique, foreign keys).
 */
class UpdateFromTest {
    private static Connection connect() throws SQLException {
        Connection c = JdbcTestSupport.connect(JdbcTestSupport.freshMemUrl("updatefrom"));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, price INTEGER NOT NULL CHECK (price >= 0), tag VARCHAR(10))");
            s.execute("CREATE TABLE change (item_id INTEGER, delta INTEGER, tag VARCHAR(10))");
            s.execute("INSERT INTO item VALUES (1, 100, 'a'), (2, 200, 'b'), (3, 300, 'c')");
        }
        return c;
    }

    @Test
    void updateFromJoinsAndUpdatesMatchingRowsOnly() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO change VALUES (1, 5, 'x'), (3, -50, 'y'), (9, 1, 'z')");
            assertEquals(2, s.executeUpdate("UPDATE item SET price = price + change.delta, tag = change.tag "
                    + "FROM change WHERE item.id = change.item_id"));
            assertEquals(List.of(row(1, 105, "x"), row(2, 200, "b"), row(3, 250, "y")),
                    rows(c, "SELECT * FROM item ORDER BY id"));
            assertEquals(List.of(row(1, 110, 5)), rows(c, "UPDATE item AS i SET price = i.price + c.delta FROM change c "
                    + "WHERE i.id = c.item_id AND c.tag = 'x' RETURNING i.id, i.price, c.delta"));
        }
    }

    @Test
    void aTargetRowJoiningSeveralSourceRowsIsUpdatedOnce() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO change VALUES (2, 1, 'p'), (2, 2, 'q'), (2, 3, 'r')");
            assertEquals(1, s.executeUpdate("UPDATE item SET price = item.price + change.delta FROM change "
                    + "WHERE item.id = change.item_id"));
            int price = ((Number) rows(c, "SELECT price FROM item WHERE id = 2").get(0).get(0)).intValue();
            assertTrue(price >= 201 && price <= 203, "one of the matches applied once: " + price);
            assertEquals(1L, rows(c, "SELECT count(*) FROM item WHERE id = 2").get(0).get(0), "one version");
            assertEquals(1, s.executeUpdate("DELETE FROM item USING change WHERE item.id = change.item_id"));
        }
    }

    @Test
    void fromTakesSeveralTablesJoinsAndSubqueries() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE factor (tag VARCHAR(10), f INTEGER)");
            s.execute("INSERT INTO change VALUES (1, 0, 'double'), (2, 0, 'triple')");
            s.execute("INSERT INTO factor VALUES ('double', 2), ('triple', 3)");
            assertEquals(2, s.executeUpdate("UPDATE item SET price = price * factor.f FROM change, factor "
                    + "WHERE item.id = change.item_id AND change.tag = factor.tag"));
            assertEquals(List.of(row(200), row(600), row(300)), rows(c, "SELECT price FROM item ORDER BY id"));
            assertEquals(1, s.executeUpdate("UPDATE item SET tag = 'j' FROM change JOIN factor ON factor.tag = change.tag "
                    + "WHERE item.id = change.item_id AND factor.f = 3"));
            assertEquals(1, s.executeUpdate("UPDATE item SET tag = m.t FROM (SELECT max(tag) AS t FROM factor) AS m "
                    + "WHERE item.id = 3"));
            assertEquals(List.of(row("a"), row("j"), row("triple")), rows(c, "SELECT tag FROM item ORDER BY id"));
        }
    }

    @Test
    void deleteUsingWithReturningAndParameters() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO change VALUES (1, 0, 'gone'), (1, 0, 'gone2'), (3, 0, 'gone')");
            try (PreparedStatement p = c.prepareStatement(
                    "DELETE FROM item i USING change c WHERE i.id = c.item_id AND c.tag = ? RETURNING i.id, c.tag")) {
                p.setString(1, "gone");
                assertEquals(List.of(row(1, "gone"), row(3, "gone")), rows(p.executeQuery()));
            }
            assertEquals(List.of(row(2)), rows(c, "SELECT id FROM item"));
            assertEquals(0, s.executeUpdate("DELETE FROM item USING change, item AS other WHERE item.id = 77"));
        }
    }

    @Test
    void constraintsAndForeignKeysApply() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES item (id))");
            s.execute("INSERT INTO child VALUES (10, 1)");
            s.execute("INSERT INTO change VALUES (1, -1000, 'neg'), (2, 0, 'two')");
            fails(s, "UPDATE item SET price = price + change.delta FROM change WHERE item.id = change.item_id", "23514");
            fails(s, "UPDATE item SET id = 3 FROM change WHERE item.id = change.item_id AND change.tag = 'two'", "23505");
            fails(s, "UPDATE item SET id = 4 FROM change WHERE item.id = change.item_id AND change.tag = 'neg'", "23503");
            fails(s, "DELETE FROM item USING change WHERE item.id = change.item_id", "23503");
            fails(s, "UPDATE item SET price = NULL FROM change WHERE item.id = change.item_id", "23502");
            assertEquals(List.of(row(1, 100), row(2, 200), row(3, 300)), rows(c, "SELECT id, price FROM item ORDER BY id"));
        }
    }

    @Test
    void badReferencesAreErrors() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            fails(s, "UPDATE item SET price = 1 FROM nope WHERE item.id = nope.id", "42P01");
            fails(s, "UPDATE item SET price = 1 FROM item", "42712");
            fails(s, "UPDATE item SET price = 1 FROM change WHERE item.id = change.nope", "42703");
            fails(s, "UPDATE item SET tag = tag FROM change", "42702");
            fails(s, "DELETE FROM item USING change WHERE delta = 'x'", "22P02");
        }
    }
}
