package io.rustydb.jdbc;

import io.rustydb.core.config.IsolationLevel;
import io.rustydb.sql.engine.PreparedSql;
import io.rustydb.sql.engine.StatementResult;
import io.rustydb.sql.exec.StatementCancel;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A JDBC connection: a session on one shared database. Used by one thread at a time (as JDBC allows); many
 * connections may be used from many threads at once. The exceptions are {@link Statement#cancel()} and
 * {@link #abort(Executor)}, which other threads call to stop a running statement or the whole connection.
 */
public final class RustyConnection implements Connection {
    private final SharedDatabase database;
    private final String url;
    private final Session session;
    /** The client info properties set (standard names only, see {@link SupplementaryMetadata}). */
    private final Properties clientInfo = new Properties();
    private SQLWarning warnings;
    private int networkTimeoutMillis;
    private final io.rustydb.core.config.DatabaseConfig config;
    private volatile boolean closed;
    /** Set once the session has been closed and the database released (by close or an abort's task). */
    private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
    /**
     * Held while a statement, commit or rollback runs: an {@link #abort} releases the session only after the
     * statement it cancelled has stopped.
     */
    private final java.util.concurrent.locks.ReentrantLock working = new java.util.concurrent.locks.ReentrantLock();
    /** The cancel handle of the statement running now (at most one: {@link #working} is held), for {@link #abort}. */
    private volatile StatementCancel running;
    private int savepointIds;

    /**
     * A connection to {@code database}; {@code config} holds this connection's own options (isolation, read-only,
     * lock timeout apply per connection; storage options were fixed when the database opened).
     */
    RustyConnection(SharedDatabase database, String url, io.rustydb.core.config.DatabaseConfig config) {
        this.database = database;
        this.url = url;
        this.config = config;
        this.session = new Session(database.engine(), config.isolation(),
                config.readOnly() || database.config().readOnly(), config.lockTimeoutMillis());
        if (config.schema() != null) { // option schema: the connection's search path (22023 if unreadable)
            session.state().settings().setSearchPath(new io.rustydb.sql.catalog.SearchPath(
                    io.rustydb.sql.parser.SessionStatementParser.searchPathItems(config.schema())));
        }
        this.session.state().setWorkMemBytes(config.workMemBytes());
    }

    String url() {
        return url;
    }

    SharedDatabase database() {
        return database;
    }

    /** This connection's options. */
    io.rustydb.core.config.DatabaseConfig config() {
        return config;
    }

    /** Whether transactions spanning several statements (and savepoints) are available. */
    boolean sessionSupportsTransactions() {
        return session.multiStatementTransactions();
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw SqlExceptions.closed("connection");
        }
    }

    /** Prepares {@code sql} through the shared plan cache. */
    PreparedSql prepare(String sql) throws SQLException {
        checkOpen();
        try {
            return database.engine().prepare(sql, session.state().searchPath());
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        }
    }

    /** Executes a prepared statement with parameter values, in the session's transaction. */
    StatementResult execute(PreparedSql prepared, List<Object> parameters) throws SQLException {
        return execute(prepared, parameters, StatementCancel.NONE);
    }

    /** Like {@link #execute(PreparedSql, List)}, stopped with 57014 when {@code cancel} asks. */
    StatementResult execute(PreparedSql prepared, List<Object> parameters, StatementCancel cancel)
            throws SQLException {
        checkOpen();
        working.lock();
        running = cancel;
        try {
            checkOpen(); // an abort may have come in while this thread waited
            return session.execute(prepared, parameters, cancel);
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        } finally {
            running = null;
            working.unlock();
        }
    }

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return new RustyStatement(this);
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        return new RustyPreparedStatement(this, sql, prepare(JdbcEscapes.translate(sql)));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return prepareCall(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return JdbcEscapes.translate(sql);
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        try {
            session.setAutoCommit(autoCommit);
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return session.autoCommit();
    }

    @Override
    public void commit() throws SQLException {
        checkOpen();
        if (session.autoCommit()) {
            throw new SQLException("cannot commit when auto-commit is enabled", "25000");
        }
        working.lock();
        try {
            checkOpen();
            session.commit();
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        } finally {
            working.unlock();
        }
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        if (session.autoCommit()) {
            throw new SQLException("cannot roll back when auto-commit is enabled", "25000");
        }
        working.lock();
        try {
            checkOpen();
            session.rollback();
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        } finally {
            working.unlock();
        }
    }

    /** Closes the connection; an open transaction is rolled back (JDBC leaves this to the driver). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    /** Rolls back what is open, closes the session and lets go of the database: once, after any running work. */
    private void release() {
        working.lock();
        try {
            if (released.compareAndSet(false, true)) {
                try {
                    session.close();
                } finally {
                    DatabaseRegistry.release(database);
                }
            }
        } finally {
            working.unlock();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new RustyDatabaseMetaData(this);
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        if (!readOnly && database.config().readOnly()) {
            throw new SQLException("the database was opened read-only", "25006");
        }
        try {
            session.setReadOnly(readOnly);
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        }
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return session.readOnly();
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        try {
            session.setIsolation(IsolationLevel.fromJdbcLevel(level));
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return session.isolation().jdbcLevel();
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

    /** Chains a warning to this connection's ({@link #getWarnings}). */
    private void addWarning(SQLWarning warning) {
        if (warnings == null) {
            warnings = warning;
        } else {
            warnings.setNextWarning(warning);
        }
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        checkResultSetOptions(resultSetType, resultSetConcurrency);
        return new RustyStatement(this, resultSetType);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        checkResultSetOptions(resultSetType, resultSetConcurrency);
        return new RustyPreparedStatement(this, sql, prepare(JdbcEscapes.translate(sql)), resultSetType);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        checkResultSetOptions(resultSetType, resultSetConcurrency);
        JdbcEscapes.Call call = JdbcEscapes.translateCall(sql);
        return new RustyCallableStatement(this, sql, prepare(call.sql()), resultSetType, call.hasReturnParameter());
    }

    private void checkResultSetOptions(int type, int concurrency) throws SQLException {
        checkOpen();
        if (type != ResultSet.TYPE_FORWARD_ONLY && type != ResultSet.TYPE_SCROLL_INSENSITIVE) {
            throw SqlExceptions.notSupported("result set type " + type);
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw SqlExceptions.notSupported("updatable result sets");
        }
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return Map.of();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        throw SqlExceptions.notSupported("type maps");
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
            throw SqlExceptions.notSupported("holdability " + holdability);
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        checkOpen();
        int id = ++savepointIds;
        return savepoint(new RustySavepoint(id, null));
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        checkOpen();
        if (name == null) {
            throw new SQLException("savepoint name must not be null", "22023");
        }
        return savepoint(new RustySavepoint(0, name));
    }

    private Savepoint savepoint(RustySavepoint sp) throws SQLException {
        if (session.autoCommit()) {
            throw new SQLException("cannot set a savepoint when auto-commit is enabled", "25000");
        }
        try {
            session.setSavepoint(sp.key());
            return sp;
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        }
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        checkOpen();
        try {
            session.rollbackToSavepoint(RustySavepoint.keyOf(savepoint));
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        }
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        checkOpen();
        try {
            session.releaseSavepoint(RustySavepoint.keyOf(savepoint));
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        }
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        setHoldability(resultSetHoldability);
        return createStatement(resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        setHoldability(resultSetHoldability);
        return prepareStatement(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        setHoldability(resultSetHoldability);
        return prepareCall(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        RustyPreparedStatement statement = (RustyPreparedStatement) prepareStatement(sql);
        if (autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS) {
            statement.keyRequest = GeneratedKeys.generatedColumns();
        }
        return statement;
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        RustyPreparedStatement statement = (RustyPreparedStatement) prepareStatement(sql);
        statement.keyRequest = GeneratedKeys.columns(columnIndexes);
        return statement;
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        RustyPreparedStatement statement = (RustyPreparedStatement) prepareStatement(sql);
        statement.keyRequest = GeneratedKeys.columns(columnNames);
        return statement;
    }

    @Override
    public Clob createClob() throws SQLException {
        return createNClob();
    }

    @Override
    public Blob createBlob() throws SQLException {
        checkOpen();
        return new RustyBlob(new byte[0]);
    }

    @Override
    public NClob createNClob() throws SQLException {
        checkOpen();
        return new RustyClob("");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw SqlExceptions.notSupported("SQLXML");
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw new SQLException("timeout must not be negative", "22023");
        }
        return !closed;
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        clientInfoCheckOpen();
        putClientInfo(name, value);
    }

    /**
     * Replaces every client info property by those given (JDBC: properties not in {@code properties} are
     * cleared).
     */
    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        clientInfoCheckOpen();
        clientInfo.clear();
        for (String name : properties.stringPropertyNames()) {
            putClientInfo(name, properties.getProperty(name));
        }
    }

    /**
     * Keeps one of the standard properties (see {@link SupplementaryMetadata#CLIENT_INFO_PROPERTIES}); an unknown
     * name is ignored with a warning, as JDBC asks; a null value clears the property.
     */
    private void putClientInfo(String name, String value) throws SQLClientInfoException {
        if (name == null || !SupplementaryMetadata.CLIENT_INFO_PROPERTIES.contains(name)) {
            addWarning(new SQLWarning("unknown client info property \"" + name + "\" ignored; known: "
                    + SupplementaryMetadata.CLIENT_INFO_PROPERTIES, "01000"));
            return;
        }
        if (value == null) {
            clientInfo.remove(name);
        } else if (value.length() > SupplementaryMetadata.CLIENT_INFO_MAX_LENGTH) {
            throw new SQLClientInfoException("client info " + name + " is longer than "
                    + SupplementaryMetadata.CLIENT_INFO_MAX_LENGTH + " characters", "22001", 0,
                    Map.of(name, java.sql.ClientInfoStatus.REASON_VALUE_INVALID));
        } else {
            clientInfo.setProperty(name, value);
        }
    }

    /** {@link #checkOpen()} for the client-info setters, which may only throw SQLClientInfoException. */
    private void clientInfoCheckOpen() throws SQLClientInfoException {
        if (closed) {
            throw new SQLClientInfoException("connection is closed", "08003", 0, Map.of());
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        return name == null ? null : clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        Properties copy = new Properties();
        copy.putAll(clientInfo);
        return copy;
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        checkOpen();
        return RustyArray.create(this, typeName, elements);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        throw SqlExceptions.notSupported("structs");
    }

    /**
     * Sets the search path to {@code schema} alone ({@code SET search_path TO "schema"}); null restores the default
     * path. The name is taken as written, or folded to lower case if only that form exists; 3F000 if neither does.
     */
    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        io.rustydb.sql.catalog.Catalog catalog = database.engine().catalog();
        if (schema == null) {
            session.state().settings().setSearchPath(io.rustydb.sql.catalog.SearchPath.DEFAULT);
            return;
        }
        String name = schema;
        if (catalog.findSchema(name) == null) {
            name = schema.toLowerCase(java.util.Locale.ROOT);
            if (catalog.findSchema(name) == null) {
                throw SqlExceptions.of(io.rustydb.core.ErrorCode.INVALID_SCHEMA_NAME, schema);
            }
        }
        session.state().settings().setSearchPath(io.rustydb.sql.catalog.SearchPath.of(name));
    }

    /** The current schema: the first schema of the search path that exists ({@code current_schema()}), or null. */
    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        java.util.List<String> existing = session.state().searchPath().existing(database.engine().catalog());
        return existing.isEmpty() ? null : existing.get(0);
    }

    /**
     * Closes the connection from any thread without waiting: it is closed at once for its users, its running
     * statements are cancelled (57014), and {@code executor} rolls back and releases the session once they have
     * stopped.
     */
    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw new SQLException("executor must not be null", "22023");
        }
        if (closed) {
            return;
        }
        closed = true;
        StatementCancel statement = running;
        if (statement != null) {
            statement.cancel();
        }
        executor.execute(this::release);
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        if (milliseconds < 0) {
            throw new SQLException("network timeout must not be negative", "22023");
        }
        // An embedded database has no network: the value is kept for getNetworkTimeout and has no effect.
        networkTimeoutMillis = milliseconds;
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return networkTimeoutMillis;
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
