package io.rustydb.sql.engine;

import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.PhysicalOperator;
import io.rustydb.sql.plan.BoundStatement;
import java.util.List;

/**
 * Runs {@code CREATE TABLE ... AS query}: creates the table (nothing if it exists and IF NOT EXISTS was given),
 * then inserts the query's rows as an INSERT would, in the same transaction. Returns the number of rows.
 */
final class CreateTableAsExecutor {
    private CreateTableAsExecutor() {
    }

    static long execute(Catalog catalog, BoundStatement.CreateTableAs create, PhysicalOperator query,
                        ExecContext context) {
        if (create.ifNotExists() && catalog.findTable(create.name()) != null) {
            Notices.skippedExisting("relation", create.name().name());
            return 0;
        }
        TableDef table = catalog.createTable(create.name(), create.columns());
        int[] targets = new int[create.columns().size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = i;
        }
        BoundStatement.Insert insert = new BoundStatement.Insert(table, targets, create.query().plan(), List.of(),
                null, null, create.parameterTypes());
        return InsertExecutor.execute(insert, query, context).size();
    }
}
