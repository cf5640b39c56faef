package io.rustydb.bench.engine;

import java.nio.file.Path;
import java.sql.SQLException;

/** RustyDB through its own JDBC driver. */
final class RustyDbEngine extends Engine {
    RustyDbEngine() {
        super("rustydb", "RustyDB", "io.rustydb.jdbc.Driver");
    }

    @Override
    public boolean isSubject() {
        return true;
    }

    @Override
    public String url(Mode mode, String name, Path dir) {
        return mode == Mode.MEMORY ? "jdbc:rustydb:mem:" + name : "jdbc:rustydb:file:" + dir.resolve(name);
    }

    @Override
    public String configuration(Mode mode) {
        return mode == Mode.MEMORY
                ? "`jdbc:rustydb:mem:NAME`, defaults"
                : "`jdbc:rustydb:file:PATH`, defaults: `sync=FULL` (`commit()` returns once the write-ahead log is"
                        + " forced; group commit lets concurrent committers share one fsync), checkpoint every 64 MiB"
                        + " of log or 60 s";
    }

    @Override
    public String mod(String expr, int n) {
        return expr + " % " + n; // MOD() is not a function yet
    }

    /** Class 40 (40001, 40P01), plus 55P03: a lock not granted within {@code lock_timeout} (default 10 s). */
    @Override
    public boolean isTransactionConflict(SQLException e) {
        return super.isTransactionConflict(e) || "55P03".equals(e.getSQLState());
    }
}
