package io.rustydb.bench.engine;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Apache Derby, embedded driver. */
final class DerbyEngine extends Engine {
    DerbyEngine() {
        super("derby", "Derby", "org.apache.derby.iapi.jdbc.AutoloadedDriver");
    }

    @Override
    public String url(Mode mode, String name, Path dir) {
        return mode == Mode.MEMORY
                ? "jdbc:derby:memory:" + name + ";create=true"
                : "jdbc:derby:" + dir.resolve(name) + ";create=true";
    }

    @Override
    public String configuration(Mode mode) {
        return mode == Mode.MEMORY
                ? "`jdbc:derby:memory:NAME;create=true`, defaults"
                : "`jdbc:derby:PATH;create=true`, defaults (`derby.system.durability` unset = log forced at commit)";
    }

    @Override
    public void shutdown(String url, Mode mode) {
        String base = url.substring(0, url.indexOf(';'));
        try {
            DriverManager.getConnection(base + (mode == Mode.MEMORY ? ";drop=true" : ";shutdown=true")).close();
        } catch (SQLException expected) {
            // Derby reports a successful drop/shutdown as SQLSTATE 08006.
        }
    }

    @Override
    public String pingSql() {
        return "VALUES 1";
    }
}
