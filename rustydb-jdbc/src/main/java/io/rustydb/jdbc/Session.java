package io.rustydb.jdbc;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.config.IsolationLevel;
import io.rustydb.sql.engine.PreparedSql;
import io.rustydb.sql.engine.SqlEngine;
import io.rustydb.sql.engine.StatementResult;
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
 * goes on (statement-level atomicity, as Oracle and SQL Server do, not PostgreSQL's "aborted transaction" state).
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

    Session(SqlEngine engine, IsolationLevel isolation, boolean readOnly, long lockTimeoutMillis) {
        this.engine = engine;
        this.lockTimeoutMillis = lockTimeoutMillis;
        this.isolation = checkIsolation(isolation);
        this.readOnly = readOnly;
    }

    boolean autoCommit() {
        return autoCommit;
    }

    /** JDBC: switching auto-commit on commits an open transaction. */
    void setAutoCommit(boolean on) {
        if (on && !autoCommit && transaction != null) {
            commit();
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

    void setIsolation(IsolationLevel level) {
        if (transaction != null && transaction.hasWritten()) {
            throw new DbException(ErrorCode.ACTIVE_SQL_TRANSACTION);
        }
        this.isolation = checkIsolation(level);
    }

    /**
     * The levels RustyDB can honour today: READ COMMITTED (and READ UNCOMMITTED, which behaves as READ COMMITTED,
     * as in PostgreSQL). REPEATABLE READ and SERIALIZABLE need snapshots (MVCC): asking for them is 0A000 rather
     * than a silent downgrade.
     */
    static IsolationLevel checkIsolation(IsolationLevel level) {
        if (level == IsolationLevel.REPEATABLE_READ || level == IsolationLevel.SERIALIZABLE) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "isolation level "
                    + level.name().replace('_', ' ') + " (READ COMMITTED is available until MVCC snapshots arrive)");
        }
        return level;
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
        if (prepared.isControl()) {
            control(((BoundStatement.Control) prepared.statement()).control());
            return StatementResult.count(0);
        }
        if (transaction == null && autoCommit) {
            Transaction tx = begin();
            try {
                StatementResult result = engine.execute(prepared, parameters, tx, lockTimeoutMillis);
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
        return engine.execute(prepared, parameters, transaction, lockTimeoutMillis);
    }

    private Transaction begin() {
        boolean ro = nextReadOnly != null ? nextReadOnly : readOnly;
        transaction = engine.transactions().begin(ro);
        if (nextIsolation != null) {
            isolation = nextIsolation;
        }
        nextIsolation = null;
        nextReadOnly = null;
        savepoints.clear();
        return transaction;
    }

    /** Commits the open transaction, if any. */
    void commit() {
        Transaction tx = transaction;
        if (tx == null) {
            return;
        }
        try {
            engine.commit(tx);
        } finally {
            end(tx);
        }
    }

    /** Rolls the open transaction back, if any. */
    void rollback() {
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
        try {
            rollback();
        } catch (RuntimeException ignored) {
            // the statement's own error is the one to report
        }
    }

    private void end(Transaction tx) {
        engine.lock().releaseAll(tx.txnId());
        transaction = null;
        savepoints.clear();
    }

    /** Sets a savepoint (opening a transaction if none is open) and returns its name. */
    String setSavepoint(String name) {
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
                if (transaction != null) {
                    throw new DbException(ErrorCode.ACTIVE_SQL_TRANSACTION);
                }
                nextIsolation = c.isolation() == null ? null : checkIsolation(c.isolation());
                nextReadOnly = c.readOnly();
                begin();
                break;
            case COMMIT:
                if (transaction == null) {
                    throw new DbException(ErrorCode.NO_ACTIVE_TRANSACTION, "COMMIT");
                }
                commit();
                break;
            case ROLLBACK:
                if (transaction == null) {
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
                if (transaction != null && transaction.hasWritten()) {
                    throw new DbException(ErrorCode.ACTIVE_SQL_TRANSACTION);
                }
                if (c.isolation() != null) {
                    checkIsolation(c.isolation());
                }
                if (transaction == null) {
                    nextIsolation = c.isolation() != null ? c.isolation() : nextIsolation;
                    nextReadOnly = c.readOnly() != null ? c.readOnly() : nextReadOnly;
                } else if (c.isolation() != null) {
                    isolation = c.isolation();
                }
                break;
            case SET_SESSION_CHARACTERISTICS:
                if (c.isolation() != null) {
                    isolation = checkIsolation(c.isolation());
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
