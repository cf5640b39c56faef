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
import io.rustydb.sql.exec.StatementCancel;
import io.rustydb.sql.parser.SqlParser;
import io.rustydb.sql.parser.TransactionStatementParser;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.TransactionControl;
import io.rustydb.storage.StorageEngine;
import io.rustydb.txn.lock.LockKey;
import io.rustydb.txn.lock.LockMode;
import io.rustydb.txn.lock.LockWait;
import io.rustydb.txn.mvcc.StatementRestart;
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
 * <p><b>Concurrency.</b> MVCC: a statement reads the row versions of its transaction's snapshot and takes no row
 * lock; writers lock the rows they change (see {@link #execute(PreparedSql, List, Transaction, long)}); DDL is
 * exclusive. Old versions are removed in the background by {@link Vacuum}.
 *
 * <p><b>Statement atomicity.</b> A write statement that fails is rolled back to where it started; the transaction
 * goes on. A rollback that undid DDL reloads the catalog.
 */
public final class SqlEngine implements AutoCloseable {
    private record PlanKey(String sql, long catalogVersion, io.rustydb.sql.catalog.SearchPath searchPath) {
    }

    private final TransactionalStore store;
    private final StorageEngine storage;
    private final TransactionManager transactions;
    private final java.util.Set<Long> ddlTransactions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Vacuum vacuum;
    private final long lockTimeoutMillis;
    private final Catalog catalog;
    private final Binder binder;
    private final io.rustydb.sql.exec.spill.SpillSpace spillSpace;
    private final Cache<PlanKey, PreparedSql> plans = Caffeine.newBuilder().maximumSize(2_000).build();

    /**
     * Opens the SQL engine over {@code storage}: opens its write-ahead log and recovers (see
     * {@link TransactionalStore}). On failure the storage is closed.
     */
    public static SqlEngine open(StorageEngine storage, io.rustydb.core.config.DatabaseConfig config) {
        TransactionalStore store = TransactionalStore.open(storage, config.syncMode(), storage.channelOpener(),
                TransactionalStore.DEFAULT_CHECKPOINT_LOG_BYTES, TransactionalStore.DEFAULT_CHECKPOINT_INTERVAL_MILLIS);
        try {
            return new SqlEngine(store, config.lockTimeoutMillis(), config.autovacuum());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** An engine over {@code storage} with the default configuration (see {@link #open}). */
    public SqlEngine(StorageEngine storage) {
        this(TransactionalStore.open(storage, io.rustydb.core.config.DatabaseConfig.defaults().syncMode(),
                storage.channelOpener(), TransactionalStore.DEFAULT_CHECKPOINT_LOG_BYTES,
                TransactionalStore.DEFAULT_CHECKPOINT_INTERVAL_MILLIS),
                io.rustydb.core.config.DatabaseConfig.defaults().lockTimeoutMillis(), true);
    }

    /** An engine over an opened store; {@code autovacuum} runs vacuum in the background. */
    public SqlEngine(TransactionalStore store, long lockTimeoutMillis, boolean autovacuum) {
        this.store = store;
        this.storage = store.storage();
        this.transactions = store.transactions();
        this.lockTimeoutMillis = lockTimeoutMillis;
        this.catalog = new Catalog(storage, transactions);
        this.binder = new Binder(catalog);
        this.vacuum = new Vacuum(this, autovacuum);
        this.spillSpace = storage.isInMemory()
                ? io.rustydb.sql.exec.spill.SpillSpace.forMemory(storage.channelOpener())
                : io.rustydb.sql.exec.spill.SpillSpace.forFile(java.nio.file.Path.of(storage.name()),
                        storage.channelOpener());
    }

    /**
     * Where queries that exceed their memory budget spill ({@code <file>.tmp}, or the system's temporary directory
     * for an in-memory database); its {@link io.rustydb.sql.exec.spill.SpillSpace#setIo} is the hook for
     * encrypting spill files.
     */
    public io.rustydb.sql.exec.spill.SpillSpace spillSpace() {
        return spillSpace;
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

    public long lockTimeoutMillis() {
        return lockTimeoutMillis;
    }

    /**
     * Parses, binds and plans {@code sql}, or returns the cached plan for the current catalog version (unless the
     * tables it was costed with changed size a lot since: see {@link io.rustydb.sql.exec.StatisticsSnapshot}).
     */
    public PreparedSql prepare(String sql) {
        return prepare(sql, io.rustydb.sql.catalog.SearchPath.DEFAULT);
    }

    /** Like {@link #prepare(String)}, resolving unqualified names through {@code searchPath} (the session's). */
    public PreparedSql prepare(String sql, io.rustydb.sql.catalog.SearchPath searchPath) {
        long version = catalog.version();
        PlanKey key = new PlanKey(sql, version, searchPath);
        PreparedSql cached = plans.getIfPresent(key);
        if (cached != null && !cached.statisticsOutdated()) {
            return cached;
        }
        PreparedSql prepared = plan(sql, searchPath);
        if (prepared.catalogVersion() == catalog.version()) {
            plans.put(new PlanKey(sql, prepared.catalogVersion(), searchPath), prepared);
        }
        return prepared;
    }

    private PreparedSql plan(String sql, io.rustydb.sql.catalog.SearchPath searchPath) {
        TransactionControl control = TransactionStatementParser.parse(sql);
        if (control != null) {
            return new PreparedSql(sql, catalog.version(), new BoundStatement.Control(control), null);
        }
        long version = catalog.version();
        BoundStatement session = io.rustydb.sql.parser.SessionStatementParser.parse(sql);
        if (session != null) {
            PhysicalOperator operator = session instanceof BoundStatement.Query q
                    ? PhysicalPlanner.plan(q.plan(), null, false) : null;
            return new PreparedSql(sql, version, session, operator, null, searchPath);
        }
        var parsed = SqlParser.parse(sql);
        // Bind against a stable catalog: DDL changes it only under the exclusive lock.
        BoundStatement bound;
        try (io.rustydb.sql.binder.Names.Scope path = io.rustydb.sql.binder.Names.bindingWith(searchPath)) {
            bound = binder.bind(parsed);
        }
        PhysicalOperator operator = null;
        io.rustydb.sql.exec.StatisticsSnapshot statistics =
                new io.rustydb.sql.exec.StatisticsSnapshot(io.rustydb.sql.exec.TableStatistics.of(catalog));
        if (bound instanceof BoundStatement.Query q) {
            operator = PhysicalPlanner.plan(q.plan(), statistics, false);
        } else if (bound instanceof BoundStatement.Modify modify) {
            operator = PhysicalPlanner.plan(modify.source(), statistics, false);
        } else if (bound instanceof BoundStatement.CreateTableAs create) {
            operator = PhysicalPlanner.plan(create.query().plan(), statistics, false);
        }
        return new PreparedSql(sql, version, bound, operator, statistics, searchPath);
    }

    /**
     * Executes a prepared statement in {@code tx} with {@code parameters} (one value per {@code ?}, in order),
     * waiting at most the configured lock timeout for locks. The caller ends the transaction (which releases its
     * locks).
     */
    public StatementResult execute(PreparedSql prepared, List<Object> parameters, Transaction tx) {
        return execute(prepared, parameters, tx, lockTimeoutMillis);
    }

    /**
     * Like {@link #execute(PreparedSql, List, Transaction)}, waiting at most {@code lockTimeoutMillis} for locks.
     *
     * <p>Locks: every statement holds IS on the database while it runs (so DDL, which takes X on the database
     * until its transaction ends, never changes the catalog under a running statement); a DML statement takes IX
     * on the database and on its table until the transaction ends; row writes lock rows (see
     * {@link io.rustydb.txn.mvcc.VersionedHeap}). At READ COMMITTED a statement that meets a row changed by a
     * transaction that committed after its snapshot is rolled back and run again on a new snapshot.
     */
    public StatementResult execute(PreparedSql prepared, List<Object> parameters, Transaction tx,
                                   long lockTimeoutMillis) {
        return execute(prepared, parameters, tx, lockTimeoutMillis, new io.rustydb.sql.exec.SessionState());
    }

    /**
     * Like {@link #execute(PreparedSql, List, Transaction, long)}, in the session whose state is {@code session}
     * (what {@code currval} sees: one per connection).
     */
    public StatementResult execute(PreparedSql prepared, List<Object> parameters, Transaction tx,
                                   long lockTimeoutMillis, io.rustydb.sql.exec.SessionState session) {
        return execute(prepared, parameters, tx, lockTimeoutMillis, session, StatementCancel.NONE);
    }

    /**
     * Like {@link #execute(PreparedSql, List, Transaction, long, io.rustydb.sql.exec.SessionState)}, stopped with
     * 57014 (and rolled back like any failed statement) when {@code cancel} is cancelled or times out — also while
     * it waits for a lock.
     */
    public StatementResult execute(PreparedSql prepared, List<Object> parameters, Transaction tx,
                                   long lockTimeoutMillis, io.rustydb.sql.exec.SessionState session,
                                   StatementCancel cancel) {
        try {
            return executeCancellable(prepared, parameters, tx, lockTimeoutMillis, session, cancel);
        } catch (DbException e) {
            // e.g. a lock wait given up: say why the statement stopped
            throw cancel.requested() ? cancel.stopped(e) : e;
        }
    }

    private StatementResult executeCancellable(PreparedSql prepared, List<Object> parameters, Transaction tx,
                                               long lockTimeoutMillis, io.rustydb.sql.exec.SessionState session,
                                               StatementCancel cancel) {
        if (prepared.isControl()) {
            throw DbException.internal("transaction control statements are carried out by the session");
        }
        cancel.check();
        LockWait wait = LockWait.timeout(lockTimeoutMillis);
        if (cancel.cancellable()) {
            wait = wait.abandonedWhen(cancel::requested);
        }
        for (int attempt = 1; ; attempt++) {
            boolean statementLock = lockDatabase(tx, LockMode.IS, wait);
            try {
                PreparedSql fresh = current(prepared, session.searchPath());
                if (fresh.statement() instanceof BoundStatement.SetSetting set) {
                    SchemaExecutor.set(set, session);
                    return StatementResult.count(0);
                }
                if (!fresh.isQuery()) {
                    tx.checkWritable();
                    lockForWrite(fresh.statement(), tx, wait);
                }
                List<Object> values = convertParameters(fresh.parameterTypes(), parameters);
                return run(fresh, new ExecContext(catalog, values, tx, wait, session, cancel).withSpillSpace(spillSpace),
                        tx);
            } catch (StatementRestart restart) {
                if (attempt >= MAX_STATEMENT_RESTARTS) {
                    throw new DbException(ErrorCode.SERIALIZATION_FAILURE, "the statement was restarted "
                            + attempt + " times because of concurrent updates; last: " + restart.getMessage());
                }
            } finally {
                // a statement-long IS; kept if the statement took a transaction-long lock on the database
                if (statementLock && transactions.locks().holds(tx.txnId(), LockKey.database()) == LockMode.IS) {
                    transactions.locks().release(tx.txnId(), LockKey.database());
                }
            }
        }
    }

    /** How many times a READ COMMITTED statement is re-run after concurrent updates before it gives up (40001). */
    static final int MAX_STATEMENT_RESTARTS = 100;

    /** One run of a statement on a fresh statement snapshot; a failed run is rolled back alone. */
    private StatementResult run(PreparedSql prepared, ExecContext context, Transaction tx) {
        transactions.beginStatement(tx);
        long savepoint = tx.savepoint();
        try (CurrentLog.Scope logged = CurrentLog.enter(tx)) {
            if (prepared.isQuery()) {
                QueryResult rows = runQuery(prepared, context);
                transactions.awaitVisibleCommits(tx); // never hand out a commit that is not yet durable
                return StatementResult.rows(rows);
            }
            if (prepared.statement() instanceof BoundStatement.Modify modify) {
                StatementResult result = ModifyStatements.execute(modify, prepared.operator(), context);
                if (result.isQuery()) {
                    transactions.awaitVisibleCommits(tx); // RETURNING may show rows of commits not yet durable
                }
                return result;
            }
            try (Notices.Scope notices = Notices.collect()) {
                long count = runWrite(prepared, context);
                return StatementResult.count(count).withNotices(notices.messages());
            }
        } catch (RuntimeException e) {
            try {
                rollbackTo(tx, savepoint);
            } catch (RuntimeException undoFailure) {
                e.addSuppressed(undoFailure);
            }
            throw e;
        } finally {
            context.releaseSpill(); // temporary files of an operator an error or a cancel stopped
            transactions.endStatement(tx);
        }
    }

    /** Takes {@code mode} on the database key; true if the caller must release it at the statement's end. */
    private boolean lockDatabase(Transaction tx, LockMode mode, LockWait wait) {
        boolean heldBefore = transactions.locks().holds(tx.txnId(), LockKey.database()) != null;
        transactions.locks().acquire(tx.txnId(), LockKey.database(), mode, wait);
        return !heldBefore;
    }

    /** The transaction-long locks a write statement needs: IX on database and table for DML, X for DDL. */
    private void lockForWrite(BoundStatement statement, Transaction tx, LockWait wait) {
        io.rustydb.txn.lock.LockManager locks = transactions.locks();
        TableDef table = null;
        if (statement instanceof BoundStatement.Modify modify) {
            table = modify.table();
        }
        if (table != null) {
            locks.acquire(tx.txnId(), LockKey.database(), LockMode.IX, wait);
            locks.acquire(tx.txnId(), LockKey.table(table.tableId()), LockMode.IX, wait);
        } else {
            locks.acquire(tx.txnId(), LockKey.database(), LockMode.X, wait);
            tx.afterRollback(catalog::reload);
            ddlTransactions.add(tx.txnId());
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
        }
    }

    /**
     * Commits {@code tx}: durable when this returns, as the sync mode promises (group commit through the log).
     * Its locks are released as soon as its commit record is in the log, before the wait for the disk.
     *
     * @throws DbException 40001 if SERIALIZABLE finds that the commit could break serializability (the transaction
     *                     is then still active: roll it back)
     */
    public void commit(Transaction tx) {
        long lsn = transactions.appendCommit(tx);
        ddlTransactions.remove(tx.txnId());
        transactions.completeCommit(tx, lsn);
        if (tx.wroteRows()) {
            vacuum.noteCommit();
        }
    }

    /** Rolls {@code tx} back and releases its locks (a catalog changed by its DDL is read again first). */
    public void rollback(Transaction tx) {
        ddlTransactions.remove(tx.txnId());
        transactions.rollback(tx);
    }

    /** Undoes what {@code tx} did after {@code savepoint}; the transaction goes on. */
    public void rollbackTo(Transaction tx, long savepoint) {
        if (tx.lastLsn() > savepoint) {
            transactions.rollbackTo(tx, savepoint);
            if (ddlTransactions.contains(tx.txnId())) {
                catalog.reload();
            }
        }
    }

    /** The store (log, transactions, checkpoints) under this engine. */
    public TransactionalStore store() {
        return store;
    }

    /**
     * The plan for the current catalog and search path: replanned if the schema changed since {@code prepared} was
     * planned, or the session's search path is not the one it was bound with.
     */
    private PreparedSql current(PreparedSql prepared, io.rustydb.sql.catalog.SearchPath searchPath) {
        if (prepared.catalogVersion() == catalog.version() && !prepared.statisticsOutdated()
                && prepared.searchPath().equals(searchPath)) {
            return prepared;
        }
        return prepare(prepared.sql(), searchPath);
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
        if (statement instanceof BoundStatement.AlterTable alter) {
            return AlterTableExecutor.execute(catalog, alter, context);
        }
        if (statement instanceof BoundStatement.CreateTableAs create) {
            return CreateTableAsExecutor.execute(catalog, create, prepared.operator(), context);
        }
        if (statement instanceof BoundStatement.CreateTable create) {
            if (catalog.findTable(create.name()) != null && create.ifNotExists()) {
                Notices.skippedExisting("relation", create.name().name());
                return 0;
            }
            TableDef table = catalog.createTable(create.name(), create.columns(), create.checks());
            for (io.rustydb.sql.plan.IndexSpec index : create.indexes()) {
                table = ConstraintExecutor.createIndex(catalog, table, index, context.transaction());
            }
            if (!create.foreignKeys().isEmpty()) {
                catalog.alterTable(table, table.withForeignKeys(ForeignKeys.resolve(catalog, table,
                        create.foreignKeys())));
            }
            return 0;
        }
        if (statement instanceof BoundStatement.CreateTableWithSequences create) {
            boolean existed = catalog.findTable(create.create().name()) != null;
            runWrite(new PreparedSql(prepared.sql(), prepared.catalogVersion(), create.create(), null, null,
                    prepared.searchPath()), context);
            if (!existed) {
                SequenceExecutor.createOwned(catalog, catalog.table(create.create().name()), create.sequences());
            }
            return 0;
        }
        if (SequenceExecutor.handles(statement)) {
            return SequenceExecutor.execute(statement, catalog, context.transaction());
        }
        if (statement instanceof BoundStatement.CreateIndex create) {
            if (create.ifNotExists() && catalog.nameTaken(new io.rustydb.sql.catalog.QualifiedName(
                    catalog.schemaOf(create.table()), create.index().name()))) {
                Notices.skippedExisting("relation", create.index().name());
                return 0;
            }
            ConstraintExecutor.createIndex(catalog, catalog.current(create.table()), create.index(),
                    context.transaction());
            return 0;
        }
        if (statement instanceof BoundStatement.AddConstraint add) {
            ConstraintExecutor.add(catalog, add, context);
            return 0;
        }
        if (statement instanceof BoundStatement.DropConstraint drop) {
            return ConstraintExecutor.drop(catalog, drop, context.transaction());
        }
        if (statement instanceof BoundStatement.DropIndex drop) {
            var found = catalog.findIndex(drop.name());
            if (found == null) {
                if (drop.ifExists()) {
                    Notices.skippedMissing("index", Catalog.displayName(drop.name()));
                    return 0;
                }
                throw new DbException(ErrorCode.UNDEFINED_OBJECT, "index \"" + Catalog.displayName(drop.name())
                        + "\" does not exist");
            }
            catalog.dropIndex(found.getKey(), found.getValue(), context.transaction()::afterCommit);
            return 0;
        }
        if (statement instanceof BoundStatement.DropTable drop) {
            return DropExecutor.dropTables(catalog, drop, context.transaction());
        }
        if (statement instanceof BoundStatement.SetComment comment) {
            catalog.setComment(comment.key(), comment.text());
            return 0;
        }
        if (statement instanceof BoundStatement.CreateView create) {
            return DropExecutor.createView(catalog, create);
        }
        if (statement instanceof BoundStatement.DropView drop) {
            return DropExecutor.dropViews(catalog, drop);
        }
        if (SchemaExecutor.handles(statement)) {
            return SchemaExecutor.execute(catalog, statement, context.transaction());
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

    /** Vacuums every table now (also done in the background); returns the number of row versions removed. */
    public long vacuum() {
        return vacuum.runOnce();
    }

    /** Closes the store: final checkpoint, storage, log (the caller has ended every transaction). */
    @Override
    public void close() {
        vacuum.close();
        plans.invalidateAll();
        store.close();
    }
}
