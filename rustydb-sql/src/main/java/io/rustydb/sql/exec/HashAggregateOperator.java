package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.AggregateCall;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups its input by key in a hash table and computes aggregates per group; output = keys then aggregates.
 * Without keys there is exactly one group, even over no input (so {@code COUNT(*)} of an empty table is 0).
 * Holds all groups in memory (spilling to disk under a memory budget is later work).
 *
 * <p><b>Grouping sets</b> (GROUPING SETS, ROLLUP, CUBE) are computed in one pass over the input: each row's keys
 * and aggregate inputs are evaluated once, and the row is then added to one group per grouping set, whose hash key
 * is the row's keys with those outside the set replaced by NULL, plus the set's position (so that two sets, or a
 * NULL key and a key outside the set, never share a group). One pass instead of a union of per-set aggregations
 * reads the input once, which matters when it is a join or a scan of a large table; the cost is one hash probe per
 * set per row. A set without keys (the grand total, {@code ()}) has its group from the start, so it yields a row
 * over an empty input too, as PostgreSQL does.
 *
 * <p>Per aggregate, rows whose {@code FILTER} is not TRUE are skipped; further arguments and ORDER BY values are
 * evaluated and handed to the {@link Accumulator}.
 */
public final class HashAggregateOperator implements PhysicalOperator {
    private final PhysicalOperator input;
    private final List<Expr> keys;
    private final List<AggregateCall> aggregates;
    private final List<List<Integer>> groupingSets;
    /** Per grouping set: the bit mask of the keys not in it (bit i = key i). */
    private final long[] setMasks;

    public HashAggregateOperator(PhysicalOperator input, List<Expr> keys, List<AggregateCall> aggregates) {
        this(input, keys, aggregates, List.of(LogicalPlan.Aggregate.allKeys(keys.size())));
    }

    public HashAggregateOperator(PhysicalOperator input, List<Expr> keys, List<AggregateCall> aggregates,
                                 List<List<Integer>> groupingSets) {
        this.input = input;
        this.keys = List.copyOf(keys);
        this.aggregates = List.copyOf(aggregates);
        this.groupingSets = List.copyOf(groupingSets);
        this.setMasks = new long[groupingSets.size()];
        for (int s = 0; s < setMasks.length; s++) {
            long mask = keys.size() >= 64 ? -1L : (1L << keys.size()) - 1;
            for (int k : groupingSets.get(s)) {
                mask &= ~(1L << k);
            }
            setMasks[s] = mask;
        }
    }

    /** Whether this is a plain GROUP BY (one set of all keys): the hash key is then just the keys. */
    private boolean plain() {
        return groupingSets.size() == 1 && groupingSets.get(0).size() == keys.size();
    }

    @Override
    public List<DataType> outputTypes() {
        List<DataType> types = new ArrayList<>();
        for (Expr k : keys) {
            types.add(k.type());
        }
        for (AggregateCall a : aggregates) {
            types.add(a.resultType());
        }
        return types;
    }

    @Override
    public OperatorState open(ExecContext context) {
        OperatorState source = input.open(context);
        return new OperatorState() {
            private Iterator<Map.Entry<RowKey, Accumulator[]>> groups;
            private final RowBatch out = new RowBatch(keys.size() + aggregates.size());

            @Override
            public RowBatch next() {
                if (groups == null) {
                    groups = consume(source, context).entrySet().iterator();
                }
                int n = 0;
                while (n < out.capacity() && groups.hasNext()) {
                    Map.Entry<RowKey, Accumulator[]> group = groups.next();
                    for (int k = 0; k < keys.size(); k++) {
                        out.column(k)[n] = group.getKey().get(k);
                    }
                    Accumulator[] accs = group.getValue();
                    for (int a = 0; a < accs.length; a++) {
                        out.column(keys.size() + a)[n] = accs[a].result();
                    }
                    n++;
                }
                out.setSize(n);
                return n == 0 ? null : out;
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    private Map<RowKey, Accumulator[]> consume(OperatorState source, ExecContext context) {
        Map<RowKey, Accumulator[]> groups = new LinkedHashMap<>();
        boolean plain = plain();
        for (int s = 0; s < groupingSets.size(); s++) {
            if (groupingSets.get(s).isEmpty()) {
                groups.put(groupKey(new Object[keys.size()], s, plain), newAccumulators(setMasks[s]));
            }
        }
        Object[] values = new Object[aggregates.size()];
        Object[][] extras = new Object[aggregates.size()][];
        Object[][] sortValues = new Object[aggregates.size()][];
        boolean[] skip = new boolean[aggregates.size()];
        try (source) {
            RowBatch batch;
            while ((batch = source.next()) != null) {
                int live = batch.rowCount();
                for (int i = 0; i < live; i++) {
                    int row = batch.row(i);
                    Object[] keyValues = new Object[keys.size()];
                    for (int k = 0; k < keyValues.length; k++) {
                        keyValues[k] = keys.get(k).eval(batch, row, context);
                    }
                    evaluateInputs(batch, row, context, values, extras, sortValues, skip);
                    for (int s = 0; s < groupingSets.size(); s++) {
                        final int set = s;
                        Accumulator[] accs = groups.computeIfAbsent(groupKey(keyValues, s, plain),
                                k -> newAccumulators(setMasks[set]));
                        for (int a = 0; a < accs.length; a++) {
                            if (!skip[a]) {
                                accs[a].add(values[a], extras[a], sortValues[a]);
                            }
                        }
                    }
                }
            }
        }
        return groups;
    }

    /** Evaluates, for one input row, every aggregate's FILTER, argument, further arguments and ORDER BY values. */
    private void evaluateInputs(RowBatch batch, int row, ExecContext context, Object[] values, Object[][] extras,
                                Object[][] sortValues, boolean[] skip) {
        for (int a = 0; a < aggregates.size(); a++) {
            AggregateCall call = aggregates.get(a);
            skip[a] = call.filter() != null && !Boolean.TRUE.equals(call.filter().eval(batch, row, context));
            if (skip[a]) {
                continue;
            }
            values[a] = call.argument() == null ? Boolean.TRUE : call.argument().eval(batch, row, context);
            extras[a] = evaluateAll(call.extraArguments(), batch, row, context);
            if (call.order().isEmpty()) {
                sortValues[a] = null;
            } else {
                Object[] sort = new Object[call.order().size()];
                for (int k = 0; k < sort.length; k++) {
                    sort[k] = call.order().get(k).expression().eval(batch, row, context);
                }
                sortValues[a] = sort;
            }
        }
    }

    private static Object[] evaluateAll(List<Expr> expressions, RowBatch batch, int row, ExecContext context) {
        if (expressions.isEmpty()) {
            return Accumulator.NO_EXTRAS;
        }
        Object[] out = new Object[expressions.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = expressions.get(i).eval(batch, row, context);
        }
        return out;
    }

    /** The hash key of a row's group in grouping set {@code set}: the keys outside the set are NULL. */
    private RowKey groupKey(Object[] keyValues, int set, boolean plain) {
        if (plain) {
            return new RowKey(keyValues);
        }
        Object[] key = new Object[keys.size() + 1];
        for (int k : groupingSets.get(set)) {
            key[k] = keyValues[k];
        }
        key[keys.size()] = set;
        return new RowKey(key);
    }

    private Accumulator[] newAccumulators(long groupingMask) {
        Accumulator[] accs = new Accumulator[aggregates.size()];
        for (int a = 0; a < accs.length; a++) {
            accs[a] = Accumulator.create(aggregates.get(a), groupingMask);
        }
        return accs;
    }

    @Override
    public String describe() {
        return "HashAggregate keys=" + keys + " aggregates=" + aggregates.size()
                + (plain() ? "" : " groupingSets=" + groupingSets);
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(input);
    }
}
