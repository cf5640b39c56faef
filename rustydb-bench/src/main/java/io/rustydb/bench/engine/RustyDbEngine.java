package io.rustydb.bench.engine;

import java.nio.file.Path;

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
                : "`jdbc:rustydb:file:PATH`, defaults (auto-commit; every write statement is flushed and fsynced)";
    }

    @Override
    public String mod(String expr, int n) {
        return expr + " % " + n; // MOD() is not a function yet
    }
}
