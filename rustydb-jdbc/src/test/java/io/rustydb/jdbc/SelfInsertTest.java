package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code INSERT INTO t SELECT ... FROM t} reads the table as it was before the statement: each row is copied once
 * (no endless loop over its own new rows) and the insert never waits on the page its own scan holds.
 */
@Timeout(60)
class SelfInsertTest {
    @Test
    void doublingATableCopiesEachRowOnce() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:rustydb:mem:self-insert"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE integers (i INTEGER, pad VARCHAR(100))");
            s.execute("INSERT INTO integers VALUES (1, 'x'), (2, 'y'), (3, 'z')");
            for (int round = 0; round < 11; round++) {
                s.execute("INSERT INTO integers SELECT i, pad FROM integers");
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*), SUM(i) FROM integers")) {
                r.next();
                assertEquals(3 * 2048, r.getLong(1));
                assertEquals(6 * 2048, r.getLong(2));
            }
        }
    }
}
