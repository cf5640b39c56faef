package io.rustydb.sql.plan;

import io.rustydb.sql.catalog.IndexDef;
import java.util.List;

/**
 * An index to create, as bound from {@code CREATE INDEX} or from a PRIMARY KEY / UNIQUE constraint: its name, the
 * table columns it covers (positions, each with its order), whether it is unique or the primary key, and its
 * method.
 */
public record IndexSpec(String name, List<IndexDef.IndexColumn> columns, boolean unique, boolean primaryKey,
                        IndexDef.IndexMethod method) {
    public IndexSpec {
        columns = List.copyOf(columns);
    }
}
