package io.rustydb.sql.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rustydb.core.DbException;
import io.rustydb.core.config.DatabaseConfig;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import io.rustydb.storage.io.FaultPlan;
import io.rustydb.txn.Transaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk faults at every write and every force of a short transactional workload: an I/O error, a full disk, each
 * optionally followed by a power cut that loses every write not yet forced. After each, the database must reopen
 * and hold every acknowledged commit, nothing of a transaction that was rolled back or never acknowledged as
 * half-done, and the failure must have been reported as 58030 or 53100 (never as a successful commit).
 */
class FaultInjectionTest {
    private static final int TRANSACTIONS = 8;

    @TempDir
    Path dir;

    private static StorageOptions options(FaultPlan plan) {
        return new StorageOptions(4096, 64 * 4096, ReplacementPolicyName.ARC).withBackgroundWriterIntervalMillis(0)
                .withOpener(plan.opener());
    }

    /** What the workload saw: acknowledged transactions, rolled-back ones, and the failure that stopped it. */
    private static final class Outcome {
        final Set<Long> acknowledged = new HashSet<>();
        final Set<Long> rolledBack = new HashSet<>();
        DbException failure;
    }

    private static Outcome runWorkload(Path db, FaultPlan plan, long seed) {
        Outcome outcome = new Outcome();
        SqlEngine engine;
        try {
            engine = SqlEngine.open(StorageEngine.openFile(db, options(plan)), DatabaseConfig.defaults());
        } catch (DbException e) {
            outcome.failure = e;
            return outcome;
        }
        Random random = new Random(seed);
        try {
            engine.execute("CREATE TABLE IF NOT EXISTS ledger (txn BIGINT NOT NULL, amount BIGINT NOT NULL, pad VARCHAR(500))");
            PreparedSql insert = engine.prepare("INSERT INTO ledger VALUES (?, ?, ?), (?, ?, ?)");
            for (long txn = 1; txn <= TRANSACTIONS; txn++) {
                Transaction tx = engine.transactions().begin(false);
                try {
                    long amount = 1 + random.nextInt(1000);
                    String pad = "p".repeat(random.nextInt(500));
                    engine.execute(insert, List.of(txn, amount, pad, txn, -amount, pad), tx);
                    if (random.nextInt(4) == 0) {
                        engine.rollback(tx);
                        outcome.rolledBack.add(txn);
                    } else {
                        engine.commit(tx);
                        outcome.acknowledged.add(txn);
                    }
                } finally {
                    if (tx.state() == io.rustydb.txn.TransactionState.ACTIVE) {
                        engine.transactions().locks().releaseAll(tx.txnId());
                    }
                }
                if (txn % 3 == 0) {
                    engine.store().checkpointer().checkpoint();
                }
            }
        } catch (DbException e) {
            outcome.failure = e;
        } finally {
            try {
                engine.close();
            } catch (DbException e) {
                if (outcome.failure == null) {
                    outcome.failure = e;
                }
            }
        }
        return outcome;
    }

    private static Map<Long, long[]> ledger(Path db) {
        Map<Long, long[]> sums = new HashMap<>();
        SqlEngine engine = SqlEngine.open(StorageEngine.openFile(db, options(new FaultPlan())), DatabaseConfig.defaults());
        try {
            if (engine.catalog().findTable(io.rustydb.sql.catalog.QualifiedName.inPublic("ledger")) == null) {
                return sums;
            }
            for (Object[] row : engine.execute("SELECT txn, amount FROM ledger").query().rows()) {
                long[] e = sums.computeIfAbsent((Long) row[0], k -> new long[2]);
                e[0] += (Long) row[1];
                e[1]++;
            }
        } finally {
            engine.close();
        }
        return sums;
    }

    @Test
    void everyWriteAndForceCanFailWithoutLosingOrHalfApplyingACommit() throws Exception {
        FaultPlan counting = new FaultPlan();
        Path clean = dir.resolve("clean.db");
        Outcome reference = runWorkload(clean, counting, 1);
        assertTrue(reference.failure == null, "the clean run failed: " + reference.failure);
        long writes = counting.writes();
        long forces = counting.forces();
        assertTrue(writes > 10 && forces > 5, "writes " + writes + ", forces " + forces);

        List<String> failures = new ArrayList<>();
        int runs = 0;
        for (int kind = 0; kind < 2; kind++) {
            long points = kind == 0 ? writes : forces;
            for (long point = 1; point <= points; point++) {
                for (FaultPlan.Fault fault : new FaultPlan.Fault[] {FaultPlan.Fault.IO_ERROR, FaultPlan.Fault.DISK_FULL}) {
                    for (boolean powerCut : new boolean[] {false, true}) {
                        runs++;
                        Path db = dir.resolve("db-" + runs + ".db");
                        FaultPlan plan = new FaultPlan();
                        if (powerCut) {
                            plan.recordUnforcedWrites();
                        }
                        if (kind == 0) {
                            plan.failWrite(point, fault);
                        } else {
                            plan.failForce(point, fault);
                        }
                        String what = (kind == 0 ? "write " : "force ") + point + " " + fault
                                + (powerCut ? " + power cut" : "");
                        Outcome outcome = runWorkload(db, plan, 1);
                        if (outcome.failure != null) {
                            String state = outcome.failure.sqlState();
                            String expected = fault == FaultPlan.Fault.DISK_FULL ? "53100" : "58030";
                            if (!state.equals(expected)) {
                                failures.add(what + ": reported " + state + " " + outcome.failure.getMessage());
                            }
                        }
                        plan.crash();
                        if (powerCut) {
                            plan.loseUnforcedWrites();
                        }
                        Map<Long, long[]> sums;
                        try {
                            sums = ledger(db);
                        } catch (DbException e) {
                            failures.add(what + ": the database does not reopen: " + e.getMessage());
                            continue;
                        }
                        check(sums, outcome, what, failures);
                        Files.deleteIfExists(db);
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + runs + " fault runs went wrong:\n" + String.join("\n", failures));
        }
    }

    private static void check(Map<Long, long[]> sums, Outcome outcome, String what, List<String> failures) {
        for (Map.Entry<Long, long[]> e : sums.entrySet()) {
            if (e.getValue()[0] != 0 || e.getValue()[1] != 2) {
                failures.add(what + ": transaction " + e.getKey() + " is half there");
            }
        }
        for (long txn : outcome.acknowledged) {
            if (!sums.containsKey(txn)) {
                failures.add(what + ": acknowledged transaction " + txn + " is lost");
            }
        }
        for (long txn : outcome.rolledBack) {
            if (sums.containsKey(txn)) {
                failures.add(what + ": rolled-back transaction " + txn + " is visible");
            }
        }
    }
}
