package io.rustydb.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rustydb.core.config.DatabaseConfig;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.engine.SqlEngine;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.heap.HeapCursor;
import io.rustydb.storage.heap.TableHeap;
import io.rustydb.storage.tuple.RowCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade path of schemas: a file whose catalog rows were written before schemas existed — {@code sys_tables}
 * without {@code schema_id}, {@code sys_objects} without {@code schema_id} and {@code search_path},
 * {@code sys_sequences} without {@code schema_id}, and no schema rows — opens with everything in {@code public}.
 * The old rows are made by cutting the new trailing columns off rows written now (what the old code wrote).
 */
class PreSchemaCatalogTest {
    @TempDir
    Path dir;

    @Test
    void aCatalogWithoutSchemaColumnsOpensWithEverythingInPublic() {
        Path file = dir.resolve("old.db");
        try (SqlEngine engine = SqlEngine.open(StorageEngine.openFile(file, StorageOptions.defaults()),
                DatabaseConfig.defaults())) {
            engine.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR)");
            engine.execute("INSERT INTO t VALUES (1, 'one')");
            engine.execute("CREATE VIEW v AS SELECT v FROM t");
            engine.execute("CREATE SEQUENCE s START WITH 5");
            StorageEngine storage = engine.storage();
            assertEquals(1, truncateRows(storage, CatalogStore.TABLES_ROOT_SLOT, 4, 3));
            assertEquals(1, truncateRows(storage, CatalogStore.OBJECTS_ROOT_SLOT, 8, 6));
            assertEquals(1, truncateRows(storage, SequenceStore.SEQUENCES_ROOT_SLOT, 15, 14));
        }
        try (SqlEngine engine = SqlEngine.open(StorageEngine.openFile(file, StorageOptions.defaults()),
                DatabaseConfig.defaults())) {
            Catalog catalog = engine.catalog();
            assertEquals(List.of("public"), catalog.schemas().stream().map(SchemaDef::name).toList());
            TableDef t = catalog.findTable(QualifiedName.inPublic("t"));
            assertEquals("public", catalog.schemaOf(t));
            assertEquals("public", catalog.schemaOf(catalog.findView(QualifiedName.inPublic("v"))));
            assertEquals(List.of(List.of("one")), values(engine, "SELECT * FROM public.v"));
            assertEquals(List.of(List.of(5L)), values(engine, "SELECT nextval('public.s')"));
            engine.execute("CREATE SCHEMA a");
            engine.execute("CREATE TABLE a.t (x INT)");
            assertEquals(List.of(List.of("a", "t"), List.of("public", "t"), List.of("public", "v")),
                    values(engine, "SELECT table_schema, table_name FROM information_schema.tables"));
            assertNull(catalog.findTable(new QualifiedName("a", "v")));
        }
    }

    private static List<List<Object>> values(SqlEngine engine, String sql) {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] row : engine.execute(sql).query().rows()) {
            out.add(List.of(row));
        }
        return out;
    }

    /**
     * Rewrites the rows of the system heap in root slot {@code slot} ({@code width} columns) with only their first
     * {@code keep} columns, outside any transaction (logged redo-only); returns how many rows were rewritten.
     */
    private static int truncateRows(StorageEngine storage, int slot, int width, int keep) {
        TableHeap heap = storage.openHeap(storage.rootPage(slot));
        Map<Long, byte[]> rewritten = new java.util.LinkedHashMap<>();
        try (HeapCursor cursor = heap.scan()) {
            while (cursor.next()) {
                byte[] tuple = new byte[cursor.tupleLength()];
                cursor.buffer().get(cursor.tupleOffset(), tuple, 0, tuple.length);
                rewritten.put(cursor.rowId(), cut(tuple, width, keep));
            }
        }
        for (Map.Entry<Long, byte[]> e : rewritten.entrySet()) {
            heap.delete(e.getKey());
            heap.insert(e.getValue());
        }
        return rewritten.size();
    }

    /**
     * {@code tuple} without its last {@code width - keep} columns, which must be the trailing ones written last:
     * the values of the kept columns are copied unchanged, the column count and null bitmap are rewritten.
     */
    private static byte[] cut(byte[] tuple, int width, int keep) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(tuple).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(width, Short.toUnsignedInt(in.getShort(1)), "the row as written now");
        Object[][] cells = new Object[width][1];
        DataType[] types = rowTypes(width);
        RowCodec.decodeInto(in, 0, tuple.length, types, cells, 0);
        Object[] kept = new Object[keep];
        for (int i = 0; i < keep; i++) {
            kept[i] = cells[i][0];
        }
        return RowCodec.encode(java.util.Arrays.copyOf(types, keep), kept);
    }

    private static DataType[] rowTypes(int width) {
        DataType i = DataType.INTEGER;
        DataType s = DataType.VARCHAR;
        DataType b = DataType.BIGINT;
        return switch (width) {
            case 4 -> new DataType[] {i, s, i, i}; // sys_tables
            case 8 -> new DataType[] {s, s, i, i, s, s, i, s}; // sys_objects
            case 15 -> new DataType[] {b, DataType.BOOLEAN, i, s, s, b, b, b, b, DataType.BOOLEAN, b, i, i, s, i};
            default -> throw new AssertionError("no row of " + width + " columns");
        };
    }
}
