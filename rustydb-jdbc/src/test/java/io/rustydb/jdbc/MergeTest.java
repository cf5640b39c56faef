package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.fails;
import static io.rustydb.jdbc.JdbcTestSupport.row;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MERGE as PostgreSQL 15: WHEN MATCHED [AND ...] THEN UPDATE / DELETE / DO NOTHING, WHEN NOT MATCHED [AND ...] THEN
 * INSERT / DO NOTHING, the first clause whose condition holds acts, the update count is the rows changed, 21000 when
 * a target row would be changed twice, constraints and foreign keys as for INSERT/UPDATE/DELETE.
 */
class MergeTest {
    private static Connection connect() throws SQLException {
        Connection c = JdbcTestSupport.connect(JdbcTestSupport.freshMemUrl("merge"));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE stock (id INTEGER PRIMARY KEY, qty INTEGER NOT NULL CHECK (qty >= 0), "
                    + "note VARCHAR(20) DEFAULT 'new')");
            s.execute("CREATE TABLE delivery (id INTEGER, qty INTEGER)");
            s.execute("INSERT INTO stock VALUES (1, 10, 'a'), (2, 20, 'b'), (3, 30, 'c')");
        }
        return c;
    }

    @Test
    void updatesDeletesAndInsertsByFirstMatchingClause() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO delivery VALUES (1, 5), (2, -20), (4, 40), (5, 0)");
            assertEquals(3, s.executeUpdate("MERGE INTO stock t USING delivery d ON t.id = d.id "
                    + "WHEN MATCHED AND t.qty + d.qty = 0 THEN DELETE "
                    + "WHEN MATCHED THEN UPDATE SET qty = t.qty + d.qty, note = 'upd' "
                    + "WHEN NOT MATCHED AND d.qty > 0 THEN INSERT (id, qty) VALUES (d.id, d.qty)"));
            assertEquals(List.of(row(1, 15, "upd"), row(3, 30, "c"), row(4, 40, "new")),
                    rows(c, "SELECT * FROM stock ORDER BY id"));
        }
    }

    @Test
    void doNothingClausesAndSubquerySources() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("MERGE INTO stock USING (SELECT 1 AS id UNION ALL SELECT 2 UNION ALL "
                    + "SELECT 7) AS src ON stock.id = src.id "
                    + "WHEN MATCHED AND src.id = 1 THEN DO NOTHING "
                    + "WHEN MATCHED THEN UPDATE SET qty = 0 "
                    + "WHEN NOT MATCHED THEN DO NOTHING"));
            assertEquals(List.of(row(1, 10), row(2, 0), row(3, 30)), rows(c, "SELECT id, qty FROM stock ORDER BY id"));
            assertEquals(1, s.executeUpdate("MERGE INTO stock USING (SELECT 8 AS id, 'then do nothing' AS n) AS src "
                    + "ON stock.id = src.id WHEN NOT MATCHED THEN INSERT VALUES (src.id, 1, src.n)"),
                    "DO NOTHING inside a string is just text");
            assertEquals(List.of(row("then do nothing")), rows(c, "SELECT note FROM stock WHERE id = 8"));
        }
    }

    @Test
    void aTargetRowMatchedTwiceIsACardinalityViolation() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO delivery VALUES (1, 1), (1, 2)");
            fails(s, "MERGE INTO stock t USING delivery d ON t.id = d.id WHEN MATCHED THEN UPDATE SET qty = d.qty", "21000");
            fails(s, "MERGE INTO stock t USING delivery d ON t.id = d.id WHEN MATCHED THEN DELETE", "21000");
            assertEquals(0, s.executeUpdate("MERGE INTO stock t USING delivery d ON t.id = d.id "
                    + "WHEN MATCHED THEN DO NOTHING"), "doing nothing twice is fine");
            assertEquals(List.of(row(10)), rows(c, "SELECT qty FROM stock WHERE id = 1"));
        }
    }

    @Test
    void constraintsKeysAndErrors() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ref (id INTEGER PRIMARY KEY, stock_id INTEGER REFERENCES stock (id))");
            s.execute("INSERT INTO ref VALUES (1, 2)");
            s.execute("INSERT INTO delivery VALUES (1, -100), (2, 0), (9, NULL)");
            fails(s, "MERGE INTO stock t USING delivery d ON t.id = d.id AND d.id = 1 "
                    + "WHEN MATCHED THEN UPDATE SET qty = t.qty + d.qty", "23514");
            fails(s, "MERGE INTO stock t USING delivery d ON t.id = d.id AND d.id = 2 WHEN MATCHED THEN DELETE", "23503");
            fails(s, "MERGE INTO stock t USING delivery d ON t.id = d.id WHEN NOT MATCHED THEN INSERT VALUES (d.id, d.qty)",
                    "23502");
            fails(s, "MERGE INTO stock t USING delivery d ON t.id > 0 WHEN MATCHED THEN UPDATE SET note = 'x'", "21000");
            fails(s, "MERGE INTO stock t USING delivery d ON d.id = 9 AND t.id = 1 WHEN MATCHED THEN UPDATE SET id = 3",
                    "23505");
            fails(s, "MERGE INTO stock t USING delivery d ON t.id = d.id WHEN NOT MATCHED THEN INSERT VALUES (t.id, 1)",
                    "42P01");
            fails(s, "MERGE INTO stock t USING nope d ON t.id = d.id WHEN MATCHED THEN DELETE", "42P01");
            fails(s, "MERGE INTO stock t USING delivery d ON t.id = d.id WHEN NOT MATCHED BY SOURCE THEN DELETE", "0A000");
            assertEquals(List.of(row(1, 10), row(2, 20), row(3, 30)), rows(c, "SELECT id, qty FROM stock ORDER BY id"));
        }
    }

    @Test
    void preparedMergeWithReturning() throws SQLException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(
                "MERGE INTO stock t USING (SELECT CAST(? AS INTEGER) AS id, CAST(? AS INTEGER) AS qty) s ON t.id = s.id "
                + "WHEN MATCHED THEN UPDATE SET qty = t.qty + s.qty "
                + "WHEN NOT MATCHED THEN INSERT (id, qty) VALUES (s.id, s.qty) RETURNING t.id, t.qty, s.qty")) {
            p.setInt(1, 1);
            p.setInt(2, 5);
            assertEquals(List.of(row(1, 15, 5)), rows(p.executeQuery()));
            p.setInt(1, 6);
            p.setInt(2, 60);
            assertEquals(List.of(row(6, 60, 60)), rows(p.executeQuery()));
            assertEquals(List.of(row(1, 15), row(6, 60)), rows(c, "SELECT id, qty FROM stock WHERE id IN (1, 6) ORDER BY id"));
        }
    }
}
