package io.rustydb.sql.exec;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.SortKey;
import io.rustydb.sql.plan.WindowCall;
import io.rustydb.sql.plan.WindowFrame;
import io.rustydb.sql.plan.WindowFunction;
import io.rustydb.sql.plan.WindowSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes window function calls: output = the input columns, then one column per call.
 *
 * <p>Holds all input rows in memory, each as one array: the input columns, a slot per call's result, and a slot per
 * argument or key expression that is not a plain column (evaluated once per row). Calls are grouped by their
 * PARTITION BY and ORDER BY; for each group the row indexes are sorted once (stable, partition keys then order keys)
 * and every partition is handed to {@link WindowRanking}, {@link WindowAggregates} or the frame value functions.
 * Rows come out in the order of the last group's sort. External sorting under a memory budget is later work.
 */
public final class WindowOperator implements PhysicalOperator {
    private static final RowBatch NO_ROW = new RowBatch(0, 1);

    private final PhysicalOperator input;
    private final List<WindowCall> calls;
    private final int inputWidth;
    /** Expressions evaluated into the slots after the results, in slot order. */
    private final List<Expr> computed = new ArrayList<>();
    private final int[][] argSlots;
    /** The slot of each call's first ORDER BY value (-1 without ORDER BY): a RANGE frame's offsets apply to it. */
    private final int[] firstOrderSlots;
    private final List<Ordering> orderings = new ArrayList<>();

    /** One sort of the rows and the calls it serves. */
    private record Ordering(List<SortKey> sortKeys, int partitionKeyCount, int[] orderSlots, List<Integer> calls) {
    }

    public WindowOperator(PhysicalOperator input, List<WindowCall> calls) {
        this.input = input;
        this.calls = List.copyOf(calls);
        this.inputWidth = input.outputTypes().size();
        this.argSlots = new int[calls.size()][];
        this.firstOrderSlots = new int[calls.size()];
        Map<WindowSpec, Ordering> byOrdering = new LinkedHashMap<>();
        for (int c = 0; c < calls.size(); c++) {
            WindowCall call = calls.get(c);
            int[] slots = new int[call.arguments().size()];
            for (int a = 0; a < slots.length; a++) {
                slots[a] = call.arguments().get(a) == null ? -1 : slot(call.arguments().get(a));
            }
            argSlots[c] = slots;
            WindowSpec spec = call.spec();
            firstOrderSlots[c] = spec.orderKeys().isEmpty() ? -1 : slot(spec.orderKeys().get(0).expression());
            Ordering ordering = byOrdering.get(spec.ordering());
            if (ordering == null) {
                List<SortKey> keys = new ArrayList<>();
                for (Expr e : spec.partitionKeys()) {
                    keys.add(new SortKey(slot(e), false, false));
                }
                int[] orderSlots = new int[spec.orderKeys().size()];
                for (int k = 0; k < orderSlots.length; k++) {
                    WindowSpec.OrderKey key = spec.orderKeys().get(k);
                    orderSlots[k] = slot(key.expression());
                    keys.add(new SortKey(orderSlots[k], key.descending(), key.nullsFirst()));
                }
                ordering = new Ordering(keys, spec.partitionKeys().size(), orderSlots, new ArrayList<>());
                byOrdering.put(spec.ordering(), ordering);
                orderings.add(ordering);
            }
            ordering.calls().add(c);
        }
    }

    /** The row slot holding {@code e}'s value: its column, or a computed slot. */
    private int slot(Expr e) {
        if (e instanceof ColumnRef ref) {
            return ref.index();
        }
        int index = computed.indexOf(e);
        if (index < 0) {
            computed.add(e);
            index = computed.size() - 1;
        }
        return inputWidth + calls.size() + index;
    }

    @Override
    public List<DataType> outputTypes() {
        List<DataType> types = new ArrayList<>(input.outputTypes());
        for (WindowCall call : calls) {
            types.add(call.resultType());
        }
        return types;
    }

    @Override
    public OperatorState open(ExecContext context) {
        OperatorState source = input.open(context);
        int width = inputWidth + calls.size();
        return new OperatorState() {
            private Object[][] rows;
            private int position;
            private final RowBatch out = new RowBatch(width);

            @Override
            public RowBatch next() {
                if (rows == null) {
                    rows = compute(source, context);
                }
                int n = 0;
                while (n < out.capacity() && position < rows.length) {
                    Object[] row = rows[position++];
                    for (int c = 0; c < width; c++) {
                        out.column(c)[n] = row[c];
                    }
                    n++;
                }
                out.setSize(n);
                return n == 0 ? null : out;
            }

            @Override
            public void close() {
                source.close();
                rows = new Object[0][];
            }
        };
    }

    /** All rows with every call computed, in output order. */
    private Object[][] compute(OperatorState source, ExecContext context) {
        WindowFrames.Definition[] frames = new WindowFrames.Definition[calls.size()];
        for (int c = 0; c < calls.size(); c++) {
            frames[c] = frameDefinition(c, context);
        }
        Object[][] rows = materialize(source, context);
        Integer[] order = new Integer[rows.length];
        for (Ordering ordering : orderings) {
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Comparator<Object[]> byKeys = SortOperator.comparator(ordering.sortKeys());
            if (!ordering.sortKeys().isEmpty()) {
                Arrays.sort(order, (a, b) -> byKeys.compare(rows[a], rows[b]));
            }
            Comparator<Object[]> byPartition = SortOperator.comparator(
                    ordering.sortKeys().subList(0, ordering.partitionKeyCount()));
            int start = 0;
            while (start < order.length) {
                int end = start + 1;
                while (end < order.length && byPartition.compare(rows[order[start]], rows[order[end]]) == 0) {
                    end++;
                }
                Object[][] members = new Object[end - start][];
                for (int i = start; i < end; i++) {
                    members[i - start] = rows[order[i]];
                }
                WindowPartition partition = new WindowPartition(members, ordering.orderSlots());
                for (int c : ordering.calls()) {
                    computeCall(c, frames[c], partition);
                }
                start = end;
            }
        }
        Object[][] sorted = new Object[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            sorted[i] = rows[order[i]];
        }
        return sorted;
    }

    private Object[][] materialize(OperatorState source, ExecContext context) {
        List<Object[]> rows = new ArrayList<>();
        int slots = inputWidth + calls.size() + computed.size();
        try (source) {
            RowBatch batch;
            while ((batch = source.next()) != null) {
                for (int i = 0; i < batch.rowCount(); i++) {
                    int r = batch.row(i);
                    Object[] row = new Object[slots];
                    for (int c = 0; c < inputWidth; c++) {
                        row[c] = batch.column(c)[r];
                    }
                    for (int e = 0; e < computed.size(); e++) {
                        row[inputWidth + calls.size() + e] = computed.get(e).eval(batch, r, context);
                    }
                    rows.add(row);
                }
            }
        }
        return rows.toArray(new Object[0][]);
    }

    /** The call's frame with its offsets evaluated (null for the functions that do not read a frame). */
    private WindowFrames.Definition frameDefinition(int c, ExecContext context) {
        WindowCall call = calls.get(c);
        if (!call.function().usesFrame()) {
            return null;
        }
        WindowFrame frame = call.spec().frame();
        Object startOffset = offset(frame.start(), true, context);
        Object endOffset = offset(frame.end(), false, context);
        WindowSpec.OrderKey key = call.spec().orderKeys().isEmpty() ? null : call.spec().orderKeys().get(0);
        boolean range = frame.unit() == WindowFrame.Unit.RANGE && (startOffset != null || endOffset != null);
        return new WindowFrames.Definition(frame, startOffset, endOffset, range ? firstOrderSlots[c] : -1,
                key != null && key.descending(), key != null && key.nullsFirst());
    }

    private static Object offset(WindowFrame.Bound bound, boolean start, ExecContext context) {
        if (bound.offset() == null) {
            return null;
        }
        return WindowFrames.Definition.checkOffset(bound.offset().eval(NO_ROW, 0, context), start);
    }

    private void computeCall(int c, WindowFrames.Definition frame, WindowPartition p) {
        WindowCall call = calls.get(c);
        int n = p.size();
        Object[] results = new Object[n];
        int[] slots = argSlots[c];
        if (!call.function().usesFrame()) {
            WindowRanking.compute(call.function(), slots, p, results);
        } else {
            WindowFrames frames = WindowFrames.of(frame, p);
            if (call.function() == WindowFunction.AGGREGATE) {
                Object[] values = new Object[n];
                for (int i = 0; i < n; i++) {
                    values[i] = slots.length == 0 ? Boolean.TRUE : p.value(i, slots[0]);
                }
                WindowAggregates.compute(call.aggregateCall(), values, frames, results);
            } else {
                frameValues(call.function(), slots, p, frames, results);
            }
        }
        int column = inputWidth + c;
        for (int i = 0; i < n; i++) {
            p.row(i)[column] = results[i];
        }
    }

    /** FIRST_VALUE, LAST_VALUE and NTH_VALUE: a value of the frame, NULL if the frame has no such row. */
    private static void frameValues(WindowFunction function, int[] slots, WindowPartition p, WindowFrames frames,
                                    Object[] out) {
        for (int i = 0; i < out.length; i++) {
            int from = frames.start[i];
            int to = frames.end[i];
            int at;
            if (function == WindowFunction.FIRST_VALUE) {
                at = from;
            } else if (function == WindowFunction.LAST_VALUE) {
                at = to;
            } else {
                Object nth = p.value(i, slots[1]);
                if (nth == null) {
                    out[i] = null;
                    continue;
                }
                long k = ((Number) nth).longValue();
                if (k <= 0) {
                    throw new DbException(ErrorCode.INVALID_ARGUMENT_FOR_NTH_VALUE);
                }
                at = (int) Math.min(Integer.MAX_VALUE, from + k - 1);
            }
            out[i] = from <= to && at >= from && at <= to ? p.value(at, slots[0]) : null;
        }
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (WindowCall call : calls) {
            parts.add(call.toString());
        }
        return "Window " + parts;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(input);
    }
}
