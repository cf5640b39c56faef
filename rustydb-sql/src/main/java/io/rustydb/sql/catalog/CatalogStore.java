package io.rustydb.sql.catalog;

import io.rustydb.core.DbException;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.heap.HeapCursor;
import io.rustydb.storage.heap.TableHeap;
import io.rustydb.storage.tuple.RowCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the catalog inside the database itself, in four system heaps whose first pages sit in the file header's
 * root slots {@value #TABLES_ROOT_SLOT}, {@value #COLUMNS_ROOT_SLOT}, {@value #CHECKS_ROOT_SLOT} and
 * {@value #INDEXES_ROOT_SLOT}:
 * <pre>
 *  sys_tables  (table_id INTEGER, name VARCHAR, heap_page INTEGER, schema_id INTEGER)
 *  sys_columns (table_id INTEGER, ordinal INTEGER, name VARCHAR, type_id VARCHAR,
 *               precision INTEGER, scale INTEGER, length INTEGER, nullable BOOLEAN, default_sql VARCHAR)
 *  sys_checks  (table_id INTEGER, ordinal INTEGER, name VARCHAR, sql VARCHAR)
 *  sys_indexes (index_id INTEGER, table_id INTEGER, name VARCHAR, is_unique BOOLEAN, is_primary BOOLEAN,
 *               method VARCHAR, root_page INTEGER, columns VARCHAR)
 *  sys_foreign_keys (table_id INTEGER, ordinal INTEGER, name VARCHAR, columns VARCHAR, parent_table_id INTEGER,
 *               parent_columns VARCHAR, on_delete VARCHAR, on_update VARCHAR)        root slot 5
 *  sys_objects (kind VARCHAR, name VARCHAR, owner_id INTEGER, ordinal INTEGER, text VARCHAR, extra VARCHAR,
 *               schema_id INTEGER, search_path VARCHAR)
 *               views ('VIEW', name, -1, 0, sql, column names separated by U+0000, schema_id,
 *                      ids of the schemas of the search path at CREATE VIEW, comma-separated),
 *               comments ('COMMENT', NULL, table_id, column position or -1, text, NULL, NULL, NULL) and
 *               schemas ('SCHEMA', name, schema_id, 0, owner or NULL, NULL, NULL, NULL)   root slot 6
 * </pre>
 * Schemas came later: {@code schema_id} of a table or view (and of a sequence) written before them reads NULL,
 * which is schema {@code public} (id 0, which has no row); a view's NULL {@code search_path} is {@code public}.
 * Foreign key column lists are comma-separated positions; actions are {@code NO_ACTION}, {@code RESTRICT},
 * {@code CASCADE}, {@code SET_NULL}, {@code SET_DEFAULT}.
 * {@code columns} lists the indexed columns in index order as {@code position:A|D:F|L} (direction, nulls first or
 * last), comma-separated, e.g. {@code "2:A:L,0:D:F"}.
 * {@code default_sql} came later: rows written before it read it as NULL (no default), and a file without the
 * third or fourth heap gets it at the next open.
 * Rows are ordinary heap tuples in the {@link RowCodec} format, so a file database reopens with its tables.
 */
final class CatalogStore {
    static final int TABLES_ROOT_SLOT = 0;
    static final int COLUMNS_ROOT_SLOT = 1;
    static final int CHECKS_ROOT_SLOT = 2;
    static final int INDEXES_ROOT_SLOT = 3;
    static final int FOREIGN_KEYS_ROOT_SLOT = 5;
    static final int OBJECTS_ROOT_SLOT = 6;

    private static final DataType[] TABLES_ROW = {DataType.INTEGER, DataType.VARCHAR, DataType.INTEGER,
        DataType.INTEGER};
    private static final DataType[] COLUMNS_ROW = {
        DataType.INTEGER, DataType.INTEGER, DataType.VARCHAR, DataType.VARCHAR,
        DataType.INTEGER, DataType.INTEGER, DataType.INTEGER, DataType.BOOLEAN, DataType.VARCHAR
    };
    private static final DataType[] CHECKS_ROW = {DataType.INTEGER, DataType.INTEGER, DataType.VARCHAR,
        DataType.VARCHAR};
    private static final DataType[] FOREIGN_KEYS_ROW = {DataType.INTEGER, DataType.INTEGER, DataType.VARCHAR,
        DataType.VARCHAR, DataType.INTEGER, DataType.VARCHAR, DataType.VARCHAR, DataType.VARCHAR};
    /** {@code sys_objects (kind, name, owner_id, ordinal, text, extra, schema_id, search_path)}: views, comments, schemas. */
    private static final DataType[] OBJECTS_ROW = {DataType.VARCHAR, DataType.VARCHAR, DataType.INTEGER,
        DataType.INTEGER, DataType.VARCHAR, DataType.VARCHAR, DataType.INTEGER, DataType.VARCHAR};
    static final String VIEW = "VIEW";
    static final String COMMENT = "COMMENT";
    static final String SCHEMA = "SCHEMA";
    /** Separates the column names of a view in {@code extra} (a character no SQL name holds). */
    private static final String NAME_SEPARATOR = "\u0000";
    private static final DataType[] INDEXES_ROW = {DataType.INTEGER, DataType.INTEGER, DataType.VARCHAR,
        DataType.BOOLEAN, DataType.BOOLEAN, DataType.VARCHAR, DataType.INTEGER, DataType.VARCHAR};

    private final TableHeap tables;
    private final TableHeap columns;
    private final TableHeap checks;
    private final TableHeap indexes;
    private final TableHeap foreignKeys;
    private final TableHeap objects;

    CatalogStore(StorageEngine storage) {
        this.tables = openOrCreate(storage, TABLES_ROOT_SLOT);
        this.columns = openOrCreate(storage, COLUMNS_ROOT_SLOT);
        this.checks = openOrCreate(storage, CHECKS_ROOT_SLOT);
        this.indexes = openOrCreate(storage, INDEXES_ROOT_SLOT);
        this.foreignKeys = openOrCreate(storage, FOREIGN_KEYS_ROOT_SLOT);
        this.objects = openOrCreate(storage, OBJECTS_ROOT_SLOT);
    }

    private static TableHeap openOrCreate(StorageEngine storage, int slot) {
        int root = storage.rootPage(slot);
        if (root != 0) {
            return storage.openHeap(root);
        }
        TableHeap heap = storage.createHeap();
        storage.setRootPage(slot, heap.firstPageNo());
        return heap;
    }

    /** A table or view and the id of its schema. */
    record Placed<T>(T def, int schemaId) {
    }

    /** Reads every table definition, ordered by table id. */
    List<Placed<TableDef>> load() {
        Map<Integer, Object[]> tableRows = new TreeMap<>();
        forEach(tables, TABLES_ROW, row -> tableRows.put((Integer) row[0], row));
        Map<Integer, TreeMap<Integer, ColumnDef>> columnsByTable = new TreeMap<>();
        forEach(columns, COLUMNS_ROW, row -> {
            String typeName = (String) row[3];
            boolean array = typeName.endsWith("[]"); // an array column: its element type, then []
            TypeId id = TypeId.valueOf(array ? typeName.substring(0, typeName.length() - 2) : typeName);
            DataType type = toType(id, (Integer) row[4], (Integer) row[5], (Integer) row[6]);
            type = array ? DataType.array(type) : type;
            ColumnDef column = new ColumnDef((String) row[2], type, (Boolean) row[7], (String) row[8]);
            columnsByTable.computeIfAbsent((Integer) row[0], k -> new TreeMap<>()).put((Integer) row[1], column);
        });
        Map<Integer, TreeMap<Integer, CheckDef>> checksByTable = new TreeMap<>();
        forEach(checks, CHECKS_ROW, row -> checksByTable.computeIfAbsent((Integer) row[0], k -> new TreeMap<>())
                .put((Integer) row[1], new CheckDef((String) row[2], (String) row[3])));
        Map<Integer, TreeMap<Integer, IndexDef>> indexesByTable = new TreeMap<>();
        forEach(indexes, INDEXES_ROW, row -> indexesByTable.computeIfAbsent((Integer) row[1], k -> new TreeMap<>())
                .put((Integer) row[0], new IndexDef((Integer) row[0], (String) row[2], (Integer) row[1],
                        parseColumns((String) row[7]), (Boolean) row[3], (Boolean) row[4],
                        IndexDef.IndexMethod.valueOf((String) row[5]), (Integer) row[6])));
        Map<Integer, TreeMap<Integer, ForeignKeyDef>> keysByTable = new TreeMap<>();
        forEach(foreignKeys, FOREIGN_KEYS_ROW, row -> keysByTable.computeIfAbsent((Integer) row[0], k -> new TreeMap<>())
                .put((Integer) row[1], new ForeignKeyDef((String) row[2], positions((String) row[3]),
                        (Integer) row[4], positions((String) row[5]), ForeignKeyDef.Action.valueOf((String) row[6]),
                        ForeignKeyDef.Action.valueOf((String) row[7]))));
        List<Placed<TableDef>> result = new ArrayList<>();
        for (Object[] row : tableRows.values()) {
            int tableId = (Integer) row[0];
            TreeMap<Integer, ColumnDef> cols = columnsByTable.get(tableId);
            if (cols == null) {
                throw DbException.corruption("catalog", -1, "table " + row[1] + " has no columns");
            }
            List<CheckDef> tableChecks = new ArrayList<>(checksByTable.getOrDefault(tableId, new TreeMap<>()).values());
            List<IndexDef> tableIndexes = new ArrayList<>(indexesByTable.getOrDefault(tableId, new TreeMap<>()).values());
            List<ForeignKeyDef> tableKeys = new ArrayList<>(keysByTable.getOrDefault(tableId, new TreeMap<>()).values());
            result.add(new Placed<>(new TableDef(tableId, (String) row[1], new ArrayList<>(cols.values()),
                    (Integer) row[2], tableChecks, tableIndexes, tableKeys), schemaId(row[3])));
        }
        return result;
    }

    /** A NULL schema id (a row written before schemas existed) is schema {@code public}. */
    private static int schemaId(Object stored) {
        return stored == null ? SchemaDef.PUBLIC_ID : (Integer) stored;
    }

    /** The views. */
    List<ViewDef> loadViews() {
        List<ViewDef> views = new ArrayList<>();
        forEach(objects, OBJECTS_ROW, row -> {
            if (VIEW.equals(row[0])) {
                String extra = (String) row[5];
                List<Integer> path = row[7] == null ? List.of(SchemaDef.PUBLIC_ID) : List.of(positionList((String) row[7]));
                views.add(new ViewDef((String) row[1], (String) row[4], List.of(extra.split(NAME_SEPARATOR, -1)),
                        schemaId(row[6]), path));
            }
        });
        return views;
    }

    private static Integer[] positionList(String text) {
        if (text.isEmpty()) {
            return new Integer[0];
        }
        int[] ids = positions(text);
        Integer[] out = new Integer[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i];
        }
        return out;
    }

    /** The schemas that have a row (all but {@code public}). */
    List<SchemaDef> loadSchemas() {
        List<SchemaDef> schemas = new ArrayList<>();
        forEach(objects, OBJECTS_ROW, row -> {
            if (SCHEMA.equals(row[0])) {
                schemas.add(new SchemaDef((Integer) row[2], (String) row[1], (String) row[4]));
            }
        });
        return schemas;
    }

    void insertSchema(SchemaDef schema) {
        objects.insert(RowCodec.encode(OBJECTS_ROW, new Object[] {SCHEMA, schema.name(), schema.schemaId(), 0,
            schema.owner(), null, null, null}));
    }

    void deleteSchema(int schemaId) {
        deleteObjects(row -> SCHEMA.equals(row[0]) && ((Integer) row[2]) == schemaId);
    }

    /** The comments, keyed by {@link CommentKey}. */
    Map<CommentKey, String> loadComments() {
        Map<CommentKey, String> comments = new LinkedHashMap<>();
        forEach(objects, OBJECTS_ROW, row -> {
            if (COMMENT.equals(row[0])) {
                comments.put(new CommentKey((Integer) row[2], (Integer) row[3]), (String) row[4]);
            }
        });
        return comments;
    }

    void insertView(ViewDef view) {
        StringBuilder path = new StringBuilder();
        for (int id : view.searchPath()) {
            path.append(path.length() > 0 ? "," : "").append(id);
        }
        objects.insert(RowCodec.encode(OBJECTS_ROW, new Object[] {VIEW, view.name(), -1, 0, view.sql(),
            String.join(NAME_SEPARATOR, view.columns()), view.schemaId(), path.toString()}));
    }

    void deleteView(ViewDef view) {
        deleteObjects(row -> VIEW.equals(row[0]) && view.name().equals(row[1]) && schemaId(row[6]) == view.schemaId());
    }

    void insertComment(CommentKey key, String text) {
        objects.insert(RowCodec.encode(OBJECTS_ROW, new Object[] {COMMENT, null, key.tableId(), key.column(), text,
            null, null, null}));
    }

    /** Deletes the comment on {@code key}, or every comment on its table if {@code key.column()} is null-like. */
    void deleteComments(int tableId, Integer column) {
        deleteObjects(row -> COMMENT.equals(row[0]) && ((Integer) row[2]) == tableId
                && (column == null || column.equals(row[3])));
    }

    private void deleteObjects(java.util.function.Predicate<Object[]> doomed) {
        List<Long> rowIds = new ArrayList<>();
        try (HeapCursor cursor = objects.scan()) {
            Object[][] cells = new Object[OBJECTS_ROW.length][1];
            while (cursor.next()) {
                RowCodec.decodeInto(cursor.buffer(), cursor.tupleOffset(), cursor.tupleLength(), OBJECTS_ROW, cells, 0);
                Object[] row = new Object[OBJECTS_ROW.length];
                for (int i = 0; i < row.length; i++) {
                    row[i] = cells[i][0];
                }
                if (doomed.test(row)) {
                    rowIds.add(cursor.rowId());
                }
            }
        }
        for (long rowId : rowIds) {
            objects.delete(rowId);
        }
    }

    void insert(TableDef table, int schemaId) {
        tables.insert(RowCodec.encode(TABLES_ROW, new Object[] {table.tableId(), table.name(), table.heapFirstPage(),
            schemaId}));
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnDef c = table.columns().get(i);
            DataType t = c.type().elementType() != null ? c.type().elementType() : c.type();
            String typeName = c.type().elementType() != null ? t.id().name() + "[]" : t.id().name();
            columns.insert(RowCodec.encode(COLUMNS_ROW, new Object[] {
                table.tableId(), i, c.name(), typeName, t.precision(), t.scale(), t.length(), c.nullable(),
                c.defaultSql()}));
        }
        for (int i = 0; i < table.checks().size(); i++) {
            CheckDef check = table.checks().get(i);
            checks.insert(RowCodec.encode(CHECKS_ROW, new Object[] {table.tableId(), i, check.name(), check.sql()}));
        }
        for (int i = 0; i < table.foreignKeys().size(); i++) {
            ForeignKeyDef key = table.foreignKeys().get(i);
            foreignKeys.insert(RowCodec.encode(FOREIGN_KEYS_ROW, new Object[] {table.tableId(), i, key.name(),
                positions(key.columns()), key.parentTableId(), positions(key.parentColumns()), key.onDelete().name(),
                key.onUpdate().name()}));
        }
        for (IndexDef index : table.indexes()) {
            indexes.insert(RowCodec.encode(INDEXES_ROW, new Object[] {index.indexId(), table.tableId(), index.name(),
                index.unique(), index.primaryKey(), index.method().name(), index.rootPage(),
                formatColumns(index.columns())}));
        }
    }

    private static String positions(int[] columns) {
        StringBuilder out = new StringBuilder();
        for (int c : columns) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static int[] positions(String text) {
        try {
            String[] parts = text.split(",");
            int[] out = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = Integer.parseInt(parts[i]);
            }
            return out;
        } catch (RuntimeException e) {
            throw DbException.corruption("catalog", -1, "foreign key columns \"" + text + "\" cannot be read");
        }
    }

    private static String formatColumns(List<IndexDef.IndexColumn> columns) {
        StringBuilder out = new StringBuilder();
        for (IndexDef.IndexColumn c : columns) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(c.column()).append(c.descending() ? ":D" : ":A").append(c.nullsFirst() ? ":F" : ":L");
        }
        return out.toString();
    }

    private static List<IndexDef.IndexColumn> parseColumns(String text) {
        List<IndexDef.IndexColumn> out = new ArrayList<>();
        try {
            for (String part : text.split(",")) {
                String[] f = part.split(":");
                out.add(new IndexDef.IndexColumn(Integer.parseInt(f[0]), f[1].equals("D"), f[2].equals("F")));
            }
        } catch (RuntimeException e) {
            throw DbException.corruption("catalog", -1, "index columns \"" + text + "\" cannot be read");
        }
        return out;
    }

    void delete(int tableId) {
        deleteWhere(tables, TABLES_ROW, tableId);
        deleteWhere(columns, COLUMNS_ROW, tableId);
        deleteWhere(checks, CHECKS_ROW, tableId);
        deleteWhere(indexes, INDEXES_ROW, tableId, 1);
        deleteWhere(foreignKeys, FOREIGN_KEYS_ROW, tableId);
    }

    private static void deleteWhere(TableHeap heap, DataType[] rowType, int tableId) {
        deleteWhere(heap, rowType, tableId, 0);
    }

    /** Deletes the rows whose column {@code column} holds {@code tableId}. */
    private static void deleteWhere(TableHeap heap, DataType[] rowType, int tableId, int column) {
        List<Long> doomed = new ArrayList<>();
        try (HeapCursor cursor = heap.scan()) {
            Object[][] cell = new Object[rowType.length][1];
            while (cursor.next()) {
                RowCodec.decodeInto(cursor.buffer(), cursor.tupleOffset(), cursor.tupleLength(), rowType, cell, 0);
                if (((Integer) cell[column][0]) == tableId) {
                    doomed.add(cursor.rowId());
                }
            }
        }
        for (long rowId : doomed) {
            heap.delete(rowId);
        }
    }

    private interface RowConsumer {
        void accept(Object[] row);
    }

    private static void forEach(TableHeap heap, DataType[] rowType, RowConsumer consumer) {
        try (HeapCursor cursor = heap.scan()) {
            Object[][] cells = new Object[rowType.length][1];
            while (cursor.next()) {
                RowCodec.decodeInto(cursor.buffer(), cursor.tupleOffset(), cursor.tupleLength(), rowType, cells, 0);
                Object[] row = new Object[rowType.length];
                for (int i = 0; i < row.length; i++) {
                    row[i] = cells[i][0];
                }
                consumer.accept(row);
            }
        }
    }

    private static DataType toType(TypeId id, int precision, int scale, int length) {
        switch (id) {
            case DECIMAL:
                return precision < 0 ? DataType.DECIMAL : DataType.decimal(precision, scale);
            case CHAR:
                return DataType.charType(length);
            case VARCHAR:
                return length < 0 ? DataType.VARCHAR : DataType.varchar(length);
            case VARBINARY:
                return length < 0 ? DataType.VARBINARY : DataType.varbinary(length);
            case BOOLEAN:
                return DataType.BOOLEAN;
            case SMALLINT:
                return DataType.SMALLINT;
            case INTEGER:
                return DataType.INTEGER;
            case BIGINT:
                return DataType.BIGINT;
            case REAL:
                return DataType.REAL;
            case DOUBLE:
                return DataType.DOUBLE;
            case TEXT:
                return DataType.TEXT;
            case BLOB:
                return DataType.BLOB;
            case DATE:
                return DataType.DATE;
            case TIME:
                return DataType.TIME;
            case TIMESTAMP:
                return DataType.TIMESTAMP;
            case TIMESTAMP_TZ:
                return DataType.TIMESTAMP_TZ;
            case UUID:
                return DataType.UUID;
            case INTERVAL:
                return DataType.INTERVAL;
            case JSON:
                return DataType.JSON;
            case JSONB:
                return DataType.JSONB;
            default:
                throw DbException.corruption("catalog", -1, "column of unknown type " + id);
        }
    }
}
