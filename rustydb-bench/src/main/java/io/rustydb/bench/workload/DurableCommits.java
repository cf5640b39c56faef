package io.rustydb.bench.workload;

import io.rustydb.bench.engine.Database;
import io.rustydb.bench.engine.Loader;
import io.rustydb.bench.engine.Mode;
import io.rustydb.bench.engine.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Durable commits per second of single-row INSERT transactions on one file database, from {@code threads} threads
 * with one connection each: auto-commit off, one prepared {@code INSERT} of one row, then {@code commit()} — the
 * same for every engine. An engine without multi-statement transactions (setAutoCommit(false) throws
 * SQLFeatureNotSupportedException) falls back to auto-commit, where the statement is the transaction; the report
 * notes which was used. Concurrent committers on one database are what group commit can batch into one fsync.
 */
final class DurableCommits implements Workload {
    private final Settings settings;
    private final int threads;

    DurableCommits(Settings settings, int threads) {
        this.settings = settings;
        this.threads = threads;
    }

    @Override
    public String id() {
        return "durable-commits-" + threads + "t";
    }

    @Override
    public String description() {
        return "single-row `INSERT` transactions (auto-commit off, `commit()` after each row) on one durable file"
                + " database, " + threads + (threads == 1 ? " thread" : " threads, one connection each");
    }

    @Override
    public Mode mode() {
        return Mode.DURABLE;
    }

    @Override
    public String unit() {
        return "commits/s";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("threads", threads);
        p.put("rows per commit", 1);
        p.put("connections", threads);
        p.put("time box per round (ms)", settings.timeMs());
        return p;
    }

    @Override
    public Trial prepare(Database db) throws Exception {
        Connection c = db.connection();
        db.engine().dropIfExists(c, "d");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE d (" + Rows.COLUMNS + ")");
        }
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> statements = new ArrayList<>();
        boolean explicit = true;
        for (int t = 0; t < threads; t++) {
            Connection tc = t == 0 ? c : db.newConnection();
            if (explicit) {
                try {
                    tc.setAutoCommit(false);
                } catch (SQLFeatureNotSupportedException e) {
                    explicit = false;
                    for (Connection earlier : connections) {
                        earlier.setAutoCommit(true);
                    }
                }
            }
            if (!explicit) {
                tc.setAutoCommit(true);
            }
            connections.add(tc);
            statements.add(tc.prepareStatement(Loader.insertSql("d", 1)));
        }
        boolean commits = explicit;
        AtomicLong ids = new AtomicLong();
        return new Trial() {
            @Override
            public double run() throws Exception {
                List<TimedLoop.Op> ops = new ArrayList<>(threads);
                for (PreparedStatement ps : statements) {
                    ops.add(() -> {
                        Loader.bind(ps, 0, ids.getAndIncrement());
                        ps.executeUpdate();
                        if (commits) {
                            ps.getConnection().commit();
                        }
                    });
                }
                return TimedLoop.perSecond(TimedLoop.runConcurrently(settings.timeMs(), ops, "durable-commit"));
            }

            @Override
            public String note() {
                return commits ? null : "auto-commit per statement (no multi-statement transactions)";
            }

            @Override
            public void close() throws SQLException {
                for (PreparedStatement ps : statements) {
                    ps.close();
                }
                if (commits) {
                    for (Connection tc : connections) {
                        tc.setAutoCommit(true);
                    }
                }
            }
        };
    }
}
