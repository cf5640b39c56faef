package io.rustydb.txn.mvcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The commit table against a model: visibility of every transaction to every snapshot, and the horizon rule. */
class CommitTableTest {
    @Test
    void aSnapshotSeesExactlyTheCommitsBeforeIt() {
        CommitTable table = new CommitTable(10);
        table.begin(10);
        table.begin(11);
        long before = table.snapshot();
        table.commit(11, ts -> 0);
        long after = table.snapshot();
        assertFalse(table.committedBefore(11, before));
        assertTrue(table.committedBefore(11, after));
        assertFalse(table.committedBefore(10, after), "a running transaction is visible to nobody");
        table.endWithoutCommit(10);
        assertFalse(table.committedBefore(10, table.snapshot()), "a rolled-back transaction is visible to nobody");
        assertTrue(table.committedBefore(9, before), "transactions before the table's start are all committed");
    }

    @Test
    void theHorizonStopsAtARunningTransactionAndAtTheOldestSnapshot() {
        CommitTable table = new CommitTable(1);
        table.begin(1);
        table.begin(2);
        table.commit(2, ts -> 0);
        assertEquals(1, table.advanceHorizon(() -> Long.MAX_VALUE), "transaction 1 still runs");
        long oldSnapshot = 0; // taken before transaction 2 committed
        table.commit(1, ts -> 0);
        assertEquals(1, table.advanceHorizon(() -> oldSnapshot), "an old snapshot still needs to tell them apart");
        assertEquals(3, table.advanceHorizon(() -> Long.MAX_VALUE));
    }

    @Test
    void theRingGrowsBehindALongRunningTransaction() {
        CommitTable table = new CommitTable(1);
        table.begin(1);
        long snapshot = table.snapshot();
        for (long id = 2; id < 20_000; id++) {
            table.begin(id);
            table.commit(id, ts -> 0);
            table.advanceHorizon(() -> snapshot);
        }
        long now = table.snapshot();
        for (long id = 2; id < 20_000; id++) {
            assertTrue(table.committedBefore(id, now), "txn " + id);
            assertFalse(table.committedBefore(id, snapshot), "txn " + id);
        }
        table.endWithoutCommit(1);
        assertEquals(20_000, table.advanceHorizon(() -> Long.MAX_VALUE));
    }

    /** Random begins, commits, rollbacks and snapshots; every answer checked against a model. */
    @Test
    void randomizedAgainstAModel() {
        long seed = 7;
        Random random = new Random(seed);
        CommitTable table = new CommitTable(100);
        long nextId = 100;
        Map<Long, Long> commitTs = new HashMap<>(); // id -> ts; -1 rolled back; absent = running
        List<Long> running = new ArrayList<>();
        TreeMap<Long, Integer> snapshots = new TreeMap<>();
        List<Long> ids = new ArrayList<>();
        for (int step = 0; step < 50_000; step++) {
            int op = random.nextInt(10);
            if (op < 3 || running.isEmpty()) {
                table.begin(nextId);
                running.add(nextId);
                ids.add(nextId);
                nextId++;
            } else if (op < 6) {
                long id = running.remove(random.nextInt(running.size()));
                long[] got = new long[1];
                table.commit(id, ts -> got[0] = ts);
                commitTs.put(id, got[0]);
            } else if (op < 7) {
                long id = running.remove(random.nextInt(running.size()));
                table.endWithoutCommit(id);
                commitTs.put(id, -1L);
            } else if (op < 8) {
                snapshots.merge(table.snapshot(), 1, Integer::sum);
            } else if (op < 9 && !snapshots.isEmpty()) {
                long s = snapshots.firstKey();
                if (snapshots.merge(s, -1, Integer::sum) == 0) {
                    snapshots.remove(s);
                }
            } else {
                long oldest = snapshots.isEmpty() ? Long.MAX_VALUE : snapshots.firstKey();
                long horizon = table.advanceHorizon(() -> oldest);
                for (long id = 100; id < horizon; id++) {
                    Long ts = commitTs.get(id);
                    assertTrue(ts != null && ts <= Math.min(oldest, table.clock()),
                            "below the horizon " + horizon + ": txn " + id + " ts " + ts + ", seed " + seed);
                }
            }
            if (!ids.isEmpty()) {
                long id = ids.get(random.nextInt(ids.size()));
                long snap = snapshots.isEmpty() ? table.snapshot() : randomKey(snapshots, random);
                Long ts = commitTs.get(id);
                boolean expected = ts != null && ts > 0 && ts <= snap;
                if (id < table.horizon()) {
                    // below the horizon every commit precedes every live snapshot; a rolled-back transaction has
                    // no versions left, so the answer for it does not matter
                    if (ts == null || ts < 0) {
                        continue;
                    }
                    expected = true;
                }
                assertEquals(expected, table.committedBefore(id, snap),
                        "txn " + id + " (ts " + ts + ") in snapshot " + snap + " at step " + step + ", seed " + seed);
            }
        }
    }

    private static long randomKey(TreeMap<Long, Integer> map, Random random) {
        List<Long> keys = new ArrayList<>(map.keySet());
        return keys.get(random.nextInt(keys.size()));
    }
}
