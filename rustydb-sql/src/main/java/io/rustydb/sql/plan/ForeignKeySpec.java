package io.rustydb.sql.plan;

import io.rustydb.sql.catalog.ForeignKeyDef;
import java.util.List;

/**
 * A FOREIGN KEY as written in CREATE TABLE, before the referenced table is looked up (it may be the table being
 * created): its name, the child's key columns (positions), the referenced table's name and columns (null: its
 * primary key), and the actions.
 */
public record ForeignKeySpec(String name, List<Integer> columns, io.rustydb.sql.catalog.QualifiedName parentTable, List<String> parentColumns,
                             ForeignKeyDef.Action onDelete, ForeignKeyDef.Action onUpdate) {
    public ForeignKeySpec {
        columns = List.copyOf(columns);
        parentColumns = parentColumns == null ? null : List.copyOf(parentColumns);
    }
}
