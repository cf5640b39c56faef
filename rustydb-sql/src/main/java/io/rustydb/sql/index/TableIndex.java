package io.rustydb.sql.index;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.index.btree.BPlusTree;
import io.rustydb.index.hash.HashIndex;
import io.rustydb.index.key.KeyCodec;
import io.rustydb.index.key.KeyColumn;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.storage.buffer.BufferPool;
import io.rustydb.storage.heap.OverflowStore;
import io.rustydb.storage.tuple.RowCodec;
import io.rustydb.txn.Transaction;
import io.rustydb.txn.mvcc.VersionedHeap;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One index of a table at run time: its definition, the codec of its key columns and its structure — a B+tree, or
 * for {@code USING HASH} a hash index (equality only: it answers for one whole key at a time).
 *
 * <p><b>Entries.</b> Every row version gets one entry: the binary-comparable key of its indexed columns
 * ({@link KeyCodec}) followed by its row id (8 bytes, big-endian), in unique and non-unique indexes alike — a
 * unique index holds several entries per key while old versions of a row live on for older snapshots:
 * <pre>
 *  +------------------------------+----------------------+
 *  | key (KeyCodec, prefix-free)  | row id (u64, BE)     |
 *  +------------------------------+----------------------+
 * </pre>
 * So all entries of one key are contiguous ({@code [key, prefixUpperBound(key))}) and ordered by row id. A hash
 * index stores the same pairs as (key, row id) and hands them out in this form.
 *
 * <p><b>Entries and MVCC.</b> Entries are never removed by a rollback (index changes are redo-only): a rolled-back
 * insert leaves an entry whose row id names an empty slot, or a slot reused by another row. Readers therefore
 * fetch the version through the snapshot and compare its key with the entry's ({@link #keyMatches}); vacuum
 * removes the entries of the versions it removes (before removing them), and {@code VACUUM} sweeps the rest.
 */
public final class TableIndex {
    /** Bytes of the row id at the end of each entry. */
    public static final int ROW_ID_BYTES = 8;

    private final IndexDef def;
    private final KeyCodec codec;
    private final int[] positions;
    private final DataType[] tableTypes;
    /** The B+tree, or null for a hash index. */
    private final BPlusTree tree;
    /** The hash index, or null for a B+tree. */
    private final HashIndex hash;

    private TableIndex(IndexDef def, TableDef table, BPlusTree tree, HashIndex hash) {
        this.def = def;
        this.positions = def.columnPositions();
        this.tableTypes = table.columnTypes();
        this.codec = codecFor(def, tableTypes);
        this.tree = tree;
        this.hash = hash;
    }

    private static KeyCodec codecFor(IndexDef def, DataType[] tableTypes) {
        List<KeyColumn> keyColumns = new ArrayList<>();
        for (IndexDef.IndexColumn c : def.columns()) {
            keyColumns.add(new KeyColumn(tableTypes[c.column()], c.descending(), c.nullsFirst()));
        }
        return new KeyCodec(keyColumns);
    }

    /** Opens the index {@code def} of {@code table}. */
    public static TableIndex open(BufferPool pool, IndexDef def, TableDef table) {
        if (def.method() == IndexDef.IndexMethod.HASH) {
            return new TableIndex(def, table, null, HashIndex.open(pool, def.rootPage()));
        }
        return new TableIndex(def, table, BPlusTree.open(pool, def.rootPage()), null);
    }

    /**
     * Builds the index {@code def} (root page not yet set) over every row version of {@code table} in
     * {@code heap} (CREATE INDEX; the caller holds the database exclusively, so no version is in doubt): sorts the
     * entries and loads the tree bottom up. For a unique index, two versions that both exist now with one non-null
     * key are 23505. Returns the index with its root page.
     */
    public static TableIndex build(BufferPool pool, IndexDef def, TableDef table, io.rustydb.txn.mvcc.VersionedHeap heap,
                                   io.rustydb.txn.Transaction tx, OverflowStore overflow) {
        DataType[] types = table.columnTypes();
        KeyCodec codec = codecFor(def, types);
        int[] positions = def.columnPositions();
        List<byte[]> entries = new ArrayList<>();
        java.util.Set<Long> clashCandidates = new java.util.HashSet<>();
        heap.forEachVersion((row, rowId) -> {
            Object[] values = decodeRow(row, types, overflow);
            Object[] keyValues = new Object[positions.length];
            boolean hasNull = false;
            for (int i = 0; i < positions.length; i++) {
                keyValues[i] = values[positions[i]];
                hasNull |= keyValues[i] == null;
            }
            entries.add(entry(codec.encode(keyValues), rowId));
            if (def.unique() && !hasNull && heap.latest(tx, rowId).liveness()
                    != io.rustydb.txn.mvcc.VersionedHeap.Liveness.DEAD) {
                clashCandidates.add(rowId);
            }
        });
        entries.sort(Arrays::compareUnsigned);
        if (def.unique()) {
            byte[] previous = null;
            for (byte[] e : entries) {
                if (!clashCandidates.contains(rowIdOf(e))) {
                    continue;
                }
                if (previous != null && Arrays.equals(previous, 0, previous.length - ROW_ID_BYTES,
                        e, 0, e.length - ROW_ID_BYTES)) {
                    Object[] key = codec.decode(e, 0, e.length - ROW_ID_BYTES);
                    throw new DbException(ErrorCode.UNIQUE_VIOLATION, def.name(), columnNames(def, table),
                            valueList(key));
                }
                previous = e;
            }
        }
        if (def.method() == IndexDef.IndexMethod.HASH) {
            HashIndex hash = HashIndex.create(pool);
            for (byte[] e : entries) {
                byte[] key = Arrays.copyOf(e, e.length - ROW_ID_BYTES);
                if (key.length > hash.maxKeyLength()) {
                    throw new DbException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "index key of " + key.length
                            + " bytes exceeds the maximum of " + hash.maxKeyLength() + " for index \"" + def.name()
                            + "\"");
                }
                hash.insert(key, rowIdOf(e));
            }
            return new TableIndex(def.withRootPage(hash.metaPageNo()), table, null, hash);
        }
        java.util.Iterator<byte[]> it = entries.iterator();
        BPlusTree tree = BPlusTree.bulkLoad(pool, new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public BPlusTree.Entry next() {
                return new BPlusTree.Entry(it.next(), 0);
            }
        }, 0.9);
        return new TableIndex(def.withRootPage(tree.rootPageNo()), table, tree, null);
    }

    public IndexDef def() {
        return def;
    }

    public KeyCodec codec() {
        return codec;
    }

    /** The key of a row (all table columns, in table order). */
    public byte[] keyOf(Object[] row) {
        Object[] values = new Object[positions.length];
        for (int i = 0; i < positions.length; i++) {
            values[i] = row[positions[i]];
        }
        return codec.encode(values);
    }

    /** Whether any indexed column of {@code row} is NULL (NULLs never clash in a unique index). */
    public boolean hasNullKey(Object[] row) {
        for (int p : positions) {
            if (row[p] == null) {
                return true;
            }
        }
        return false;
    }

    /** The entry for {@code key} and {@code rowId}. */
    public static byte[] entry(byte[] key, long rowId) {
        byte[] entry = Arrays.copyOf(key, key.length + ROW_ID_BYTES);
        ByteBuffer.wrap(entry).order(ByteOrder.BIG_ENDIAN).putLong(key.length, rowId);
        return entry;
    }

    /** The row id at the end of {@code entry}. */
    public static long rowIdOf(byte[] entry) {
        return ByteBuffer.wrap(entry).order(ByteOrder.BIG_ENDIAN).getLong(entry.length - ROW_ID_BYTES);
    }

    /** Whether {@code row}'s key is the key part of {@code entry} (the entry still describes the row). */
    public boolean keyMatches(byte[] entry, Object[] row) {
        byte[] key = keyOf(row);
        return key.length == entry.length - ROW_ID_BYTES
                && Arrays.equals(key, 0, key.length, entry, 0, key.length);
    }

    /** The indexed columns' names, comma-separated (for messages). */
    public static String columnNames(IndexDef def, TableDef table) {
        StringBuilder out = new StringBuilder();
        for (IndexDef.IndexColumn c : def.columns()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(table.columns().get(c.column()).name());
        }
        return out.toString();
    }

    /** Key values as a message shows them. */
    public static String valueList(Object[] values) {
        StringBuilder out = new StringBuilder();
        for (Object v : values) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(v == null ? "null" : io.rustydb.core.type.Values.toSqlString(v));
        }
        return out.toString();
    }

    /**
     * What {@link #probe} found for a key: the row id of a version that exists now ({@code -1} if none), or the
     * running transaction whose insert or delete of such a version must be waited for ({@code 0} if none).
     */
    public record Probe(long liveRowId, long writer) {
    }

    /**
     * Looks at what the entries of {@code key} point to now, whatever any snapshot sees (uniqueness and foreign key
     * checks): stops at the first version that exists (not {@code ignoreRowId}) or whose writer is still running;
     * skips gone versions and entries whose slot holds another key.
     */
    public Probe probe(VersionedHeap heap, Transaction tx, OverflowStore overflow, byte[] key, long ignoreRowId) {
        IndexEntries entries = scanKey(key);
        while (entries.next()) {
            long rowId = rowIdOf(entries.entry());
            if (rowId == ignoreRowId) {
                continue;
            }
            VersionedHeap.Latest latest = heap.latest(tx, rowId);
            if (latest.liveness() == VersionedHeap.Liveness.DEAD
                    || !keyMatches(entries.entry(), decodeRow(latest.row(), overflow))) {
                continue;
            }
            return latest.liveness() == VersionedHeap.Liveness.IN_DOUBT
                    ? new Probe(-1, latest.writer()) : new Probe(rowId, 0);
        }
        return new Probe(-1, 0);
    }

    /** Adds the entry of a row version; false if it was there already (a slot reused with the same key). */
    public boolean add(byte[] key, long rowId) {
        checkLength(key);
        return hash != null ? hash.insert(key, rowId) : tree.insert(entry(key, rowId), 0);
    }

    /** Removes the entry of a row version; false if it was not there. */
    public boolean remove(byte[] key, long rowId) {
        return hash != null ? hash.delete(key, rowId) : tree.delete(entry(key, rowId));
    }

    /** Removes an entry as found by a scan. */
    public boolean removeEntry(byte[] entry) {
        return remove(Arrays.copyOf(entry, entry.length - ROW_ID_BYTES), rowIdOf(entry));
    }

    private void checkLength(byte[] key) {
        if (hash != null) {
            if (key.length > hash.maxKeyLength()) {
                throw new DbException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "index key of " + key.length + " bytes "
                        + "exceeds the maximum of " + hash.maxKeyLength() + " for index \"" + def.name() + "\"");
            }
            return;
        }
        if (key.length + ROW_ID_BYTES > tree.maxKeyLength()) {
            throw new DbException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "index row of " + (key.length + ROW_ID_BYTES)
                    + " bytes exceeds the maximum of " + tree.maxKeyLength() + " for index \"" + def.name() + "\"");
        }
    }

    /**
     * The entries in {@code [from, to)} (entry space; null = open), in either direction. A hash index reads only
     * whole keys: {@code from} must then be a key and {@code to} its {@link KeyCodec#prefixUpperBound}, or both null
     * for every entry (in no order).
     */
    public IndexEntries scan(byte[] from, byte[] to, boolean descending) {
        if (hash == null) {
            return IndexEntries.of(tree.scan(from, true, to, false, descending));
        }
        if (from == null) {
            List<byte[]> all = new ArrayList<>();
            hash.forEachEntry((key, rowId) -> all.add(entry(key, rowId)));
            return IndexEntries.of(all);
        }
        return scanKey(from);
    }

    /** The entries of {@code key} (in row id order for a B+tree). */
    public IndexEntries scanKey(byte[] key) {
        if (hash != null) {
            List<byte[]> out = new ArrayList<>();
            hash.lookup(key, rowId -> out.add(entry(key, rowId)));
            return IndexEntries.of(out);
        }
        return IndexEntries.of(tree.scan(key, true, KeyCodec.prefixUpperBound(key), false, false));
    }

    /** Decodes a row version's bytes into table-order values (large values read from {@code overflow}). */
    public Object[] decodeRow(byte[] row, OverflowStore overflow) {
        return decodeRow(row, tableTypes, overflow);
    }

    private static Object[] decodeRow(byte[] row, DataType[] types, OverflowStore overflow) {
        return RowCodec.decode(row, types, overflow);
    }

    /** Frees every page of the index (after the transaction that dropped it committed). */
    public void drop() {
        if (hash != null) {
            hash.drop();
        } else {
            tree.drop();
        }
    }

    /** The structure check of the tree (tests, diagnostics); returns the entry count. */
    public long checkStructure() {
        return hash != null ? hash.checkStructure() : tree.checkStructure();
    }
}
