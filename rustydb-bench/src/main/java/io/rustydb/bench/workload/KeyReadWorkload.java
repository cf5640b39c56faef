package io.rustydb.bench.workload;

import io.rustydb.bench.engine.Database;
import io.rustydb.bench.engine.Engine;
import io.rustydb.bench.engine.Loader;
import io.rustydb.bench.engine.Mode;
import io.rustydb.bench.engine.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Read-only queries by primary key from {@code threads} threads (issue 9: "point lookups by primary key and range
 * scans of 100 rows, 1 and 4 threads"). Set-up shared by {@link PointSelect} and {@link RangeScan}: table
 * {@code p} = {@link Rows} with {@code PRIMARY KEY (id)}, loaded by {@link Loader}; then one reader per thread,
 * each with its own connection (thread 0 the database's main one), its own prepared statement and its own seeded
 * random stream ({@code new SplittableRandom(SEED + t)}, kept across rounds). A round releases all threads
 * together for one time box; the figure is the operations of all threads per second of the round.
 *
 * <p>An engine without primary keys fails at CREATE TABLE and is reported as n/a: the workload is about the
 * key's index, so there is no fallback to a table without it.
 */
abstract class KeyReadWorkload implements Workload {
    static final String TABLE = "p";
    /** Reader {@code t} draws its keys from {@code new SplittableRandom(SEED + t)}. */
    static final long SEED = 12_345L;

    final Settings settings;
    final int threads;

    KeyReadWorkload(Settings settings, int threads) {
        this.settings = settings;
        this.threads = threads;
    }

    /** The family name; the id is {@code family-Nt}. */
    abstract String family();

    /** The prepared query, on {@link #TABLE}. */
    abstract String sql();

    /**
     * One operation of one reader: binds keys drawn from {@code random} to {@code ps}, executes it, reads the whole
     * result and throws if it is not the known answer.
     */
    abstract void readOnce(PreparedStatement ps, SplittableRandom random) throws SQLException;

    /**
     * Called first in every set-up: checks that the workload can run with these settings (throws if not, which makes
     * it n/a for the engine) and builds whatever the checks of {@link #readOnce} need; nothing by default.
     */
    void beforeSetUp() {
    }

    @Override
    public final String id() {
        return family() + "-" + threads + "t";
    }

    /** The end of the description: table size, key, threads. */
    final String shape() {
        return "over " + settings.rows() + " rows with `PRIMARY KEY (id)`, random keys, " + threads
                + (threads == 1 ? " thread" : " threads, one connection and prepared statement each");
    }

    @Override
    public final Mode mode() {
        return Mode.MEMORY;
    }

    @Override
    public final boolean higherIsBetter() {
        return true;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rows", settings.rows());
        p.put("threads", threads);
        p.put("connections", threads);
        p.put("time box per round (ms)", settings.timeMs());
        p.put("random seed of thread t", SEED + " + t");
        return p;
    }

    @Override
    public String skipReason(Engine engine) {
        if (threads > 1 && engine.id().equals("sqlite")) {
            return "an in-memory SQLite database belongs to one connection, so threads cannot share it (shared cache"
                    + " would add table-level locks); SQLite is measured with 1 thread";
        }
        return null;
    }

    @Override
    public final Trial prepare(Database db) throws Exception {
        beforeSetUp();
        Connection c = db.connection();
        createTable(db.engine(), c);
        Loader.load(db.engine(), c, TABLE, 0, settings.rows());
        List<PreparedStatement> statements = new ArrayList<>(threads);
        List<TimedLoop.Op> readers = new ArrayList<>(threads);
        try {
            for (int t = 0; t < threads; t++) {
                PreparedStatement ps = (t == 0 ? c : db.newConnection()).prepareStatement(sql());
                statements.add(ps);
                SplittableRandom random = new SplittableRandom(SEED + t);
                readers.add(() -> readOnce(ps, random));
            }
        } catch (SQLException | RuntimeException e) {
            try {
                Closing.closeAll(statements, PreparedStatement::close);
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return new Trial() {
            @Override
            public double run() throws Exception {
                return TimedLoop.perSecond(TimedLoop.runConcurrently(settings.timeMs(), readers, family()));
            }

            @Override
            public void close() throws SQLException {
                // the connections are closed with the database
                Closing.closeAll(statements, PreparedStatement::close);
            }
        };
    }

    /** Creates {@link #TABLE} with {@code PRIMARY KEY (id)}, empty; the same table for every key-read workload. */
    private static void createTable(Engine engine, Connection c) throws SQLException {
        engine.dropIfExists(c, TABLE);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + TABLE + " (id BIGINT NOT NULL PRIMARY KEY, k INTEGER NOT NULL,"
                    + " v DOUBLE NOT NULL, s VARCHAR(32) NOT NULL)");
        }
    }
}
