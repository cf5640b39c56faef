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
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.storage.StorageEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Runs SQL against one database: parse → bind → plan (cached) → execute. Thread-safe; shared by all sessions of
 * the database.
 *
 * <p><b>Concurrency and durability, for now.</b> Until MVCC and the write-ahead log arrive, statements are
 * serialized by a database-wide read/write lock: queries share it, writes and DDL hold it exclusively. Query
 * results are therefore read completely before the lock is released. Every successful write of a file database is
 * made durable before the statement returns by writing its dirty pages and forcing the file (a crash in the
 * middle of that write is what the WAL will protect against).
 */
public final class SqlEngine implements AutoCloseable {
    private record PlanKey(String sql, long catalogVersion) {
    }

    private final StorageEngine storage;
    private final Catalog catalog;
    private final Binder binder;
    private final Cache<PlanKey, PreparedSql> plans = Caffeine.newBuilder().maximumSize(2_000).build();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    public SqlEngine(StorageEngine storage) {
        this.storage = storage;
        this.catalog = new Catalog(storage);
        this.binder = new Binder(catalog);
    }

    public Catalog catalog() {
        return catalog;
    }

    public StorageEngine storage() {
        return storage;
    }

    /** Parses, binds and plans {@code sql}, or returns the cached plan for the current catalog version. */
    public PreparedSql prepare(String sql) {
        lock.readLock().lock();
        try {
            long version = catalog.version();
            PlanKey key = new PlanKey(sql, version);
            PreparedSql cached = plans.getIfPresent(key);
            if (cached != null) {
                return cached;
            }
            BoundStatement bound = binder.bind(SqlParser.parse(sql));
            PhysicalOperator operator = null;
            if (bound instanceof BoundStatement.Query q) {
                operator = PhysicalPlanner.plan(q.plan());
            } else if (bound instanceof BoundStatement.Insert insert) {
                operator = PhysicalPlanner.plan(insert.source());
            }
            PreparedSql prepared = new PreparedSql(sql, version, bound, operator);
            plans.put(key, prepared);
            return prepared;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Executes a prepared statement with {@code parameters} (one value per {@code ?}, in order). */
    public StatementResult execute(PreparedSql prepared, List<Object> parameters) {
        List<Object> values = convertParameters(prepared.parameterTypes(), parameters);
        boolean write = !prepared.isQuery();
        ReentrantReadWriteLock.ReadLock readLock = lock.readLock();
        ReentrantReadWriteLock.WriteLock writeLock = lock.writeLock();
        (write ? writeLock : readLock).lock();
        try {
            if (prepared.catalogVersion() != catalog.version()) {
                // The schema changed since this statement was planned: plan it again against the new catalog.
                PreparedSql fresh = replan(prepared.sql());
                if (!fresh.parameterTypes().equals(prepared.parameterTypes())) {
                    values = convertParameters(fresh.parameterTypes(), parameters);
                }
                prepared = fresh;
            }
            ExecContext context = new ExecContext(catalog, values);
            BoundStatement statement = prepared.statement();
            if (statement instanceof BoundStatement.Query) {
                return StatementResult.rows(runQuery(prepared, context));
            }
            long count = runWrite(prepared, context);
            storage.flush();
            return StatementResult.count(count);
        } finally {
            (write ? writeLock : readLock).unlock();
        }
    }

    /** Prepares and executes {@code sql} in one step (no parameters). */
    public StatementResult execute(String sql) {
        return execute(prepare(sql), List.of());
    }

    private PreparedSql replan(String sql) {
        BoundStatement bound = binder.bind(SqlParser.parse(sql));
        PhysicalOperator operator = null;
        if (bound instanceof BoundStatement.Query q) {
            operator = PhysicalPlanner.plan(q.plan());
        } else if (bound instanceof BoundStatement.Insert insert) {
            operator = PhysicalPlanner.plan(insert.source());
        }
        return new PreparedSql(sql, catalog.version(), bound, operator);
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
                    catalog.dropTable(name);
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
            converted.add(type.equals(DataType.NULL) || value == null ? value : Casts.cast(value, type));
        }
        return converted;
    }

    /** The tables of this database, for metadata. */
    public List<TableDef> tables() {
        return catalog.tables();
    }

    /** Flushes and closes the storage. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            plans.invalidateAll();
            storage.close();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
