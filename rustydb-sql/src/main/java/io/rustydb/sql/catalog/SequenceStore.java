package io.rustydb.sql.catalog;

import io.rustydb.core.DbException;
import io.rustydb.core.type.DataType;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.heap.HeapCursor;
import io.rustydb.storage.heap.TableHeap;
import io.rustydb.storage.tuple.RowCodec;
import io.rustydb.storage.wal.CurrentLog;
import io.rustydb.storage.wal.TupleChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The system heap {@code sys_sequences} (root slot {@value #SEQUENCES_ROOT_SLOT}, next to the four heaps of
 * {@link CatalogStore}): one row per sequence, holding its definition and its persisted state.
 * <pre>
 *  sys_sequences (last_value BIGINT, is_called BOOLEAN, sequence_id INTEGER, name VARCHAR, type_id VARCHAR,
 *                 start BIGINT, increment BIGINT, min_value BIGINT, max_value BIGINT, cycle BOOLEAN, cache BIGINT,
 *                 owner_table INTEGER, owner_column INTEGER, identity VARCHAR, schema_id INTEGER)
 * </pre>
 * {@code schema_id} came later (with schemas): a row written before reads NULL, schema {@code public}. The null
 * bitmap is 2 bytes for 9 to 16 columns, so the state offset is the same for rows with and without it.
 * A row is an ordinary {@link RowCodec} tuple. The two state columns come first and are never NULL, so they sit
 * at a fixed offset and are overwritten in place:
 * <pre>
 *  0        1        3           5                13          14
 *  +--------+--------+-----------+----------------+-----------+----------------------------------------+
 *  | format | ncols  | nulls     | last_value i64 | is_called | sequence_id, name, ... (the definition) |
 *  | 1      | 14     | 2 bytes   | little-endian  | u8        |                                        |
 *  +--------+--------+-----------+----------------+-----------+----------------------------------------+
 *                                 \___ STATE_OFFSET, STATE_LENGTH = 9 ___/
 * </pre>
 * Inserting and deleting a row are transactional (CREATE/DROP SEQUENCE are DDL: a rollback undoes them by slot).
 * The state is written by {@link #writeState} <em>outside</em> any transaction, as a redo-only change that no
 * rollback undoes: {@code nextval} is not transactional. {@code is_called = false} means the next value is
 * {@code last_value} itself (a new or restarted sequence); otherwise it is {@code last_value + increment}.
 * {@code owner_column} is the owning column's position; {@code identity} is a {@link SequenceDef.Identity} name.
 */
final class SequenceStore {
    static final int SEQUENCES_ROOT_SLOT = 4;

    private static final DataType[] ROW = {
        DataType.BIGINT, DataType.BOOLEAN, DataType.INTEGER, DataType.VARCHAR, DataType.VARCHAR,
        DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.BOOLEAN, DataType.BIGINT,
        DataType.INTEGER, DataType.INTEGER, DataType.VARCHAR, DataType.INTEGER
    };
    /** Where {@code last_value} starts in a row: after the header and the null bitmap. */
    static final int STATE_OFFSET = RowCodec.NULL_BITMAP_OFFSET + (ROW.length + 7) / 8;
    /** {@code last_value} (8 bytes) and {@code is_called} (1 byte). */
    static final int STATE_LENGTH = 9;

    /** A stored sequence: its definition, its row and its persisted state. */
    record Stored(SequenceDef def, int schemaId, long rowId, long lastValue, boolean called) {
    }

    private final TableHeap heap;

    SequenceStore(StorageEngine storage) {
        int root = storage.rootPage(SEQUENCES_ROOT_SLOT);
        if (root != 0) {
            heap = storage.openHeap(root);
        } else {
            heap = storage.createHeap(); // a new database, or a file written before sequences existed
            storage.setRootPage(SEQUENCES_ROOT_SLOT, heap.firstPageNo());
        }
    }

    /** Every stored sequence. */
    List<Stored> load() {
        List<Stored> out = new ArrayList<>();
        try (HeapCursor cursor = heap.scan()) {
            Object[][] cells = new Object[ROW.length][1];
            while (cursor.next()) {
                RowCodec.decodeInto(cursor.buffer(), cursor.tupleOffset(), cursor.tupleLength(), ROW, cells, 0);
                int schemaId = cells[14][0] == null ? SchemaDef.PUBLIC_ID : (Integer) cells[14][0];
                out.add(new Stored(decode(cells), schemaId, cursor.rowId(), (Long) cells[0][0], (Boolean) cells[1][0]));
            }
        }
        return out;
    }

    private static SequenceDef decode(Object[][] c) {
        String name = (String) c[3][0];
        try {
            DataType type = DataType.of(io.rustydb.core.type.TypeId.valueOf((String) c[4][0]));
            return new SequenceDef((Integer) c[2][0], name, type, (Long) c[5][0], (Long) c[6][0], (Long) c[7][0],
                    (Long) c[8][0], (Boolean) c[9][0], (Long) c[10][0], (Integer) c[11][0], (Integer) c[12][0],
                    SequenceDef.Identity.valueOf((String) c[13][0]));
        } catch (RuntimeException e) {
            throw DbException.corruption("catalog", -1, "sequence " + name + " cannot be read: " + e.getMessage());
        }
    }

    /** Stores a new sequence in the current transaction; returns its row id. */
    long insert(SequenceDef def, int schemaId, long lastValue, boolean called) {
        return heap.insert(encode(def, schemaId, lastValue, called));
    }

    /** Deletes the sequence's row in the current transaction. */
    void delete(long rowId) {
        if (!heap.delete(rowId)) {
            throw DbException.internal("sys_sequences has no row " + rowId);
        }
    }

    /**
     * Overwrites the persisted state of the sequence at {@code rowId} in place, logged redo-only (outside any
     * transaction: never undone). The log record is appended before this returns.
     */
    void writeState(long rowId, SequenceDef def, long lastValue, boolean called) {
        byte[] row = encode(def, SchemaDef.PUBLIC_ID, lastValue, called); // only the state bytes are used
        byte[] state = Arrays.copyOfRange(row, STATE_OFFSET, STATE_OFFSET + STATE_LENGTH);
        try (CurrentLog.Scope redoOnly = CurrentLog.enter(null)) {
            if (!heap.patch(rowId, STATE_OFFSET, state)) {
                throw DbException.internal("sys_sequences has no row " + rowId + " for sequence " + def.name());
            }
        } finally {
            TupleChange.clear();
        }
    }

    private static byte[] encode(SequenceDef d, int schemaId, long lastValue, boolean called) {
        return RowCodec.encode(ROW, new Object[] {
            lastValue, called, d.sequenceId(), d.name(), d.type().id().name(), d.start(), d.increment(),
            d.minValue(), d.maxValue(), d.cycle(), d.cache(), d.ownerTable(), d.ownerColumn(), d.identity().name(), schemaId});
    }
}
