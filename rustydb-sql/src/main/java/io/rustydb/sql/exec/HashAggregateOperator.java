package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.AggregateCall;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups its input by key in a hash table and computes aggregates per group; output = keys then aggregates.
 * Without keys there is exactly one group, even over no input (so {@code COUNT(*)} of an empty table is 0).
 * Holds all groups in memory (spilling to disk under a memory budget is later work).
 */
public final class HashAggregateOperator implements PhysicalOperator {
    private final PhysicalOperator input;
    private final List<Expr> keys;
    private final List<AggregateCall> aggregates;

    public HashAggregateOperator(PhysicalOperator input, List<Expr> keys, List<AggregateCall> aggregates) {
        this.input = input;
        this.keys = List.copyOf(keys);
        this.aggregates = List.copyOf(aggregates);
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
        if (keys.isEmpty()) {
            groups.put(new RowKey(new Object[0]), newAccumulators());
        }
        try (source) {
            RowBatch batch;
            while ((batch = source.next()) != null) {
                int live = batch.rowCount();
                for (int i = 0; i < live; i++) {
                    int row = batch.row(i);
                    Object[] key = new Object[keys.size()];
                    for (int k = 0; k < key.length; k++) {
                        key[k] = keys.get(k).eval(batch, row, context);
                    }
                    Accumulator[] accs = groups.computeIfAbsent(new RowKey(key), k -> newAccumulators());
                    for (int a = 0; a < accs.length; a++) {
                        Expr argument = aggregates.get(a).argument();
                        accs[a].add(argument == null ? Boolean.TRUE : argument.eval(batch, row, context));
                    }
                }
            }
        }
        return groups;
    }

    private Accumulator[] newAccumulators() {
        Accumulator[] accs = new Accumulator[aggregates.size()];
        for (int a = 0; a < accs.length; a++) {
            accs[a] = Accumulator.create(aggregates.get(a));
        }
        return accs;
    }

    @Override
    public String describe() {
        return "HashAggregate keys=" + keys + " aggregates=" + aggregates.size();
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(input);
    }
}
