package io.rustydb.bench.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * Loads {@link Rows} into a table by the fastest honest method the engine offers: its native bulk path if it has
 * one (DuckDB's Appender), else JDBC batches of {@link #CHUNK} prepared inserts in one transaction, else — for an
 * engine without batches or transactions, such as RustyDB today — prepared multi-row {@code INSERT ... VALUES}
 * statements of {@link #CHUNK} rows each. Capabilities are detected by trying, so an engine switches method as
 * soon as it gains the feature.
 */
public final class Loader {
    /** Rows per batch or per multi-row statement. */
    public static final int CHUNK = 1000;

    private Loader() {
    }

    /** Loads ids {@code [from, from + count)} into {@code table}; returns how it was done. */
    public static String load(Engine engine, Connection c, String table, long from, long count) throws SQLException {
        String nativeMethod = engine.loadNative(c, table, from, count);
        if (nativeMethod != null) {
            return nativeMethod;
        }
        boolean transaction = true;
        try {
            c.setAutoCommit(false);
        } catch (SQLFeatureNotSupportedException e) {
            transaction = false;
        }
        try {
            String how;
            if (supportsBatches(c, table)) {
                loadBatched(c, table, from, count);
                how = "JDBC batches of " + CHUNK + " prepared single-row INSERTs";
            } else {
                loadMultiRow(c, table, from, count);
                how = "prepared multi-row INSERT ... VALUES, " + CHUNK + " rows per statement (no JDBC batches)";
            }
            if (transaction) {
                c.commit();
                return how + ", one transaction";
            }
            return how + ", auto-commit per statement (no multi-statement transactions)";
        } catch (SQLException | RuntimeException e) {
            if (transaction) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        } finally {
            if (transaction) {
                c.setAutoCommit(true);
            }
        }
    }

    private static boolean supportsBatches(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertSql(table, 1))) {
            bind(ps, 0, 0);
            ps.addBatch();
            ps.clearBatch();
            return true;
        } catch (SQLFeatureNotSupportedException e) {
            return false;
        }
    }

    private static void loadBatched(Connection c, String table, long from, long count) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertSql(table, 1))) {
            int pending = 0;
            for (long i = from; i < from + count; i++) {
                bind(ps, 0, i);
                ps.addBatch();
                if (++pending == CHUNK) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) { // HSQLDB rejects an empty executeBatch()
                ps.executeBatch();
            }
        }
    }

    private static void loadMultiRow(Connection c, String table, long from, long count) throws SQLException {
        long end = from + count;
        long full = count / CHUNK;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(insertSql(table, CHUNK))) {
                for (long chunk = 0; chunk < full; chunk++) {
                    long base = from + chunk * CHUNK;
                    for (int r = 0; r < CHUNK; r++) {
                        bind(ps, r * 4, base + r);
                    }
                    ps.executeUpdate();
                }
            }
        }
        int rest = (int) (count - full * CHUNK);
        if (rest > 0) {
            try (PreparedStatement ps = c.prepareStatement(insertSql(table, rest))) {
                for (int r = 0; r < rest; r++) {
                    bind(ps, r * 4, end - rest + r);
                }
                ps.executeUpdate();
            }
        }
    }

    /** {@code INSERT INTO table (id, k, v, s) VALUES (?, ?, ?, ?), ...} with {@code rows} row constructors. */
    public static String insertSql(String table, int rows) {
        StringBuilder sql = new StringBuilder(40 + rows * 14).append("INSERT INTO ").append(table)
                .append(" (id, k, v, s) VALUES ");
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
        }
        return sql.toString();
    }

    /** Binds row {@code id} to parameters {@code offset + 1 .. offset + 4}. */
    public static void bind(PreparedStatement ps, int offset, long id) throws SQLException {
        ps.setLong(offset + 1, id);
        ps.setInt(offset + 2, Rows.k(id));
        ps.setDouble(offset + 3, Rows.v(id));
        ps.setString(offset + 4, Rows.s(id));
    }
}
