package io.rustydb.bench.workload;

import java.sql.Connection;

/** The isolation levels the read-write mix runs at, with their JDBC constants and spellings. */
enum Isolation {
    READ_COMMITTED("read-committed", "READ COMMITTED", Connection.TRANSACTION_READ_COMMITTED),
    SERIALIZABLE("serializable", "SERIALIZABLE", Connection.TRANSACTION_SERIALIZABLE);

    private final String id;
    private final String sql;
    private final int jdbcLevel;

    Isolation(String id, String sql, int jdbcLevel) {
        this.id = id;
        this.sql = sql;
        this.jdbcLevel = jdbcLevel;
    }

    /** The spelling in workload ids, e.g. {@code read-committed}. */
    String id() {
        return id;
    }

    /** The SQL spelling, e.g. {@code READ COMMITTED}. */
    String sql() {
        return sql;
    }

    /** The {@code Connection.TRANSACTION_*} constant. */
    int jdbcLevel() {
        return jdbcLevel;
    }
}
