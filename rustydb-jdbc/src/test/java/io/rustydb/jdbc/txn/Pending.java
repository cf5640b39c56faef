package io.rustydb.jdbc.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.Future;

/**
 * A step of a {@link Txn} that was found blocked (Hermitage's "BLOCKS"). After the step that releases it (the
 * blocker's commit or rollback) the test settles it: {@link #completes()} or {@link #fails(String)}. A null future
 * stands for a step skipped because its transaction had already failed with a tolerated 40001.
 */
record Pending(Txn txn, String sql, Future<StepResult> future) {

    /** Waits for the step, which must succeed (or end the transaction with a tolerated 40001); its update count. */
    int completes() {
        if (future == null) {
            return -1;
        }
        StepResult r = txn.settle(sql, txn.finish(this), false);
        return r == null ? -1 : r.count();
    }

    /** Waits for the step, which must fail with {@code sqlState}. */
    void fails(String sqlState) {
        if (future == null) {
            throw new AssertionError(txn.name() + " had already failed at " + txn.failedAt() + "; skipped " + sql);
        }
        StepResult r = txn.finish(this);
        assertEquals(sqlState, r.sqlState(), txn.name() + ": " + sql + " (after it was blocked) -> " + r.describe());
    }
}
