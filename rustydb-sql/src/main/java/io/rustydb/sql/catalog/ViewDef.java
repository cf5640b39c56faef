package io.rustydb.sql.catalog;

import java.util.List;

/**
 * A view: its name (in the namespace of tables, indexes and sequences of its schema), the SQL text of its query,
 * bound again each time a statement uses the view, and the names of its columns (from {@code CREATE VIEW v (cols)}
 * or the query, fixed when the view was created). Immutable.
 *
 * @param schemaId   the schema the view is in
 * @param searchPath the ids of the schemas its query's unqualified names were looked up in at CREATE VIEW, in
 *                   order: the query is bound through the same path each time, whatever the session's is then
 *                   (a renamed schema keeps its id, so the view still finds its tables)
 */
public record ViewDef(String name, String sql, List<String> columns, int schemaId, List<Integer> searchPath) {
    public ViewDef {
        columns = List.copyOf(columns);
        searchPath = List.copyOf(searchPath);
    }
}
