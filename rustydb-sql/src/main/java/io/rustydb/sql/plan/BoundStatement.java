package io.rustydb.sql.plan;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import java.util.List;

/**
 * A statement after binding: names resolved, types checked, ready to plan and execute. Immutable, so the plan
 * cache can share it between sessions. {@link #parameterTypes()} gives the inferred type of each {@code ?}.
 */
public sealed interface BoundStatement {
    List<DataType> parameterTypes();

    /** A query returning rows. */
    record Query(LogicalPlan plan, List<String> columnNames, List<DataType> parameterTypes) implements BoundStatement {
        public Query {
            columnNames = List.copyOf(columnNames);
            parameterTypes = List.copyOf(parameterTypes);
        }
    }

    /**
     * INSERT: {@code source} produces rows whose column {@code i} goes to table column {@code targetColumns[i]};
     * other columns get NULL. Values are already cast to the target columns' types.
     */
    record Insert(TableDef table, int[] targetColumns, LogicalPlan source, List<DataType> parameterTypes)
            implements BoundStatement {
        public Insert {
            targetColumns = targetColumns.clone();
            parameterTypes = List.copyOf(parameterTypes);
        }

        @Override
        public int[] targetColumns() {
            return targetColumns.clone();
        }
    }

    /** CREATE TABLE. */
    record CreateTable(String name, List<ColumnDef> columns, boolean ifNotExists) implements BoundStatement {
        public CreateTable {
            columns = List.copyOf(columns);
        }

        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /** A transaction control statement, carried out by the session. */
    record Control(TransactionControl control) implements BoundStatement {
        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }

    /** DROP TABLE of one or more tables. */
    record DropTable(List<String> names, boolean ifExists) implements BoundStatement {
        public DropTable {
            names = List.copyOf(names);
        }

        @Override
        public List<DataType> parameterTypes() {
            return List.of();
        }
    }
}
