package io.rustydb.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Small helpers shared by the JDBC-level SQL tests: fresh in-memory URLs and result sets read into lists. */
final class JdbcTestSupport {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private JdbcTestSupport() {
    }

    /** A {@code jdbc:rustydb:mem:} URL no other test uses. */
    static String freshMemUrl(String hint) {
        return "jdbc:rustydb:mem:" + hint + "_" + NEXT.incrementAndGet() + "_" + System.nanoTime();
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Every row of {@code sql}, each as a list of {@code getObject} values (byte[] kept as is). */
    static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rows(rs);
        }
    }

    static List<List<Object>> rows(ResultSet rs) throws SQLException {
        int n = rs.getMetaData().getColumnCount();
        List<List<Object>> out = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(rs.getObject(i));
            }
            out.add(row);
        }
        return out;
    }

    /** {@code SELECT expression} read with getString, or "NULL" when it is NULL (for tables of expected results). */
    static String evalAsText(Connection c, String expression) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT " + expression)) {
            r.next();
            String v = r.getString(1);
            return r.wasNull() ? "NULL" : v;
        }
    }

    /** The single value of a one-row, one-column query. */
    static Object scalar(Connection c, String sql) throws SQLException {
        List<List<Object>> rows = rows(c, sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new AssertionError("expected one value from " + sql + " but got " + rows);
        }
        return rows.get(0).get(0);
    }

    static int update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    /** A row literal for assertions: {@code row(1, "x", null)}. */
    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    /** The first column of every row. */
    static List<Object> column(Connection c, String sql) throws SQLException {
        List<Object> out = new ArrayList<>();
        for (List<Object> r : rows(c, sql)) {
            out.add(r.get(0));
        }
        return out;
    }

    /** The first column of every row of {@code sql}, as strings (null for SQL NULL). */
    static List<String> strings(java.sql.Statement s, String sql) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (java.sql.ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /** Runs {@code sql}, which must fail with SQLSTATE {@code state}; returns the failure. */
    static SQLException fails(java.sql.Statement s, String sql, String state) {
        SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> s.execute(sql), sql);
        org.junit.jupiter.api.Assertions.assertEquals(state, e.getSQLState(), sql + ": " + e.getMessage());
        return e;
    }
}
