package io.rustydb.jdbc;

import java.sql.SQLException;
import java.sql.Savepoint;

/** A JDBC savepoint: named by the application, or numbered by the driver. */
final class RustySavepoint implements Savepoint {
    private final int id;
    private final String name;

    RustySavepoint(int id, String name) {
        this.id = id;
        this.name = name;
    }

    /** The name the session knows it by (numbered savepoints get a name no SQL identifier can take). */
    String key() {
        return name != null ? name : "\u0000jdbc-savepoint-" + id;
    }

    static String keyOf(Savepoint savepoint) throws SQLException {
        if (!(savepoint instanceof RustySavepoint sp)) {
            throw new SQLException("not a savepoint of this driver", "3B001");
        }
        return sp.key();
    }

    @Override
    public int getSavepointId() throws SQLException {
        if (name != null) {
            throw new SQLException("a named savepoint has no id", "3B001");
        }
        return id;
    }

    @Override
    public String getSavepointName() throws SQLException {
        if (name == null) {
            throw new SQLException("an unnamed savepoint has no name", "3B001");
        }
        return name;
    }
}
