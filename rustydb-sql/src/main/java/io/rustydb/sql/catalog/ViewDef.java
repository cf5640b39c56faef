package io.rustydb.sql.catalog;

import java.util.List;

/**
 * A view: its name (in the namespace of tables, indexes and sequences), the SQL text of its query, bound again
 * each time a statement uses the view, and the names of its columns (from {@code CREATE VIEW v (cols)} or the
 * query, fixed when the view was created). Immutable.
 */
public record ViewDef(String name, String sql, List<String> columns) {
    public ViewDef {
        columns = List.copyOf(columns);
    }
}
