package io.rustydb.bench.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** HSQLDB 2.x, embedded (in-process). */
final class HsqldbEngine extends Engine {
    HsqldbEngine() {
        super("hsqldb", "HSQLDB", "org.hsqldb.jdbc.JDBCDriver");
    }

    @Override
    public String url(Mode mode, String name, Path dir) {
        return mode == Mode.MEMORY
                ? "jdbc:hsqldb:mem:" + name
                : "jdbc:hsqldb:file:" + dir.resolve(name) + ";hsqldb.write_delay=false";
    }

    @Override
    public String configuration(Mode mode) {
        return mode == Mode.MEMORY
                ? "`jdbc:hsqldb:mem:NAME`, default (MEMORY tables, LOCKS transaction mode)"
                : "`jdbc:hsqldb:file:PATH;hsqldb.write_delay=false` (the default 500 ms write delay would not be"
                        + " durable; with it off, each commit syncs the log)";
    }

    @Override
    public Connection connect(String url, Mode mode) throws SQLException {
        loadDriver();
        return DriverManager.getConnection(url, "SA", "");
    }

    @Override
    public void shutdown(String url, Mode mode) {
        try (Connection c = DriverManager.getConnection(url, "SA", ""); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already gone
        }
    }

    @Override
    public String pingSql() {
        return "VALUES (1)";
    }

    /**
     * HSQLDB's default transaction control, LOCKS, is two-phase locking on whole tables: one writer of a table
     * blocks every reader of it. MVCC (row versions, row-level write locks; the same as {@code hsqldb.tx=mvcc} on
     * the URL, set here on the open database so the other workloads keep the default) lets readers and writers of
     * different rows proceed together.
     */
    @Override
    public String enableConcurrentTransactions(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET DATABASE TRANSACTION CONTROL MVCC");
        }
        return "`SET DATABASE TRANSACTION CONTROL MVCC` (= `hsqldb.tx=mvcc`; the default LOCKS mode locks whole"
                + " tables, so one writer would block every reader)";
    }
}
