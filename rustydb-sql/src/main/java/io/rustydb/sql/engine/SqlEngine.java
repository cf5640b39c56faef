package io.rustydb.sql.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.Casts;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.binder.Binder;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.OperatorState;
import io.rustydb.sql.exec.PhysicalOperator;
import io.rustydb.sql.exec.PhysicalPlanner;
import io.rustydb.sql.exec.RowBatch;
import io.rustydb.sql.parser.SqlParser;
import io.rustydb.sql.parser.TransactionStatementParser;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.TransactionControl;
import io.rustydb.storage.StorageEngine;
import io.rustydb.txn.DatabaseLock;
import io.rustydb.txn.Transaction;
import io.rustydb.txn.TransactionManager;
import io.rustydb.txn.TransactionalStore;
import io.rustydb.storage.io.ChannelOpener;
import io.rustydb.storage.wal.CurrentLog;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs SQL against one database: parse → bind → plan (cached) → execute within a transaction. Thread-safe; shared
 * by all sessions of the database. Transaction control statements are recognized here and carried out by the
 * session ({@link PreparedSql#isControl()}).
 *
 * <p><b>Concurrency, for now.</b> Until MVCC arrives, the {@link DatabaseLock} keeps transactions apart: a query
 * holds it shared while it runs (and its result is read completely before it is released); a transaction takes it
 * exclusively at its first write and keeps it until it ends. Writers are serialized, and nobody reads uncommitted
 * data.
 *
 * <p><b>Statement atomicity.</b> A write statement that fails is rolled back to where it started; the transaction
 * goes on. A rollback that undid DDL reloads the catalog.
 */
public final class SqlEngine implements AutoCloseable {
    private record PlanKey(String sql, long catalogVersion) {
    }

    private final TransactionalStore store;
    private final StorageEngine storage;
    private final TransactionManager transactions;
    private final DatabaseLock lock;
    private final long lockTimeoutMillis;
    private final Catalog catalog;
    private final Binder binder;
    private final Cache<PlanKey, PreparedSql> plans = Caffeine.newBuilder().maximumSize(2_000).build();

    /**
     * Opens the SQL engine over {@code storage}: opens its write-ahead log and recovers (see
     * {@link TransactionalStore}). On failure the storage is closed.
     */
    public static SqlEngine open(StorageEngine storage, io.rustydb.core.config.DatabaseConfig config) {
        TransactionalStore store = TransactionalStore.open(storage, config.syncMode(), storage.channelOpener(),
                TransactionalStore.DEFAULT_CHECKPOINT_LOG_BYTES, TransactionalStore.DEFAULT_CHECKPOINT_INTERVAL_MILLIS);
        try {
            return new SqlEngine(store, new DatabaseLock(), config.lockTimeoutMillis());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** An engine over {@code storage} with the default configuration (see {@link #open}). */
    public SqlEngine(StorageEngine storage) {
        this(TransactionalStore.open(storage, io.rustydb.core.config.DatabaseConfig.defaults().syncMode(),
                storage.channelOpener(), TransactionalStore.DEFAULT_CHECKPOINT_LOG_BYTES,
                TransactionalStore.DEFAULT_CHECKPOINT_INTERVAL_MILLIS), new DatabaseLock(),
                io.rustydb.core.config.DatabaseConfig.defaults().lockTimeoutMillis());
    }

    public SqlEngine(TransactionalStore store, DatabaseLock lock, long lockTimeoutMillis) {
        this.store = store;
        this.storage = store.storage();
        this.transactions = store.transactions();
        this.lock = lock;
        this.lockTimeoutMillis = lockTimeoutMillis;
        this.catalog = new Catalog(storage);
        this.binder = new Binder(catalog);
    }

    public Catalog catalog() {
        return catalog;
    }

    public StorageEngine storage() {
        return storage;
    }

    public TransactionManager transactions() {
        return transactions;
    }

    public DatabaseLock lock() {
        return lock;
    }

    public long lockTimeoutMillis() {
        return lockTimeoutMillis;
    }

    /** Parses, binds and plans {@code sql}, or returns the cached plan for the current catalog version. */
    public PreparedSql prepare(String sql) {
        long version = catalog.version();
        PlanKey key = new PlanKey(sql, version);
        PreparedSql cached = plans.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        PreparedSql prepared = plan(sql);
        if (prepared.catalogVersion() == catalog.version()) {
            plans.put(new PlanKey(sql, prepared.catalogVersion()), prepared);
        }
        return prepared;
    }

    private PreparedSql plan(String sql) {
        TransactionControl control = TransactionStatementParser.parse(sql);
        if (control != null) {
            return new PreparedSql(sql, catalog.version(), new BoundStatement.Control(control), null);
        }
        var parsed = SqlParser.parse(sql);
        // Bind against a stable catalog: DDL changes it only under the exclusive lock.
        long version = catalog.version();
        BoundStatement bound = binder.bind(parsed);
        PhysicalOperator operator = null;
        if (bound instanceof BoundStatement.Query q) {
            operator = PhysicalPlanner.plan(q.plan());
        } else if (bound instanceof BoundStatement.Insert insert) {
            operator = PhysicalPlanner.plan(insert.source());
        } else if (bound instanceof BoundStatement.Update update) {
            operator = PhysicalPlanner.plan(update.source());
        } else if (bound instanceof BoundStatement.Delete delete) {
            operator = PhysicalPlanner.plan(delete.source());
        }
        return new PreparedSql(sql, version, bound, operator);
    }

    /**
     * Executes a prepared statement in {@code tx} with {@code parameters} (one value per {@code ?}, in order). A
     * write takes the database lock exclusively for the rest of the transaction; the caller releases it when the
     * transaction ends ({@link DatabaseLock#releaseAll}).
     */
    public StatementResult execute(PreparedSql prepared, List<Object> parameters, Transaction tx) {
        return execute(prepared, parameters, tx, lockTimeoutMillis);
    }

    /** Like {@link #execute(PreparedSql, List, Transaction)}, waiting at most {@code lockTimeoutMillis} for locks. */
    public StatementResult execute(PreparedSql prepared, List<Object> parameters, Transaction tx,
                                   long lockTimeoutMillis) {
        if (prepared.isControl()) {
            throw DbException.internal("transaction control statements are carried out by the session");
        }
        List<Object> values = convertParameters(prepared.parameterTypes(), parameters);
        if (prepared.isQuery()) {
            lock.lockShared(tx.txnId(), lockTimeoutMillis);
            try {
                PreparedSql fresh = current(prepared);
                if (fresh != prepared && !fresh.parameterTypes().equals(prepared.parameterTypes())) {
                    values = convertParameters(fresh.parameterTypes(), parameters);
                }
                return StatementResult.rows(runQuery(fresh, new ExecContext(catalog, values, tx)));
            } finally {
                lock.unlockShared(tx.txnId());
            }
        }
        tx.checkWritable();
        lock.lockExclusive(tx.txnId(), lockTimeoutMillis);
        PreparedSql fresh = current(prepared);
        if (fresh != prepared && !fresh.parameterTypes().equals(prepared.parameterTypes())) {
            values = convertParameters(fresh.parameterTypes(), parameters);
        }
        long savepoint = tx.savepoint();
        try (CurrentLog.Scope logged = CurrentLog.enter(tx)) {
            return StatementResult.count(runWrite(fresh, new ExecContext(catalog, values, tx)));
        } catch (RuntimeException e) {
            try {
                rollbackTo(tx, savepoint);
            } catch (RuntimeException undoFailure) {
                e.addSuppressed(undoFailure);
            }
            throw e;
        }
    }

    /** Prepares and runs {@code sql} as a transaction of its own (auto-commit). */
    public StatementResult execute(String sql) {
        return execute(prepare(sql), List.of());
    }

    /** Runs a prepared statement as a transaction of its own (auto-commit). */
    public StatementResult execute(PreparedSql prepared, List<Object> parameters) {
        if (prepared.isControl()) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "transaction control outside a session");
        }
        Transaction tx = transactions.begin(false);
        try {
            StatementResult result = execute(prepared, parameters, tx);
            commit(tx);
            return result;
        } catch (RuntimeException e) {
            if (tx.state() == io.rustydb.txn.TransactionState.ACTIVE) {
                try {
                    rollback(tx);
                } catch (RuntimeException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw e;
        } finally {
            lock.releaseAll(tx.txnId());
        }
    }

    /**
     * Commits {@code tx}: durable when this returns, as the sync mode promises (group commit through the log).
     * Its locks are released as soon as its commit record is in the log, before the wait for the disk.
     */
    public void commit(Transaction tx) {
        long lsn = transactions.appendCommit(tx);
        lock.releaseAll(tx.txnId()); // early lock release: the next writer's commit can share our log force
        transactions.completeCommit(tx, lsn);
    }

    /** Rolls {@code tx} back (refreshing in-memory state if it wrote). The caller releases its locks. */
    public void rollback(Transaction tx) {
        boolean wrote = tx.hasWritten();
        transactions.rollback(tx);
        if (wrote) {
            afterUndo();
        }
    }

    /** Undoes what {@code tx} did after {@code savepoint}; the transaction goes on. */
    public void rollbackTo(Transaction tx, long savepoint) {
        if (tx.lastLsn() > savepoint) {
            transactions.rollbackTo(tx, savepoint);
            afterUndo();
        }
    }

    /** Undo changed pages under the in-memory views of them: read the heaps and the catalog again. */
    private void afterUndo() {
        storage.invalidateHeaps();
        catalog.reload();
    }

    /** The store (log, transactions, checkpoints) under this engine. */
    public TransactionalStore store() {
        return store;
    }

    /** The plan for the current catalog: replanned if the schema changed since {@code prepared} was planned. */
    private PreparedSql current(PreparedSql prepared) {
        if (prepared.catalogVersion() == catalog.version()) {
            return prepared;
        }
        return prepare(prepared.sql());
    }

    private QueryResult runQuery(PreparedSql prepared, ExecContext context) {
        List<Object[]> rows = new ArrayList<>();
        int width = prepared.columnTypes().size();
        try (OperatorState state = prepared.operator().open(context)) {
            RowBatch batch;
            while ((batch = state.next()) != null) {
                for (int i = 0; i < batch.rowCount(); i++) {
                    int row = batch.row(i);
                    Object[] values = new Object[width];
                    for (int c = 0; c < width; c++) {
                        values[c] = batch.column(c)[row];
                    }
                    rows.add(values);
                }
            }
        }
        return new QueryResult(prepared.columnNames(), prepared.columnTypes(), rows);
    }

    private long runWrite(PreparedSql prepared, ExecContext context) {
        BoundStatement statement = prepared.statement();
        if (statement instanceof BoundStatement.Insert insert) {
            return InsertExecutor.execute(insert, prepared.operator(), context);
        }
        if (statement instanceof BoundStatement.Update update) {
            return ModifyExecutor.update(update, prepared.operator(), context);
        }
        if (statement instanceof BoundStatement.Delete delete) {
            return ModifyExecutor.delete(delete, prepared.operator(), context);
        }
        if (statement instanceof BoundStatement.AlterTable alter) {
            if (alter.addedNotNull() != null) {
                try (io.rustydb.storage.heap.HeapCursor cursor = catalog.heap(alter.table()).scan()) {
                    if (cursor.next()) {
                        throw new DbException(ErrorCode.NOT_NULL_VIOLATION, alter.addedNotNull(), alter.table().name());
                    }
                }
            }
            catalog.alterTable(alter.table(), alter.altered());
            return 0;
        }
        if (statement instanceof BoundStatement.CreateTable create) {
            if (catalog.findTable(create.name()) != null && create.ifNotExists()) {
                return 0;
            }
            catalog.createTable(create.name(), create.columns());
            return 0;
        }
        if (statement instanceof BoundStatement.DropTable drop) {
            for (String name : drop.names()) {
                if (catalog.findTable(name) == null && !drop.ifExists()) {
                    throw new DbException(ErrorCode.UNDEFINED_TABLE, name);
                }
            }
            for (String name : drop.names()) {
                if (catalog.findTable(name) != null) {
                    catalog.dropTable(name, context.transaction()::afterCommit);
                }
            }
            return 0;
        }
        throw DbException.internal("no executor for " + statement.getClass().getSimpleName());
    }

    private static List<Object> convertParameters(List<DataType> types, List<Object> parameters) {
        if (parameters.size() < types.size()) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_INDEX,
                    "no value specified for parameter " + (parameters.size() + 1));
        }
        if (parameters.size() > types.size()) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_INDEX,
                    "the statement has " + types.size() + " parameters but " + parameters.size() + " values were given");
        }
        List<Object> converted = new ArrayList<>(parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            DataType type = types.get(i);
            Object value = parameters.get(i);
            converted.add(type.equals(DataType.NULL) || value == null ? value : convertParameter(value, type, i));
        }
        return converted;
    }

    /**
     * A parameter value as its inferred type, under assignment rules: a string too long for VARCHAR(n) is 22001,
     * never cut short. Values of other Java types than the column's are converted as by CAST, as JDBC drivers
     * do for {@code setInt} on a DECIMAL parameter, say.
     */
    private static Object convertParameter(Object value, DataType type, int index) {
        try {
            return Casts.castForAssignment(value, type, "$" + (index + 1));
        } catch (DbException e) {
            if (e.code() != ErrorCode.DATATYPE_MISMATCH) {
                throw e;
            }
            return Casts.cast(value, type);
        }
    }

    /** The tables of this database, for metadata. */
    public List<TableDef> tables() {
        return catalog.tables();
    }

    /** Closes the store: final checkpoint, storage, log (the caller has ended every transaction). */
    @Override
    public void close() {
        plans.invalidateAll();
        store.close();
    }
}
