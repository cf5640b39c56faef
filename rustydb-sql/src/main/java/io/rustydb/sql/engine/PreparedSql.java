package io.rustydb.sql.engine;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.PhysicalOperator;
import io.rustydb.sql.plan.BoundStatement;
import java.util.List;

/**
 * A statement parsed, bound and planned once, executable many times with different parameter values. Immutable
 * and shared through the plan cache; valid only for the catalog version it was bound against.
 *
 * @param operator   the physical plan of a query or of a data-changing statement's source; {@code null} for DDL
 * @param statistics the table sizes the plan was costed with (null: none)
 * @param searchPath the search path its names were resolved through (a session with another path plans again)
 */
public record PreparedSql(String sql, long catalogVersion, BoundStatement statement, PhysicalOperator operator,
                          io.rustydb.sql.exec.StatisticsSnapshot statistics,
                          io.rustydb.sql.catalog.SearchPath searchPath) {
    /** A statement bound through the default search path. */
    public PreparedSql(String sql, long catalogVersion, BoundStatement statement, PhysicalOperator operator,
                       io.rustydb.sql.exec.StatisticsSnapshot statistics) {
        this(sql, catalogVersion, statement, operator, statistics, io.rustydb.sql.catalog.SearchPath.DEFAULT);
    }

    /** A statement whose plan did not look at table sizes. */
    public PreparedSql(String sql, long catalogVersion, BoundStatement statement, PhysicalOperator operator) {
        this(sql, catalogVersion, statement, operator, null, io.rustydb.sql.catalog.SearchPath.DEFAULT);
    }

    /** Whether the tables the plan was costed with have changed size so much that it should be made again. */
    public boolean statisticsOutdated() {
        return statistics != null && statistics.outdated();
    }

    public List<DataType> parameterTypes() {
        return statement.parameterTypes();
    }

    public boolean isQuery() {
        return statement instanceof BoundStatement.Query;
    }

    /** Whether this is a transaction control statement (BEGIN, COMMIT, SAVEPOINT ...) for the session. */
    public boolean isControl() {
        return statement instanceof BoundStatement.Control;
    }

    /** Whether running it produces rows: a query, or a data-changing statement with RETURNING. */
    public boolean returnsRows() {
        return isQuery() || statement instanceof BoundStatement.Modify m && m.returning() != null;
    }

    /** Whether it is a data-changing statement with a RETURNING list (rows and an update count). */
    public boolean isReturning() {
        return statement instanceof BoundStatement.Modify m && m.returning() != null;
    }

    /** The result column names of a query or RETURNING list (empty for other statements). */
    public List<String> columnNames() {
        if (statement instanceof BoundStatement.Modify m && m.returning() != null) {
            return m.returning().columnNames();
        }
        return statement instanceof BoundStatement.Query q ? q.columnNames() : List.of();
    }

    /**
     * Where each result column of a query comes from (a table column, or null when computed); empty for other
     * statements. Worked out from the plan on each call: for metadata, not for the execution path.
     */
    public List<io.rustydb.sql.plan.ColumnOrigins.Origin> columnOrigins() {
        return statement instanceof BoundStatement.Query q ? io.rustydb.sql.plan.ColumnOrigins.of(q.plan()) : List.of();
    }

    /** The result column types of a query or RETURNING list (empty for other statements). */
    public List<DataType> columnTypes() {
        if (statement instanceof BoundStatement.Modify m && m.returning() != null) {
            return m.returning().outputTypes();
        }
        return statement instanceof BoundStatement.Query q ? q.plan().outputTypes() : List.of();
    }
}
