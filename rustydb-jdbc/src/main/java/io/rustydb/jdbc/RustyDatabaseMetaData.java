package io.rustydb.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * What RustyDB is and can do, as JDBC tools ask it. Answers tell the truth about the engine as built: a
 * capability not implemented yet is reported as unsupported, and catalog queries reflect the live catalog.
 */
public final class RustyDatabaseMetaData implements DatabaseMetaData {
    private final RustyConnection connection;

    RustyDatabaseMetaData(RustyConnection connection) {
        this.connection = connection;
    }

    @Override
    public boolean allProceduresAreCallable() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean allTablesAreSelectable() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public String getURL() throws SQLException {
        connection.checkOpen();
        return connection.url();
    }

    @Override
    public String getUserName() throws SQLException {
        connection.checkOpen();
        return connection.config().user();
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        connection.checkOpen();
        return connection.isReadOnly();
    }

    @Override
    public boolean nullsAreSortedHigh() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean nullsAreSortedLow() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public String getDatabaseProductName() throws SQLException {
        connection.checkOpen();
        return "RustyDB";
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        connection.checkOpen();
        return Driver.VERSION;
    }

    @Override
    public String getDriverName() throws SQLException {
        connection.checkOpen();
        return "RustyDB JDBC Driver";
    }

    @Override
    public String getDriverVersion() throws SQLException {
        connection.checkOpen();
        return Driver.VERSION;
    }

    @Override
    public int getDriverMajorVersion() {
        return Driver.MAJOR_VERSION;
    }

    @Override
    public int getDriverMinorVersion() {
        return Driver.MINOR_VERSION;
    }

    @Override
    public boolean usesLocalFiles() throws SQLException {
        connection.checkOpen();
        return !connection.url().contains(":mem:");
    }

    @Override
    public boolean usesLocalFilePerTable() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public String getIdentifierQuoteString() throws SQLException {
        connection.checkOpen();
        return "\"";
    }

    @Override
    public String getSQLKeywords() throws SQLException {
        connection.checkOpen();
        return "";
    }

    @Override
    public String getNumericFunctions() throws SQLException {
        connection.checkOpen();
        return JdbcEscapes.NUMERIC_FUNCTIONS; // the names {fn ...} understands
    }

    @Override
    public String getStringFunctions() throws SQLException {
        connection.checkOpen();
        return JdbcEscapes.STRING_FUNCTIONS; // the names {fn ...} understands
    }

    @Override
    public String getSystemFunctions() throws SQLException {
        connection.checkOpen();
        return JdbcEscapes.SYSTEM_FUNCTIONS; // the names {fn ...} understands
    }

    @Override
    public String getTimeDateFunctions() throws SQLException {
        connection.checkOpen();
        return JdbcEscapes.TIME_DATE_FUNCTIONS; // the names {fn ...} understands
    }

    @Override
    public String getSearchStringEscape() throws SQLException {
        connection.checkOpen();
        return "\\";
    }

    @Override
    public String getExtraNameCharacters() throws SQLException {
        connection.checkOpen();
        return "";
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsColumnAliasing() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean nullPlusNonNullIsNull() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsConvert() throws SQLException {
        connection.checkOpen();
        return true; // {fn convert(value, SQL_type)}; the pairs of types are not listed (supportsConvert(a, b))
    }

    @Override
    public boolean supportsConvert(int a0, int a1) throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsTableCorrelationNames() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsExpressionsInOrderBy() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsGroupBy() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsGroupByBeyondSelect() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsMultipleResultSets() throws SQLException {
        connection.checkOpen();
        return true; // several statements in one execute; getMoreResults(KEEP_CURRENT_RESULT)
    }

    @Override
    public boolean supportsMultipleTransactions() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsNonNullableColumns() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsMinimumSQLGrammar() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsCoreSQLGrammar() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsExtendedSQLGrammar() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsOuterJoins() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsFullOuterJoins() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public String getSchemaTerm() throws SQLException {
        connection.checkOpen();
        return "schema";
    }

    @Override
    public String getProcedureTerm() throws SQLException {
        connection.checkOpen();
        return "function";
    }

    @Override
    public String getCatalogTerm() throws SQLException {
        connection.checkOpen();
        return "database";
    }

    @Override
    public boolean isCatalogAtStart() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public String getCatalogSeparator() throws SQLException {
        connection.checkOpen();
        return ".";
    }

    @Override
    public boolean supportsSchemasInDataManipulation() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsPositionedDelete() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsPositionedUpdate() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsSelectForUpdate() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsStoredProcedures() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsSubqueriesInComparisons() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsSubqueriesInIns() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsCorrelatedSubqueries() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsUnion() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsUnionAll() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public int getMaxBinaryLiteralLength() throws SQLException {
        connection.checkOpen();
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength() throws SQLException {
        connection.checkOpen();
        return 0;
    }

    @Override
    public int getMaxColumnNameLength() throws SQLException {
        connection.checkOpen();
        return io.rustydb.sql.binder.Identifiers.MAX_LENGTH;
    }

    @Override
    public int getMaxColumnsInGroupBy() throws SQLException {
        connection.checkOpen();
        return 0;
    }

    @Override
    public int getMaxColumnsInIndex() throws SQLException {
        connection.checkOpen();
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy() throws SQLException {
        connection.checkOpen();
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect() throws SQLException {
        connection.checkOpen();
        return 0;
    }

    @Override
    public int getMaxColumnsInTable() throws SQLException {
        connection.checkOpen();
        return 0;
    }

    @Override
    public int getMaxConnections() throws SQLException {
        connection.checkOpen();
        return 0;
    }

    @Override
    public int getMaxCursorNameLength() throws SQLException {
        connection.checkOpen();
        return 0;
    }

    @Override
    public int getMaxIndexLength() throws SQLException {
        connection.checkOpen();
        return 0;
    }

    @Override
    public int getMaxSchemaNameLength() throws SQLException {
        connection.checkOpen();
        return io.rustydb.sql.binder.Identifiers.MAX_LENGTH;
    }

    @Override
    public int getMaxProcedureNameLength() throws SQLException {
        connection.checkOpen();
        return 0;
    }

    @Override
    public int getMaxCatalogNameLength() throws SQLException {
        connection.checkOpen();
        return 0;
    }

    @Override
    public int getMaxRowSize() throws SQLException {
        connection.checkOpen();
        return 0;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public int getMaxStatementLength() throws SQLException {
        connection.checkOpen();
        return 0;
    }

    @Override
    public int getMaxStatements() throws SQLException {
        connection.checkOpen();
        return 0;
    }

    @Override
    public int getMaxTableNameLength() throws SQLException {
        connection.checkOpen();
        return io.rustydb.sql.binder.Identifiers.MAX_LENGTH;
    }

    @Override
    public int getMaxTablesInSelect() throws SQLException {
        connection.checkOpen();
        return 0;
    }

    @Override
    public int getMaxUserNameLength() throws SQLException {
        connection.checkOpen();
        return 0;
    }

    @Override
    public int getDefaultTransactionIsolation() throws SQLException {
        connection.checkOpen();
        return Connection.TRANSACTION_READ_COMMITTED;
    }

    @Override
    public boolean supportsTransactions() throws SQLException {
        connection.checkOpen();
        return connection.sessionSupportsTransactions();
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int a0) throws SQLException {
        connection.checkOpen();
        // All four levels are accepted (READ UNCOMMITTED runs as READ COMMITTED, which the standard allows).
        return a0 == Connection.TRANSACTION_READ_UNCOMMITTED || a0 == Connection.TRANSACTION_READ_COMMITTED
                || a0 == Connection.TRANSACTION_REPEATABLE_READ || a0 == Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
        connection.checkOpen();
        return connection.sessionSupportsTransactions();
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public ResultSet getProcedures(String a0, String a1, String a2) throws SQLException {
        connection.checkOpen();
        return SupplementaryMetadata.procedures(connection);
    }

    @Override
    public ResultSet getProcedureColumns(String a0, String a1, String a2, String a3) throws SQLException {
        connection.checkOpen();
        return SupplementaryMetadata.procedureColumns(connection);
    }

    @Override
    public ResultSet getTables(String a0, String a1, String a2, String[] a3) throws SQLException {
        connection.checkOpen();
        return MetadataResults.tables(connection, a1, a2, a3);
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        connection.checkOpen();
        return MetadataResults.schemas(connection, null);
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        connection.checkOpen();
        return MetadataResults.catalogs(connection);
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        connection.checkOpen();
        return MetadataResults.tableTypes(connection);
    }

    @Override
    public ResultSet getColumns(String a0, String a1, String a2, String a3) throws SQLException {
        connection.checkOpen();
        return MetadataResults.columns(connection, a1, a2, a3);
    }

    @Override
    public ResultSet getColumnPrivileges(String a0, String a1, String a2, String a3) throws SQLException {
        connection.checkOpen();
        return SupplementaryMetadata.columnPrivileges(connection);
    }

    @Override
    public ResultSet getTablePrivileges(String a0, String a1, String a2) throws SQLException {
        connection.checkOpen();
        return SupplementaryMetadata.tablePrivileges(connection);
    }

    @Override
    public ResultSet getBestRowIdentifier(String a0, String a1, String a2, int a3, boolean a4) throws SQLException {
        connection.checkOpen();
        return SupplementaryMetadata.bestRowIdentifier(connection, a1, a2, a4);
    }

    @Override
    public ResultSet getVersionColumns(String a0, String a1, String a2) throws SQLException {
        connection.checkOpen();
        return SupplementaryMetadata.versionColumns(connection);
    }

    @Override
    public ResultSet getPrimaryKeys(String a0, String a1, String a2) throws SQLException {
        connection.checkOpen();
        return KeyMetadata.primaryKeys(connection, a1, a2);
    }

    @Override
    public ResultSet getImportedKeys(String a0, String a1, String a2) throws SQLException {
        connection.checkOpen();
        return KeyMetadata.foreignKeys(connection, null, null, a1, a2, true);
    }

    @Override
    public ResultSet getExportedKeys(String a0, String a1, String a2) throws SQLException {
        connection.checkOpen();
        return KeyMetadata.foreignKeys(connection, a1, a2, null, null, false);
    }

    @Override
    public ResultSet getCrossReference(String a0, String a1, String a2, String a3, String a4, String a5) throws SQLException {
        connection.checkOpen();
        return KeyMetadata.foreignKeys(connection, a1, a2, a4, a5, false);
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        connection.checkOpen();
        return MetadataResults.typeInfo(connection);
    }

    @Override
    public ResultSet getIndexInfo(String a0, String a1, String a2, boolean a3, boolean a4) throws SQLException {
        connection.checkOpen();
        return KeyMetadata.indexInfo(connection, a1, a2, a3);
    }

    @Override
    public boolean supportsResultSetType(int a0) throws SQLException {
        connection.checkOpen();
        return a0 == ResultSet.TYPE_FORWARD_ONLY || a0 == ResultSet.TYPE_SCROLL_INSENSITIVE;
    }

    @Override
    public boolean supportsResultSetConcurrency(int a0, int a1) throws SQLException {
        connection.checkOpen();
        return (a0 == ResultSet.TYPE_FORWARD_ONLY || a0 == ResultSet.TYPE_SCROLL_INSENSITIVE)
                && a1 == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean ownUpdatesAreVisible(int a0) throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int a0) throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int a0) throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int a0) throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int a0) throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int a0) throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean updatesAreDetected(int a0) throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean deletesAreDetected(int a0) throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean insertsAreDetected(int a0) throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsBatchUpdates() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public ResultSet getUDTs(String a0, String a1, String a2, int[] a3) throws SQLException {
        connection.checkOpen();
        return SupplementaryMetadata.udts(connection);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection;
    }

    @Override
    public boolean supportsSavepoints() throws SQLException {
        connection.checkOpen();
        return connection.sessionSupportsTransactions();
    }

    @Override
    public boolean supportsNamedParameters() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults() throws SQLException {
        connection.checkOpen();
        return true; // several statements in one execute; getMoreResults(KEEP_CURRENT_RESULT)
    }

    @Override
    public boolean supportsGetGeneratedKeys() throws SQLException {
        connection.checkOpen();
        return true;
    }

    @Override
    public ResultSet getSuperTypes(String a0, String a1, String a2) throws SQLException {
        connection.checkOpen();
        return SupplementaryMetadata.superTypes(connection);
    }

    @Override
    public ResultSet getSuperTables(String a0, String a1, String a2) throws SQLException {
        connection.checkOpen();
        return SupplementaryMetadata.superTables(connection);
    }

    @Override
    public ResultSet getAttributes(String a0, String a1, String a2, String a3) throws SQLException {
        connection.checkOpen();
        return SupplementaryMetadata.attributes(connection);
    }

    @Override
    public boolean supportsResultSetHoldability(int a0) throws SQLException {
        connection.checkOpen();
        return a0 == ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        connection.checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        connection.checkOpen();
        return Driver.MAJOR_VERSION;
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        connection.checkOpen();
        return Driver.MINOR_VERSION;
    }

    @Override
    public int getJDBCMajorVersion() throws SQLException {
        connection.checkOpen();
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() throws SQLException {
        connection.checkOpen();
        return 3;
    }

    @Override
    public int getSQLStateType() throws SQLException {
        connection.checkOpen();
        return sqlStateSQL;
    }

    @Override
    public boolean locatorsUpdateCopy() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean supportsStatementPooling() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() throws SQLException {
        connection.checkOpen();
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public ResultSet getSchemas(String a0, String a1) throws SQLException {
        connection.checkOpen();
        if (a0 != null && !a0.isEmpty()) {
            return MetadataResults.schemas(connection, ""); // no catalogs: a named one has no schemas
        }
        return MetadataResults.schemas(connection, a1);
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        connection.checkOpen();
        return SupplementaryMetadata.clientInfoProperties(connection);
    }

    @Override
    public ResultSet getFunctions(String a0, String a1, String a2) throws SQLException {
        connection.checkOpen();
        return SupplementaryMetadata.functions(connection);
    }

    @Override
    public ResultSet getFunctionColumns(String a0, String a1, String a2, String a3) throws SQLException {
        connection.checkOpen();
        return SupplementaryMetadata.functionColumns(connection);
    }

    @Override
    public ResultSet getPseudoColumns(String a0, String a1, String a2, String a3) throws SQLException {
        connection.checkOpen();
        return SupplementaryMetadata.pseudoColumns(connection);
    }

    @Override
    public boolean generatedKeyAlwaysReturned() throws SQLException {
        connection.checkOpen();
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlExceptions.notAWrapperFor(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
