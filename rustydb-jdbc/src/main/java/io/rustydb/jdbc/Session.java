package io.rustydb.jdbc;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.config.IsolationLevel;
import io.rustydb.sql.engine.PreparedSql;
import io.rustydb.sql.engine.SqlEngine;
import io.rustydb.sql.engine.StatementResult;
import io.rustydb.sql.exec.StatementCancel;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.TransactionControl;
import io.rustydb.txn.Transaction;
import io.rustydb.txn.TransactionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The transaction state of one connection: auto-commit, the open transaction and its savepoints, the isolation
 * level and read-only flag. Carries out transaction control statements; every other statement runs in the open
 * transaction, or in one of its own in auto-commit mode.
 *
 * <p>States: <i>idle</i> (no transaction) → a statement in auto-commit mode runs in a transaction of its own and
 * returns to idle; {@code BEGIN} or a statement with auto-commit off opens a transaction that lasts until
 * {@code COMMIT}/{@code ROLLBACK}. A failed statement inside a transaction is rolled back alone; the transaction
 * goes on (statement-level atomicity, as Oracle and SQL Server do) — except after a serialization failure (40001)
 * or as a deadlock victim (40P01): then the whole transaction is rolled back at once (releasing its locks) and the
 * session is <i>failed</i>, as in PostgreSQL: statements fail with 25P02 until {@code ROLLBACK}, and
 * {@code COMMIT} ends the block by failing with the original 40001/40P01, so that no application mistakes the
 * rolled-back work for committed.
 */
final class Session {
    /** A named savepoint: where to roll back to. */
    private record Savepoint(String name, long marker) {
    }

    private final SqlEngine engine;
    private final long lockTimeoutMillis;
    private boolean autoCommit = true;
    private boolean readOnly;
    private IsolationLevel isolation;
    private IsolationLevel nextIsolation;
    private Boolean nextReadOnly;
    private Transaction transaction;
    private final List<Savepoint> savepoints = new ArrayList<>();
    /** What the session remembers outside transactions: the sequence values currval and lastval return. */
    private final io.rustydb.sql.exec.SessionState state = new io.rustydb.sql.exec.SessionState();
    /** Why the transaction block failed (it was rolled back), or null. */
    private DbException failure;

    Session(SqlEngine engine, IsolationLevel isolation, boolean readOnly, long lockTimeoutMillis) {
        this.engine = engine;
        this.lockTimeoutMillis = lockTimeoutMillis;
        this.isolation = isolation;
        this.readOnly = readOnly;
    }

    /** What the session keeps outside transactions: sequence values, run-time parameters (search path, work_mem). */
    io.rustydb.sql.exec.SessionState state() {
        return state;
    }

    boolean autoCommit() {
        return autoCommit;
    }

    /** JDBC: switching auto-commit on commits an open transaction. */
    void setAutoCommit(boolean on) {
        if (on && !autoCommit && inBlock()) {
            autoCommit = true;
            commit(); // a failed block ends by reporting its failure, as COMMIT does
            return;
        }
        autoCommit = on;
    }

    boolean readOnly() {
        return readOnly;
    }

    void setReadOnly(boolean readOnly) {
        if (transaction != null) {
            throw new DbException(ErrorCode.ACTIVE_SQL_TRANSACTION);
        }
        this.readOnly = readOnly;
    }

    IsolationLevel isolation() {
        return isolation;
    }

    /**
     * JDBC {@code setTransactionIsolation}: the level of the next transactions, and of the open one if it has not
     * run a statement yet (25001 once it has).
     */
    void setIsolation(IsolationLevel level) {
        if (transaction != null) {
            engine.transactions().setIsolation(transaction, level);
        }
        this.isolation = level;
    }

    /** Whether transactions spanning several statements (and savepoints) are available: always, now. */
    boolean multiStatementTransactions() {
        return true;
    }

    boolean inTransaction() {
        return transaction != null;
    }

    /** Runs {@code prepared}: a control statement, or a statement in the right transaction. */
    StatementResult execute(PreparedSql prepared, List<Object> parameters) {
        return execute(prepared, parameters, StatementCancel.NONE);
    }

    /** Like {@link #execute(PreparedSql, List)}; {@code cancel} can stop the statement (57014). */
    StatementResult execute(PreparedSql prepared, List<Object> parameters, StatementCancel cancel) {
        if (prepared.isControl()) {
            TransactionControl c = ((BoundStatement.Control) prepared.statement()).control();
            if (c.kind() == TransactionControl.Kind.VACUUM) {
                if (inBlock() || !autoCommit) {
                    throw new DbException(ErrorCode.ACTIVE_SQL_TRANSACTION);
                }
                return StatementResult.count(engine.vacuum());
            }
            control(c);
            return StatementResult.count(0);
        }
        if (failure != null) {
            throw new DbException(ErrorCode.IN_FAILED_TRANSACTION);
        }
        if (transaction == null && autoCommit) {
            Transaction tx = begin();
            try {
                StatementResult result = engine.execute(prepared, parameters, tx, lockTimeoutMillis, state, cancel);
                commit();
                return result;
            } finally {
                if (transaction == tx) {
                    rollbackQuietly();
                }
            }
        }
        if (transaction == null) {
            begin();
        }
        try {
            return engine.execute(prepared, parameters, transaction, lockTimeoutMillis, state, cancel);
        } catch (DbException e) {
            if (abortsTransaction(e)) {
                fail(e);
            }
            throw e;
        }
    }

    /** Errors after which the transaction cannot go on: it must be retried as a whole. */
    private static boolean abortsTransaction(DbException e) {
        return e.code() == ErrorCode.SERIALIZATION_FAILURE || e.code() == ErrorCode.DEADLOCK_DETECTED;
    }

    /** Rolls the open transaction back at once and leaves the block failed (25P02 until it ends). */
    private void fail(DbException cause) {
        rollbackQuietly();
        failure = cause;
    }

    private Transaction begin() {
        boolean ro = nextReadOnly != null ? nextReadOnly : readOnly;
        IsolationLevel level = nextIsolation != null ? nextIsolation : isolation;
        transaction = engine.transactions().begin(ro, level);
        nextIsolation = null;
        nextReadOnly = null;
        savepoints.clear();
        return transaction;
    }

    /**
     * Commits the open transaction, if any. A failed block ends with its failure (40001/40P01); a commit that
     * SERIALIZABLE refuses rolls the transaction back and throws 40001.
     */
    void commit() {
        if (failure != null) {
            DbException cause = failure;
            failure = null;
            throw new DbException(cause.code(), "the transaction was rolled back: " + cause.getMessage());
        }
        Transaction tx = transaction;
        if (tx == null) {
            return;
        }
        try {
            engine.commit(tx);
        } catch (DbException e) {
            if (tx.state() == TransactionState.ACTIVE) {
                rollbackQuietly();
            }
            throw e;
        } finally {
            end(tx);
        }
    }

    /** Rolls the open transaction back, if any; ends a failed block. */
    void rollback() {
        failure = null;
        Transaction tx = transaction;
        if (tx == null) {
            return;
        }
        try {
            if (tx.state() == TransactionState.ACTIVE) {
                engine.rollback(tx);
            }
        } finally {
            end(tx);
        }
    }

    private void rollbackQuietly() {
        DbException kept = failure;
        try {
            rollback();
        } catch (RuntimeException ignored) {
            // the statement's own error is the one to report
        } finally {
            failure = kept;
        }
    }

    private void end(Transaction tx) {
        if (transaction == tx) {
            transaction = null;
        }
        savepoints.clear();
    }

    /** Whether a transaction block is open (possibly failed). */
    boolean inBlock() {
        return transaction != null || failure != null;
    }

    /** Sets a savepoint (opening a transaction if none is open) and returns its name. */
    String setSavepoint(String name) {
        if (failure != null) {
            throw new DbException(ErrorCode.IN_FAILED_TRANSACTION);
        }
        if (transaction == null) {
            if (autoCommit) {
                throw new DbException(ErrorCode.NO_ACTIVE_TRANSACTION, "SAVEPOINT can only be used in transaction blocks");
            }
            begin();
        }
        savepoints.add(new Savepoint(name, transaction.savepoint()));
        return name;
    }

    void rollbackToSavepoint(String name) {
        if (failure != null) {
            throw new DbException(ErrorCode.IN_FAILED_TRANSACTION);
        }
        int index = findSavepoint(name);
        Savepoint sp = savepoints.get(index);
        engine.rollbackTo(transaction, sp.marker());
        // the savepoint stays; later ones are gone
        savepoints.subList(index + 1, savepoints.size()).clear();
    }

    void releaseSavepoint(String name) {
        int index = findSavepoint(name);
        savepoints.subList(index, savepoints.size()).clear();
    }

    private int findSavepoint(String name) {
        if (transaction == null) {
            throw new DbException(ErrorCode.NO_ACTIVE_TRANSACTION, "savepoint \"" + name + "\"");
        }
        for (int i = savepoints.size() - 1; i >= 0; i--) {
            if (savepoints.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new DbException(ErrorCode.INVALID_SAVEPOINT, name);
    }

    private void control(TransactionControl c) {
        switch (c.kind()) {
            case BEGIN:
                if (inBlock()) {
                    throw new DbException(ErrorCode.ACTIVE_SQL_TRANSACTION);
                }
                nextIsolation = c.isolation();
                nextReadOnly = c.readOnly();
                begin();
                break;
            case COMMIT:
                if (!inBlock()) {
                    throw new DbException(ErrorCode.NO_ACTIVE_TRANSACTION, "COMMIT");
                }
                commit();
                break;
            case ROLLBACK:
                if (!inBlock()) {
                    throw new DbException(ErrorCode.NO_ACTIVE_TRANSACTION, "ROLLBACK");
                }
                rollback();
                break;
            case SAVEPOINT:
                if (transaction == null) {
                    throw new DbException(ErrorCode.NO_ACTIVE_TRANSACTION, "SAVEPOINT can only be used in transaction blocks");
                }
                setSavepoint(c.savepoint());
                break;
            case ROLLBACK_TO_SAVEPOINT:
                rollbackToSavepoint(c.savepoint());
                break;
            case RELEASE_SAVEPOINT:
                releaseSavepoint(c.savepoint());
                break;
            case SET_TRANSACTION:
                if (failure != null) {
                    throw new DbException(ErrorCode.IN_FAILED_TRANSACTION);
                }
                if (transaction == null) {
                    nextIsolation = c.isolation() != null ? c.isolation() : nextIsolation;
                    nextReadOnly = c.readOnly() != null ? c.readOnly() : nextReadOnly;
                } else if (c.isolation() != null) {
                    // only before the transaction's first statement (25001 after), and only for this transaction
                    engine.transactions().setIsolation(transaction, c.isolation());
                }
                break;
            case SET_SESSION_CHARACTERISTICS:
                if (c.isolation() != null) {
                    isolation = c.isolation();
                }
                if (c.readOnly() != null) {
                    readOnly = c.readOnly();
                }
                break;
            default:
                throw DbException.internal("unknown transaction statement " + c.kind().name().toLowerCase(Locale.ROOT));
        }
    }

    /** Ends whatever is open when the connection closes: an open transaction is rolled back. */
    void close() {
        rollbackQuietly();
    }
}
