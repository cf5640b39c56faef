package io.rustydb.txn.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random lock traffic from several threads on a small key space, against a shadow model.
 *
 * <p>Each thread runs short "transactions": register, a few random requests (random key, mode and wait policy,
 * waits for other transactions' ends), sometimes an early release, then releaseAll, which also ends a transaction
 * chosen as a deadlock victim. Most requests wait without a time bound, so a deadlock the manager missed would hang
 * the run: it must terminate (bounded here and by @Timeout, with the lock table and waits-for graph printed).
 *
 * <p>The shadow model records a grant after acquire returns and forgets it before the lock is released, so it never
 * shows more than is really held: two incompatible modes in it at once mean the manager granted both. After each grant
 * the thread checks its key in the model, and now and then the manager's own invariants. The operation sequence of
 * each thread follows from the seed (printed on failure, {@code -Drustydb.seed=...} to rerun); thread interleaving
 * does not.
 */
class LockManagerStressTest {
    private static final int TABLES = 2;
    private static final int ROWS = 3;

    @Test
    @Timeout(60)
    void randomTrafficWithDetectionOnRequest() throws Exception {
        run(new LockManager(), 8, 400);
    }

    @Test
    @Timeout(60)
    void randomTrafficWithOnlyThePeriodicCheck() throws Exception {
        run(new LockManager(2, false), 6, 100);
    }

    private static void run(LockManager locks, int threads, int txnsPerThread) throws Exception {
        long seed = Long.getLong("rustydb.seed", 20261202L);
        try {
            new Run(locks, seed).go(threads, txnsPerThread);
        } catch (Throwable e) {
            throw new AssertionError("seed " + seed + " (rerun with -Drustydb.seed=" + seed + ")", e);
        }
    }

    private static final class Run {
        final LockManager locks;
        final long seed;
        final AtomicLong nextTxnId = new AtomicLong(1);
        final Set<Long> active = ConcurrentHashMap.newKeySet();
        /** key → (txn → mode), each inner map guarded by itself. */
        final Map<LockKey, Map<Long, LockMode>> shadow = new ConcurrentHashMap<>();
        final AtomicLong grants = new AtomicLong();
        final AtomicLong victims = new AtomicLong();
        final AtomicLong notAvailable = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final List<LockKey> keys = new ArrayList<>();

        Run(LockManager locks, long seed) {
            this.locks = locks;
            this.seed = seed;
            keys.add(LockKey.database());
            for (int t = 0; t < TABLES; t++) {
                keys.add(LockKey.table(t));
                for (int r = 0; r < ROWS; r++) {
                    keys.add(LockKey.row(t, r));
                }
            }
        }

        void go(int threads, int txnsPerThread) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    Random rnd = new Random(seed * 31 + i);
                    workers.add(pool.submit(() -> {
                        for (int n = 0; n < txnsPerThread; n++) {
                            transaction(rnd);
                        }
                        return null;
                    }));
                }
                pool.shutdown();
                if (!pool.awaitTermination(40, TimeUnit.SECONDS)) {
                    fail("the run did not finish: an undetected deadlock? waits-for " + locks.waitsForGraph() + "\n"
                            + locks);
                }
                for (Future<?> w : workers) {
                    w.get(); // rethrows a worker's failure
                }
            } finally {
                pool.shutdownNow();
            }
            locks.checkInvariants();
            assertEquals("LockManager[]", locks.toString(), "everything released");
            assertTrue(grants.get() > 0);
            System.out.printf("lock stress (seed %d): %d grants, %d deadlock victims (manager counted %d), "
                    + "%d not available, %d skipped%n", seed, grants.get(), victims.get(), locks.deadlockCount(),
                    notAvailable.get(), skipped.get());
            assertEquals(victims.get(), locks.deadlockCount(), "every victim chosen was told so exactly once");
        }

        void transaction(Random rnd) {
            long id = nextTxnId.getAndIncrement();
            locks.registerTransaction(id);
            granted(id, LockKey.transaction(id), LockMode.X);
            active.add(id);
            try {
                int ops = 1 + rnd.nextInt(6);
                for (int i = 0; i < ops; i++) {
                    if (!step(id, rnd)) {
                        return; // deadlock victim: roll back
                    }
                    if (rnd.nextInt(20) == 0) {
                        locks.checkInvariants();
                    }
                }
            } finally {
                active.remove(id);
                for (Map.Entry<LockKey, Map<Long, LockMode>> e : shadow.entrySet()) {
                    synchronized (e.getValue()) {
                        e.getValue().remove(id);
                    }
                }
                locks.releaseAll(id);
                assertTrue(locks.heldBy(id).isEmpty());
            }
        }

        /** One random request; false if the transaction was chosen as a deadlock victim. */
        boolean step(long id, Random rnd) {
            int what = rnd.nextInt(100);
            try {
                if (what < 8) {
                    Long[] others = active.toArray(new Long[0]);
                    long other = others.length == 0 ? id : others[rnd.nextInt(others.length)];
                    if (other != id) {
                        LockWait wait = rnd.nextBoolean() ? LockWait.FOREVER : LockWait.NOWAIT;
                        assertTrue(locks.waitForTransaction(id, other, wait));
                        assertFalse(active.contains(other) && locks.holds(other, LockKey.transaction(other)) != null,
                                "txn " + other + " still runs after the wait for it");
                    }
                    return true;
                }
                if (what < 16) {
                    Map<LockKey, LockMode> held = locks.heldBy(id);
                    held.remove(LockKey.transaction(id));
                    if (!held.isEmpty()) {
                        LockKey key = new ArrayList<>(held.keySet()).get(rnd.nextInt(held.size()));
                        Map<Long, LockMode> model = shadow.get(key);
                        synchronized (model) {
                            model.remove(id);
                        }
                        assertTrue(locks.release(id, key));
                    }
                    return true;
                }
                LockKey key = keys.get(rnd.nextInt(keys.size()));
                LockMode mode = LockMode.values()[rnd.nextInt(LockMode.values().length)];
                int w = rnd.nextInt(100);
                LockWait wait = w < 75 ? LockWait.FOREVER
                        : w < 85 ? LockWait.timeout(rnd.nextInt(3))
                        : w < 93 ? LockWait.NOWAIT : LockWait.SKIP_LOCKED;
                if (locks.acquire(id, key, mode, wait)) {
                    granted(id, key, mode);
                } else {
                    assertEquals(LockWait.SKIP_LOCKED, wait);
                    skipped.incrementAndGet();
                }
                return true;
            } catch (DbException e) {
                assertFalse(locks.isWaiting(id), "a failed request is gone");
                if (e.code() == ErrorCode.DEADLOCK_DETECTED) {
                    victims.incrementAndGet();
                    return false;
                }
                assertEquals(ErrorCode.LOCK_NOT_AVAILABLE, e.code(), e.getMessage());
                notAvailable.incrementAndGet();
                return true;
            }
        }

        /** Records a grant in the model and checks the key: the modes of different transactions are compatible. */
        void granted(long id, LockKey key, LockMode mode) {
            grants.incrementAndGet();
            LockMode actual = locks.holds(id, key);
            Map<Long, LockMode> model = shadow.computeIfAbsent(key, k -> new HashMap<>());
            synchronized (model) {
                LockMode mine = model.merge(id, mode, LockMode::join);
                assertEquals(mine, actual, "txn " + id + " on " + key);
                for (Map.Entry<Long, LockMode> other : model.entrySet()) {
                    if (other.getKey() != id && !other.getValue().compatibleWith(mine)) {
                        fail("txn " + id + " got " + mine + " on " + key + " while txn " + other.getKey() + " holds "
                                + other.getValue());
                    }
                }
            }
        }
    }
}
