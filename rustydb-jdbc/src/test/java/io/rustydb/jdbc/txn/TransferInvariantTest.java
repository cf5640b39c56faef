package io.rustydb.jdbc.txn;

import static io.rustydb.jdbc.txn.TxnTestSupport.DEADLOCK_DETECTED;
import static io.rustydb.jdbc.txn.TxnTestSupport.IN_FAILED_TRANSACTION;
import static io.rustydb.jdbc.txn.TxnTestSupport.SERIALIZATION_FAILURE;
import static io.rustydb.jdbc.txn.TxnTestSupport.await;
import static io.rustydb.jdbc.txn.TxnTestSupport.failureOf;
import static io.rustydb.jdbc.txn.TxnTestSupport.isRetryable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomized, seeded bank-transfer invariants across isolation levels (the MVCC specification, written as tests).
 *
 * <p>Ten accounts hold 100 each; money only moves between them, so the total is always 1000 and no balance may go
 * negative. The workload is bounded by operation count (threads × transfers, plus retries), never by wall-clock
 * time. The seed is {@code -Drustydb.seed=N} or a fixed default, and it appears in every assertion message;
 * each worker's random choices depend only on the seed and the worker number (thread interleaving is not
 * deterministic, but the invariants must hold under every interleaving).
 *
 * <ul>
 *   <li>SERIALIZABLE transfers computed client-side (read both balances, write both new values) lose no update:
 *       every committed transfer is replayed on a {@link TreeMap} model and the final balances must equal it;
 *       40001 and 40P01 are retried, anything else fails the test.
 *   <li>Write skew (two accounts of one customer whose sum must stay {@code >= 0}) is impossible at SERIALIZABLE
 *       (one of two concurrent withdrawals fails with 40001) and does happen at REPEATABLE READ (snapshot
 *       isolation: both commit, the rule is broken) — this documents the difference between the two levels.
 *   <li>A lost update never happens at REPEATABLE READ or SERIALIZABLE: the second updater of a row fails with
 *       40001 once the first commits (first updater wins), and goes ahead if the first rolls back.
 *   <li>READ COMMITTED transfers written as {@code balance = balance - ?} lose nothing either: a write waits for
 *       the row's lock and is re-run on the newest version, so a guard {@code balance >= ?} keeps balances
 *       non-negative.
 * </ul>
 * A concurrent auditor checks, statement by statement, that every snapshot it reads totals 1000.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard only; the workloads are bounded by operation count
class TransferInvariantTest {
    private static final long DEFAULT_SEED = 20240611L;
    private static final long SEED = Long.getLong("rustydb.seed", DEFAULT_SEED);

    private static final int ACCOUNTS = 10;
    private static final int INITIAL_BALANCE = 100;
    private static final int TOTAL = ACCOUNTS * INITIAL_BALANCE;
    private static final int THREADS = 4;
    private static final int TRANSFERS_PER_THREAD = 150;
    private static final int MAX_ATTEMPTS_PER_TRANSFER = 1000;
    private static final int MAX_AUDITS = 2000;
    private static final int SKEW_ROUNDS = 40;
    private static final long WORKLOAD_TIMEOUT_SECONDS = 60;

    /** Any failure not already naming the seed (a stuck step, an SQLException from setup) is wrapped to name it. */
    @RegisterExtension
    static final TestExecutionExceptionHandler SEED_IN_EVERY_FAILURE = (context, failure) -> {
        if (String.valueOf(failure.getMessage()).contains("seed=")) {
            throw failure;
        }
        AssertionError named = new AssertionError(ctx(failure.toString()), failure);
        named.setStackTrace(failure.getStackTrace()); // reports point at the failing line, not at this handler
        throw named;
    };

    private String url;
    private Connection admin;

    /** One committed transfer as the client saw it; also the row it wrote to {@code transfer_log}. */
    private record Transfer(int worker, int seq, int src, int dst, int amount) {
    }

    /** What one worker thread did: its committed transfers in order, and how often it had to retry. */
    private record WorkerLog(int worker, List<Transfer> committed, int retries, int skipped) {
    }

    /** The body of one transfer worker thread. */
    @FunctionalInterface
    private interface Worker {
        WorkerLog run(int worker) throws Exception;
    }

    @BeforeAll
    static void printSeed() {
        System.out.println("TransferInvariantTest seed=" + SEED + " (set with -Drustydb.seed=N)");
    }

    @BeforeEach
    void createAccounts() throws SQLException {
        url = TxnTestSupport.freshMemUrl("transfer");
        admin = DriverManager.getConnection(url); // keeps the in-memory database alive for the whole test
        try (Statement s = admin.createStatement()) {
            s.execute("create table accounts (id int, balance int)");
            s.execute("create table transfer_log (worker int, seq int, src int, dst int, amount int)");
            for (int id = 1; id <= ACCOUNTS; id++) {
                s.executeUpdate("insert into accounts values (" + id + ", " + INITIAL_BALANCE + ")");
            }
        }
    }

    @AfterEach
    void closeAdmin() throws SQLException {
        admin.close();
    }

    private static String ctx(String message) {
        return message + " [seed=" + SEED + "; rerun with -Drustydb.seed=" + SEED + "]";
    }

    // ------------------------------------------------------------------ (a) SERIALIZABLE transfers

    @Test
    void serializableTransfersKeepTheTotalAndLoseNoUpdate() throws Exception {
        List<WorkerLog> logs = runTransfers("SERIALIZABLE", this::serializableWorker);
        int committed = logs.stream().mapToInt(l -> l.committed().size()).sum();
        assertEquals(THREADS * TRANSFERS_PER_THREAD, committed,
                ctx("every SERIALIZABLE transfer commits in the end (retried after 40001/40P01)"));
        verifyAgainstModel("SERIALIZABLE", logs);
    }

    /**
     * Transfers between two random accounts: SELECT both balances, compute the new ones client-side (moving at most
     * what the source holds), UPDATE both, log the transfer, COMMIT. 40001/40P01: roll back and retry the same
     * transfer.
     */
    private WorkerLog serializableWorker(int worker) throws SQLException {
        Random rnd = new Random(SEED * 1_000_003L + worker);
        List<Transfer> committed = new ArrayList<>();
        int retries = 0;
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement read = c.prepareStatement("select balance from accounts where id = ?");
             PreparedStatement write = c.prepareStatement("update accounts set balance = ? where id = ?");
             PreparedStatement log = c.prepareStatement("insert into transfer_log values (?, ?, ?, ?, ?)")) {
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            c.setAutoCommit(false);
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation(), ctx("isolation level"));
            for (int seq = 0; seq < TRANSFERS_PER_THREAD; seq++) {
                int src = 1 + rnd.nextInt(ACCOUNTS);
                int dst = 1 + (src + rnd.nextInt(ACCOUNTS - 1)) % ACCOUNTS; // any account but src
                int wanted = 1 + rnd.nextInt(40);
                for (int attempt = 1; ; attempt++) {
                    if (attempt > MAX_ATTEMPTS_PER_TRANSFER) {
                        fail(ctx("worker " + worker + " transfer " + seq + " still failing after "
                                + MAX_ATTEMPTS_PER_TRANSFER + " attempts: livelock?"));
                    }
                    try {
                        int srcBalance = balance(read, src, worker);
                        int dstBalance = balance(read, dst, worker);
                        int amount = Math.min(wanted, srcBalance);
                        assertEquals(1, setBalance(write, src, srcBalance - amount),
                                ctx("worker " + worker + ": update of account " + src));
                        assertEquals(1, setBalance(write, dst, dstBalance + amount),
                                ctx("worker " + worker + ": update of account " + dst));
                        Transfer t = new Transfer(worker, seq, src, dst, amount);
                        logTransfer(log, t);
                        c.commit();
                        committed.add(t);
                        break;
                    } catch (SQLException e) {
                        if (!isRetryable(e)) {
                            throw new AssertionError(ctx("worker " + worker + " transfer " + seq
                                    + ": unexpected SQLSTATE " + e.getSQLState()
                                    + " (only 40001/40P01 may be retried)"), e);
                        }
                        retries++;
                        c.rollback();
                    }
                }
            }
        }
        return new WorkerLog(worker, committed, retries, 0);
    }

    private static int balance(PreparedStatement read, int id, int worker) throws SQLException {
        read.setInt(1, id);
        try (ResultSet rs = read.executeQuery()) {
            assertTrue(rs.next(), ctx("worker " + worker + ": account " + id + " has a row"));
            int balance = rs.getInt(1);
            assertFalse(rs.next(), ctx("worker " + worker + ": account " + id + " has exactly one row"));
            assertTrue(balance >= 0, ctx("worker " + worker + " read a negative balance " + balance + " of " + id));
            return balance;
        }
    }

    private static int setBalance(PreparedStatement write, int id, int balance) throws SQLException {
        write.setInt(1, balance);
        write.setInt(2, id);
        return write.executeUpdate();
    }

    private static void logTransfer(PreparedStatement log, Transfer t) throws SQLException {
        log.setInt(1, t.worker());
        log.setInt(2, t.seq());
        log.setInt(3, t.src());
        log.setInt(4, t.dst());
        log.setInt(5, t.amount());
        assertEquals(1, log.executeUpdate(), ctx("transfer_log insert"));
    }

    // ------------------------------------------------------------------ (c) READ COMMITTED transfers in SQL

    @Test
    void readCommittedTransfersWrittenInSqlLoseNoUpdate() throws Exception {
        List<WorkerLog> logs = runTransfers("READ COMMITTED", this::readCommittedWorker);
        int committed = logs.stream().mapToInt(l -> l.committed().size()).sum();
        int skipped = logs.stream().mapToInt(WorkerLog::skipped).sum();
        assertEquals(THREADS * TRANSFERS_PER_THREAD, committed + skipped,
                ctx("every READ COMMITTED transfer either commits or is skipped for lack of funds"));
        assertTrue(committed > 0, ctx("some transfers commit"));
        verifyAgainstModel("READ COMMITTED", logs);
    }

    /**
     * Transfers as read-modify-write in SQL at READ COMMITTED (the default): {@code balance = balance - ?} guarded by
     * {@code balance >= ?}, then the credit. A debit that finds too little money (update count 0) rolls back. Only
     * 40P01 may happen (two transfers locking two accounts in opposite orders); it is retried.
     */
    private WorkerLog readCommittedWorker(int worker) throws SQLException {
        Random rnd = new Random(SEED * 1_000_003L + 100 + worker);
        List<Transfer> committed = new ArrayList<>();
        int retries = 0;
        int skipped = 0;
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement debit = c.prepareStatement(
                     "update accounts set balance = balance - ? where id = ? and balance >= ?");
             PreparedStatement credit = c.prepareStatement("update accounts set balance = balance + ? where id = ?");
             PreparedStatement log = c.prepareStatement("insert into transfer_log values (?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation(),
                    ctx("READ COMMITTED is the default"));
            for (int seq = 0; seq < TRANSFERS_PER_THREAD; seq++) {
                int src = 1 + rnd.nextInt(ACCOUNTS);
                int dst = 1 + (src + rnd.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                int amount = 1 + rnd.nextInt(60);
                for (int attempt = 1; ; attempt++) {
                    if (attempt > MAX_ATTEMPTS_PER_TRANSFER) {
                        fail(ctx("worker " + worker + " transfer " + seq + " still failing after "
                                + MAX_ATTEMPTS_PER_TRANSFER + " attempts: livelock?"));
                    }
                    try {
                        debit.setInt(1, amount);
                        debit.setInt(2, src);
                        debit.setInt(3, amount);
                        int debited = debit.executeUpdate();
                        if (debited == 0) {
                            c.rollback();
                            skipped++;
                            break;
                        }
                        assertEquals(1, debited, ctx("worker " + worker + ": debit of account " + src));
                        credit.setInt(1, amount);
                        credit.setInt(2, dst);
                        assertEquals(1, credit.executeUpdate(), ctx("worker " + worker + ": credit of " + dst));
                        Transfer t = new Transfer(worker, seq, src, dst, amount);
                        logTransfer(log, t);
                        c.commit();
                        committed.add(t);
                        break;
                    } catch (SQLException e) {
                        if (!DEADLOCK_DETECTED.equals(e.getSQLState())) {
                            throw new AssertionError(ctx("worker " + worker + " transfer " + seq
                                    + ": unexpected SQLSTATE " + e.getSQLState()
                                    + " at READ COMMITTED (only 40P01 may happen here)"), e);
                        }
                        retries++;
                        c.rollback();
                    }
                }
            }
        }
        return new WorkerLog(worker, committed, retries, skipped);
    }

    // ------------------------------------------------------------------ shared by (a) and (c)

    /** Runs {@link #THREADS} workers and one auditor to completion and returns the workers' logs. */
    private List<WorkerLog> runTransfers(String label, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        AtomicBoolean workersDone = new AtomicBoolean();
        try {
            List<Future<WorkerLog>> workers = new ArrayList<>();
            for (int w = 0; w < THREADS; w++) {
                int id = w;
                workers.add(pool.submit(() -> worker.run(id)));
            }
            Future<Integer> auditor = pool.submit(() -> audit(workersDone));
            List<WorkerLog> logs = new ArrayList<>();
            try {
                for (Future<WorkerLog> f : workers) {
                    logs.add(await(f, WORKLOAD_TIMEOUT_SECONDS, ctx(label + " transfer worker")));
                }
            } finally {
                workersDone.set(true);
            }
            int audits = await(auditor, WORKLOAD_TIMEOUT_SECONDS, ctx(label + " auditor"));
            int retries = logs.stream().mapToInt(WorkerLog::retries).sum();
            int committed = logs.stream().mapToInt(l -> l.committed().size()).sum();
            int skipped = logs.stream().mapToInt(WorkerLog::skipped).sum();
            System.out.printf("%s seed=%d: %d committed, %d skipped, %d retried, %d audits%n",
                    label, SEED, committed, skipped, retries, audits);
            return logs;
        } finally {
            TxnTestSupport.shutdown(pool);
        }
    }

    /**
     * Until the workers are done (at most {@link #MAX_AUDITS} times, at least once): one statement reads the sum, the
     * count and the minimum of the balances. Each statement sees one snapshot, so the sum is always the total.
     */
    private int audit(AtomicBoolean workersDone) throws SQLException {
        int audits = 0;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            do {
                try (ResultSet rs = s.executeQuery("select sum(balance), count(*), min(balance) from accounts")) {
                    assertTrue(rs.next(), ctx("audit returns a row"));
                    long sum = rs.getLong(1);
                    long count = rs.getLong(2);
                    long min = rs.getLong(3);
                    assertEquals(TOTAL, sum, ctx("audit " + audits + ": a snapshot's total"));
                    assertEquals(ACCOUNTS, count, ctx("audit " + audits + ": a snapshot's account count"));
                    assertTrue(min >= 0, ctx("audit " + audits + ": a snapshot's lowest balance is " + min));
                }
                audits++;
                Thread.yield();
            } while (!workersDone.get() && audits < MAX_AUDITS);
        }
        return audits;
    }

    /**
     * The final state must be what replaying every committed transfer serially gives: each balance on a TreeMap
     * model (so no update was lost and no rolled-back one leaked in), the total 1000, nothing negative, and the
     * {@code transfer_log} rows written inside the transactions exactly the transfers the clients saw commit.
     */
    private void verifyAgainstModel(String label, List<WorkerLog> logs) throws SQLException {
        TreeMap<Integer, Integer> model = new TreeMap<>();
        for (int id = 1; id <= ACCOUNTS; id++) {
            model.put(id, INITIAL_BALANCE);
        }
        List<Transfer> clientLog = new ArrayList<>();
        for (WorkerLog log : logs) {
            for (Transfer t : log.committed()) {
                model.merge(t.src(), -t.amount(), Integer::sum);
                model.merge(t.dst(), t.amount(), Integer::sum);
                clientLog.add(t);
            }
        }
        clientLog.sort(Comparator.comparingInt(Transfer::worker).thenComparingInt(Transfer::seq));

        TreeMap<Integer, Integer> actual = new TreeMap<>();
        int rows = 0;
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("select id, balance from accounts order by id")) {
            while (rs.next()) {
                rows++;
                actual.put(rs.getInt(1), rs.getInt(2));
            }
        }
        assertEquals(ACCOUNTS, rows, ctx(label + ": one row per account"));
        assertEquals(model, actual, ctx(label + ": final balances equal the serial replay of the committed transfers"
                + " (a difference is a lost update or a leaked rollback)"));
        assertEquals(TOTAL, actual.values().stream().mapToInt(Integer::intValue).sum(), ctx(label + ": total"));
        for (Map.Entry<Integer, Integer> e : actual.entrySet()) {
            assertTrue(e.getValue() >= 0, ctx(label + ": account " + e.getKey() + " is negative: " + e.getValue()));
        }

        List<Transfer> dbLog = new ArrayList<>();
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery(
                     "select worker, seq, src, dst, amount from transfer_log order by worker, seq")) {
            while (rs.next()) {
                dbLog.add(new Transfer(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
            }
        }
        assertEquals(clientLog.size(), dbLog.size(),
                ctx(label + ": committed transfers in the database = successful commits seen by the clients"));
        assertEquals(clientLog, dbLog, ctx(label + ": the database's transfer log is the clients' commit log"));
    }

    // ------------------------------------------------------------------ (b) write skew and lost updates

    /** One side of a write-skew round: withdraw {@code amount} from {@code acct} if the pair's sum stays >= 0. */
    private static final class Withdrawal {
        final ScriptedSession session;
        final int acct;
        final int amount;
        int sawSum = Integer.MIN_VALUE;
        boolean withdrew;
        boolean committed;
        SQLException failure;
        String failedAt;

        Withdrawal(ScriptedSession session, int acct, int amount) {
            this.session = session;
            this.acct = acct;
            this.amount = amount;
        }
    }

    /** A step of a withdrawal transaction. */
    @FunctionalInterface
    private interface Step {
        void run(Withdrawal w) throws SQLException;
    }

    @Test
    void writeSkewIsImpossibleAtSerializable() throws Exception {
        int[] failedAt = runWriteSkewRounds("SERIALIZABLE");
        System.out.printf("write skew at SERIALIZABLE seed=%d: 40001 at read %d, write %d, commit %d%n",
                SEED, failedAt[0], failedAt[1], failedAt[2]);
    }

    @Test
    void writeSkewHappensAtRepeatableRead() throws Exception {
        runWriteSkewRounds("REPEATABLE READ");
    }

    /**
     * {@link #SKEW_ROUNDS} rounds of the classic write skew, each with seeded balances and amounts such that each
     * withdrawal alone keeps the sum {@code >= 0} but both together do not. Exact interleaving: T1 reads, T2 reads,
     * T1 writes, T2 writes, T1 commits, T2 commits. Returns how many 40001s came at read, write and commit.
     */
    private int[] runWriteSkewRounds(String level) throws Exception {
        try (Statement s = admin.createStatement()) {
            s.execute("create table owner_accounts (acct int, balance int)");
            s.execute("insert into owner_accounts values (1, 0), (2, 0)");
        }
        Random rnd = new Random(SEED * 1_000_003L + (level.equals("SERIALIZABLE") ? 200 : 300));
        int[] failedAt = new int[3];
        try (ScriptedSession s1 = ScriptedSession.open("T1", url);
             ScriptedSession s2 = ScriptedSession.open("T2", url)) {
            for (int round = 0; round < SKEW_ROUNDS; round++) {
                int b1 = 10 + rnd.nextInt(91);
                int b2 = 10 + rnd.nextInt(91);
                int sum = b1 + b2;
                Withdrawal t1 = new Withdrawal(s1, 1, sum / 2 + 1 + rnd.nextInt(sum - sum / 2));
                Withdrawal t2 = new Withdrawal(s2, 2, sum / 2 + 1 + rnd.nextInt(sum - sum / 2));
                String where = level + " round " + round + " (balances " + b1 + "/" + b2 + ", withdrawals "
                        + t1.amount + "/" + t2.amount + ")";
                setOwnerBalances(b1, b2);

                List<Withdrawal> both = List.of(t1, t2);
                for (Withdrawal w : both) {
                    step(w, "begin", where, x -> x.session.execute("START TRANSACTION ISOLATION LEVEL " + level));
                }
                for (Withdrawal w : both) {
                    step(w, "read", where, x -> {
                        x.sawSum = sumOf(x.session.ints("select balance from owner_accounts order by acct"));
                        assertEquals(sum, x.sawSum, ctx(where + ": " + x.session + " read before anyone wrote"));
                    });
                }
                for (Withdrawal w : both) {
                    step(w, "write", where, x -> {
                        if (x.sawSum - x.amount >= 0) {
                            assertEquals(1, x.session.update("update owner_accounts set balance = balance - "
                                    + x.amount + " where acct = " + x.acct), ctx(where + ": withdrawal"));
                            x.withdrew = true;
                        }
                    });
                }
                for (Withdrawal w : both) {
                    step(w, "commit", where, x -> {
                        x.session.execute("COMMIT");
                        x.committed = true;
                    });
                }
                assertTrue(t1.withdrew || t1.failure != null, ctx(where + ": T1 saw enough money to withdraw"));
                assertTrue(t2.withdrew || t2.failure != null, ctx(where + ": T2 saw enough money to withdraw"));

                List<Integer> balances = adminInts("select balance from owner_accounts order by acct");
                if (level.equals("SERIALIZABLE")) {
                    checkSerializableRound(where, t1, t2, b1, b2, balances, failedAt);
                } else {
                    assertNull(t1.failure, ctx(where + ": T1 must not fail at REPEATABLE READ"));
                    assertNull(t2.failure, ctx(where + ": T2 must not fail at REPEATABLE READ"));
                    assertTrue(t1.committed && t2.committed, ctx(where + ": both commit"));
                    assertEquals(List.of(b1 - t1.amount, b2 - t2.amount), balances,
                            ctx(where + ": both withdrawals are applied"));
                    assertTrue(sumOf(balances) < 0, ctx(where + ": write skew occurs at REPEATABLE READ (snapshot"
                            + " isolation): the sum is now " + sumOf(balances)));
                }
            }
        }
        return failedAt;
    }

    private void checkSerializableRound(String where, Withdrawal t1, Withdrawal t2, int b1, int b2,
            List<Integer> balances, int[] failedAt) throws SQLException {
        assertTrue(t1.committed != t2.committed, ctx(where + ": exactly one of the two commits (T1 "
                + outcome(t1) + ", T2 " + outcome(t2) + ")"));
        Withdrawal winner = t1.committed ? t1 : t2;
        Withdrawal loser = t1.committed ? t2 : t1;
        assertNotNull(loser.failure, ctx(where + ": the other fails"));
        assertEquals(SERIALIZATION_FAILURE, loser.failure.getSQLState(), ctx(where + ": the other fails with 40001"));
        failedAt[List.of("read", "write", "commit").indexOf(loser.failedAt)]++;
        List<Integer> expected = winner == t1 ? List.of(b1 - t1.amount, b2) : List.of(b1, b2 - t2.amount);
        assertEquals(expected, balances, ctx(where + ": only the committed withdrawal is applied"));
        assertTrue(sumOf(balances) >= 0, ctx(where + ": the rule sum >= 0 holds at SERIALIZABLE"));

        // the retry, alone, sees the winner's withdrawal and so refuses its own
        ScriptedSession s = loser.session;
        s.execute("START TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        int seen = sumOf(s.ints("select balance from owner_accounts order by acct"));
        assertEquals(sumOf(balances), seen, ctx(where + ": the retry sees the committed state"));
        assertTrue(seen - loser.amount < 0, ctx(where + ": the retry finds too little money"));
        s.execute("COMMIT");
    }

    private static String outcome(Withdrawal w) {
        return w.committed ? "committed" : w.failure == null ? "neither committed nor failed"
                : "failed at " + w.failedAt + " with " + w.failure.getSQLState();
    }

    /**
     * Runs one step unless the transaction already failed. A failure must be 40001; the transaction is then dead:
     * after a failed statement other than COMMIT, the next statement fails with 25P02, and ROLLBACK ends it.
     */
    private static void step(Withdrawal w, String name, String where, Step step) throws SQLException {
        if (w.failure != null) {
            return;
        }
        try {
            step.run(w);
        } catch (SQLException e) {
            if (!SERIALIZATION_FAILURE.equals(e.getSQLState())) {
                throw new AssertionError(ctx(where + ": " + w.session + " at " + name + ": unexpected SQLSTATE "
                        + e.getSQLState()), e);
            }
            w.failure = e;
            w.failedAt = name;
            if (!name.equals("commit")) {
                SQLException next = w.session.failure("select count(*) from owner_accounts");
                assertEquals(IN_FAILED_TRANSACTION, next.getSQLState(),
                        ctx(where + ": after 40001 the transaction only accepts ROLLBACK"));
            }
            w.session.rollbackAfterFailure();
        }
    }

    private void setOwnerBalances(int b1, int b2) throws SQLException {
        try (Statement s = admin.createStatement()) {
            assertEquals(1, s.executeUpdate("update owner_accounts set balance = " + b1 + " where acct = 1"),
                    ctx("reset of account 1"));
            assertEquals(1, s.executeUpdate("update owner_accounts set balance = " + b2 + " where acct = 2"),
                    ctx("reset of account 2"));
        }
    }

    /** The first column of every row of a query on the admin connection, as ints. */
    private List<Integer> adminInts(String sql) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    private static int sumOf(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Two transactions update the same row from values they read (the classic lost update). At REPEATABLE READ and
     * SERIALIZABLE the second updater waits for the first; if the first commits, the second fails with 40001 (first
     * updater wins), whether it was already waiting or comes after the commit; if the first rolls back, the second
     * goes ahead.
     */
    @ParameterizedTest
    @ValueSource(strings = {"REPEATABLE READ", "SERIALIZABLE"})
    void lostUpdateNeverHappens(String level) throws Exception {
        try (ScriptedSession s1 = ScriptedSession.open("T1", url);
             ScriptedSession s2 = ScriptedSession.open("T2", url)) {
            // 1. T2 waits for T1's row lock; T1 commits: T2 fails with 40001
            beginAndRead(level, s1, s2);
            assertEquals(1, s1.update("update accounts set balance = 110 where id = 1"), ctx(level));
            CompletableFuture<Integer> blocked = s2.updateAsync("update accounts set balance = 120 where id = 1");
            s1.execute("COMMIT");
            SQLException lost = failureOf(blocked, ctx(level + ": T2's update after T1 committed"));
            assertEquals(SERIALIZATION_FAILURE, lost.getSQLState(),
                    ctx(level + ": the second updater of a row fails once the first commits"));
            assertEquals(IN_FAILED_TRANSACTION, s2.failure("select balance from accounts where id = 1").getSQLState(),
                    ctx(level + ": after 40001 only ROLLBACK is accepted"));
            s2.execute("ROLLBACK");
            assertEquals(110, balanceOfAccount1(), ctx(level + ": T1's update stands, T2's is gone"));

            // 2. T1 already committed when T2 tries: 40001 at once (T2's snapshot predates T1's commit)
            beginAndRead(level, s1, s2);
            assertEquals(1, s1.update("update accounts set balance = balance + 10 where id = 1"), ctx(level));
            s1.execute("COMMIT");
            SQLException late = s2.failure("update accounts set balance = balance + 20 where id = 1");
            assertEquals(SERIALIZATION_FAILURE, late.getSQLState(),
                    ctx(level + ": updating a row changed after the snapshot fails, even in SQL arithmetic"));
            s2.execute("ROLLBACK");
            assertEquals(110, balanceOfAccount1(), ctx(level + ": T1's increment only"));

            // 3. T2 waits for T1's row lock; T1 rolls back: T2 goes ahead and commits
            beginAndRead(level, s1, s2);
            assertEquals(1, s1.update("update accounts set balance = 111 where id = 1"), ctx(level));
            CompletableFuture<Integer> waiting = s2.updateAsync("update accounts set balance = 120 where id = 1");
            s1.execute("ROLLBACK");
            assertEquals(1, await(waiting, ctx(level + ": T2's update after T1 rolled back")), ctx(level));
            s2.execute("COMMIT");
            assertEquals(120, balanceOfAccount1(), ctx(level + ": T2's update after T1's rollback"));
        }
    }

    /** Resets account 1 to 100; both sessions begin at {@code level} and read it, which takes their snapshots. */
    private void beginAndRead(String level, ScriptedSession s1, ScriptedSession s2) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.executeUpdate("update accounts set balance = 100 where id = 1");
        }
        for (ScriptedSession s : List.of(s1, s2)) {
            s.execute("BEGIN ISOLATION LEVEL " + level);
            assertEquals(100, s.intValue("select balance from accounts where id = 1"), ctx(level + ": " + s));
        }
    }

    private int balanceOfAccount1() throws SQLException {
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("select balance from accounts where id = 1")) {
            assertTrue(rs.next(), ctx("account 1 exists"));
            return rs.getInt(1);
        }
    }
}
