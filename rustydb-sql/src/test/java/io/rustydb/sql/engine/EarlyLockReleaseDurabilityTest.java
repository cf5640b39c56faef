package io.rustydb.sql.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rustydb.core.config.DatabaseConfig;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import io.rustydb.storage.io.FaultPlan;
import io.rustydb.txn.Transaction;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With early lock release a commit is visible as soon as its COMMIT record is appended, before the log force. A
 * read-only transaction that reads it writes nothing to the log, so it must wait for that force itself before it
 * hands out what it read: after a power cut, nothing a reader was given may be missing.
 */
class EarlyLockReleaseDurabilityTest {
    @TempDir
    Path dir;

    private static StorageOptions options(FaultPlan plan) {
        return new StorageOptions(4096, 64 * 4096, ReplacementPolicyName.ARC).withBackgroundWriterIntervalMillis(0)
                .withOpener(plan.opener());
    }

    @Test
    void aReadOnlyTransactionIsAcknowledgedWithDataAPowerCutErases() throws Exception {
        Path db = dir.resolve("elr.db");
        FaultPlan plan = new FaultPlan().recordUnforcedWrites();
        SqlEngine engine = SqlEngine.open(StorageEngine.openFile(db, options(plan)), DatabaseConfig.defaults());
        long seen;
        try {
            engine.execute("CREATE TABLE t (id INTEGER)");
            Transaction writer = engine.transactions().begin(false);
            engine.execute(engine.prepare("INSERT INTO t VALUES (42)"), List.of(), writer);
            engine.transactions().appendCommit(writer); // the writer's thread is now in completeCommit, waiting for the force
            // another session, auto-commit: reads the row, commits (nothing to log) and is acknowledged
            seen = engine.execute("SELECT COUNT(*) FROM t").query().rows().size() == 1
                    ? (Long) engine.execute("SELECT COUNT(*) FROM t").query().rows().get(0)[0] : -1;
        } finally {
            plan.crash(); // power cut before the writer's force
            plan.loseUnforcedWrites();
            try {
                engine.close();
            } catch (RuntimeException ignored) {
                // the simulated crash fails every write
            }
        }
        assertEquals(1, seen, "the reader saw the writer's row");
        SqlEngine reopened = SqlEngine.open(StorageEngine.openFile(db, options(new FaultPlan())), DatabaseConfig.defaults());
        try {
            long after = (Long) reopened.execute("SELECT COUNT(*) FROM t").query().rows().get(0)[0];
            assertEquals(seen, after, "an acknowledged read-only transaction saw a row that the crash erased");
        } finally {
            reopened.close();
        }
    }
}
