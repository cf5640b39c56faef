package io.rustydb.jdbc.txn;

import static io.rustydb.core.config.IsolationLevel.SERIALIZABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rustydb.core.config.IsolationLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hermitage (Martin Kleppmann's isolation test suite): every scenario of {@code postgres.md} from
 * {@code ../shared/hermitage}, ported step for step to RustyDB (the scenarios are encoded here; nothing is read
 * from there at run time). Setup as in postgres.md minus the primary key, which RustyDB does not have yet. Each
 * scenario runs at the level(s) postgres.md shows and at every stronger level, where the anomaly must be prevented;
 * where PostgreSQL lets an anomaly through at a level, the test shows RustyDB lets it through as well, so Hermitage's
 * summary row for PostgreSQL holds for RustyDB level for level: READ COMMITTED prevents G0, G1a, G1b, G1c and OTV;
 * REPEATABLE READ (snapshot isolation) also PMP, P4 and G-single; SERIALIZABLE also G2-item and G2.
 *
 * <p>The semantics encoded: MVCC, readers never block and are never blocked. READ UNCOMMITTED behaves as READ
 * COMMITTED (it runs the READ COMMITTED scenarios too), whose statements each see a new snapshot; a write that meets
 * a row another transaction is writing waits for it and is then re-run against a fresh snapshot (Oracle-style
 * statement restart). REPEATABLE READ and SERIALIZABLE take their snapshot at the transaction's first statement; a
 * write to a row that a concurrent transaction changed and committed fails with 40001 (after waiting, if that
 * transaction was still running). SERIALIZABLE adds SSI: one transaction of a dangerous structure fails with 40001,
 * at a statement or at its commit. After a 40001 the transaction is rolled back: its further statements fail with
 * 25P02, its COMMIT with 40001 (ending it), its ROLLBACK succeeds, and the connection can go on.
 *
 * <p>Differences from PostgreSQL's outputs in postgres.md, on purpose: PMP with a write predicate at READ
 * COMMITTED, where the restarted DELETE deletes the row that now matches (PostgreSQL re-checks only the row it
 * waited for and deletes nothing), so that anomaly does not show; COMMIT of a failed transaction reports 40001
 * (PostgreSQL answers ROLLBACK); SERIALIZABLE reads lock the whole table (scans, like PostgreSQL's relation-level
 * SIREAD lock), and which of two transactions in a cycle fails is the engine's choice, so G1c, G2-item and G2 at
 * SERIALIZABLE accept a 40001 in either transaction at any step, and require exactly one. The read-only anomaly
 * (Fekete et al.) also runs at REPEATABLE READ, which allows it.
 */
@Timeout(30)
class HermitageTest {
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String IN_FAILED_TRANSACTION = "25P02";

    private TxnScript db;

    @BeforeEach
    void setUp() {
        db = TxnScript.withTestTable();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** REPEATABLE READ and SERIALIZABLE: one snapshot for the whole transaction. */
    private static boolean snapshotLevel(IsolationLevel level) {
        return level == IsolationLevel.REPEATABLE_READ || level == SERIALIZABLE;
    }

    /**
     * G0, write cycles: T2's update of row 1 waits for T1. READ COMMITTED: it then runs, and both transactions'
     * writes land whole (1 => 12, 2 => 22). Snapshot levels: row 1 changed after T2's snapshot, 40001.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(IsolationLevel.class)
    void g0WriteCycles(IsolationLevel level) {
        Txn t1 = db.begin("T1", level);
        Txn t2 = db.begin("T2", level);
        t1.run("update test set value = 11 where id = 1");
        Pending t2Update = t2.blocks("update test set value = 12 where id = 1");
        t1.run("update test set value = 21 where id = 2");
        t1.commit(); // unblocks T2
        if (!snapshotLevel(level)) {
            assertEquals(1, t2Update.completes());
            t1.rows("select * from test", "1,11", "2,21");
            t2.run("update test set value = 22 where id = 2");
            t2.commit();
            db.committed("1,12", "2,22");
        } else {
            t2Update.fails(SERIALIZATION_FAILURE);
            t1.rows("select * from test", "1,11", "2,21");
            t2.fails("update test set value = 22 where id = 2", IN_FAILED_TRANSACTION);
            t2.commitFails(SERIALIZATION_FAILURE);
            t2.rows("select * from test", "1,11", "2,21"); // the failed COMMIT ended T2: auto-commit again
            db.committed("1,11", "2,21");
        }
    }

    /** G1a, aborted reads: T2 never sees T1's update, which T1 rolls back. Prevented at every level. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(IsolationLevel.class)
    void g1aAbortedReads(IsolationLevel level) {
        Txn t1 = db.begin("T1", level);
        Txn t2 = db.begin("T2", level);
        t1.run("update test set value = 101 where id = 1");
        t2.rows("select * from test", "1,10", "2,20");
        t1.rollback();
        t2.rows("select * from test", "1,10", "2,20");
        t2.commit();
        db.committed("1,10", "2,20");
    }

    /**
     * G1b, intermediate reads: T2 never sees T1's intermediate 101; after T1 commits, READ COMMITTED sees T1's final
     * 11, the snapshot levels still 10. Prevented at every level.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(IsolationLevel.class)
    void g1bIntermediateReads(IsolationLevel level) {
        Txn t1 = db.begin("T1", level);
        Txn t2 = db.begin("T2", level);
        t1.run("update test set value = 101 where id = 1");
        t2.rows("select * from test", "1,10", "2,20");
        t1.run("update test set value = 11 where id = 1");
        t1.commit();
        t2.rows("select * from test", snapshotLevel(level) ? "1,10" : "1,11", "2,20");
        t2.commit();
        db.committed("1,11", "2,20");
    }

    /**
     * G1c, circular information flow: neither transaction sees the other's uncommitted update; both commit up to
     * REPEATABLE READ. At SERIALIZABLE each read the row the other wrote (a write skew cycle), so exactly one of them
     * fails with 40001 and only the other's update remains.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(IsolationLevel.class)
    void g1cCircularInformationFlow(IsolationLevel level) {
        Txn t1 = db.begin("T1", level);
        Txn t2 = db.begin("T2", level);
        if (level == SERIALIZABLE) {
            t1.mayFail();
            t2.mayFail();
        }
        t1.run("update test set value = 11 where id = 1");
        t2.run("update test set value = 22 where id = 2");
        t1.rows("select * from test where id = 2", "2,20");
        t2.rows("select * from test where id = 1", "1,10");
        t1.commit();
        t2.commit();
        if (level != SERIALIZABLE) {
            db.committed("1,11", "2,22");
        } else if (TxnScript.exactlyOneFailed(t1, t2) == t1) {
            db.committed("1,10", "2,22");
        } else {
            db.committed("1,11", "2,20");
        }
    }

    /**
     * OTV, observed transaction vanishes: once T3 has seen T1's writes it never loses them. READ COMMITTED: T2's
     * update runs after T1 commits and T3 sees T2's values only once T2 commits. Snapshot levels: T2's update fails
     * with 40001 and T3 keeps seeing T1's values.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(IsolationLevel.class)
    void otvObservedTransactionVanishes(IsolationLevel level) {
        Txn t1 = db.begin("T1", level);
        Txn t2 = db.begin("T2", level);
        Txn t3 = db.begin("T3", level);
        t1.run("update test set value = 11 where id = 1");
        t1.run("update test set value = 19 where id = 2");
        Pending t2Update = t2.blocks("update test set value = 12 where id = 1");
        t1.commit(); // unblocks T2
        if (!snapshotLevel(level)) {
            assertEquals(1, t2Update.completes());
            t3.rows("select * from test where id = 1", "1,11");
            t2.run("update test set value = 18 where id = 2");
            t3.rows("select * from test where id = 2", "2,19");
            t2.commit();
            t3.rows("select * from test where id = 2", "2,18");
            t3.rows("select * from test where id = 1", "1,12");
            t3.commit();
            db.committed("1,12", "2,18");
        } else {
            t2Update.fails(SERIALIZATION_FAILURE);
            t3.rows("select * from test where id = 1", "1,11");
            t2.fails("update test set value = 18 where id = 2", IN_FAILED_TRANSACTION);
            t3.rows("select * from test where id = 2", "2,19");
            t2.commitFails(SERIALIZATION_FAILURE);
            t3.rows("select * from test where id = 2", "2,19");
            t3.rows("select * from test where id = 1", "1,11");
            t3.commit();
            db.committed("1,11", "2,19");
        }
    }

    /**
     * PMP, predicate-many-preceders: READ COMMITTED does not prevent it (T1's second predicate read sees T2's
     * insert); the snapshot levels do (it still returns nothing). T1 is read-only, so both commit everywhere.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = IsolationLevel.class, names = {"READ_COMMITTED", "REPEATABLE_READ", "SERIALIZABLE"})
    void pmpPredicateManyPreceders(IsolationLevel level) {
        Txn t1 = db.begin("T1", level);
        Txn t2 = db.begin("T2", level);
        t1.rows("select * from test where value = 30");
        t2.run("insert into test (id, value) values(3, 30)");
        t2.commit();
        if (snapshotLevel(level)) {
            t1.rows("select * from test where value % 3 = 0");
        } else {
            t1.rows("select * from test where value % 3 = 0", "3,30");
        }
        t1.commit();
        db.committed("1,10", "2,20", "3,30");
    }

    /**
     * PMP with a write predicate (PostgreSQL's documentation example): T2's delete waits for T1's update of every
     * row. READ COMMITTED: the delete is re-run against a fresh snapshot, where row 1 now has value 20 and row 2 has
     * 30, so it deletes row 1 (PostgreSQL re-checks only row 2, deletes nothing and then shows 1 => 20: the anomaly;
     * the statement restart avoids it). Snapshot levels: 40001, and T2 rolls back.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = IsolationLevel.class, names = {"READ_COMMITTED", "REPEATABLE_READ", "SERIALIZABLE"})
    void pmpWritePredicate(IsolationLevel level) {
        Txn t1 = db.begin("T1", level);
        Txn t2 = db.begin("T2", level);
        assertEquals(2, t1.run("update test set value = value + 10"));
        Pending t2Delete = t2.blocks("delete from test where value = 20");
        t1.commit(); // unblocks T2
        if (!snapshotLevel(level)) {
            assertEquals(1, t2Delete.completes(), "the restarted delete finds row 1, now 20");
            t2.rows("select * from test where value = 20");
            t2.commit();
            db.committed("2,30");
        } else {
            t2Delete.fails(SERIALIZATION_FAILURE);
            t2.rollback();
            db.committed("1,20", "2,30");
        }
    }

    /**
     * P4, lost update: READ COMMITTED does not prevent it (T2's update, re-run after T1 commits, overwrites T1's);
     * the snapshot levels do (40001 for T2, after which ROLLBACK makes the connection usable again).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = IsolationLevel.class, names = {"READ_COMMITTED", "REPEATABLE_READ", "SERIALIZABLE"})
    void p4LostUpdate(IsolationLevel level) {
        Txn t1 = db.begin("T1", level);
        Txn t2 = db.begin("T2", level);
        t1.rows("select * from test where id = 1", "1,10");
        t2.rows("select * from test where id = 1", "1,10");
        t1.run("update test set value = 11 where id = 1");
        Pending t2Update = t2.blocks("update test set value = 11 where id = 1");
        t1.commit(); // unblocks T2
        if (!snapshotLevel(level)) {
            assertEquals(1, t2Update.completes(), "T2 overwrites T1's update");
            t2.commit();
        } else {
            t2Update.fails(SERIALIZATION_FAILURE);
            t2.rollback();
            t2.rows("select * from test where id = 1", "1,11");
        }
        db.committed("1,11", "2,20");
    }

    /**
     * G-single, read skew: READ COMMITTED does not prevent it (T1 sees row 1 before and row 2 after T2); the
     * snapshot levels do (T1 still sees 2 => 20). T1 only reads, so both commit everywhere.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = IsolationLevel.class, names = {"READ_COMMITTED", "REPEATABLE_READ", "SERIALIZABLE"})
    void gSingleReadSkew(IsolationLevel level) {
        Txn t1 = db.begin("T1", level);
        Txn t2 = db.begin("T2", level);
        t1.rows("select * from test where id = 1", "1,10");
        t2.rows("select * from test where id = 1", "1,10");
        t2.rows("select * from test where id = 2", "2,20");
        t2.run("update test set value = 12 where id = 1");
        t2.run("update test set value = 18 where id = 2");
        t2.commit();
        t1.rows("select * from test where id = 2", snapshotLevel(level) ? "2,20" : "2,18");
        t1.commit();
        db.committed("1,12", "2,18");
    }

    /** G-single with predicate dependencies: T1's second predicate read does not see T2's update. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = IsolationLevel.class, names = {"REPEATABLE_READ", "SERIALIZABLE"})
    void gSingleReadSkewPredicate(IsolationLevel level) {
        Txn t1 = db.begin("T1", level);
        Txn t2 = db.begin("T2", level);
        t1.rows("select * from test where value % 5 = 0", "1,10", "2,20");
        assertEquals(1, t2.run("update test set value = 12 where value = 10"));
        t2.commit();
        t1.rows("select * from test where value % 3 = 0");
        t1.commit();
        db.committed("1,12", "2,20");
    }

    /** G-single with a write predicate: T1's delete meets row 2, changed by T2 after T1's snapshot: 40001. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = IsolationLevel.class, names = {"REPEATABLE_READ", "SERIALIZABLE"})
    void gSingleReadSkewWritePredicate(IsolationLevel level) {
        Txn t1 = db.begin("T1", level);
        Txn t2 = db.begin("T2", level);
        t1.rows("select * from test where id = 1", "1,10");
        t2.rows("select * from test", "1,10", "2,20");
        t2.run("update test set value = 12 where id = 1");
        t2.run("update test set value = 18 where id = 2");
        t2.commit();
        t1.fails("delete from test where value = 20", SERIALIZATION_FAILURE);
        t1.rollback();
        db.committed("1,12", "2,18");
    }

    /**
     * G2-item, write skew: REPEATABLE READ does not prevent it (both commit); SERIALIZABLE does (exactly one of the
     * two fails with 40001, at a statement or at its commit, and only the other's update remains).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = IsolationLevel.class, names = {"REPEATABLE_READ", "SERIALIZABLE"})
    void g2ItemWriteSkew(IsolationLevel level) {
        Txn t1 = db.begin("T1", level);
        Txn t2 = db.begin("T2", level);
        if (level == SERIALIZABLE) {
            t1.mayFail();
            t2.mayFail();
        }
        t1.rows("select * from test where id in (1,2)", "1,10", "2,20");
        t2.rows("select * from test where id in (1,2)", "1,10", "2,20");
        t1.run("update test set value = 11 where id = 1");
        t2.run("update test set value = 21 where id = 2");
        t1.commit();
        t2.commit();
        if (level != SERIALIZABLE) {
            db.committed("1,11", "2,21");
        } else if (TxnScript.exactlyOneFailed(t1, t2) == t1) {
            db.committed("1,10", "2,21");
        } else {
            db.committed("1,11", "2,20");
        }
    }

    /**
     * G2, anti-dependency cycles on a predicate read: REPEATABLE READ does not prevent it (both inserts commit);
     * SERIALIZABLE does (exactly one of the two fails with 40001, and only the other's row is there).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = IsolationLevel.class, names = {"REPEATABLE_READ", "SERIALIZABLE"})
    void g2AntiDependencyCycles(IsolationLevel level) {
        Txn t1 = db.begin("T1", level);
        Txn t2 = db.begin("T2", level);
        if (level == SERIALIZABLE) {
            t1.mayFail();
            t2.mayFail();
        }
        t1.rows("select * from test where value % 3 = 0");
        t2.rows("select * from test where value % 3 = 0");
        t1.run("insert into test (id, value) values(3, 30)");
        t2.run("insert into test (id, value) values(4, 42)");
        t1.commit();
        t2.commit();
        if (level != SERIALIZABLE) {
            db.rows("select * from test where value % 3 = 0", "3,30", "4,42");
        } else if (TxnScript.exactlyOneFailed(t1, t2) == t1) {
            db.rows("select * from test where value % 3 = 0", "4,42");
        } else {
            db.rows("select * from test where value % 3 = 0", "3,30");
        }
    }

    /**
     * G2, Fekete et al.'s read-only anomaly (two anti-dependency edges): T3 sees T2's update but not T1's, while T1
     * read before T2. SERIALIZABLE: T1, the only one still running, fails with 40001 (at its update or its commit);
     * T2 and T3 commit. REPEATABLE READ (not in postgres.md) allows it: all three commit.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = IsolationLevel.class, names = {"REPEATABLE_READ", "SERIALIZABLE"})
    void g2ReadOnlyAnomaly(IsolationLevel level) {
        Txn t1 = db.begin("T1", level);
        if (level == SERIALIZABLE) {
            t1.mayFail();
        }
        t1.rows("select * from test", "1,10", "2,20");
        Txn t2 = db.begin("T2", level);
        t2.run("update test set value = value + 5 where id = 2");
        t2.commit();
        Txn t3 = db.begin("T3", level);
        t3.rows("select * from test", "1,10", "2,25");
        t3.commit();
        t1.run("update test set value = 0 where id = 1");
        t1.commit();
        if (level == SERIALIZABLE) {
            TxnScript.exactlyOneFailed(t1);
            db.committed("1,10", "2,25");
        } else {
            db.committed("1,0", "2,25");
        }
    }
}
