package io.rustydb.txn.lock;

import static io.rustydb.txn.lock.LockMode.IS;
import static io.rustydb.txn.lock.LockMode.IX;
import static io.rustydb.txn.lock.LockMode.S;
import static io.rustydb.txn.lock.LockMode.SIX;
import static io.rustydb.txn.lock.LockMode.X;
import static io.rustydb.txn.lock.LockTesting.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Granting, waiting, re-entry, upgrades, fairness and the wait policies of {@link LockManager}. */
@Timeout(30)
class LockManagerTest {
    private static final LockKey ROW = LockKey.row(3, 1234);
    private static final LockKey ROW2 = LockKey.row(3, 1235);

    private final LockManager locks = new LockManager();
    private final LockTesting t = new LockTesting(locks);

    @AfterEach
    void tearDown() {
        t.close();
        locks.checkInvariants();
    }

    @Test
    void compatibilityMatrixOnTheLockTable() {
        for (LockMode held : LockMode.values()) {
            for (LockMode wanted : LockMode.values()) {
                assertTrue(locks.acquire(1, ROW, held, LockWait.NOWAIT));
                boolean expected = LockModeTest.expectedCompatible(held, wanted);
                assertEquals(expected, locks.acquire(2, ROW, wanted, LockWait.SKIP_LOCKED), held + " then " + wanted);
                if (!expected) {
                    DbException e = assertThrows(DbException.class,
                            () -> locks.acquire(2, ROW, wanted, LockWait.NOWAIT));
                    assertCode(ErrorCode.LOCK_NOT_AVAILABLE, e);
                }
                assertEquals(expected ? wanted : null, locks.holds(2, ROW));
                locks.checkInvariants();
                locks.releaseAll(1);
                locks.releaseAll(2);
                assertTrue(locks.heldBy(1).isEmpty() && locks.heldBy(2).isEmpty());
                assertEquals("LockManager[]", locks.toString(), "everything released");
            }
        }
    }

    @Test
    void reentryIsImmediateEvenWithWaitersQueued() throws Exception {
        assertTrue(locks.acquire(1, ROW, X, LockWait.NOWAIT));
        Future<Boolean> waiter = t.async(() -> locks.acquire(2, ROW, S, LockWait.FOREVER));
        t.awaitWaiting(2);
        for (LockMode m : LockMode.values()) {
            assertTrue(locks.acquire(1, ROW, m, LockWait.NOWAIT), "X covers " + m);
        }
        assertEquals(X, locks.holds(1, ROW));
        assertEquals(Map.of(ROW, X), locks.heldBy(1));
        locks.releaseAll(1);
        assertTrue(t.get(waiter));
        assertEquals(S, locks.holds(2, ROW));
    }

    @Test
    void upgradesJoinModes() {
        assertTrue(locks.acquire(1, ROW, S, LockWait.NOWAIT));
        assertTrue(locks.acquire(1, ROW, IX, LockWait.NOWAIT));
        assertEquals(SIX, locks.holds(1, ROW));
        assertTrue(locks.acquire(2, ROW, IS, LockWait.NOWAIT), "IS is compatible with SIX");
        assertFalse(locks.acquire(2, ROW, IX, LockWait.SKIP_LOCKED), "IX is not");
        assertEquals(IS, locks.holds(2, ROW), "a failed upgrade keeps the mode held");
        assertFalse(locks.acquire(1, ROW, X, LockWait.SKIP_LOCKED), "X waits for txn 2's IS");
        locks.release(2, ROW);
        assertTrue(locks.acquire(1, ROW, X, LockWait.NOWAIT));
        assertEquals(X, locks.holds(1, ROW));
    }

    @Test
    void upgradeWaitsForOtherSharedHoldersAndGoesAheadOfWaiters() throws Exception {
        assertTrue(locks.acquire(1, ROW, S, LockWait.NOWAIT));
        assertTrue(locks.acquire(2, ROW, S, LockWait.NOWAIT));
        Future<Boolean> writer = t.async(() -> locks.acquire(3, ROW, X, LockWait.FOREVER));
        t.awaitWaiting(3);
        Future<Boolean> upgrade = t.async(() -> locks.acquire(1, ROW, X, LockWait.FOREVER));
        t.awaitWaiting(1);
        assertEquals(S, locks.holds(1, ROW), "still S while the upgrade waits");
        assertEquals(Map.of(1L, Set.of(2L), 3L, Set.of(1L, 2L)), locks.waitsForGraph());
        locks.releaseAll(2);
        assertTrue(t.get(upgrade));
        assertEquals(X, locks.holds(1, ROW));
        assertFalse(writer.isDone(), "txn 3 queued behind the upgrade");
        assertTrue(locks.isWaiting(3));
        locks.releaseAll(1);
        assertTrue(t.get(writer));
        assertEquals(X, locks.holds(3, ROW));
    }

    @Test
    void writerIsNotStarvedByAStreamOfReaders() throws Exception {
        assertTrue(locks.acquire(1, ROW, S, LockWait.NOWAIT));
        Future<Boolean> writer = t.async(() -> locks.acquire(2, ROW, X, LockWait.FOREVER));
        t.awaitWaiting(2);
        // readers arriving after the writer are compatible with the holder but queue behind the writer
        for (long reader = 10; reader < 20; reader++) {
            assertFalse(locks.acquire(reader, ROW, S, LockWait.SKIP_LOCKED), "reader " + reader + " overtook");
            assertFalse(locks.acquire(reader, ROW, IS, LockWait.SKIP_LOCKED), "IS conflicts with the waiting X too");
        }
        Future<Boolean> lateReader = t.async(() -> locks.acquire(30, ROW, S, LockWait.FOREVER));
        t.awaitWaiting(30);
        locks.releaseAll(1);
        assertTrue(t.get(writer));
        assertTrue(locks.isWaiting(30), "the late reader waits for the writer");
        locks.releaseAll(2);
        assertTrue(t.get(lateReader));
    }

    @Test
    void compatibleRequestsPassACompatibleWaiter() throws Exception {
        // FIFO only against incompatible waiters: IS may pass a waiting S (PostgreSQL's wait mask rule)
        assertTrue(locks.acquire(1, ROW, IX, LockWait.NOWAIT));
        Future<Boolean> reader = t.async(() -> locks.acquire(2, ROW, S, LockWait.FOREVER));
        t.awaitWaiting(2);
        assertTrue(locks.acquire(3, ROW, IS, LockWait.NOWAIT));
        locks.releaseAll(1);
        assertTrue(t.get(reader));
    }

    @Test
    void lockTimeoutFailsWith55P03AndRemovesTheRequest() throws Exception {
        assertTrue(locks.acquire(1, ROW, X, LockWait.NOWAIT));
        DbException e = assertThrows(DbException.class, () -> locks.acquire(2, ROW, S, LockWait.timeout(20)));
        assertCode(ErrorCode.LOCK_NOT_AVAILABLE, e);
        assertEquals("55P03", e.sqlState());
        assertTrue(e.getMessage().contains("lock timeout of 20 ms") && e.getMessage().contains("txn 1 holds X"),
                e.getMessage());
        assertFalse(locks.isWaiting(2));
        assertNull(locks.holds(2, ROW));
        e = assertThrows(DbException.class, () -> locks.acquire(2, ROW, S, LockWait.timeout(0)));
        assertCode(ErrorCode.LOCK_NOT_AVAILABLE, e);
        locks.releaseAll(1);
        assertTrue(locks.acquire(2, ROW, S, LockWait.timeout(0)));
    }

    @Test
    void nowaitFailsAtOnceAndSkipLockedReturnsFalse() {
        assertTrue(locks.acquire(1, ROW, X, LockWait.NOWAIT));
        DbException e = assertThrows(DbException.class, () -> locks.acquire(2, ROW, X, LockWait.NOWAIT));
        assertCode(ErrorCode.LOCK_NOT_AVAILABLE, e);
        assertEquals("could not obtain lock: X on row (3, 1234) (NOWAIT); txn 1 holds X", e.getMessage());
        assertFalse(locks.acquire(2, ROW, X, LockWait.SKIP_LOCKED));
        assertTrue(locks.acquire(2, ROW2, X, LockWait.SKIP_LOCKED), "another row is free");
        assertFalse(locks.isWaiting(2));
        assertEquals(Map.of(ROW2, X), locks.heldBy(2));
    }

    @Test
    void interruptedWaiterFailsWith55P03() throws Exception {
        assertTrue(locks.acquire(1, ROW, X, LockWait.NOWAIT));
        AtomicReference<Thread> thread = new AtomicReference<>();
        Future<Boolean> flagAfter = t.async(() -> {
            thread.set(Thread.currentThread());
            try {
                locks.acquire(2, ROW, X, LockWait.FOREVER);
                return null;
            } catch (DbException e) {
                assertCode(ErrorCode.LOCK_NOT_AVAILABLE, e);
                assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
                return Thread.interrupted();
            }
        });
        t.awaitWaiting(2);
        thread.get().interrupt();
        assertTrue(t.get(flagAfter), "the interrupt flag is kept");
        assertFalse(locks.isWaiting(2));
        assertFalse(locks.acquire(3, ROW, S, LockWait.SKIP_LOCKED), "txn 1 still holds X");
    }

    @Test
    void earlyReleaseWakesWaiters() throws Exception {
        assertTrue(locks.acquire(1, ROW, S, LockWait.NOWAIT));
        assertTrue(locks.acquire(1, ROW2, X, LockWait.NOWAIT));
        Future<Boolean> writer = t.async(() -> locks.acquire(2, ROW, X, LockWait.FOREVER));
        t.awaitWaiting(2);
        assertTrue(locks.release(1, ROW));
        assertFalse(locks.release(1, ROW), "released already");
        assertTrue(t.get(writer));
        assertEquals(Map.of(ROW2, X), locks.heldBy(1), "other locks stay");
    }

    @Test
    void releaseAllCancelsTheTransactionsOwnWaitingRequest() throws Exception {
        assertTrue(locks.acquire(1, ROW, X, LockWait.NOWAIT));
        assertTrue(locks.acquire(2, ROW2, X, LockWait.NOWAIT));
        Future<Boolean> waiting = t.async(() -> locks.acquire(2, ROW, X, LockWait.FOREVER));
        t.awaitWaiting(2);
        locks.releaseAll(2); // e.g. a rollback from another thread
        assertCode(ErrorCode.LOCK_NOT_AVAILABLE, t.failure(waiting));
        assertTrue(locks.heldBy(2).isEmpty());
        assertTrue(locks.acquire(3, ROW2, X, LockWait.NOWAIT));
    }

    @Test
    void waitForTransactionBlocksUntilTheHolderEnds() throws Exception {
        locks.registerTransaction(5);
        locks.registerTransaction(6);
        assertEquals(X, locks.holds(5, LockKey.transaction(5)));
        CountDownLatch started = new CountDownLatch(1);
        Future<Boolean> waiter = t.async(() -> {
            started.countDown();
            return locks.waitForTransaction(6, 5, LockWait.FOREVER);
        });
        started.await();
        t.awaitWaiting(6);
        assertFalse(locks.waitForTransaction(7, 5, LockWait.SKIP_LOCKED));
        assertCode(ErrorCode.LOCK_NOT_AVAILABLE,
                assertThrows(DbException.class, () -> locks.waitForTransaction(7, 5, LockWait.NOWAIT)));
        locks.releaseAll(5);
        assertTrue(t.get(waiter));
        assertNull(locks.holds(6, LockKey.transaction(5)), "the waiter does not keep the id lock");
        assertEquals(Map.of(LockKey.transaction(6), X), locks.heldBy(6));
        assertTrue(locks.waitForTransaction(7, 5, LockWait.NOWAIT), "an ended transaction is not waited for");
        assertTrue(locks.waitForTransaction(7, 99, LockWait.NOWAIT), "nor an unknown one");
        assertThrows(DbException.class, () -> locks.waitForTransaction(6, 6, LockWait.NOWAIT));
    }

    @Test
    void registeringATakenTransactionKeyIsABug() {
        assertTrue(locks.acquire(8, LockKey.transaction(9), S, LockWait.NOWAIT));
        assertCode(ErrorCode.INTERNAL_ERROR, assertThrows(DbException.class, () -> locks.registerTransaction(9)));
        locks.releaseAll(8);
        locks.registerTransaction(9);
        locks.registerTransaction(9); // re-entrant
        assertEquals(X, locks.holds(9, LockKey.transaction(9)));
    }

    @Test
    void invalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> locks.acquire(0, ROW, S, LockWait.NOWAIT));
        assertThrows(NullPointerException.class, () -> locks.acquire(1, null, S, LockWait.NOWAIT));
        List.of(IS, IX).forEach(m -> assertTrue(locks.acquire(1, LockKey.table(3), m, LockWait.NOWAIT)));
        assertEquals(IX, locks.holds(1, LockKey.table(3)));
    }
}
