package io.rustydb.jdbc.flyway;

import java.sql.SQLException;
import org.flywaydb.core.internal.database.base.Table;
import org.flywaydb.core.internal.jdbc.JdbcTemplate;

/**
 * A table, above all Flyway's schema history table. It exists if {@code information_schema.tables} lists it as a
 * base table. Flyway locks it around each migration: {@code SELECT ... FOR UPDATE} takes an exclusive row lock
 * on every applied migration's row until the transaction ends, so a second Flyway that runs {@code migrate}
 * against the same database waits (up to the connection's lock timeout) instead of applying a migration twice.
 */
final class RustyDBTable extends Table<RustyDBDatabase, RustyDBSchema> {
    RustyDBTable(JdbcTemplate jdbcTemplate, RustyDBDatabase database, RustyDBSchema schema, String name) {
        super(jdbcTemplate, database, schema, name);
    }

    @Override
    protected boolean doExists() throws SQLException {
        return jdbcTemplate.queryForInt("SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_name = ? AND table_type = 'BASE TABLE'",
                schema.getName(), name) > 0;
    }

    @Override
    protected void doLock() throws SQLException {
        jdbcTemplate.execute("SELECT * FROM " + this + " FOR UPDATE");
    }

    @Override
    protected void doDrop() throws SQLException {
        jdbcTemplate.execute("DROP TABLE " + database.quote(schema.getName(), name) + " CASCADE");
    }
}
