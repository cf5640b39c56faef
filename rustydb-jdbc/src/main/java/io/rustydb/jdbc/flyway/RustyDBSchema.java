package io.rustydb.jdbc.flyway;

import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.internal.database.base.Schema;
import org.flywaydb.core.internal.database.base.Table;
import org.flywaydb.core.internal.jdbc.JdbcTemplate;

/**
 * A schema, read through {@code information_schema}: it exists if {@code schemata} lists it, is empty if it has no
 * tables, views or sequences, and is cleaned by dropping its views, then its tables (CASCADE takes the foreign
 * keys along), then the sequences left over. Creating or dropping a schema is what RustyDB itself answers
 * (one schema, {@code public}: CREATE SCHEMA is SQLSTATE 0A000, reported by Flyway as the migration's error).
 */
final class RustyDBSchema extends Schema<RustyDBDatabase, RustyDBTable> {
    RustyDBSchema(JdbcTemplate jdbcTemplate, RustyDBDatabase database, String name) {
        super(jdbcTemplate, database, name);
    }

    @Override
    protected boolean doExists() throws SQLException {
        return jdbcTemplate.queryForInt(
                "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?", name) > 0;
    }

    @Override
    protected boolean doEmpty() throws SQLException {
        return jdbcTemplate.queryForInt("SELECT count(*) FROM information_schema.tables WHERE table_schema = ?", name)
                + jdbcTemplate.queryForInt(
                        "SELECT count(*) FROM information_schema.sequences WHERE sequence_schema = ?", name) == 0;
    }

    @Override
    protected void doCreate() throws SQLException {
        jdbcTemplate.execute("CREATE SCHEMA " + database.quote(name));
    }

    @Override
    protected void doDrop() throws SQLException {
        jdbcTemplate.execute("DROP SCHEMA " + database.quote(name) + " CASCADE");
    }

    @Override
    protected void doClean() throws SQLException {
        for (String view : jdbcTemplate.queryForStringList(
                "SELECT table_name FROM information_schema.views WHERE table_schema = ?", name)) {
            jdbcTemplate.execute("DROP VIEW IF EXISTS " + database.quote(name, view) + " CASCADE");
        }
        for (RustyDBTable table : doAllTables()) {
            table.drop();
        }
        for (String sequence : jdbcTemplate.queryForStringList(
                "SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = ?", name)) {
            jdbcTemplate.execute("DROP SEQUENCE IF EXISTS " + database.quote(name, sequence));
        }
    }

    @Override
    protected RustyDBTable[] doAllTables() throws SQLException {
        List<String> names = jdbcTemplate.queryForStringList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name", name);
        RustyDBTable[] tables = new RustyDBTable[names.size()];
        for (int i = 0; i < tables.length; i++) {
            tables[i] = new RustyDBTable(jdbcTemplate, database, this, names.get(i));
        }
        return tables;
    }

    @Override
    public Table<?, ?> getTable(String tableName) {
        return new RustyDBTable(jdbcTemplate, database, this, tableName);
    }
}
