package io.rustydb.txn.mvcc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import org.junit.jupiter.api.Test;

/**
 * Dangerous structures of serializable snapshot isolation, driven directly: tables stand for the items read and
 * written (SSI tracks reads and writes per table). Clock values are chosen by hand.
 */
class SsiManagerTest {
    private final SsiManager ssi = new SsiManager();
    private long clock;

    private SsiManager.State begin(long id) {
        SsiManager.State s = ssi.begin(id);
        long now = clock;
        ssi.setSnapshot(s, () -> now);
        return s;
    }

    private void commit(SsiManager.State s) {
        clock++;
        long at = 2 * clock;
        ssi.commit(s, () -> at);
        ssi.end(s, true);
    }

    private void abort(SsiManager.State s) {
        ssi.end(s, false);
    }

    @Test
    void writeSkewFailsTheSecondCommitter() {
        SsiManager.State t1 = begin(1);
        SsiManager.State t2 = begin(2);
        ssi.onRead(t1, 10);
        ssi.onRead(t1, 20);
        ssi.onRead(t2, 10);
        ssi.onRead(t2, 20);
        ssi.onWrite(t1, 10);
        ssi.onWrite(t2, 20);
        commit(t1);
        DbException e = assertThrows(DbException.class, () -> commit(t2));
        assertEquals(ErrorCode.SERIALIZATION_FAILURE, e.code());
        abort(t2);
        assertEquals(0, ssi.registeredCount());
    }

    @Test
    void aSingleAntidependencyIsSerializable() {
        SsiManager.State reader = begin(1);
        SsiManager.State writer = begin(2);
        ssi.onRead(reader, 10);
        ssi.onWrite(writer, 10);
        commit(writer);
        assertDoesNotThrow(() -> commit(reader));
    }

    @Test
    void aTransactionThatStartsAfterACommitIsNotConcurrentWithIt() {
        SsiManager.State t1 = begin(1);
        ssi.onRead(t1, 10);
        ssi.onWrite(t1, 20);
        commit(t1);
        SsiManager.State t2 = begin(2); // snapshot after t1's commit
        ssi.onRead(t2, 20);
        ssi.onWrite(t2, 10);
        assertDoesNotThrow(() -> commit(t2));
    }

    /**
     * Fekete et al.'s read-only anomaly: the read-only transaction completes the structure; the pivot, still
     * running, is the one that fails (retrying the reader would meet the same pivot again).
     */
    @Test
    void theReadOnlyAnomalyIsPrevented() {
        // T2 (pivot) reads X (10) and Y (20), writes Y; T3 (out) writes X and commits first; T1 (in, read-only)
        // reads X and Y after T3's commit but before T2's.
        SsiManager.State t2 = begin(2);
        ssi.onRead(t2, 10);
        ssi.onRead(t2, 20);
        SsiManager.State t3 = begin(3);
        ssi.onRead(t3, 10);
        ssi.onWrite(t3, 10);
        commit(t3);
        SsiManager.State t1 = begin(1); // sees T3, not T2
        ssi.onRead(t1, 10);
        ssi.onWrite(t2, 20);
        assertDoesNotThrow(() -> ssi.onRead(t1, 20));
        assertDoesNotThrow(() -> commit(t1));
        DbException e = assertThrows(DbException.class, () -> commit(t2));
        assertEquals(ErrorCode.SERIALIZATION_FAILURE, e.code());
        abort(t2);
        assertEquals(0, ssi.registeredCount());
    }

    @Test
    void aPivotWhoseOutCommittedFirstIsDoomedAndFailsAtItsNextStep() {
        SsiManager.State tin = begin(1);
        SsiManager.State pivot = begin(2);
        SsiManager.State tout = begin(3);
        ssi.onRead(tin, 20);
        ssi.onWrite(tin, 30);       // tin writes too: no read-only exemption
        ssi.onRead(pivot, 10);
        ssi.onWrite(pivot, 20);     // tin -> pivot
        ssi.onWrite(tout, 10);      // pivot -> tout
        commit(tout);               // tout first: the pivot must not commit
        DbException e = assertThrows(DbException.class, () -> commit(pivot));
        assertEquals(ErrorCode.SERIALIZATION_FAILURE, e.code());
        abort(pivot);
        assertDoesNotThrow(() -> commit(tin));
    }

    /** A read-only tin whose snapshot is older than tout's commit cannot close a cycle: nobody is aborted. */
    @Test
    void aReadOnlyTinThatStartedBeforeToutCommittedIsSafe() {
        SsiManager.State tin = begin(1);        // read-only, snapshot before everything below commits
        SsiManager.State pivot = begin(2);
        SsiManager.State tout = begin(3);
        ssi.onRead(tin, 20);
        ssi.onRead(pivot, 10);
        ssi.onWrite(pivot, 20);     // tin -> pivot
        ssi.onWrite(tout, 10);      // pivot -> tout
        commit(tout);
        assertDoesNotThrow(() -> commit(pivot));
        assertDoesNotThrow(() -> commit(tin));
    }

    /** ... but if that tin writes after all, its commit is checked as a writer's. */
    @Test
    void aTinThatWritesLaterIsCheckedAtItsCommit() {
        SsiManager.State tin = begin(1);
        SsiManager.State pivot = begin(2);
        SsiManager.State tout = begin(3);
        ssi.onRead(tin, 20);
        ssi.onRead(pivot, 10);
        ssi.onWrite(pivot, 20);
        ssi.onWrite(tout, 10);
        commit(tout);
        commit(pivot);
        ssi.onWrite(tin, 30);
        DbException e = assertThrows(DbException.class, () -> commit(tin));
        assertEquals(ErrorCode.SERIALIZATION_FAILURE, e.code());
    }
}
