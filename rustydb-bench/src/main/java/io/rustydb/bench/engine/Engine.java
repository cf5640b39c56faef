package io.rustydb.bench.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * One database engine under comparison: how to reach it in each {@link Mode}, and the few places where its SQL
 * dialect differs. Each subclass documents its configuration in {@link #configuration(Mode)}; the report prints
 * that text, so every figure can be traced to the exact settings that produced it.
 */
public abstract class Engine {
    private final String id;
    private final String label;
    private final String driverClass;

    protected Engine(String id, String label, String driverClass) {
        this.id = id;
        this.label = label;
        this.driverClass = driverClass;
    }

    /** All engines in report order: RustyDB first, then the peers. */
    public static List<Engine> all() {
        return List.of(new RustyDbEngine(), new H2Engine(), new HsqldbEngine(), new SqliteEngine(),
                new DuckDbEngine(), new DerbyEngine());
    }

    /** Short name used on the command line and in JSON ({@code rustydb}, {@code h2}, ...). */
    public final String id() {
        return id;
    }

    /** Name for tables ({@code RustyDB}, {@code H2}, ...). */
    public final String label() {
        return label;
    }

    /** Whether this is the engine being benchmarked rather than a peer. */
    public boolean isSubject() {
        return false;
    }

    /** JDBC URL for database {@code name} in {@code mode}; {@code dir} is a fresh directory for file databases. */
    public abstract String url(Mode mode, String name, Path dir);

    /** Human-readable description of the configuration used in {@code mode}, and why. */
    public abstract String configuration(Mode mode);

    /**
     * Loads this engine's driver class, which registers it with {@link DriverManager}. Done explicitly because
     * DriverManager's service-loader scan stops at the first provider that fails to load, which would hide every
     * driver listed after a broken one.
     */
    protected final void loadDriver() throws SQLException {
        try {
            Class.forName(driverClass);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SQLException("JDBC driver " + driverClass + " cannot be loaded: " + e, "08001", e);
        }
    }

    /** Opens a connection and applies per-connection settings. */
    public Connection connect(String url, Mode mode) throws SQLException {
        loadDriver();
        Connection c = DriverManager.getConnection(url);
        afterConnect(c, mode);
        return c;
    }

    /** Opens one more connection to the database that {@code first} is connected to (for multi-threaded work). */
    public Connection connectAnother(Connection first, String url, Mode mode) throws SQLException {
        return connect(url, mode);
    }

    /** Per-connection settings (pragmas); nothing by default. */
    protected void afterConnect(Connection c, Mode mode) throws SQLException {
    }

    /** Releases the database after its connections were closed (drop an in-memory database, shut down files). */
    public void shutdown(String url, Mode mode) {
    }

    /** SQL for {@code expr modulo n} in this dialect. */
    public String mod(String expr, int n) {
        return "MOD(" + expr + ", " + n + ")";
    }

    /** The cheapest query that makes a full JDBC round trip. */
    public String pingSql() {
        return "SELECT 1";
    }

    /**
     * Loads rows through an engine-specific fast path; returns a description of the method, or {@code null} when
     * the engine has none and the generic JDBC loader should be used.
     */
    public String loadNative(Connection c, String table, long from, long count) throws SQLException {
        return null;
    }

    /**
     * Whether {@code e} means "this transaction lost a conflict with another and was (or must be) rolled back; it
     * may be retried": by default any SQLSTATE of class 40, transaction rollback (40001 serialization failure,
     * 40P01 deadlock, Derby's 40XL1/40XL2 lock timeouts). Engines that report a conflict otherwise add their codes.
     */
    public boolean isTransactionConflict(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("40");
    }

    /**
     * Prepares the open database behind {@code c} for concurrent read-write transactions, where the engine's default
     * would serialize them on table locks; returns what was set and why (for the report), or {@code null} when the
     * defaults already let readers and writers of different rows run concurrently. Called with no transaction open.
     */
    public String enableConcurrentTransactions(Connection c) throws SQLException {
        return null;
    }

    /** Drops {@code table} if it exists (not every dialect has DROP TABLE IF EXISTS). */
    public void dropIfExists(Connection c, String table) {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + table);
        } catch (SQLException ignored) {
            // did not exist
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
