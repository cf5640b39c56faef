package io.rustydb.bench.tpch;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Creates the TPC-H tables on one engine and loads a scale factor into them, the same way for every engine but
 * DuckDB: one prepared {@code INSERT INTO t VALUES (?, ...)} per table, {@link #BATCH} rows per
 * {@code executeBatch()}, auto-commit off and one commit per table. DuckDB loads through its Appender instead (each
 * JDBC statement costs it ~0.5 ms, so batched inserts would measure that, not loading); the report says so.
 * SQLite, which has no date type, gets dates as ISO-8601 text ({@link QueryAdapter.Rewrite#DATES_AS_TEXT}).
 *
 * <p>The time a load reports is the engine's alone: rows are generated {@link #BATCH} at a time into a buffer with
 * the clock stopped, then bound and sent (or appended) with it running; commits are timed too.
 */
public final class TpchLoader {
    /** Rows per {@code executeBatch()}. */
    public static final int BATCH = 1000;

    /** What a load did: rows per table, how, and the engine's time (generating the rows excluded). */
    public record Loaded(Map<String, Long> rows, String method, double ms) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private TpchLoader() {
    }

    /** Creates the eight tables (not timed by callers that time {@link #load}). */
    public static void createTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (TpchTables.Table<?> t : TpchTables.ALL) {
                s.execute(t.ddl());
            }
        }
    }

    /** Loads scale factor {@code sf} into tables made by {@link #createTables}. */
    public static Loaded load(String engineId, Connection c, double sf) throws SQLException {
        if (c.isWrapperFor(DuckDBConnection.class)) {
            return appendDuckDb(c.unwrap(DuckDBConnection.class), sf);
        }
        boolean datesAsText = QueryAdapter.rewritesFor(engineId).contains(QueryAdapter.Rewrite.DATES_AS_TEXT);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Map<String, Long> counts = new LinkedHashMap<>();
            long[] nanos = new long[1];
            for (TpchTables.Table<?> t : TpchTables.ALL) {
                counts.put(t.name(), insertBatched(c, t, sf, datesAsText, nanos));
                long start = System.nanoTime();
                c.commit();
                nanos[0] += System.nanoTime() - start;
            }
            return new Loaded(counts, "JDBC batches of " + BATCH + " prepared INSERTs, one transaction per table"
                    + (datesAsText ? "; dates as ISO text" : ""), nanos[0] / 1e6);
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static long insertBatched(Connection c, TpchTables.Table<?> t, double sf, boolean datesAsText,
            long[] nanos) throws SQLException {
        int columns = TpchTables.columns(t);
        String sql = "INSERT INTO " + t.name() + " VALUES (" + "?, ".repeat(columns - 1) + "?)";
        long rows = 0;
        long start = System.nanoTime();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            nanos[0] += System.nanoTime() - start;
            Iterator<Object[]> it = t.rows(sf).iterator();
            List<Object[]> buffer = new ArrayList<>(BATCH);
            while (fill(it, buffer)) { // HSQLDB rejects an empty executeBatch(): never sent
                start = System.nanoTime();
                for (Object[] row : buffer) {
                    for (int i = 0; i < row.length; i++) {
                        bind(p, i + 1, row[i], datesAsText);
                    }
                    p.addBatch();
                }
                p.executeBatch();
                nanos[0] += System.nanoTime() - start;
                rows += buffer.size();
            }
        }
        return rows;
    }

    /** Generates up to {@link #BATCH} rows into {@code buffer} (cleared first); false when there were none. */
    private static boolean fill(Iterator<Object[]> it, List<Object[]> buffer) {
        buffer.clear();
        while (buffer.size() < BATCH && it.hasNext()) {
            buffer.add(it.next());
        }
        return !buffer.isEmpty();
    }

    private static void bind(PreparedStatement p, int index, Object v, boolean datesAsText) throws SQLException {
        if (v instanceof Integer i) {
            p.setInt(index, i);
        } else if (v instanceof Long l) {
            p.setLong(index, l);
        } else if (v instanceof BigDecimal b) {
            p.setBigDecimal(index, b);
        } else if (v instanceof LocalDate d) {
            if (datesAsText) {
                p.setString(index, d.toString());
            } else {
                p.setDate(index, java.sql.Date.valueOf(d));
            }
        } else {
            p.setString(index, (String) v);
        }
    }

    private static Loaded appendDuckDb(DuckDBConnection duck, double sf) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        long nanos = 0;
        for (TpchTables.Table<?> t : TpchTables.ALL) {
            long rows = 0;
            long start = System.nanoTime();
            DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, t.name());
            try {
                nanos += System.nanoTime() - start;
                Iterator<Object[]> it = t.rows(sf).iterator();
                List<Object[]> buffer = new ArrayList<>(BATCH);
                while (fill(it, buffer)) {
                    start = System.nanoTime();
                    for (Object[] row : buffer) {
                        append(a, row);
                    }
                    nanos += System.nanoTime() - start;
                    rows += buffer.size();
                }
            } finally {
                start = System.nanoTime();
                a.close(); // flushes and commits
                nanos += System.nanoTime() - start;
            }
            counts.put(t.name(), rows);
        }
        return new Loaded(counts, "DuckDB Appender, one per table (its JDBC statements cost ~0.5 ms each)", nanos / 1e6);
    }

    private static void append(DuckDBAppender a, Object[] row) throws SQLException {
        a.beginRow();
        for (Object v : row) {
            if (v instanceof Integer i) {
                a.append(i.intValue());
            } else if (v instanceof Long l) {
                a.append(l.longValue());
            } else if (v instanceof BigDecimal b) {
                a.append(b);
            } else if (v instanceof LocalDate d) {
                a.append(d);
            } else {
                a.append((String) v);
            }
        }
        a.endRow();
    }
}
