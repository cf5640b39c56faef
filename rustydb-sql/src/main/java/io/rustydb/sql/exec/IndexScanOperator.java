package io.rustydb.sql.exec;

import io.rustydb.core.type.Casts;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.Values;
import io.rustydb.index.key.KeyCodec;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.index.IndexEntries;
import io.rustydb.sql.index.TableIndex;
import io.rustydb.txn.mvcc.VersionedHeap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the rows of a table through one of its indexes: the entries of one or more key ranges, each row version
 * fetched through the transaction's snapshot. The ranges come from an {@link IndexBounds} whose values (literals,
 * parameters) are evaluated when the scan opens.
 *
 * <p>An entry is only a hint: the version it names must be visible to the snapshot and must still carry the
 * entry's key (a rolled-back insert leaves entries behind whose slot may hold another row since), so each fetched
 * row's key is compared with the entry's. The filter above re-checks the whole predicate. Rows come in index order
 * (reversed for a descending scan), so an ORDER BY on the index columns needs no sort.
 */
public final class IndexScanOperator implements PhysicalOperator {
    private final TableDef table;
    private final IndexDef index;
    private final IndexBounds bounds;
    private final boolean descending;
    private final boolean withRowId;
    private final boolean indexOnly;
    private final DataType[] types;

    public IndexScanOperator(TableDef table, IndexDef index, IndexBounds bounds, boolean descending,
                             boolean withRowId) {
        this(table, index, bounds, descending, withRowId, false);
    }

    private IndexScanOperator(TableDef table, IndexDef index, IndexBounds bounds, boolean descending,
                              boolean withRowId, boolean indexOnly) {
        this.table = table;
        this.index = index;
        this.bounds = bounds;
        this.descending = descending;
        this.withRowId = withRowId;
        this.indexOnly = indexOnly;
        this.types = table.columnTypes();
    }

    /**
     * This scan as an index-only scan if the index holds every column in {@code used} (table positions) in a form
     * its key decodes exactly, else null. Rows then carry only the indexed columns (the others are NULL, and nothing
     * above reads them); a row on a page the visibility map knows as all-visible is answered from the index entry
     * alone, any other from the heap as usual.
     */
    IndexScanOperator indexOnly(java.util.Set<Integer> used) {
        if (withRowId || used == null || index.method() != IndexDef.IndexMethod.BTREE) {
            return null;
        }
        java.util.Set<Integer> covered = new java.util.HashSet<>();
        for (IndexDef.IndexColumn c : index.columns()) {
            if (!decodesExactly(types[c.column()])) {
                return null;
            }
            covered.add(c.column());
        }
        return covered.containsAll(used)
                ? new IndexScanOperator(table, index, bounds, descending, false, true) : null;
    }

    /** Types whose key encoding gives back the very value stored (not merely one equal in SQL). */
    private static boolean decodesExactly(DataType type) {
        switch (type.id()) {
            case BOOLEAN:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case CHAR:
            case VARCHAR:
            case TEXT:
            case DATE:
            case TIME:
            case TIMESTAMP:
            case UUID:
                return true;
            case DECIMAL:
                return type.isConstrainedDecimal();
            default:
                return false; // -0.0 and NaN payloads, TIMESTAMP WITH TIME ZONE offsets, binary: not exactly
        }
    }

    @Override
    public List<DataType> outputTypes() {
        List<DataType> out = new ArrayList<>(List.of(types));
        if (withRowId) {
            out.add(DataType.BIGINT);
        }
        return out;
    }

    @Override
    public OperatorState open(ExecContext context) {
        TableIndex structure = context.catalog().index(table, index);
        VersionedHeap heap = context.catalog().heap(table);
        heap.noteRead(context.transaction());
        List<byte[][]> ranges = bounds.ranges(structure.codec(), context, descending);
        // a unique index with its whole key pinned yields at most one row: no room for a thousand
        RowBatch batch = new RowBatch(types.length + (withRowId ? 1 : 0),
                bounds.pinsOneRow(index) ? 1 : RowBatch.CAPACITY);
        return new OperatorState() {
            private int range;
            private IndexEntries cursor;

            @Override
            public RowBatch next() {
                context.checkCancelled();
                int n = 0;
                while (n < batch.capacity()) {
                    if (cursor == null) {
                        if (range == ranges.size()) {
                            break;
                        }
                        byte[][] r = ranges.get(range++);
                        cursor = structure.scan(r[0], r[1], descending);
                    }
                    if (!cursor.next()) {
                        cursor = null;
                        continue;
                    }
                    byte[] entry = cursor.entry();
                    long rowId = TableIndex.rowIdOf(entry);
                    Object[] values;
                    if (indexOnly && heap.allVisible(rowId)) {
                        values = fromEntry(structure, entry);
                    } else {
                        byte[] row = heap.readVisible(context.transaction(), rowId);
                        if (row == null) {
                            continue;
                        }
                        values = structure.decodeRow(row, context.catalog().overflow());
                        if (!structure.keyMatches(entry, values)) {
                            continue; // an entry whose slot holds another row (see TableIndex)
                        }
                    }
                    for (int c = 0; c < types.length; c++) {
                        batch.column(c)[n] = values[c];
                    }
                    if (withRowId) {
                        batch.column(types.length)[n] = rowId;
                    }
                    n++;
                }
                batch.setSize(n);
                return n == 0 ? null : batch;
            }

            @Override
            public void close() {
                cursor = null;
            }
        };
    }

    /** A row with the indexed columns decoded from {@code entry} and NULL elsewhere. */
    private Object[] fromEntry(TableIndex structure, byte[] entry) {
        Object[] key = structure.codec().decode(entry, 0, entry.length - TableIndex.ROW_ID_BYTES);
        Object[] values = new Object[types.length];
        for (int i = 0; i < key.length; i++) {
            values[index.columns().get(i).column()] = key[i];
        }
        return values;
    }

    @Override
    public String describe() {
        return (indexOnly ? "IndexOnlyScan " : "IndexScan ") + table.name() + " USING " + index.name() + bounds.describe(table, index)
                + (descending ? " DESC" : "");
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of();
    }

    /**
     * What an index scan reads, as expressions over no column (literals, parameters): equalities on the first
     * index columns, then, on the next column, either IN-list values or a range (each bound optional, inclusive or
     * not). No bound at all is a whole-index scan (for ORDER BY).
     */
    public record IndexBounds(List<Expr> equalities, List<Expr> inList, Expr low, boolean lowInclusive, Expr high,
                              boolean highInclusive) {
        public IndexBounds {
            equalities = List.copyOf(equalities);
            inList = inList == null ? null : List.copyOf(inList);
        }

        /**
         * The byte ranges {@code [from, to)} of entries to read (null = open end), in scan order. Values are cast to
         * the column types; one that cannot be represented exactly (2.5 for an INTEGER column) matches nothing in
         * an equality and leaves a range bound open (the filter above decides).
         */
        List<byte[][]> ranges(KeyCodec codec, ExecContext context, boolean descending) {
            List<Object> prefix = new ArrayList<>();
            for (int i = 0; i < equalities.size(); i++) {
                Object v = exact(equalities.get(i), codec.columns().get(i).type(), context);
                if (v == null || v == INEXACT) {
                    return List.of();
                }
                prefix.add(v);
            }
            int k = equalities.size();
            List<byte[][]> out = new ArrayList<>();
            if (inList != null) {
                List<byte[]> keys = new ArrayList<>();
                for (Expr e : inList) {
                    Object v = exact(e, codec.columns().get(k).type(), context);
                    if (v != null && v != INEXACT) {
                        List<Object> values = new ArrayList<>(prefix);
                        values.add(v);
                        keys.add(codec.encode(values));
                    }
                }
                keys.sort(Arrays::compareUnsigned);
                byte[] previous = null;
                for (byte[] key : keys) {
                    if (previous == null || !Arrays.equals(previous, key)) {
                        out.add(new byte[][] {key, KeyCodec.prefixUpperBound(key)});
                    }
                    previous = key;
                }
            } else if (low != null || high != null) {
                boolean columnDescending = codec.columns().get(k).descending();
                byte[] base = codec.encode(prefix);
                byte[] from = concat(base, 0x01); // the first non-null value of the column
                byte[] to = concat(base, 0x02);   // after its last non-null value
                Object lowValue = low == null ? INEXACT : exact(low, codec.columns().get(k).type(), context);
                Object highValue = high == null ? INEXACT : exact(high, codec.columns().get(k).type(), context);
                if (lowValue == null || highValue == null) {
                    return List.of(); // a comparison with NULL is never true
                }
                // in a descending column, the value range's low end is the byte range's high end
                Object startValue = columnDescending ? highValue : lowValue;
                boolean startInclusive = columnDescending ? highInclusive : lowInclusive;
                Object endValue = columnDescending ? lowValue : highValue;
                boolean endInclusive = columnDescending ? lowInclusive : highInclusive;
                if (startValue != INEXACT) {
                    byte[] key = encode(codec, prefix, startValue);
                    from = startInclusive ? key : KeyCodec.prefixUpperBound(key);
                }
                if (endValue != INEXACT) {
                    byte[] key = encode(codec, prefix, endValue);
                    to = endInclusive ? KeyCodec.prefixUpperBound(key) : key;
                }
                if (from != null && to != null && Arrays.compareUnsigned(from, to) >= 0) {
                    return List.of();
                }
                out.add(new byte[][] {from, to});
            } else {
                byte[] key = codec.encode(prefix);
                out.add(new byte[][] {key.length == 0 ? null : key, KeyCodec.prefixUpperBound(key)});
            }
            if (descending) {
                java.util.Collections.reverse(out);
            }
            return out;
        }

        /** Whether these bounds pin every column of unique {@code index} to one value (at most one live row). */
        boolean pinsOneRow(IndexDef index) {
            return index.unique() && inList == null && low == null && high == null
                    && equalities.size() == index.columns().size();
        }

        private static byte[] encode(KeyCodec codec, List<Object> prefix, Object value) {
            List<Object> values = new ArrayList<>(prefix);
            values.add(value);
            return codec.encode(values);
        }

        private static byte[] concat(byte[] base, int b) {
            byte[] out = Arrays.copyOf(base, base.length + 1);
            out[base.length] = (byte) b;
            return out;
        }

        private static final Object INEXACT = new Object();

        /** The value of {@code e} as {@code type}, null for NULL, or {@link #INEXACT} if not exactly representable. */
        private static Object exact(Expr e, DataType type, ExecContext context) {
            Object v = e.eval(null, 0, context);
            if (v == null) {
                return null;
            }
            try {
                Object cast = Casts.cast(v, type);
                return Values.compare(cast, v) == 0 ? cast : INEXACT;
            } catch (RuntimeException outOfRange) {
                return INEXACT;
            }
        }

        String describe(TableDef table, IndexDef index) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < equalities.size(); i++) {
                out.append(out.length() == 0 ? " (" : " AND ").append(column(table, index, i)).append(" = ")
                        .append(equalities.get(i));
            }
            int k = equalities.size();
            if (inList != null) {
                out.append(out.length() == 0 ? " (" : " AND ").append(column(table, index, k)).append(" IN ")
                        .append(inList);
            }
            if (low != null) {
                out.append(out.length() == 0 ? " (" : " AND ").append(column(table, index, k))
                        .append(lowInclusive ? " >= " : " > ").append(low);
            }
            if (high != null) {
                out.append(out.length() == 0 ? " (" : " AND ").append(column(table, index, k))
                        .append(highInclusive ? " <= " : " < ").append(high);
            }
            return out.length() == 0 ? "" : out.append(')').toString();
        }

        private static String column(TableDef table, IndexDef index, int i) {
            return table.columns().get(index.columns().get(i).column()).name();
        }
    }
}
