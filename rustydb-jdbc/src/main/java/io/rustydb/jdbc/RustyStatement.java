package io.rustydb.jdbc;

import io.rustydb.sql.engine.PreparedSql;
import io.rustydb.sql.engine.QueryResult;
import io.rustydb.sql.engine.StatementResult;
import io.rustydb.sql.exec.StatementCancel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A JDBC statement: runs SQL text through the connection's engine; holds at most one open result. */
public class RustyStatement implements Statement {
    final RustyConnection connection;
    private final List<String> batch = new ArrayList<>();
    /** The results (RustyResultSet or Long update count) of a multi-statement execute not yet reached. */
    private final java.util.ArrayDeque<Object> moreResults = new java.util.ArrayDeque<>();
    /** Result sets left open by {@code getMoreResults(KEEP_CURRENT_RESULT)}. */
    private final List<RustyResultSet> keptResults = new ArrayList<>();
    private boolean closed;
    private RustyResultSet resultSet;
    private long updateCount = -1;
    /** How many rows the last data-changing statement changed (also with RETURNING, whose rows are its result). */
    private long rowsChanged = -1;
    private long maxRows;
    private int fetchSize;
    private int queryTimeout;
    private boolean escapeProcessing = true;
    /** JDBC: statements are not poolable by default, prepared and callable statements are. */
    private boolean poolable = this instanceof java.sql.PreparedStatement;
    private boolean closeOnCompletion;
    /** The notices of the last execution as SQLWarnings (SQLSTATE 00000, as PostgreSQL's driver reports them). */
    private SQLWarning warnings;
    /** Set while a batch or several statements of one execute run: their notices add up instead of replacing. */
    private boolean accumulateWarnings;
    /** What {@link #getGeneratedKeys} returns for the next executions (null: nothing asked). */
    GeneratedKeys keyRequest;
    /** The generated keys of the last execution (or batch), or null. */
    private QueryResult generatedKeys;
    /** While a batch runs, its executions' generated keys add up. */
    boolean collectingBatchKeys;

    /** {@code ResultSet.TYPE_FORWARD_ONLY} or {@code TYPE_SCROLL_INSENSITIVE} (rows are materialized either way). */
    final int resultSetType;
    private int fetchDirection = ResultSet.FETCH_FORWARD;
    /** The cancel handle of the execution in progress, null when none runs: {@link #cancel()} uses it. */
    private volatile StatementCancel running;
    /** Set while a batch runs: its statements share one handle, so the query timeout bounds the whole batch. */
    private StatementCancel batchCancel;

    RustyStatement(RustyConnection connection) {
        this(connection, ResultSet.TYPE_FORWARD_ONLY);
    }

    /** With the type of the result sets it produces (forward-only or scroll-insensitive). */
    RustyStatement(RustyConnection connection, int resultSetType) {
        this.connection = connection;
        this.resultSetType = resultSetType;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw SqlExceptions.closed("statement");
        }
        connection.checkOpen();
    }

    /** Runs a prepared statement, keeping its result as this statement's current result. */
    boolean run(PreparedSql prepared, List<Object> parameters) throws SQLException {
        closeCurrentResult();
        discardMoreResults();
        if (!accumulateWarnings) {
            warnings = null; // JDBC: cleared each time the statement is executed
        }
        if (!collectingBatchKeys) {
            generatedKeys = null;
        }
        StatementResult result;
        if (batchCancel != null) {
            result = connection.execute(prepared, parameters, batchCancel);
        } else {
            StatementCancel cancel = StatementCancel.start(queryTimeout * 1000L);
            running = cancel;
            try {
                result = connection.execute(prepared, parameters, cancel);
            } finally {
                running = null;
            }
        }
        if (keyRequest != null) {
            QueryResult keys = keyRequest.select(result);
            if (collectingBatchKeys && generatedKeys != null && !keys.columnNames().isEmpty()) {
                List<Object[]> rows = new ArrayList<>(generatedKeys.rows());
                rows.addAll(keys.rows());
                keys = new QueryResult(keys.columnNames(), keys.columnTypes(), rows);
            } else if (collectingBatchKeys && generatedKeys != null) {
                keys = generatedKeys;
            }
            generatedKeys = keys;
        }
        for (String notice : result.notices()) {
            SQLWarning warning = new SQLWarning(notice, "00000");
            if (warnings == null) {
                warnings = warning;
            } else {
                warnings.setNextWarning(warning);
            }
        }
        rowsChanged = result.updateCount();
        if (result.isQuery()) {
            resultSet = new RustyResultSet(this, result.query(), maxRows, prepared);
            updateCount = -1;
            return true;
        }
        updateCount = result.updateCount();
        return false;
    }

    /**
     * Runs a statement for {@code executeUpdate}: a query is refused before it runs (07000). A data-changing
     * statement with RETURNING runs and then, as in PostgreSQL's JDBC driver, fails with 0100E ("a result was
     * returned when none was expected"; its changes stay, committed in auto-commit mode) — unless generated keys
     * were asked for, when its count is returned and {@link #getGeneratedKeys} answers as for any INSERT.
     */
    long runForUpdateCount(PreparedSql prepared, List<Object> parameters) throws SQLException {
        if (prepared.isQuery()) {
            throw new SQLException("the statement returns rows; use executeQuery", "07000");
        }
        run(prepared, parameters);
        if (prepared.isReturning()) {
            closeCurrentResult();
            if (keyRequest == null) {
                throw new SQLException("A result was returned when none was expected (the statement has RETURNING:"
                        + " use executeQuery or execute)", "0100E");
            }
            updateCount = rowsChanged;
        }
        return Math.max(updateCount, 0);
    }

    /** How many rows the last statement run changed, for batches ({@code 0} after a query). */
    long lastUpdateCount() {
        return Math.max(rowsChanged, 0);
    }

    private void closeCurrentResult() {
        if (resultSet != null) {
            resultSet.closeQuietly();
            resultSet = null;
        }
        updateCount = -1;
    }

    /** Called by a result set of this statement when it closes. */
    void resultSetClosed(RustyResultSet rs) {
        if (rs == resultSet && closeOnCompletion) {
            close();
        }
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        checkOpen();
        PreparedSql prepared = prepareSql(sql);
        if (!prepared.returnsRows()) {
            throw new SQLException("the statement does not return rows; use executeUpdate", "07000");
        }
        run(prepared, List.of());
        return resultSet;
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate(sql));
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        checkOpen();
        return runForUpdateCount(prepareSql(sql), List.of());
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        checkOpen();
        List<String> statements = MultiStatements.split(sql);
        if (statements.size() == 1) {
            return run(prepareSql(sql), List.of());
        }
        return runAll(statements);
    }

    /**
     * Runs several statements given to one {@code execute}, in order, keeping every result for
     * {@link #getMoreResults}. In auto-commit mode they run as one transaction, as PostgreSQL runs a multi-statement
     * query string (unless one of them is BEGIN, COMMIT, SAVEPOINT...: then each runs as it says): a failing
     * statement undoes the ones before it. The first failure is thrown; the statements after it do not run.
     */
    private boolean runAll(List<String> statements) throws SQLException {
        discardMoreResults();
        warnings = null;
        accumulateWarnings = true;
        boolean implicitTransaction = connection.getAutoCommit() && !MultiStatements.controlsTransactions(statements);
        if (implicitTransaction) {
            connection.setAutoCommit(false);
        }
        List<Object> results = new ArrayList<>(statements.size());
        try {
            for (String statement : statements) {
                if (run(prepareSql(statement), List.of())) {
                    results.add(resultSet);
                    resultSet = null; // kept for getMoreResults, not closed
                } else {
                    results.add(updateCount);
                }
            }
            if (implicitTransaction) {
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            for (Object r : results) {
                if (r instanceof RustyResultSet rs) {
                    rs.closeQuietly();
                }
            }
            if (implicitTransaction) {
                try {
                    connection.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        } finally {
            accumulateWarnings = false;
            if (implicitTransaction) {
                connection.setAutoCommit(true);
            }
        }
        moreResults.addAll(results);
        return nextResult();
    }

    /** Makes the next kept result current: true for a result set, false for an update count or the end. */
    private boolean nextResult() {
        Object next = moreResults.poll();
        if (next instanceof RustyResultSet rs) {
            resultSet = rs;
            updateCount = -1;
            return true;
        }
        resultSet = null;
        updateCount = next == null ? -1 : (Long) next;
        return false;
    }

    /** Closes the results of a multi-statement execution not yet reached, and those kept open. */
    private void discardMoreResults() {
        for (Object r : moreResults) {
            if (r instanceof RustyResultSet rs) {
                rs.closeQuietly();
            }
        }
        moreResults.clear();
        for (RustyResultSet rs : keptResults) {
            rs.closeQuietly();
        }
        keptResults.clear();
    }

    @Override
    public void close() {
        if (!closed) {
            closeCurrentResult();
            discardMoreResults();
            closed = true;
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw new SQLException("max field size must not be negative", "22023");
        }
    }

    @Override
    public int getMaxRows() throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, getLargeMaxRows());
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        setLargeMaxRows(max);
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw new SQLException("max rows must not be negative", "22023");
        }
        maxRows = max;
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
        escapeProcessing = enable;
    }

    /** Prepares SQL given to this statement, translating JDBC escapes unless escape processing is off. */
    private PreparedSql prepareSql(String sql) throws SQLException {
        return escapeProcessing ? connection.prepare(JdbcEscapes.translate(sql)) : connection.prepare(sql);
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeout;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) {
            throw new SQLException("query timeout must not be negative", "22023");
        }
        queryTimeout = seconds;
    }

    /**
     * Stops the statement running on this object in another thread: it fails with 57014 and its changes are
     * rolled back (the transaction goes on). Does nothing when no statement runs.
     */
    @Override
    public void cancel() throws SQLException {
        checkOpen();
        StatementCancel cancel = running;
        if (cancel != null) {
            cancel.cancel();
        }
    }

    /**
     * Runs {@code batch} (the statements of one {@code executeBatch}) under one cancel handle, so that
     * {@link #cancel()} and the query timeout cover the whole batch.
     */
    <T> T asOneExecution(SqlAction<T> batch) throws SQLException {
        StatementCancel cancel = StatementCancel.start(queryTimeout * 1000L);
        batchCancel = cancel;
        running = cancel;
        warnings = null;
        accumulateWarnings = true;
        try {
            return batch.run();
        } finally {
            accumulateWarnings = false;
            batchCancel = null;
            running = null;
        }
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return warnings;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        warnings = null;
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        throw SqlExceptions.notSupported("named cursors");
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return resultSet;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, getLargeUpdateCount());
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return resultSet != null ? -1 : updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        checkOpen();
        switch (current) {
            case CLOSE_CURRENT_RESULT -> closeCurrentResult();
            case KEEP_CURRENT_RESULT -> {
                if (resultSet != null) {
                    keptResults.add(resultSet);
                    resultSet = null;
                }
            }
            case CLOSE_ALL_RESULTS -> {
                closeCurrentResult();
                for (RustyResultSet rs : keptResults) {
                    rs.closeQuietly();
                }
                keptResults.clear();
            }
            default -> throw new SQLException("unknown getMoreResults mode " + current, "22023");
        }
        return nextResult();
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD && direction != ResultSet.FETCH_REVERSE
                && direction != ResultSet.FETCH_UNKNOWN) {
            throw new SQLException("unknown fetch direction " + direction, "22023");
        }
        if (direction != ResultSet.FETCH_FORWARD && resultSetType == ResultSet.TYPE_FORWARD_ONLY) {
            throw new SQLException("a TYPE_FORWARD_ONLY statement fetches forward only", "24000");
        }
        fetchDirection = direction;
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return fetchDirection;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw new SQLException("fetch size must not be negative", "22023");
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        return resultSetType;
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        if (sql == null) {
            throw new SQLException("SQL must not be null", "22023");
        }
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return toIntCounts(executeLargeBatch());
    }

    /**
     * Runs the batched statements in order (in auto-commit mode each is a transaction of its own). The batch is
     * empty afterwards. A data-changing statement with RETURNING counts the rows it changed (its rows are dropped,
     * as PostgreSQL's driver does). A statement that fails, or is a query, stops the batch with a
     * {@link java.sql.BatchUpdateException} carrying the counts of the statements before it.
     */
    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<String> statements = new ArrayList<>(batch);
        batch.clear();
        return asOneExecution(() -> runBatch(statements));
    }

    private long[] runBatch(List<String> statements) throws SQLException {
        long[] counts = new long[statements.size()];
        for (int i = 0; i < statements.size(); i++) {
            try {
                PreparedSql prepared = prepareSql(statements.get(i));
                if (prepared.isQuery()) {
                    throw new SQLException("a statement in a batch returned rows: " + statements.get(i), "0A000");
                }
                run(prepared, List.of());
                closeCurrentResult(); // a RETURNING's rows are not kept in a batch
                counts[i] = lastUpdateCount();
            } catch (SQLException e) {
                throw batchFailure(e, counts, i);
            }
        }
        return counts;
    }

    /** The exception for a batch that failed at statement {@code failed}, with the counts before it. */
    static java.sql.BatchUpdateException batchFailure(SQLException cause, long[] counts, int failed) {
        long[] done = java.util.Arrays.copyOf(counts, failed);
        return new java.sql.BatchUpdateException("batch entry " + failed + " failed: " + cause.getMessage(),
                cause.getSQLState(), cause.getErrorCode(), done, cause);
    }

    static int[] toIntCounts(long[] counts) {
        int[] result = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            result[i] = (int) Math.min(Integer.MAX_VALUE, counts[i]);
        }
        return result;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    /**
     * The keys the last INSERT generated, as asked when it ran ({@code RETURN_GENERATED_KEYS}, column names or
     * positions): one row per inserted row (for a batch, of all its inserts); an empty result otherwise.
     */
    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        QueryResult keys = generatedKeys != null ? generatedKeys : new QueryResult(List.of(), List.of(), List.of());
        return new RustyResultSet(this, keys, 0);
    }

    /** Runs {@code action} with {@code request} as the generated-key request of this one execution. */
    private <T> T withKeys(GeneratedKeys request, SqlAction<T> action) throws SQLException {
        GeneratedKeys previous = keyRequest;
        keyRequest = request;
        try {
            return action.run();
        } finally {
            keyRequest = previous;
        }
    }

    /** An execution that may throw SQLException. */
    interface SqlAction<T> {
        T run() throws SQLException;
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys == RETURN_GENERATED_KEYS) {
            return withKeys(GeneratedKeys.generatedColumns(), () -> executeUpdate(sql));
        }
        return executeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys == RETURN_GENERATED_KEYS) {
            return withKeys(GeneratedKeys.generatedColumns(), () -> executeLargeUpdate(sql));
        }
        return executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return withKeys(GeneratedKeys.columns(columnIndexes), () -> executeLargeUpdate(sql));
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        return withKeys(GeneratedKeys.columns(columnNames), () -> executeLargeUpdate(sql));
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return withKeys(GeneratedKeys.columns(columnIndexes), () -> executeUpdate(sql));
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return withKeys(GeneratedKeys.columns(columnNames), () -> executeUpdate(sql));
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys == RETURN_GENERATED_KEYS) {
            return withKeys(GeneratedKeys.generatedColumns(), () -> execute(sql));
        }
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return withKeys(GeneratedKeys.columns(columnIndexes), () -> execute(sql));
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return withKeys(GeneratedKeys.columns(columnNames), () -> execute(sql));
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
        this.poolable = poolable; // a hint for statement pools; RustyDB's plan cache is shared anyway
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return poolable;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlExceptions.notAWrapperFor(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
