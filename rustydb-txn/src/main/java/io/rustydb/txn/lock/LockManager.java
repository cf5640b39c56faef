package io.rustydb.txn.lock;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock table of one database: which transaction holds which {@link LockMode} on which {@link LockKey}, who waits
 * for what, and deadlock detection on the waits-for graph. Locks belong to transactions (by id), not threads.
 *
 * <h2>Lock table</h2>
 *
 * Per key, a <em>queue</em>: the granted set (transaction → the one mode it holds there) and the FIFO list of
 * waiting requests. Per transaction, the keys it holds and its waiting requests. Queues and transaction entries that
 * become empty are dropped. Everything is guarded by one mutex per manager; each waiting request sleeps on its own
 * {@link Condition} of that mutex, so a release wakes exactly the requests it grants.
 *
 * <h2>State machine of a request</h2>
 *
 * <pre>
 *   acquire(txn, key, mode, wait)
 *      │
 *      ├─ the mode held covers it (re-entry) ─────────────────────────▶ granted at once, nothing queued
 *      ├─ no conflict at its queue position ── grant() ───────────────▶ GRANTED
 *      ├─ conflict; NOWAIT, SKIP_LOCKED or timeout 0 ─────────────────▶ fails / false at once, never queued
 *      └─ conflict; may wait ── enqueue ──▶ WAITING
 *                                             │
 *        grantWaiters(), after a release or ──┼──────────────────────▶ GRANTED (acquire returns true)
 *        a cancel on the same key             │
 *                                             │
 *        cancel(): lock timeout, interrupt, ──┴──────────────────────▶ CANCELLED (acquire throws; a mode
 *        deadlock victim (resolveDeadlocks()),                           held before stays held)
 *        releaseAll() of its own transaction
 *
 *   GRANTED ── release(txn, key) / releaseAll(txn) ──▶ gone; grantWaiters() on the key
 * </pre>
 *
 * A granted request is folded into its key's granted set ({@code txn → mode}); asking for more than it holds is an
 * <em>upgrade</em> whose target is the {@link LockMode#join join} of both. Queue position: a new request goes to the
 * end, an upgrade goes ahead of every waiting non-upgrade (behind earlier upgrades), since a holder that waits behind
 * a request that waits for the holder is a certain deadlock. A request at position {@code p} <em>conflicts</em> if its
 * mode is incompatible with a mode granted to another transaction, or with the mode of another transaction's request
 * at a position before {@code p} (FIFO: a stream of readers cannot starve a writer).
 *
 * <h2>Invariants</h2>
 *
 * Hold whenever the mutex is free; {@link #checkInvariants()} checks them all, assertions cite them by number.
 *
 * <ol>
 *   <li>The modes granted on a key to different transactions are pairwise compatible.
 *   <li>A transaction appears at most once in a key's granted set (one mode, the join of all it asked for) and has at
 *       most one waiting request per key.
 *   <li>No waiting request is grantable: each conflicts at its position (else a wake-up was lost).
 *   <li>The waits-for graph has an edge T → U for every waiting request of T and every transaction U that holds an
 *       incompatible mode on the key or has an incompatible request ahead of it, and no other edges. (It is derived
 *       from the queues on demand, so it cannot drift from them; by 3 every waiting request has at least one edge.)
 *   <li>The per-transaction index mirrors the queues: T's held keys are exactly the keys whose granted set has T;
 *       T's waiting requests are exactly T's requests in queues, all in state WAITING. No queue is empty.
 *   <li>A waiting request's mode covers the mode its transaction already holds on the key (it is the upgrade
 *       target).
 *   <li>When {@link #acquire} starts to wait, no cycle of the waits-for graph passes through the requester.
 * </ol>
 *
 * <h2>Deadlocks</h2>
 *
 * A cycle can only be closed by a request that starts to wait: a grant adds edges only into the transaction that
 * got the lock (from requests behind it whose mode conflicts with its new, stronger mode), and that transaction is
 * running, not waiting, so no cycle passes through it; a cancel or release only removes edges. Every cycle the new
 * request closes passes through the requester. So {@link #acquire} searches the graph from the requester as it
 * queues. As a safety net (e.g. for a transaction that waits on two threads at once) every waiting thread repeats
 * that search from its own transaction every {@code checkInterval} (100 ms by default).
 *
 * <p>For each cycle found, exactly one victim is chosen: <b>the youngest transaction on the cycle</b> (the largest id;
 * ids grow with begin time), whose request on the cycle is cancelled; its {@code acquire} throws 40P01
 * {@link ErrorCode#DEADLOCK_DETECTED} naming the cycle, and the caller rolls the victim back, which releases its locks.
 * Choosing the youngest means the oldest transaction in the system is never a victim, so it always finishes:
 * repeated deadlocks cannot starve everyone. The search repeats until no cycle passes through the requester, so a
 * request that closes several cycles at once costs each of them one member (often the same one, the requester).
 */
public final class LockManager {
    /** How often a waiting thread repeats deadlock detection, by default. */
    public static final long DEFAULT_CHECK_INTERVAL_MILLIS = 100;

    private final ReentrantLock mutex = new ReentrantLock();
    private final Map<LockKey, KeyQueue> queues = new HashMap<>();
    private final Map<Long, TxnLocks> txns = new HashMap<>();
    private final long checkIntervalNanos;
    private final boolean detectOnRequest;
    private long deadlocks;

    /** A manager that detects deadlocks when a request starts to wait and every 100 ms of waiting. */
    public LockManager() {
        this(DEFAULT_CHECK_INTERVAL_MILLIS, true);
    }

    /**
     * For tests: {@code detectOnRequest = false} leaves deadlocks to the periodic check of waiting threads, which
     * otherwise never finds anything.
     */
    LockManager(long checkIntervalMillis, boolean detectOnRequest) {
        if (checkIntervalMillis <= 0) {
            throw new IllegalArgumentException("check interval must be positive: " + checkIntervalMillis);
        }
        this.checkIntervalNanos = TimeUnit.MILLISECONDS.toNanos(checkIntervalMillis);
        this.detectOnRequest = detectOnRequest;
    }

    // ------------------------------------------------------------------ the lock table

    /** A key's granted set and FIFO wait list. */
    private static final class KeyQueue {
        final LockKey key;
        /** transaction id → the one mode it holds here (invariant 2). */
        final Map<Long, LockMode> granted = new LinkedHashMap<>(4);
        final List<Request> waiting = new ArrayList<>(2);

        KeyQueue(LockKey key) {
            this.key = key;
        }

        boolean isEmpty() {
            return granted.isEmpty() && waiting.isEmpty();
        }
    }

    /** What one transaction holds and waits for. */
    private static final class TxnLocks {
        final Set<LockKey> held = new LinkedHashSet<>();
        final List<Request> waiting = new ArrayList<>(1);

        boolean isEmpty() {
            return held.isEmpty() && waiting.isEmpty();
        }
    }

    private enum State {
        WAITING,
        GRANTED,
        CANCELLED
    }

    /** A request that had to wait. Fields other than the final ones change only under the mutex. */
    private static final class Request {
        final long txnId;
        final KeyQueue queue;
        /** The target mode: the join of what was asked and what is held (invariant 6). */
        final LockMode mode;
        final Condition wakeUp;
        State state = State.WAITING;
        ErrorCode failure;
        String failureDetail;

        Request(long txnId, KeyQueue queue, LockMode mode, Condition wakeUp) {
            this.txnId = txnId;
            this.queue = queue;
            this.mode = mode;
            this.wakeUp = wakeUp;
        }

        @Override
        public String toString() {
            return "txn " + txnId + " wants " + mode + " on " + queue.key + " (" + state + ")";
        }
    }

    /** A waits-for edge: {@code request}'s transaction waits for {@code blocker}, which holds or awaits a mode. */
    private record Edge(Request request, long blocker, LockMode blockerMode, boolean blockerWaits) {
        @Override
        public String toString() {
            return "txn " + request.txnId + " waits for txn " + blocker + " on " + request.queue.key + " (wants "
                    + request.mode + "; txn " + blocker + (blockerWaits ? " waits ahead for " : " holds ")
                    + blockerMode + ")";
        }
    }

    // ------------------------------------------------------------------ public API

    /**
     * Takes {@code mode} on {@code key} for transaction {@code txnId}.
     *
     * @return {@code true} once granted (at once if the transaction already holds a covering mode); {@code false}
     *         only for {@link LockWait#SKIP_LOCKED} when the lock is not free
     * @throws DbException 55P03 {@link ErrorCode#LOCK_NOT_AVAILABLE} for NOWAIT, a lock timeout, an interrupt while
     *                     waiting (the interrupt flag stays set), or the transaction's end while waiting; 40P01
     *                     {@link ErrorCode#DEADLOCK_DETECTED} if this transaction was chosen as a deadlock victim. The
     *                     request is gone either way; modes held before stay held.
     */
    public boolean acquire(long txnId, LockKey key, LockMode mode, LockWait wait) {
        checkTxnId(txnId);
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(wait, "wait");
        mutex.lock();
        try {
            KeyQueue q = queues.get(key);
            LockMode held = q == null ? null : q.granted.get(txnId);
            if (held != null && held.covers(mode)) {
                return true; // re-entry
            }
            if (q == null) {
                q = new KeyQueue(key);
                queues.put(key, q);
            }
            for (Request r : q.waiting) {
                if (r.txnId == txnId) {
                    throw DbException.internal("txn " + txnId + " already waits on " + key + " (invariant 2)");
                }
            }
            LockMode target = held == null ? mode : held.join(mode);
            int pos = held == null ? q.waiting.size() : firstNonUpgrade(q);
            if (!conflicts(q, txnId, target, pos)) {
                grant(q, txnId, target);
                return true;
            }
            // q is not empty: something conflicts
            if (wait.policy() == LockWait.Policy.SKIP_LOCKED) {
                return false;
            }
            if (wait.policy() == LockWait.Policy.NOWAIT) {
                throw new DbException(ErrorCode.LOCK_NOT_AVAILABLE,
                        target + " on " + key + " (NOWAIT); " + blockers(q, txnId, target, pos));
            }
            if (wait.timeoutMillis() == 0) {
                throw new DbException(ErrorCode.LOCK_NOT_AVAILABLE,
                        target + " on " + key + " (lock timeout 0 ms); " + blockers(q, txnId, target, pos));
            }
            Request r = new Request(txnId, q, target, mutex.newCondition());
            q.waiting.add(pos, r);
            txns.computeIfAbsent(txnId, id -> new TxnLocks()).waiting.add(r);
            if (detectOnRequest) {
                resolveDeadlocks(txnId);
                assert findCycle(txnId) == null : "invariant 7: a cycle through txn " + txnId + " survived";
            }
            return await(r, wait);
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Releases {@code txnId}'s lock on {@code key} before the transaction ends (e.g. S locks at the end of a READ
     * COMMITTED statement), waking the waiters it was blocking.
     *
     * @return whether the transaction held a lock on {@code key}
     */
    public boolean release(long txnId, LockKey key) {
        Objects.requireNonNull(key, "key");
        mutex.lock();
        try {
            KeyQueue q = queues.get(key);
            if (q == null || q.granted.remove(txnId) == null) {
                return false;
            }
            TxnLocks t = txns.get(txnId);
            t.held.remove(key);
            dropIfEmpty(txnId, t);
            grantWaiters(q);
            dropIfEmpty(q);
            return true;
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Releases everything {@code txnId} holds, at its commit or rollback, and cancels its waiting requests (their
     * acquires fail with 55P03). Wakes whoever can now go on, including {@link #waitForTransaction} waiters.
     */
    public void releaseAll(long txnId) {
        mutex.lock();
        try {
            TxnLocks t = txns.remove(txnId);
            if (t == null) {
                return;
            }
            for (Request r : new ArrayList<>(t.waiting)) {
                cancel(r, ErrorCode.LOCK_NOT_AVAILABLE,
                        r.mode + " on " + r.queue.key + ": transaction " + txnId + " ended while waiting");
            }
            List<KeyQueue> touched = new ArrayList<>(t.held.size());
            for (LockKey key : t.held) {
                KeyQueue q = queues.get(key);
                q.granted.remove(txnId);
                touched.add(q);
            }
            for (KeyQueue q : touched) {
                grantWaiters(q);
                dropIfEmpty(q);
            }
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Marks the start of transaction {@code txnId}: it takes X on {@link LockKey#transaction(long)} of its own id and
     * keeps it until {@link #releaseAll}, so that others can {@link #waitForTransaction wait for its end}.
     */
    public void registerTransaction(long txnId) {
        if (!acquire(txnId, LockKey.transaction(txnId), LockMode.X, LockWait.SKIP_LOCKED)) {
            throw DbException.internal("transaction " + txnId + " is registered twice or its id lock is taken");
        }
    }

    /**
     * Waits until transaction {@code holderTxnId} ends (its {@link #releaseAll}), as a writer waits for the
     * transaction that last changed a row: S on the holder's transaction key, released again at once. Returns at once
     * if the holder has ended or never registered. Deadlocks through such waits are detected like any other.
     *
     * @return {@code true} once the holder has ended; {@code false} only for SKIP_LOCKED while it runs
     * @throws DbException as {@link #acquire}
     */
    public boolean waitForTransaction(long waiterTxnId, long holderTxnId, LockWait wait) {
        checkTxnId(holderTxnId);
        if (waiterTxnId == holderTxnId) {
            throw DbException.internal("transaction " + waiterTxnId + " cannot wait for itself");
        }
        LockKey key = LockKey.transaction(holderTxnId);
        if (holds(waiterTxnId, key) != null) {
            return true; // it holds a lock on the key, so the holder's X is gone: the holder has ended
        }
        if (!acquire(waiterTxnId, key, LockMode.S, wait)) {
            return false;
        }
        release(waiterTxnId, key);
        return true;
    }

    /** The mode {@code txnId} holds on {@code key}, or {@code null}. */
    public LockMode holds(long txnId, LockKey key) {
        mutex.lock();
        try {
            KeyQueue q = queues.get(key);
            return q == null ? null : q.granted.get(txnId);
        } finally {
            mutex.unlock();
        }
    }

    /** Everything {@code txnId} holds, in the order first acquired (a copy). */
    public Map<LockKey, LockMode> heldBy(long txnId) {
        mutex.lock();
        try {
            Map<LockKey, LockMode> result = new LinkedHashMap<>();
            TxnLocks t = txns.get(txnId);
            if (t != null) {
                for (LockKey key : t.held) {
                    result.put(key, queues.get(key).granted.get(txnId));
                }
            }
            return result;
        } finally {
            mutex.unlock();
        }
    }

    /** Whether {@code txnId} has a request waiting (for tests: "the other thread is now blocked"). */
    public boolean isWaiting(long txnId) {
        mutex.lock();
        try {
            TxnLocks t = txns.get(txnId);
            return t != null && !t.waiting.isEmpty();
        } finally {
            mutex.unlock();
        }
    }

    /** The waits-for graph: waiting transaction → the transactions it waits for (a copy, for diagnostics). */
    public Map<Long, Set<Long>> waitsForGraph() {
        mutex.lock();
        try {
            Map<Long, Set<Long>> graph = new TreeMap<>();
            for (Map.Entry<Long, TxnLocks> e : txns.entrySet()) {
                for (Edge edge : edgesOf(e.getKey())) {
                    graph.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(edge.blocker);
                }
            }
            return graph;
        } finally {
            mutex.unlock();
        }
    }

    /** How many deadlock victims have been chosen since this manager was made. */
    public long deadlockCount() {
        mutex.lock();
        try {
            return deadlocks;
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Checks every invariant of the class comment over the whole lock table.
     *
     * @throws DbException {@link ErrorCode#INTERNAL_ERROR} naming the first invariant that does not hold
     */
    public void checkInvariants() {
        mutex.lock();
        try {
            for (KeyQueue q : queues.values()) {
                check(q == queues.get(q.key) && !q.isEmpty(), 5, "empty or misfiled queue " + q.key);
                check(grantedCompatible(q), 1, "incompatible modes granted on " + q.key + ": " + q.granted);
                Set<Long> waiters = new HashSet<>();
                for (int i = 0; i < q.waiting.size(); i++) {
                    Request r = q.waiting.get(i);
                    check(r.queue == q, 5, r + " filed under " + q.key);
                    check(waiters.add(r.txnId), 2, "txn " + r.txnId + " waits twice on " + q.key);
                    check(r.state == State.WAITING, 5, r + " still queued");
                    check(conflicts(q, r.txnId, r.mode, i), 3, r + " is grantable but waits");
                    LockMode held = q.granted.get(r.txnId);
                    check(held == null || r.mode.covers(held), 6, r + " does not cover held " + held);
                    TxnLocks t = txns.get(r.txnId);
                    check(t != null && t.waiting.contains(r), 5, r + " missing from its transaction");
                }
                for (Long txnId : q.granted.keySet()) {
                    TxnLocks t = txns.get(txnId);
                    check(t != null && t.held.contains(q.key), 5, "txn " + txnId + " does not list " + q.key);
                }
            }
            for (Map.Entry<Long, TxnLocks> e : txns.entrySet()) {
                TxnLocks t = e.getValue();
                check(!t.isEmpty(), 5, "empty entry for txn " + e.getKey());
                for (LockKey key : t.held) {
                    KeyQueue q = queues.get(key);
                    check(q != null && q.granted.containsKey(e.getKey()), 5, "txn " + e.getKey() + " lists " + key);
                }
                for (Request r : t.waiting) {
                    check(r.state == State.WAITING && queues.get(r.queue.key) == r.queue
                            && r.queue.waiting.contains(r), 5, r + " listed but not queued");
                    check(!edgesOf(e.getKey()).isEmpty(), 4, r + " has no waits-for edge");
                }
            }
        } finally {
            mutex.unlock();
        }
    }

    /** The lock table, for failure messages. */
    @Override
    public String toString() {
        mutex.lock();
        try {
            StringBuilder sb = new StringBuilder("LockManager[");
            for (KeyQueue q : queues.values()) {
                sb.append("\n  ").append(q.key).append(": granted ").append(q.granted).append(", waiting ")
                        .append(q.waiting);
            }
            return sb.append(queues.isEmpty() ? "]" : "\n]").toString();
        } finally {
            mutex.unlock();
        }
    }

    // ------------------------------------------------------------------ transitions (all under the mutex)

    private void grant(KeyQueue q, long txnId, LockMode mode) {
        LockMode before = q.granted.put(txnId, mode);
        assert before == null || mode.covers(before) : "invariant 6: " + mode + " does not cover held " + before;
        txns.computeIfAbsent(txnId, id -> new TxnLocks()).held.add(q.key);
        assert grantedCompatible(q) : "invariant 1: incompatible modes granted on " + q.key + ": " + q.granted;
    }

    /** WAITING → GRANTED for every waiting request on {@code q} that no longer conflicts, in queue order. */
    private void grantWaiters(KeyQueue q) {
        for (int i = 0; i < q.waiting.size(); ) {
            Request r = q.waiting.get(i);
            if (conflicts(q, r.txnId, r.mode, i)) {
                i++;
                continue;
            }
            // granting r can make no request behind it grantable that was not, nor any request ahead of it
            q.waiting.remove(i);
            txns.get(r.txnId).waiting.remove(r);
            grant(q, r.txnId, r.mode);
            r.state = State.GRANTED;
            r.wakeUp.signal();
        }
        assert noGrantableWaiter(q) : "invariant 3: a grantable request still waits on " + q.key;
    }

    /** WAITING → CANCELLED: removes {@code r}, lets others past it, and wakes its thread to throw. */
    private void cancel(Request r, ErrorCode code, String detail) {
        assert r.state == State.WAITING : r;
        r.state = State.CANCELLED;
        r.failure = code;
        r.failureDetail = detail;
        KeyQueue q = r.queue;
        q.waiting.remove(r);
        TxnLocks t = txns.get(r.txnId);
        if (t != null) { // null inside releaseAll, which has already unlisted the transaction
            t.waiting.remove(r);
            dropIfEmpty(r.txnId, t);
        }
        grantWaiters(q);
        dropIfEmpty(q);
        r.wakeUp.signal();
    }

    /** How often a waiter whose wait can be abandoned checks the condition. */
    private static final long ABANDON_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** Sleeps until {@code r} leaves WAITING, running the periodic deadlock check and the lock timeout. */
    private boolean await(Request r, LockWait wait) {
        long now = System.nanoTime();
        long deadline = wait.unbounded() ? 0 : now + TimeUnit.MILLISECONDS.toNanos(wait.timeoutMillis());
        long nextCheck = now + checkIntervalNanos;
        while (r.state == State.WAITING) {
            now = System.nanoTime();
            if (!wait.unbounded() && now - deadline >= 0) {
                String detail = r.mode + " on " + r.queue.key + " within the lock timeout of " + wait.timeoutMillis()
                        + " ms; " + blockers(r.queue, r.txnId, r.mode, r.queue.waiting.indexOf(r));
                cancel(r, ErrorCode.LOCK_NOT_AVAILABLE, detail);
                break;
            }
            if (wait.abandon() != LockWait.NEVER && wait.abandon().getAsBoolean()) {
                cancel(r, ErrorCode.QUERY_CANCELED, "a cancel request or statement timeout while waiting for "
                        + r.mode + " on " + r.queue.key);
                break;
            }
            if (now - nextCheck >= 0) {
                resolveDeadlocks(r.txnId);
                nextCheck = now + checkIntervalNanos;
                continue;
            }
            long sleep = wait.unbounded() ? nextCheck - now : Math.min(nextCheck - now, deadline - now);
            if (wait.abandon() != LockWait.NEVER) {
                sleep = Math.min(sleep, ABANDON_POLL_NANOS);
            }
            try {
                r.wakeUp.awaitNanos(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (r.state == State.WAITING) {
                    cancel(r, ErrorCode.LOCK_NOT_AVAILABLE,
                            r.mode + " on " + r.queue.key + ": interrupted while waiting");
                }
                break;
            }
        }
        if (r.state == State.GRANTED) {
            return true;
        }
        throw new DbException(r.failure, r.failureDetail);
    }

    /** Breaks every waits-for cycle through {@code txnId}, cancelling the youngest transaction's request on each. */
    private void resolveDeadlocks(long txnId) {
        for (List<Edge> cycle = findCycle(txnId); cycle != null; cycle = findCycle(txnId)) {
            Edge victim = cycle.get(0);
            for (Edge e : cycle) {
                if (e.request.txnId > victim.request.txnId) {
                    victim = e;
                }
            }
            StringBuilder detail = new StringBuilder();
            for (Edge e : cycle) {
                detail.append(e).append("; ");
            }
            detail.append("victim: txn ").append(victim.request.txnId).append(" (the youngest in the cycle)");
            deadlocks++;
            cancel(victim.request, ErrorCode.DEADLOCK_DETECTED, detail.toString());
        }
    }

    // ------------------------------------------------------------------ queries (all under the mutex)

    /** Whether a request of {@code txnId} for {@code mode} at position {@code pos} of the wait list must wait. */
    private static boolean conflicts(KeyQueue q, long txnId, LockMode mode, int pos) {
        for (Map.Entry<Long, LockMode> g : q.granted.entrySet()) {
            if (g.getKey() != txnId && !g.getValue().compatibleWith(mode)) {
                return true;
            }
        }
        for (int i = 0; i < pos; i++) {
            Request ahead = q.waiting.get(i);
            if (ahead.txnId != txnId && !ahead.mode.compatibleWith(mode)) {
                return true;
            }
        }
        return false;
    }

    /** Who blocks such a request, for messages: "txn 15 holds S, txn 16 waits ahead for X". */
    private static String blockers(KeyQueue q, long txnId, LockMode mode, int pos) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Long, LockMode> g : q.granted.entrySet()) {
            if (g.getKey() != txnId && !g.getValue().compatibleWith(mode)) {
                parts.add("txn " + g.getKey() + " holds " + g.getValue());
            }
        }
        for (int i = 0; i < pos; i++) {
            Request ahead = q.waiting.get(i);
            if (ahead.txnId != txnId && !ahead.mode.compatibleWith(mode)) {
                parts.add("txn " + ahead.txnId + " waits ahead for " + ahead.mode);
            }
        }
        return String.join(", ", parts);
    }

    /** Where an upgrade queues: ahead of the first waiting request whose transaction holds nothing on the key. */
    private static int firstNonUpgrade(KeyQueue q) {
        int i = 0;
        while (i < q.waiting.size() && q.granted.containsKey(q.waiting.get(i).txnId)) {
            i++;
        }
        return i;
    }

    /** The out-edges of {@code txnId} in the waits-for graph (invariant 4: derived from its waiting requests). */
    private List<Edge> edgesOf(long txnId) {
        TxnLocks t = txns.get(txnId);
        if (t == null || t.waiting.isEmpty()) {
            return List.of();
        }
        List<Edge> edges = new ArrayList<>();
        for (Request r : t.waiting) {
            KeyQueue q = r.queue;
            for (Map.Entry<Long, LockMode> g : q.granted.entrySet()) {
                if (g.getKey() != txnId && !g.getValue().compatibleWith(r.mode)) {
                    edges.add(new Edge(r, g.getKey(), g.getValue(), false));
                }
            }
            for (Request ahead : q.waiting) {
                if (ahead == r) {
                    break;
                }
                if (ahead.txnId != txnId && !ahead.mode.compatibleWith(r.mode)) {
                    edges.add(new Edge(r, ahead.txnId, ahead.mode, true));
                }
            }
        }
        return edges;
    }

    /** A cycle of the waits-for graph through {@code start} (its edges, from {@code start} on), or {@code null}. */
    private List<Edge> findCycle(long start) {
        Deque<Iterator<Edge>> stack = new ArrayDeque<>();
        List<Edge> path = new ArrayList<>();
        Set<Long> visited = new HashSet<>();
        visited.add(start);
        stack.push(edgesOf(start).iterator());
        while (!stack.isEmpty()) {
            Iterator<Edge> it = stack.peek();
            if (!it.hasNext()) {
                stack.pop();
                if (!path.isEmpty()) {
                    path.remove(path.size() - 1);
                }
                continue;
            }
            Edge e = it.next();
            if (e.blocker == start) {
                path.add(e);
                return path;
            }
            // a node seen before either is on the path (a cycle not through start) or led nowhere back to start
            if (visited.add(e.blocker)) {
                path.add(e);
                stack.push(edgesOf(e.blocker).iterator());
            }
        }
        return null;
    }

    private static boolean grantedCompatible(KeyQueue q) {
        List<LockMode> modes = new ArrayList<>(q.granted.values());
        for (int i = 0; i < modes.size(); i++) {
            for (int j = i + 1; j < modes.size(); j++) {
                if (!modes.get(i).compatibleWith(modes.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean noGrantableWaiter(KeyQueue q) {
        for (int i = 0; i < q.waiting.size(); i++) {
            Request r = q.waiting.get(i);
            if (!conflicts(q, r.txnId, r.mode, i)) {
                return false;
            }
        }
        return true;
    }

    private void dropIfEmpty(KeyQueue q) {
        if (q.isEmpty()) {
            queues.remove(q.key, q);
        }
    }

    private void dropIfEmpty(long txnId, TxnLocks t) {
        if (t.isEmpty()) {
            txns.remove(txnId, t);
        }
    }

    private static void check(boolean ok, int invariant, String detail) {
        if (!ok) {
            throw DbException.internal("lock manager invariant " + invariant + ": " + detail);
        }
    }

    private static void checkTxnId(long txnId) {
        if (txnId <= 0) {
            throw new IllegalArgumentException("transaction id must be positive: " + txnId);
        }
    }
}
