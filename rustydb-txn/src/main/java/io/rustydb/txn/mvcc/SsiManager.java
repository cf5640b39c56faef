package io.rustydb.txn.mvcc;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Serializable snapshot isolation (Cahill, Röhm and Fekete, 2008; Ports and Grittner, 2012, as in PostgreSQL): the
 * SERIALIZABLE level on top of snapshot isolation.
 *
 * <p>Snapshot isolation allows exactly the non-serializable histories whose serialization graph has a cycle with
 * two consecutive <em>rw-antidependencies</em> {@code Tin →rw Tpivot →rw Tout} (Tin read something Tpivot later
 * overwrote; Tpivot read something Tout overwrote), all three concurrent pairwise on each edge, where Tout commits
 * first (Fekete et al., 2005). This class records the rw-antidependencies among SERIALIZABLE transactions and
 * aborts a transaction of every such <em>dangerous structure</em> with 40001 — a conservative test (it may abort a
 * transaction of a structure that is part of no cycle) that never lets a non-serializable history commit. The
 * victim is the pivot while it runs, else {@code Tin}: the transaction at hand fails at once, another one is
 * <em>doomed</em> and fails at its next statement or at its commit.
 *
 * <p><b>Granularity.</b> A read is recorded per table (a SIREAD lock on the whole table, as PostgreSQL takes for a
 * sequential scan): a read covers every row of the table, including rows inserted later (phantoms). A write is
 * recorded per table too. So two concurrent SERIALIZABLE transactions that both read and write one table always
 * form a structure and one of them is aborted: correct, and coarse; finer read sets come with index scans.
 *
 * <p><b>Time.</b> Positions on one axis in "half ticks" of the {@link CommitTable} clock: a snapshot at clock
 * {@code s} is {@code 2s}; a writer committing with timestamp {@code t} is at {@code 2t}; a transaction that
 * committed without writing, while the clock read {@code c}, is at {@code 2c + 1} (after every commit it could
 * see, before the next). Two transactions are concurrent when each one's snapshot is before the other's commit.
 *
 * <p>Read-only optimization: when {@code Tin} has not written, the structure is dangerous only if {@code Tout}
 * committed before {@code Tin}'s snapshot (Ports and Grittner, 2012), which spares most read-only transactions.
 *
 * <p>A committed transaction stays registered while some running SERIALIZABLE transaction is concurrent with it;
 * then it is dropped (only its commit position is still needed by the edges that reach it). All methods are
 * synchronized on the manager: only SERIALIZABLE transactions come here.
 */
public final class SsiManager {
    /** What SSI tracks about one SERIALIZABLE transaction. */
    public static final class State {
        final long txnId;
        long snapshot = Long.MAX_VALUE;
        long commit = Long.MAX_VALUE;
        boolean aborted;
        boolean doomed;
        /** Whether it has written (a transaction that never writes is read-only for the optimization below). */
        boolean wrote;
        final Set<State> in = new HashSet<>();
        final Set<State> out = new HashSet<>();
        final Set<Integer> read = new HashSet<>();
        final Set<Integer> written = new HashSet<>();

        State(long txnId) {
            this.txnId = txnId;
        }

        boolean running() {
            return commit == Long.MAX_VALUE && !aborted;
        }

        @Override
        public String toString() {
            return "T" + txnId;
        }
    }

    private final Map<Integer, Set<State>> readers = new HashMap<>();
    private final Map<Integer, Set<State>> writers = new HashMap<>();
    private final Set<State> registered = new HashSet<>();
    private long aborts;

    /** Starts tracking SERIALIZABLE transaction {@code txnId}. */
    public synchronized State begin(long txnId) {
        State s = new State(txnId);
        registered.add(s);
        return s;
    }

    /**
     * Records the snapshot (clock value) the transaction reads from, set once, at its first statement: taken by
     * {@code take} under this manager's lock, so that no cleanup can drop a committed transaction concurrent with
     * the snapshot between the clock read and the registration.
     */
    public synchronized void setSnapshot(State s, LongSupplier take) {
        if (s.snapshot == Long.MAX_VALUE) {
            s.snapshot = 2 * take.getAsLong();
        }
    }

    /** The transaction reads table {@code tableId}: rw-antidependencies to concurrent writers of it. */
    public synchronized void onRead(State s, int tableId) {
        checkNotDoomed(s);
        if (!s.read.add(tableId)) {
            return;
        }
        readers.computeIfAbsent(tableId, t -> new HashSet<>()).add(s);
        for (State w : List.copyOf(writers.getOrDefault(tableId, Set.of()))) {
            if (w != s && !w.aborted && concurrent(s, w)) {
                addEdge(s, w, s);
            }
        }
    }

    /** The transaction writes table {@code tableId}: rw-antidependencies from concurrent readers of it. */
    public synchronized void onWrite(State s, int tableId) {
        checkNotDoomed(s);
        s.wrote = true;
        if (!s.written.add(tableId)) {
            return;
        }
        writers.computeIfAbsent(tableId, t -> new HashSet<>()).add(s);
        for (State r : List.copyOf(readers.getOrDefault(tableId, Set.of()))) {
            if (r != s && !r.aborted && concurrent(r, s)) {
                addEdge(r, s, s);
            }
        }
    }

    /**
     * Commits {@code s}: fails with 40001 if it is doomed or its commit would complete a dangerous structure;
     * otherwise runs {@code commit} (which makes the commit happen and returns its position in half ticks), and
     * dooms the running members of structures it completes as their first committer.
     */
    public synchronized void commit(State s, LongSupplier commit) {
        checkNotDoomed(s);
        for (State tin : List.copyOf(s.in)) {
            for (State tout : List.copyOf(s.out)) {
                check(tin, s, tout, s);
            }
        }
        for (State pivot : List.copyOf(s.out)) {
            for (State tout : List.copyOf(pivot.out)) {
                check(s, pivot, tout, s);
            }
        }
        s.commit = commit.getAsLong();
        for (State pivot : List.copyOf(s.in)) {
            for (State tin : List.copyOf(pivot.in)) {
                check(tin, pivot, s, s);
            }
        }
    }

    /** The transaction ended (after {@link #commit}, or rolled back): forget what no running transaction needs. */
    public synchronized void end(State s, boolean committed) {
        if (!committed) {
            s.aborted = true;
            unregister(s);
        }
        long oldestSnapshot = Long.MAX_VALUE;
        for (State r : registered) {
            if (r.running()) {
                oldestSnapshot = Math.min(oldestSnapshot, r.snapshot);
            }
        }
        List<State> done = new ArrayList<>();
        for (State r : registered) {
            if (!r.running() && r.commit <= oldestSnapshot) {
                done.add(r);
            }
        }
        for (State r : done) {
            unregister(r);
        }
    }

    /** Transactions aborted by SSI so far. */
    public synchronized long aborts() {
        return aborts;
    }

    /** Transactions still registered (running, or committed and concurrent with a running one). */
    public synchronized int registeredCount() {
        return registered.size();
    }

    private void unregister(State s) {
        registered.remove(s);
        for (int t : s.read) {
            removeFrom(readers, t, s);
        }
        for (int t : s.written) {
            removeFrom(writers, t, s);
        }
        if (!s.running()) {
            // edges reaching s only need its commit position from now on
            s.in.clear();
            s.out.clear();
        }
    }

    private static void removeFrom(Map<Integer, Set<State>> map, int table, State s) {
        Set<State> set = map.get(table);
        if (set != null) {
            set.remove(s);
            if (set.isEmpty()) {
                map.remove(table);
            }
        }
    }

    private static boolean concurrent(State a, State b) {
        return a.snapshot < b.commit && b.snapshot < a.commit;
    }

    private void addEdge(State reader, State writer, State current) {
        if (!reader.out.add(writer)) {
            return;
        }
        writer.in.add(reader);
        for (State tout : List.copyOf(writer.out)) {
            check(reader, writer, tout, current);
        }
        for (State tin : List.copyOf(reader.in)) {
            check(tin, reader, writer, current);
        }
    }

    /**
     * Whether {@code tin →rw pivot →rw tout} is dangerous: tout committed before both others. If so, dooms the
     * pivot if it runs, else tin; throws 40001 if that is the current transaction.
     */
    private void check(State tin, State pivot, State tout, State current) {
        if (tin.aborted || pivot.aborted || tout.aborted || tout.commit == Long.MAX_VALUE) {
            return;
        }
        // tin may be tout itself (a cycle of two: write skew)
        if (!(tout.commit < pivot.commit && (tin == tout || tout.commit < tin.commit))) {
            return;
        }
        // read-only optimization (Ports and Grittner, 2012, 4.1): with a read-only tin the structure can only be
        // part of a cycle if tout committed before tin's snapshot. A tin that has not written yet is treated so;
        // should it write later, the check at its own commit sees it as a writer.
        if (tin != tout && !tin.wrote && tout.commit > tin.snapshot) {
            return;
        }
        // the victim: the pivot while it runs (retrying tin instead would meet the same running pivot again —
        // PostgreSQL's choice too), else tin; the current transaction fails now, another one is doomed
        State victim = pivot.running() ? pivot : tin.running() ? tin : null;
        if (victim == null || victim.doomed) {
            return;
        }
        victim.doomed = true;
        aborts++;
        if (victim == current) {
            throw new DbException(ErrorCode.SERIALIZATION_FAILURE, "read/write dependencies among transactions ("
                    + tin + " → " + pivot + " → " + tout + ", " + tout + " committed first)");
        }
    }

    private static void checkNotDoomed(State s) {
        if (s.doomed) {
            throw new DbException(ErrorCode.SERIALIZATION_FAILURE,
                    "read/write dependencies among transactions (T" + s.txnId + " was chosen to abort)");
        }
    }
}
