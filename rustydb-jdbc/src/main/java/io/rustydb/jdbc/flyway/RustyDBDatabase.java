package io.rustydb.jdbc.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.database.base.Table;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;

/**
 * A RustyDB database as Flyway sees it. DDL is transactional (a failed migration rolls back whole, schema changes
 * included), Flyway works on a single connection ({@link #useSingleConnection()}), identifiers are quoted with {@code "}, catalogs are not schemas, and the schema history table is
 * created with the layout of Flyway's PostgreSQL module: the primary key on {@code installed_rank}, an index on
 * {@code success}.
 */
final class RustyDBDatabase extends Database<RustyDBConnection> {
    RustyDBDatabase(Configuration configuration, JdbcConnectionFactory jdbcConnectionFactory,
            StatementInterceptor statementInterceptor) {
        super(configuration, jdbcConnectionFactory, statementInterceptor);
    }

    @Override
    protected RustyDBConnection doGetConnection(Connection connection) {
        return new RustyDBConnection(this, connection);
    }

    @Override
    public void ensureSupported(Configuration configuration) {
        // Every RustyDB version that reports itself as such runs the statements this plugin sends.
    }

    @Override
    public boolean supportsDdlTransactions() {
        return true;
    }

    @Override
    public String getBooleanTrue() {
        return "TRUE";
    }

    @Override
    public String getBooleanFalse() {
        return "FALSE";
    }

    /**
     * One connection for the schema history and the migrations. RustyDB's DDL takes the database's lock in X mode
     * (the catalog is not versioned), so a migration's DDL on a second connection would wait for the history
     * table's row locks held by the first until the lock timeout (55P03). On one connection the history lock and
     * the migration share a transaction.
     */
    @Override
    public boolean useSingleConnection() {
        return true;
    }

    @Override
    public boolean catalogIsSchema() {
        return false;
    }

    @Override
    protected String doGetCurrentUser() throws SQLException {
        return getMainConnection().getJdbcConnection().getMetaData().getUserName();
    }

    @Override
    public String getRawCreateScript(Table table, boolean baseline) {
        return "CREATE TABLE " + table + " (\n"
                + "    \"installed_rank\" INTEGER NOT NULL,\n"
                + "    \"version\" VARCHAR(50),\n"
                + "    \"description\" VARCHAR(200) NOT NULL,\n"
                + "    \"type\" VARCHAR(20) NOT NULL,\n"
                + "    \"script\" VARCHAR(1000) NOT NULL,\n"
                + "    \"checksum\" INTEGER,\n"
                + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
                + "    \"installed_on\" TIMESTAMP NOT NULL DEFAULT LOCALTIMESTAMP,\n"
                + "    \"execution_time\" INTEGER NOT NULL,\n"
                + "    \"success\" BOOLEAN NOT NULL,\n"
                + "    CONSTRAINT \"" + table.getName() + "_pk\" PRIMARY KEY (\"installed_rank\")\n"
                + ");\n"
                + (baseline ? getBaselineStatement(table) + ";\n" : "")
                + "CREATE INDEX \"" + table.getName() + "_s_idx\" ON " + table + " (\"success\");";
    }
}
