package io.rustydb.core.config;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;

import java.sql.Connection;

/** Transaction isolation levels (option {@code isolation}), as in the SQL standard. */
public enum IsolationLevel {
    /** Behaves as {@link #READ_COMMITTED}: RustyDB never shows uncommitted data, as PostgreSQL does. */
    READ_UNCOMMITTED(Connection.TRANSACTION_READ_UNCOMMITTED),
    /** Each statement sees the data committed before it began. The default. */
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
    /** The transaction sees one snapshot, taken at its first statement (snapshot isolation). */
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
    /** Truly serializable: a transaction that could break serializability fails with 40001. */
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

    private final int jdbcLevel;

    IsolationLevel(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /** The {@code java.sql.Connection.TRANSACTION_*} constant. */
    public int jdbcLevel() {
        return jdbcLevel;
    }

    /** The level for a {@code java.sql.Connection.TRANSACTION_*} constant; any other number is 22023. */
    public static IsolationLevel fromJdbcLevel(int level) {
        for (IsolationLevel l : values()) {
            if (l.jdbcLevel == level) {
                return l;
            }
        }
        throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, "not a JDBC transaction isolation level: " + level);
    }

    /** The option spelling, e.g. {@code read_committed}. */
    public String optionValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
