package io.rustydb.txn.lock;

import static io.rustydb.txn.lock.LockMode.S;
import static io.rustydb.txn.lock.LockMode.X;
import static io.rustydb.txn.lock.LockTesting.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Waits-for cycles of two and three transactions, through rows, upgrades, queued waiters and transaction ids: exactly
 * one victim (the youngest transaction of the cycle) fails with 40P01, and the others go on once it has released its
 * locks, as its rollback would.
 */
@Timeout(30)
class DeadlockTest {
    private static LockKey row(long n) {
        return LockKey.row(3, n);
    }

    private LockManager locks = new LockManager();
    private LockTesting t = new LockTesting(locks);

    @AfterEach
    void tearDown() {
        t.close();
        locks.checkInvariants();
    }

    /** Txn {@code txns[i]} holds X on row i, then (in order, each waiting) asks for row i+1 (mod n). */
    private List<Future<Boolean>> cycle(long... txns) throws Exception {
        int n = txns.length;
        for (int i = 0; i < n; i++) {
            assertTrue(locks.acquire(txns[i], row(i), X, LockWait.NOWAIT));
        }
        List<Future<Boolean>> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long txn = txns[i];
            LockKey next = row((i + 1) % n);
            steps.add(t.async(() -> locks.acquire(txn, next, X, LockWait.FOREVER)));
            if (i < n - 1) {
                t.awaitWaiting(txn); // the last request closes the cycle
            }
        }
        return steps;
    }

    /** Checks that exactly {@code victimIndex} failed with 40P01, rolls it back, and lets the rest finish in turn. */
    private DbException exactlyOneVictim(List<Future<Boolean>> steps, long[] txns, int victimIndex) throws Exception {
        DbException victim = t.failure(steps.get(victimIndex));
        assertCode(ErrorCode.DEADLOCK_DETECTED, victim);
        assertEquals("40P01", victim.sqlState());
        assertEquals(1, locks.deadlockCount());
        locks.releaseAll(txns[victimIndex]);
        // the others are released in cycle order behind the victim: each gets its row, then ends
        for (int k = 1; k < txns.length; k++) {
            int i = Math.floorMod(victimIndex - k, txns.length);
            assertTrue(t.get(steps.get(i)), "txn " + txns[i] + " proceeds");
            locks.checkInvariants();
            locks.releaseAll(txns[i]);
        }
        assertEquals(1, locks.deadlockCount(), "exactly one victim");
        assertEquals("LockManager[]", locks.toString());
        return victim;
    }

    @Test
    void twoTransactionsRequesterIsYoungest() throws Exception {
        long[] txns = {12, 15};
        DbException e = exactlyOneVictim(cycle(txns), txns, 1);
        assertEquals("deadlock detected: txn 15 waits for txn 12 on row (3, 0) (wants X; txn 12 holds X); "
                + "txn 12 waits for txn 15 on row (3, 1) (wants X; txn 15 holds X); "
                + "victim: txn 15 (the youngest in the cycle)", e.getMessage());
    }

    @Test
    void twoTransactionsWaiterIsYoungest() throws Exception {
        long[] txns = {15, 12}; // 15 waits first; 12 closes the cycle, but 15 is the victim
        exactlyOneVictim(cycle(txns), txns, 0);
    }

    @Test
    void threeTransactionCycle() throws Exception {
        long[] txns = {21, 23, 22};
        DbException e = exactlyOneVictim(cycle(txns), txns, 1);
        for (String edge : List.of("txn 21 waits for txn 23", "txn 23 waits for txn 22", "txn 22 waits for txn 21")) {
            assertTrue(e.getMessage().contains(edge), e.getMessage());
        }
    }

    @Test
    void upgradeDeadlock() throws Exception {
        LockKey key = row(7);
        assertTrue(locks.acquire(1, key, S, LockWait.NOWAIT));
        assertTrue(locks.acquire(2, key, S, LockWait.NOWAIT));
        Future<Boolean> older = t.async(() -> locks.acquire(1, key, X, LockWait.FOREVER));
        t.awaitWaiting(1);
        Future<Boolean> younger = t.async(() -> locks.acquire(2, key, X, LockWait.FOREVER));
        assertCode(ErrorCode.DEADLOCK_DETECTED, t.failure(younger));
        assertEquals(S, locks.holds(2, key), "the victim keeps its S until rolled back");
        locks.releaseAll(2);
        assertTrue(t.get(older));
        assertEquals(X, locks.holds(1, key));
    }

    @Test
    void cycleThroughAQueuedWaiter() throws Exception {
        // 1 holds S on A; 2 holds B and waits for X on A (behind 1); 3 holds C and asks S on A: compatible with 1's S
        // but queued behind 2's X, so 3 waits for 2. Then 1 asks for C: 1 → 3 → 2 → 1.
        LockKey a = row(1);
        LockKey b = row(2);
        LockKey c = row(3);
        assertTrue(locks.acquire(1, a, S, LockWait.NOWAIT));
        assertTrue(locks.acquire(2, b, X, LockWait.NOWAIT));
        assertTrue(locks.acquire(3, c, X, LockWait.NOWAIT));
        Future<Boolean> two = t.async(() -> locks.acquire(2, a, X, LockWait.FOREVER));
        t.awaitWaiting(2);
        Future<Boolean> three = t.async(() -> locks.acquire(3, a, S, LockWait.FOREVER));
        t.awaitWaiting(3);
        Future<Boolean> one = t.async(() -> locks.acquire(1, c, X, LockWait.FOREVER));
        DbException e = t.failure(three);
        assertCode(ErrorCode.DEADLOCK_DETECTED, e);
        assertTrue(e.getMessage().contains("txn 3 waits for txn 2 on row (3, 1) (wants S; txn 2 waits ahead for X)"),
                e.getMessage());
        locks.releaseAll(3);
        assertTrue(t.get(one));
        locks.releaseAll(1);
        assertTrue(t.get(two));
    }

    @Test
    void cycleThroughATransactionWait() throws Exception {
        // A (txn 1) holds a row and waits for B's transaction to end; B (txn 2) asks for A's row
        locks.registerTransaction(1);
        locks.registerTransaction(2);
        assertTrue(locks.acquire(1, row(1), X, LockWait.NOWAIT));
        Future<Boolean> a = t.async(() -> locks.waitForTransaction(1, 2, LockWait.FOREVER));
        t.awaitWaiting(1);
        Future<Boolean> b = t.async(() -> locks.acquire(2, row(1), X, LockWait.FOREVER));
        DbException e = t.failure(b);
        assertCode(ErrorCode.DEADLOCK_DETECTED, e);
        assertTrue(e.getMessage().contains("txn 1 waits for txn 2 on transaction 2 (wants S; txn 2 holds X)"),
                e.getMessage());
        locks.releaseAll(2);
        assertTrue(t.get(a));
        assertNull(locks.holds(1, LockKey.transaction(2)));
    }

    @Test
    void waitingThreadsFindCyclesOnTheirOwn() throws Exception {
        // with detection at request time off, only the periodic check of the waiting threads can see the cycle
        t.close();
        locks = new LockManager(10, false);
        t = new LockTesting(locks);
        long[] txns = {12, 15};
        List<Future<Boolean>> steps = cycle(txns);
        DbException e = t.failure(steps.get(1));
        assertCode(ErrorCode.DEADLOCK_DETECTED, e);
        locks.releaseAll(15);
        assertTrue(t.get(steps.get(0)));
        assertEquals(1, locks.deadlockCount());
    }

    @Test
    void requestThatWaitsOnTwoCyclesCostsEachCycleOneVictim() throws Exception {
        // 1 and 2 hold S on A, and each waits for X on its own row held by 3; 3 then asks for X on A: it closes two
        // cycles (3 → 1 → 3 and 3 → 2 → 3), each losing its youngest member: 3 itself, which breaks both.
        LockKey a = row(1);
        assertTrue(locks.acquire(1, a, S, LockWait.NOWAIT));
        assertTrue(locks.acquire(2, a, S, LockWait.NOWAIT));
        assertTrue(locks.acquire(3, row(11), X, LockWait.NOWAIT));
        assertTrue(locks.acquire(3, row(12), X, LockWait.NOWAIT));
        Future<Boolean> one = t.async(() -> locks.acquire(1, row(11), X, LockWait.FOREVER));
        t.awaitWaiting(1);
        Future<Boolean> two = t.async(() -> locks.acquire(2, row(12), X, LockWait.FOREVER));
        t.awaitWaiting(2);
        Future<Boolean> three = t.async(() -> locks.acquire(3, a, X, LockWait.FOREVER));
        assertCode(ErrorCode.DEADLOCK_DETECTED, t.failure(three));
        assertEquals(1, locks.deadlockCount());
        locks.releaseAll(3);
        assertTrue(t.get(one));
        assertTrue(t.get(two));
    }
}
