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
import io.rustydb.sql.plan.LogicalPlan.JoinType;
import io.rustydb.txn.mvcc.VersionedHeap;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins each outer row with the rows of a table found through an index: the leading index columns are bound to
 * key expressions over the outer row (or constants), so each outer row costs one index probe instead of the whole
 * table being read and hashed. Probes are made per outer batch: the batch's distinct keys are looked up once each,
 * in key order. Found rows pass through the snapshot (as in {@link IndexScanOperator}: an entry must still describe
 * its row), then the inner table's own filter, then the residual condition over the joined row (which re-checks
 * the key equalities). INNER or LEFT (an outer row without a match gets NULLs). A key that is NULL, or not exactly
 * representable in the column's type (2.5 for an INTEGER column), finds nothing.
 */
public final class IndexNestedLoopJoinOperator implements PhysicalOperator {
    private final PhysicalOperator outer;
    private final TableDef table;
    private final IndexDef index;
    private final List<Expr> keys;
    private final Expr innerFilter;
    private final JoinType type;
    private final Expr residual;
    private final int outerWidth;
    private final int innerWidth;

    /**
     * @param keys        one per leading index column, over the outer row
     * @param innerFilter the table's own condition over its columns (null = none)
     * @param residual    the join condition over the outer columns then the table's (null = none)
     */
    public IndexNestedLoopJoinOperator(PhysicalOperator outer, TableDef table, IndexDef index, List<Expr> keys,
                                       Expr innerFilter, JoinType type, Expr residual) {
        if (type != JoinType.INNER && type != JoinType.LEFT) {
            throw io.rustydb.core.DbException.internal("index nested-loop join of type " + type);
        }
        this.outer = outer;
        this.table = table;
        this.index = index;
        this.keys = List.copyOf(keys);
        this.innerFilter = innerFilter;
        this.type = type;
        this.residual = residual;
        this.outerWidth = outer.outputTypes().size();
        this.innerWidth = table.columns().size();
    }

    @Override
    public List<DataType> outputTypes() {
        List<DataType> types = new ArrayList<>(outer.outputTypes());
        types.addAll(List.of(table.columnTypes()));
        return types;
    }

    @Override
    public OperatorState open(ExecContext context) {
        return new State(context);
    }

    private final class State implements OperatorState {
        private final ExecContext context;
        private final OperatorState outerState;
        private final TableIndex structure;
        private final VersionedHeap heap;
        private final KeyCodec codec;
        private final RowBatch innerScratch = new RowBatch(innerWidth, 1);
        private final RowBatch joined = new RowBatch(outerWidth + innerWidth, 1);
        private final RowBatch out = new RowBatch(outerWidth + innerWidth);
        private final ArrayDeque<Object[]> pending = new ArrayDeque<>();
        private boolean outerDone;

        State(ExecContext context) {
            this.context = context;
            this.outerState = outer.open(context);
            this.structure = context.catalog().index(table, index);
            this.heap = context.catalog().heap(table);
            this.codec = structure.codec();
            heap.noteRead(context.transaction());
            innerScratch.setSize(1);
            joined.setSize(1);
        }

        /** The encoded key of row {@code row} of {@code batch}, or null if it can match nothing. */
        private byte[] key(RowBatch batch, int row) {
            Object[] values = new Object[keys.size()];
            for (int k = 0; k < values.length; k++) {
                Object v = keys.get(k).eval(batch, row, context);
                if (v == null) {
                    return null;
                }
                DataType columnType = codec.columns().get(k).type();
                try {
                    Object cast = Casts.cast(v, columnType);
                    if (Values.compare(cast, v) != 0) {
                        return null;
                    }
                    values[k] = cast;
                } catch (RuntimeException notRepresentable) {
                    return null;
                }
            }
            return codec.encode(java.util.Arrays.asList(values));
        }

        /** The visible rows of the table under {@code key} that pass the inner filter. */
        private List<Object[]> probe(byte[] key) {
            List<Object[]> rows = new ArrayList<>();
            IndexEntries entries = structure.scanKey(key);
            while (entries.next()) {
                byte[] entry = entries.entry();
                byte[] row = heap.readVisible(context.transaction(), TableIndex.rowIdOf(entry));
                if (row == null) {
                    continue;
                }
                Object[] values = structure.decodeRow(row, context.catalog().overflow());
                if (!structure.keyMatches(entry, values)) {
                    continue;
                }
                if (innerFilter != null) {
                    for (int c = 0; c < innerWidth; c++) {
                        innerScratch.column(c)[0] = values[c];
                    }
                    if (!Boolean.TRUE.equals(innerFilter.eval(innerScratch, 0, context))) {
                        continue;
                    }
                }
                rows.add(values);
            }
            return rows;
        }

        private void joinBatch(RowBatch batch) {
            int live = batch.rowCount();
            byte[][] rowKeys = new byte[live][];
            Map<ByteBuffer, List<Object[]>> found = new HashMap<>();
            List<byte[]> distinct = new ArrayList<>();
            for (int i = 0; i < live; i++) {
                rowKeys[i] = key(batch, batch.row(i));
                if (rowKeys[i] != null && found.putIfAbsent(ByteBuffer.wrap(rowKeys[i]), List.of()) == null) {
                    distinct.add(rowKeys[i]);
                }
            }
            distinct.sort(java.util.Arrays::compareUnsigned); // neighbouring probes touch neighbouring pages
            for (byte[] k : distinct) {
                found.put(ByteBuffer.wrap(k), probe(k));
            }
            for (int i = 0; i < live; i++) {
                int row = batch.row(i);
                Object[] outerRow = new Object[outerWidth];
                for (int c = 0; c < outerWidth; c++) {
                    outerRow[c] = batch.column(c)[row];
                }
                boolean matched = false;
                List<Object[]> candidates = rowKeys[i] == null ? List.of() : found.get(ByteBuffer.wrap(rowKeys[i]));
                for (Object[] innerRow : candidates) {
                    if (residual != null) {
                        for (int c = 0; c < outerWidth; c++) {
                            joined.column(c)[0] = outerRow[c];
                        }
                        for (int c = 0; c < innerWidth; c++) {
                            joined.column(outerWidth + c)[0] = innerRow[c];
                        }
                        if (!Boolean.TRUE.equals(residual.eval(joined, 0, context))) {
                            continue;
                        }
                    }
                    matched = true;
                    pending.add(combined(outerRow, innerRow));
                }
                if (!matched && type == JoinType.LEFT) {
                    pending.add(combined(outerRow, null));
                }
            }
        }

        private Object[] combined(Object[] outerRow, Object[] innerRow) {
            Object[] values = new Object[outerWidth + innerWidth];
            System.arraycopy(outerRow, 0, values, 0, outerWidth);
            if (innerRow != null) {
                System.arraycopy(innerRow, 0, values, outerWidth, innerWidth);
            }
            return values;
        }

        @Override
        public RowBatch next() {
            while (pending.size() < out.capacity() && !outerDone) {
                RowBatch b = outerState.next();
                if (b == null) {
                    outerDone = true;
                } else {
                    joinBatch(b);
                }
            }
            int n = 0;
            while (n < out.capacity() && !pending.isEmpty()) {
                Object[] values = pending.poll();
                for (int c = 0; c < values.length; c++) {
                    out.column(c)[n] = values[c];
                }
                n++;
            }
            out.setSize(n);
            return n == 0 ? null : out;
        }

        @Override
        public void close() {
            outerState.close();
        }
    }

    @Override
    public String describe() {
        StringBuilder on = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            on.append(i == 0 ? " (" : " AND ")
                    .append(table.columns().get(index.columns().get(i).column()).name()).append(" = ")
                    .append(keys.get(i));
        }
        return "IndexNestedLoopJoin " + type + " " + table.name() + " USING " + index.name() + on + ")"
                + (innerFilter == null ? "" : " FILTER " + innerFilter)
                + (residual == null ? "" : " ON " + residual);
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(outer);
    }
}
