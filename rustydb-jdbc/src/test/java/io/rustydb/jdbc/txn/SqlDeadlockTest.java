package io.rustydb.jdbc.txn;

import static io.rustydb.jdbc.txn.TxnTestSupport.DEADLOCK_DETECTED;
import static io.rustydb.jdbc.txn.TxnTestSupport.IN_FAILED_TRANSACTION;
import static io.rustydb.jdbc.txn.TxnTestSupport.LOCK_NOT_AVAILABLE;
import static io.rustydb.jdbc.txn.TxnTestSupport.STEP_TIMEOUT_SECONDS;
import static io.rustydb.jdbc.txn.TxnTestSupport.await;
import static io.rustydb.jdbc.txn.TxnTestSupport.failureOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Row locks through SQL: deadlocks between two and three transactions (exactly one victim gets 40P01, is rolled back
 * at once, and the others complete and commit), the {@code lock_timeout} connection option (a blocked write fails
 * with 55P03 and the transaction goes on), {@code SELECT ... FOR UPDATE / FOR SHARE NOWAIT} (55P03 at once, plain
 * reads never wait) and {@code FOR UPDATE SKIP LOCKED} as a job queue (workers never get the same job).
 *
 * <p>Each transaction runs on a {@link ScriptedSession}, so statements happen in the order the test writes them; a
 * statement expected to wait for a lock is started asynchronously. Nothing is asserted about timing: a step that
 * does not finish within {@value TxnTestSupport#STEP_TIMEOUT_SECONDS} s is reported as blocked.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard only
class SqlDeadlockTest {
    private static final int JOBS = 40;
    private static final int WORKERS = 4;

    private String url;
    private Connection admin;

    @BeforeEach
    void createTables() throws SQLException {
        url = TxnTestSupport.freshMemUrl("locks");
        admin = DriverManager.getConnection(url); // keeps the in-memory database alive for the whole test
        try (Statement s = admin.createStatement()) {
            s.execute("create table t (id int, v int)");
            s.execute("insert into t values (1, 0), (2, 0), (3, 0)");
        }
    }

    @AfterEach
    void closeAdmin() throws SQLException {
        admin.close();
    }

    // ------------------------------------------------------------------ deadlocks

    @Test
    void twoTransactionDeadlockHasExactlyOneVictim() throws Exception {
        deadlockCycle(2);
    }

    @Test
    void threeTransactionDeadlockHasExactlyOneVictim() throws Exception {
        deadlockCycle(3);
    }

    /**
     * Transaction i (1-based, weight 10^(i-1)) adds its weight to row i, then to row i+1 (row 1 for the last one),
     * which the next transaction holds: a cycle of {@code n} waits. Exactly one transaction fails with 40P01; it is
     * rolled back at once (its locks go, so the one waiting for it proceeds even before it sends ROLLBACK) and then
     * accepts only ROLLBACK (25P02). Each other one completes its statement once its blocker is gone, and commits.
     * The rows then hold exactly the winners' increments.
     */
    private void deadlockCycle(int n) throws Exception {
        List<ScriptedSession> sessions = new ArrayList<>();
        try {
            for (int i = 1; i <= n; i++) {
                sessions.add(ScriptedSession.open("T" + i, url));
            }
            for (int i = 1; i <= n; i++) {
                ScriptedSession s = sessions.get(i - 1);
                s.execute("BEGIN");
                assertEquals(1, s.update("update t set v = v + " + weight(i) + " where id = " + i), s + " row " + i);
            }
            Map<CompletableFuture<Integer>, ScriptedSession> pending = new LinkedHashMap<>();
            for (int i = 1; i <= n; i++) {
                ScriptedSession s = sessions.get(i - 1);
                pending.put(s.updateAsync("update t set v = v + " + weight(i) + " where id = " + next(i, n)), s);
            }
            List<ScriptedSession> victims = new ArrayList<>();
            List<ScriptedSession> winners = new ArrayList<>();
            while (!pending.isEmpty()) {
                awaitAny(pending);
                for (Map.Entry<CompletableFuture<Integer>, ScriptedSession> e : List.copyOf(pending.entrySet())) {
                    if (!e.getKey().isDone()) {
                        continue;
                    }
                    pending.remove(e.getKey());
                    ScriptedSession s = e.getValue();
                    if (e.getKey().isCompletedExceptionally()) {
                        SQLException failure = failureOf(e.getKey(), s + "'s second update");
                        assertEquals(DEADLOCK_DETECTED, failure.getSQLState(), s + ": the deadlock victim gets 40P01");
                        victims.add(s);
                        assertEquals(IN_FAILED_TRANSACTION, s.failure("select v from t where id = 1").getSQLState(),
                                s + ": after 40P01 only ROLLBACK is accepted");
                        s.execute("ROLLBACK");
                    } else {
                        assertEquals(1, await(e.getKey(), s + "'s second update"), s + "'s second update count");
                        s.execute("COMMIT");
                        winners.add(s);
                    }
                }
            }
            assertEquals(1, victims.size(), "exactly one deadlock victim among " + sessions + ": " + victims);
            assertEquals(n - 1, winners.size(), "every other transaction commits: " + winners);

            TreeMap<Integer, Integer> expected = new TreeMap<>();
            for (int row = 1; row <= 3; row++) {
                expected.put(row, 0);
            }
            for (ScriptedSession w : winners) {
                int i = sessions.indexOf(w) + 1;
                expected.merge(i, weight(i), Integer::sum);
                expected.merge(next(i, n), weight(i), Integer::sum);
            }
            assertEquals(expected, values(), "the winners' increments and nothing of the victim (" + victims + ")");
        } finally {
            for (ScriptedSession s : sessions) {
                s.close();
            }
        }
    }

    private static int weight(int i) {
        return (int) Math.pow(10, i - 1);
    }

    private static int next(int i, int n) {
        return i == n ? 1 : i + 1;
    }

    /** Waits until at least one of the futures is done; failing futures count as done. */
    private static void awaitAny(Map<CompletableFuture<Integer>, ScriptedSession> pending) {
        try {
            CompletableFuture.anyOf(pending.keySet().toArray(new CompletableFuture<?>[0]))
                    .get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // one of them failed: looked at by the caller
        } catch (TimeoutException e) {
            throw new AssertionError("no progress within " + STEP_TIMEOUT_SECONDS + " s; still waiting: "
                    + pending.values() + " (deadlock not detected?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private TreeMap<Integer, Integer> values() throws SQLException {
        TreeMap<Integer, Integer> out = new TreeMap<>();
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("select id, v from t order by id")) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getInt(2));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ lock timeout

    /**
     * With {@code ;lock_timeout=200}, an UPDATE of a row another transaction has written waits, then fails with
     * 55P03. Only that statement fails: the waiting transaction keeps its earlier work, goes on and commits, and the
     * holder is unaffected.
     */
    @Test
    void lockTimeoutFailsTheBlockedStatementOnly() throws Exception {
        try (ScriptedSession holder = ScriptedSession.open("holder", url);
             ScriptedSession waiter = ScriptedSession.open("waiter", url + ";lock_timeout=200")) {
            holder.execute("BEGIN");
            assertEquals(1, holder.update("update t set v = 1 where id = 1"));
            waiter.execute("BEGIN");
            assertEquals(1, waiter.update("update t set v = 2 where id = 2"));

            SQLException timedOut = waiter.failure("update t set v = 2 where id = 1");
            assertEquals(LOCK_NOT_AVAILABLE, timedOut.getSQLState(), "a write blocked past lock_timeout gets 55P03");

            assertEquals(1, waiter.update("update t set v = 3 where id = 3"), "the waiter's transaction goes on");
            assertEquals(List.of(0, 2, 3), waiter.ints("select v from t order by id"),
                    "the waiter sees its own writes, not the holder's uncommitted one nor its failed one");
            waiter.execute("COMMIT");
            assertEquals(1, holder.update("update t set v = v + 10 where id = 1"), "the holder is unaffected");
            holder.execute("COMMIT");
        }
        assertEquals(Map.of(1, 11, 2, 2, 3, 3), values());
    }

    // ------------------------------------------------------------------ FOR UPDATE / FOR SHARE NOWAIT

    /**
     * {@code FOR UPDATE NOWAIT} on a row another transaction locked fails with 55P03 at once (the session's
     * lock_timeout is 60 s, so a statement that waited instead would show up as blocked), while the other rows
     * can be locked and a plain SELECT of the locked row does not wait at all. {@code FOR SHARE} locks are shared
     * with other FOR SHARE lockers but keep FOR UPDATE out.
     */
    @Test
    void nowaitFailsAtOnceOnALockedRow() throws Exception {
        try (ScriptedSession holder = ScriptedSession.open("holder", url);
             ScriptedSession other = ScriptedSession.open("other", url + ";lock_timeout=60000")) {
            holder.execute("BEGIN");
            assertEquals(List.of(1), holder.ints("select id from t where id = 1 for update"));
            assertEquals(List.of(3), holder.ints("select id from t where id = 3 for share"));

            other.execute("BEGIN");
            assertEquals(List.of(0), other.ints("select v from t where id = 1"),
                    "a plain read of a row locked FOR UPDATE does not wait");
            SQLException locked = other.failure("select id from t where id = 1 for update nowait");
            assertEquals(LOCK_NOT_AVAILABLE, locked.getSQLState(), "FOR UPDATE NOWAIT on a locked row");
            other.rollbackAfterFailure();

            other.execute("BEGIN");
            assertEquals(List.of(2), other.ints("select id from t where id = 2 for update nowait"),
                    "an unlocked row can be locked");
            assertEquals(List.of(3), other.ints("select id from t where id = 3 for share nowait"),
                    "FOR SHARE locks are compatible with each other");
            SQLException shared = other.failure("select id from t where id = 3 for update nowait");
            assertEquals(LOCK_NOT_AVAILABLE, shared.getSQLState(), "FOR UPDATE NOWAIT on a row held FOR SHARE");
            other.rollbackAfterFailure();

            holder.execute("COMMIT");
            other.execute("BEGIN");
            assertEquals(List.of(1), other.ints("select id from t where id = 1 for update nowait"),
                    "free again once the holder commits");
            other.execute("COMMIT");
        }
    }

    // ------------------------------------------------------------------ SKIP LOCKED

    /**
     * The job-queue pattern: each worker takes the first unlocked open job with {@code ... order by id limit 1 for
     * update skip locked}. Two workers get different jobs; a third gets all the rest; a job released by a rollback
     * becomes available again while the still-held ones stay skipped.
     */
    @Test
    void skipLockedHandsEachWorkerADifferentJob() throws Exception {
        createJobs(5);
        String take = "select id from jobs where done = false order by id limit 1 for update skip locked";
        try (ScriptedSession w1 = ScriptedSession.open("w1", url);
             ScriptedSession w2 = ScriptedSession.open("w2", url);
             ScriptedSession w3 = ScriptedSession.open("w3", url);
             ScriptedSession w4 = ScriptedSession.open("w4", url)) {
            w1.execute("BEGIN");
            assertEquals(List.of(1), w1.ints(take), "w1 takes the first job");
            w2.execute("BEGIN");
            assertEquals(List.of(2), w2.ints(take), "w2 skips w1's job");
            w3.execute("BEGIN");
            assertEquals(List.of(3, 4, 5),
                    w3.ints("select id from jobs where done = false order by id for update skip locked"),
                    "without a limit: every open job nobody holds");
            assertEquals(1, w1.update("update jobs set done = true, worker = 1 where id = 1"));
            w1.execute("COMMIT");
            w2.execute("ROLLBACK");
            w4.execute("BEGIN");
            assertEquals(List.of(2), w4.ints(take), "job 1 is done, job 2 free again, jobs 3-5 still held by w3");
            w4.execute("ROLLBACK");
            w3.execute("ROLLBACK");
        }
    }

    /**
     * {@value #WORKERS} workers drain {@value #JOBS} jobs concurrently with SKIP LOCKED, one job per transaction:
     * every job is done exactly once, by the worker that claimed it, and no statement fails.
     */
    @Test
    void skipLockedWorkersDrainAQueueWithoutDuplicates() throws Exception {
        createJobs(JOBS);
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int w = 1; w <= WORKERS; w++) {
                int worker = w;
                futures.add(pool.submit(() -> drain(worker)));
            }
            List<Integer> claimed = new ArrayList<>();
            Map<Integer, Integer> claimedBy = new TreeMap<>();
            for (int w = 1; w <= WORKERS; w++) {
                for (int job : await(futures.get(w - 1), 60, "worker " + w)) {
                    claimed.add(job);
                    claimedBy.put(job, w);
                }
            }
            Collections.sort(claimed);
            List<Integer> all = new ArrayList<>();
            for (int id = 1; id <= JOBS; id++) {
                all.add(id);
            }
            assertEquals(all, claimed, "each job claimed by exactly one worker");
            Map<Integer, Integer> recorded = new TreeMap<>();
            try (Statement s = admin.createStatement();
                 ResultSet rs = s.executeQuery("select id, worker from jobs where done = true order by id")) {
                while (rs.next()) {
                    recorded.put(rs.getInt(1), rs.getInt(2));
                }
            }
            assertEquals(claimedBy, recorded, "every job done, by the worker that claimed it");
        } finally {
            TxnTestSupport.shutdown(pool);
        }
    }

    /** One worker: claim, finish, commit, until no unlocked open job is left. Returns the jobs it did. */
    private List<Integer> drain(int worker) throws SQLException {
        List<Integer> done = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement take = c.prepareStatement(
                     "select id from jobs where done = false order by id limit 1 for update skip locked");
             PreparedStatement finish = c.prepareStatement("update jobs set done = true, worker = ? where id = ?")) {
            c.setAutoCommit(false);
            for (int i = 0; i < 10 * JOBS; i++) {
                Integer job = null;
                try (ResultSet rs = take.executeQuery()) {
                    if (rs.next()) {
                        job = rs.getInt(1);
                        assertFalse(rs.next(), "limit 1");
                    }
                }
                if (job == null) {
                    c.commit();
                    return done;
                }
                finish.setInt(1, worker);
                finish.setInt(2, job);
                assertEquals(1, finish.executeUpdate(), "worker " + worker + " finishes job " + job);
                c.commit();
                done.add(job);
            }
        }
        throw new AssertionError("worker " + worker + " still finds jobs after " + 10 * JOBS + " claims: " + done);
    }

    private void createJobs(int n) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("create table jobs (id int, done boolean, worker int)");
            for (int id = 1; id <= n; id++) {
                s.executeUpdate("insert into jobs values (" + id + ", false, null)");
            }
        }
    }

    /**
     * A FOR UPDATE that waits for a row lock must not hold its scan's page: the lock holder writes another row of
     * the same page before it commits (a latch held while waiting for a lock would deadlock the two, unseen by the
     * deadlock detector, until the lock timeout).
     */
    @Test
    void aWaitingForUpdateHoldsNoPageTheHolderNeeds() throws Exception {
        try (ScriptedSession holder = ScriptedSession.open("holder", url);
             ScriptedSession locker = ScriptedSession.open("locker", url)) {
            holder.execute("begin");
            assertEquals(1, holder.update("update t set v = 1 where id = 2"));
            locker.execute("begin");
            CompletableFuture<List<Integer>> locked = locker.intsAsync("select id from t for update");
            Thread.sleep(200); // let it reach the wait (the test holds either way)
            assertEquals(1, holder.update("update t set v = 1 where id = 3"), "same page as the waiting scan");
            holder.execute("commit");
            assertEquals(List.of(1, 2, 3), TxnTestSupport.await(locked, "select ... for update").stream().sorted()
                    .toList());
            locker.execute("commit");
        }
    }
}
