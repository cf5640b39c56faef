package io.rustydb.jdbc.flyway;

import java.sql.SQLException;
import org.flywaydb.core.internal.database.base.Connection;
import org.flywaydb.core.internal.database.base.Schema;

/**
 * One Flyway connection to RustyDB. The current schema is the JDBC connection's ({@code Connection.getSchema()},
 * {@code public}); RustyDB has one schema, so Flyway never needs to switch it.
 */
final class RustyDBConnection extends Connection<RustyDBDatabase> {
    RustyDBConnection(RustyDBDatabase database, java.sql.Connection connection) {
        super(database, connection);
    }

    @Override
    protected String getCurrentSchemaNameOrSearchPath() throws SQLException {
        return getJdbcConnection().getSchema();
    }

    @Override
    protected void doChangeCurrentSchemaOrSearchPathTo(String schema) throws SQLException {
        getJdbcConnection().setSchema(schema);
    }

    @Override
    public Schema<?, ?> getSchema(String name) {
        return new RustyDBSchema(jdbcTemplate, database, name);
    }
}
