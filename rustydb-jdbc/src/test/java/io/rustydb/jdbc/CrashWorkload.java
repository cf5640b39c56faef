package io.rustydb.jdbc;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * The child process of {@link CrashLoopTest}: several threads run transactions against a file database until the
 * process is killed. The table has a unique and a non-unique index, so every kill also lands in the middle of index
 * changes (splits included). Each transaction inserts a pair of ledger rows that sum to zero (and sometimes rolls back
 * instead of committing); after {@code commit()} returns, the thread prints {@code ACK <id>} and flushes, so the
 * parent knows exactly which transactions were acknowledged.
 *
 * <p>Arguments: database path, seed, number of threads.
 */
public final class CrashWorkload {
    private CrashWorkload() {
    }

    public static void main(String[] args) throws Exception {
        String url = "jdbc:rustydb:file:" + args[0];
        long seed = Long.parseLong(args[1]);
        int threads = Integer.parseInt(args[2]);
        PrintStream out = System.out;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS ledger (txn BIGINT NOT NULL, worker INTEGER NOT NULL, "
                    + "amount BIGINT NOT NULL, note VARCHAR(200), UNIQUE (txn, amount))");
            s.execute("CREATE INDEX IF NOT EXISTS ledger_worker ON ledger (worker, txn DESC)");
            out.println("READY");
            out.flush();
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                final int worker = t;
                workers[t] = new Thread(() -> run(c, url, seed, worker, out));
                workers[t].start();
            }
            for (Thread w : workers) {
                w.join();
            }
        }
    }

    private static void run(Connection unused, String url, long seed, int worker, PrintStream out) {
        Random random = new Random(seed * 31 + worker);
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO ledger (txn, worker, amount, note) VALUES (?, ?, ?, ?), (?, ?, ?, ?)")) {
                for (long n = 0; ; n++) {
                    long txn = seed * 1_000_000_000L + (long) worker * 10_000_000L + n;
                    long amount = 1 + random.nextInt(1_000_000);
                    String note = "x".repeat(random.nextInt(200));
                    insert.setLong(1, txn);
                    insert.setInt(2, worker);
                    insert.setLong(3, amount);
                    insert.setString(4, note);
                    insert.setLong(5, txn);
                    insert.setInt(6, worker);
                    insert.setLong(7, -amount);
                    insert.setString(8, note);
                    insert.executeUpdate();
                    if (random.nextInt(5) == 0) {
                        c.rollback();
                        synchronized (out) {
                            out.println("ROLLBACK " + txn);
                            out.flush();
                        }
                        continue;
                    }
                    c.commit();
                    synchronized (out) {
                        out.println("ACK " + txn);
                        out.flush();
                    }
                }
            }
        } catch (SQLException e) {
            synchronized (out) {
                out.println("ERROR " + e.getSQLState() + " " + e.getMessage());
                out.flush();
            }
        }
    }
}
