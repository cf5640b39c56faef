package io.rustydb.jdbc;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.engine.QueryResult;
import io.rustydb.sql.engine.StatementResult;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which columns {@code getGeneratedKeys} returns after an INSERT, as the application asked: by column names, by
 * column positions (1-based), or {@code RETURN_GENERATED_KEYS} — the table's generated columns (identity, SERIAL:
 * a default that calls {@code nextval}), else its primary key, else every column. One row per inserted row, with the
 * values actually stored (defaults and sequence values included), for single statements and batches alike.
 */
final class GeneratedKeys {
    private final int[] positions;
    private final String[] names;

    private GeneratedKeys(int[] positions, String[] names) {
        this.positions = positions;
        this.names = names;
    }

    /** {@code RETURN_GENERATED_KEYS}. */
    static GeneratedKeys generatedColumns() {
        return new GeneratedKeys(null, null);
    }

    /** The columns at {@code positions}; null or empty = no keys asked for (null result). */
    static GeneratedKeys columns(int[] positions) {
        return positions == null || positions.length == 0 ? null : new GeneratedKeys(positions.clone(), null);
    }

    /** The columns named {@code names}; null or empty = no keys asked for (null result). */
    static GeneratedKeys columns(String[] names) {
        return names == null || names.length == 0 ? null : new GeneratedKeys(null, names.clone());
    }

    /** The key rows of {@code result}: empty (no columns) unless it is an INSERT's. */
    QueryResult select(StatementResult result) throws SQLException {
        if (result.insertedInto() == null) {
            return new QueryResult(List.of(), List.of(), List.of());
        }
        TableDef table = result.insertedInto();
        int[] columns = chosen(table);
        List<String> columnNames = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        for (int c : columns) {
            columnNames.add(table.columns().get(c).name());
            types.add(table.columns().get(c).type());
        }
        List<Object[]> rows = new ArrayList<>(result.insertedRows().size());
        for (Object[] row : result.insertedRows()) {
            Object[] key = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                key[i] = row[columns[i]];
            }
            rows.add(key);
        }
        return new QueryResult(columnNames, types, rows);
    }

    private int[] chosen(TableDef table) throws SQLException {
        List<ColumnDef> columns = table.columns();
        if (positions != null) {
            for (int p : positions) {
                if (p < 1 || p > columns.size()) {
                    throw new SQLException("column index " + p + " is out of range: table " + table.name()
                            + " has " + columns.size() + " columns", "42703");
                }
            }
            int[] out = new int[positions.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = positions[i] - 1;
            }
            return out;
        }
        if (names != null) {
            int[] out = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                out[i] = -1;
                for (int c = 0; c < columns.size(); c++) {
                    if (columns.get(c).name().equalsIgnoreCase(names[i])) {
                        out[i] = c;
                    }
                }
                if (out[i] < 0) {
                    throw new SQLException("column \"" + names[i] + "\" does not exist in table " + table.name(),
                            "42703");
                }
            }
            return out;
        }
        List<Integer> generated = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            String def = columns.get(c).defaultSql();
            if (def != null && def.toLowerCase(Locale.ROOT).contains("nextval")) {
                generated.add(c);
            }
        }
        if (generated.isEmpty() && table.primaryKey() != null) {
            for (IndexDef.IndexColumn c : table.primaryKey().columns()) {
                generated.add(c.column());
            }
        }
        if (generated.isEmpty()) {
            for (int c = 0; c < columns.size(); c++) {
                generated.add(c);
            }
        }
        return generated.stream().mapToInt(Integer::intValue).toArray();
    }
}
