package io.rustydb.bench.workload;

import io.rustydb.bench.engine.Database;
import io.rustydb.bench.engine.Engine;
import io.rustydb.bench.engine.Mode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Read-write mix (issue 9: "80 % point reads, 20 % updates at READ COMMITTED and SERIALIZABLE with 1–16 threads;
 * report abort rates at SERIALIZABLE"). Table {@code accounts (id INT PRIMARY KEY, balance INT)} of
 * {@link Settings#accounts()} rows in an in-memory database; {@code threads} threads, one connection each, at one
 * isolation level, run a loop of transactions (see {@link MixClient}): 80 % one prepared
 * {@code SELECT balance FROM accounts WHERE id = ?}, 20 % one prepared
 * {@code UPDATE accounts SET balance = balance + 1 WHERE id = ?}, each followed by {@code commit()}; conflicts are
 * rolled back, counted and retried. The figure is committed transactions per second over the round; the counts
 * (attempts, commits, aborts by SQLSTATE) go to the report beside it.
 *
 * <p>Setup differences, each detected rather than assumed and noted in the report: an engine that rejects
 * {@code PRIMARY KEY} with 0A000 (RustyDB did until it had indexes) gets the table without it, so its point reads
 * and updates are full scans; an engine whose default concurrency control would lock whole tables is switched to row-level
 * ({@link Engine#enableConcurrentTransactions}: HSQLDB's MVCC); an engine that rejects the isolation level (0A000 at
 * {@code setTransactionIsolation} or the first statement) is n/a for that level.
 *
 * <p>Answers are checked: every read finds exactly one row, every update changes exactly one, and after each round
 * the sum of the balances must equal the sum before it plus the updates committed — a lost update fails the engine.
 */
final class ReadWriteMix implements Workload {
    static final String TABLE = "accounts";
    /** Share of update transactions, in percent; the rest are point reads. */
    static final int UPDATE_PERCENT = 20;
    static final int INITIAL_BALANCE = 100;
    /** Client {@code t} draws its accounts and operations from {@code new Random(SEED + t)}. */
    static final long SEED = 20_261_202L;

    private final Settings settings;
    private final Isolation level;
    private final int threads;

    ReadWriteMix(Settings settings, Isolation level, int threads) {
        this.settings = settings;
        this.level = level;
        this.threads = threads;
    }

    @Override
    public String id() {
        return "rw-mix-" + level.id() + "-" + threads + "t";
    }

    @Override
    public String description() {
        return "transactions at " + level.sql() + " from " + threads + (threads == 1 ? " thread" : " threads, one"
                + " connection each") + ": " + (100 - UPDATE_PERCENT) + " % one prepared `SELECT balance FROM "
                + TABLE + " WHERE id = ?`, " + UPDATE_PERCENT + " % one prepared `UPDATE " + TABLE
                + " SET balance = balance + 1 WHERE id = ?`, random ids, then `commit()`; a conflict (class 40,"
                + " lock timeout) is rolled back, counted as an abort and retried. Table `" + TABLE
                + " (id INT PRIMARY KEY, balance INT)`, " + settings.accounts() + " rows; an engine that refuses"
                + " primary keys gets it without the key, so every statement scans all rows (noted per engine)";
    }

    @Override
    public Mode mode() {
        return Mode.MEMORY;
    }

    @Override
    public String unit() {
        return "transactions/s";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("isolation", level.sql());
        p.put("threads", threads);
        p.put("accounts (rows)", settings.accounts());
        p.put("updates (%)", UPDATE_PERCENT);
        p.put("time box per round (ms)", settings.timeMs());
        p.put("random seed of thread t", SEED + " + t");
        return p;
    }

    @Override
    public String skipReason(Engine engine) {
        return switch (engine.id()) {
            case "sqlite" -> "an in-memory SQLite database belongs to one connection, so threads cannot share it"
                    + " (shared cache would add table-level locks and SQLITE_LOCKED errors); SQLite also has one"
                    + " writer per database and serializable transactions only; its concurrent writers are measured"
                    + " by durable-commits";
            case "duckdb" -> "DuckDB has snapshot isolation only (setTransactionIsolation(READ_COMMITTED) leaves it"
                    + " at REPEATABLE READ, SERIALIZABLE is refused without a SQLSTATE), and it reports a write-write"
                    + " conflict as a plain SQLException without a SQLSTATE (\"TransactionContext Error: Conflict on"
                    + " update!\"), which could be told from a real failure only by its message; an empty JDBC round"
                    + " trip also costs it 0.1–0.25 ms (round-trip limit), so short OLTP transactions are not its"
                    + " workload";
            default -> null;
        };
    }

    @Override
    public Trial prepare(Database db) throws Exception {
        Engine engine = db.engine();
        Connection c = db.connection();
        List<String> notes = new ArrayList<>();
        String concurrency = engine.enableConcurrentTransactions(c);
        if (concurrency != null) {
            notes.add(concurrency);
        }
        engine.dropIfExists(c, TABLE);
        String keyNote = createTable(c);
        if (keyNote != null) {
            notes.add(keyNote);
        }
        load(c);
        long expected = (long) settings.accounts() * INITIAL_BALANCE;
        checkSum(c, expected);
        List<MixClient> clients = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                clients.add(MixClient.open(engine, db.newConnection(), TABLE, level, settings.accounts(),
                        UPDATE_PERCENT, SEED + t));
            }
            for (MixClient client : clients) {
                expected += client.probe();
            }
            checkSum(c, expected);
        } catch (Exception | LinkageError e) {
            closeAll(clients, e);
            throw e;
        }
        return new MixTrial(c, clients, expected, notes.isEmpty() ? null : String.join("; ", notes));
    }

    /**
     * Creates the table with its primary key; an engine that rejects the key as not supported (0A000) gets the table
     * without it. Returns a note saying so, or {@code null}.
     */
    private String createTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try {
                s.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, balance INT)");
                return null;
            } catch (SQLException e) {
                if (!"0A000".equals(e.getSQLState())) {
                    throw e;
                }
                s.execute("CREATE TABLE " + TABLE + " (id INT, balance INT)");
                return "no PRIMARY KEY (`" + e.getSQLState() + " " + firstLine(e.getMessage()) + "`), so no index:"
                        + " every point read and update scans all " + settings.accounts() + " rows";
            }
        }
    }

    private void load(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (id, balance) VALUES (?, ?)")) {
            for (int id = 0; id < settings.accounts(); id++) {
                ps.setInt(1, id);
                ps.setInt(2, INITIAL_BALANCE);
                ps.executeUpdate();
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void checkSum(Connection c, long expected) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT SUM(balance) FROM " + TABLE)) {
            long sum = rs.next() ? rs.getLong(1) : -1;
            if (sum != expected) {
                throw new IllegalStateException("sum of balances is " + sum + ", expected " + expected
                        + " (initial balances plus committed updates): an update was lost or applied twice");
            }
        }
    }

    private static void closeAll(List<MixClient> clients, Throwable failure) {
        for (MixClient client : clients) {
            try {
                client.close();
            } catch (SQLException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").trim();
    }

    /** The workload set up on one engine: each round starts the client threads, joins them and checks the sum. */
    private final class MixTrial implements Trial {
        private final Connection main;
        private final List<MixClient> clients;
        private final String note;
        private long expectedSum;
        private Map<String, Long> lastRound = Map.of();

        MixTrial(Connection main, List<MixClient> clients, long expectedSum, String note) {
            this.main = main;
            this.clients = clients;
            this.expectedSum = expectedSum;
            this.note = note;
        }

        @Override
        public double run() throws Exception {
            CountDownLatch start = new CountDownLatch(1);
            long[] deadline = new long[1];
            Exception[] failures = new Exception[threads];
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int me = t;
                MixClient client = clients.get(t);
                client.resetCounts();
                Thread w = new Thread(() -> {
                    try {
                        start.await();
                        client.runUntil(deadline[0]);
                    } catch (Exception e) {
                        failures[me] = e;
                    }
                }, "rw-mix-" + t);
                w.start();
                workers.add(w);
            }
            long begin = System.nanoTime();
            deadline[0] = begin + settings.timeMs() * 1_000_000L; // published to the workers by the latch
            start.countDown();
            for (Thread w : workers) {
                w.join();
            }
            long elapsed = System.nanoTime() - begin;
            for (Exception e : failures) {
                if (e != null) {
                    throw e;
                }
            }
            long attempts = 0;
            long commits = 0;
            long updates = 0;
            Map<String, Long> counts = new LinkedHashMap<>();
            long aborts = 0;
            for (MixClient client : clients) {
                attempts += client.attempts();
                commits += client.commits();
                updates += client.committedUpdates();
                for (Map.Entry<String, Long> a : client.abortsByState().entrySet()) {
                    counts.merge("aborts " + a.getKey(), a.getValue(), Long::sum);
                    aborts += a.getValue();
                }
            }
            expectedSum += updates;
            checkSum(main, expectedSum);
            counts.put("attempts", attempts);
            counts.put("commits", commits);
            counts.put("aborts", aborts);
            counts.put("committed updates", updates);
            lastRound = counts;
            return commits * 1e9 / elapsed;
        }

        @Override
        public Map<String, Long> roundCounts() {
            return lastRound;
        }

        @Override
        public String note() {
            return note;
        }

        @Override
        public void close() throws SQLException {
            Closing.closeAll(clients, MixClient::close);
        }
    }
}
