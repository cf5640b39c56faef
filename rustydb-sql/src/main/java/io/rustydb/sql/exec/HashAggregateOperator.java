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
 * Groups that do not fit in the query's memory budget are spilled to temporary files by hash partition (see
 * {@link State}).
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
    /** Per aggregate: whether its accumulator keeps its inputs (so they count against the memory budget). */
    private final boolean[] keepsInputs;

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
        this.keepsInputs = new boolean[aggregates.size()];
        for (int a = 0; a < keepsInputs.length; a++) {
            AggregateCall call = aggregates.get(a);
            keepsInputs[a] = call.distinct() || !call.order().isEmpty() || switch (call.function()) {
                case STRING_AGG, PERCENTILE_CONT, PERCENTILE_DISC, MODE -> true;
                default -> false;
            };
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
        return new State(context, input.open(context));
    }

    /** Partitions per spill of the group table; a partition that is still too large is split again. */
    static final int PARTITIONS = 16;
    /** How many times a partition is split again before it is aggregated whatever it holds. */
    static final int MAX_DEPTH = 4;

    /**
     * One execution. Groups live in a hash table while the memory budget allows. When a new group (or the input an
     * aggregate keeps, for DISTINCT, ORDER BY, STRING_AGG and the ordered-set aggregates) does not fit, the table is
     * frozen: from then on every evaluated input — the group key and each aggregate's inputs, evaluated once, so
     * volatile expressions are not re-run — is written to one of {@link #PARTITIONS} spill files by the hash of its
     * group key, whether or not the group is in memory. At the end, each partition is aggregated in turn, starting
     * from the frozen groups that hash to it: a group sees its inputs in input order (the ones before the freeze,
     * then the partition's), so order-sensitive aggregates without ORDER BY (STRING_AGG) give what they give in
     * memory. A partition whose groups do not fit is split again by a hash with another seed, up to
     * {@link #MAX_DEPTH} levels (then it is aggregated over the budget: a single huge group cannot be split).
     * Spilling changes the order groups come out in, which SQL leaves unspecified.
     */
    private final class State implements OperatorState {
        private final ExecContext context;
        private final OperatorState source;
        private final boolean plain = plain();
        private final RowBatch out = new RowBatch(keys.size() + aggregates.size());
        /** Work left: partitions to aggregate, each with the groups it starts from. */
        private final java.util.ArrayDeque<Pending> work = new java.util.ArrayDeque<>();
        private final List<io.rustydb.sql.exec.spill.SpillFile> files = new ArrayList<>();
        private io.rustydb.sql.exec.spill.MemoryBudget.Account account;
        private Iterator<Map.Entry<RowKey, Accumulator[]>> groups;

        State(ExecContext context, OperatorState source) {
            this.context = context;
            this.source = source;
        }

        @Override
        public RowBatch next() {
            if (groups == null) {
                account = context.spill().budget().open();
                Table table = new Table(new LinkedHashMap<>(), 0);
                for (int s = 0; s < groupingSets.size(); s++) {
                    if (groupingSets.get(s).isEmpty()) {
                        table.groups.put(new RowKey(groupKey(new Object[keys.size()], s)),
                                newAccumulators(setMasks[s]));
                    }
                }
                consume(table);
                groups = finish(table);
            }
            int n = 0;
            while (n < out.capacity()) {
                while (!groups.hasNext() && !work.isEmpty()) {
                    groups = aggregate(work.pop());
                }
                if (!groups.hasNext()) {
                    break;
                }
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

        /** Reads the whole input into {@code table} (spilling what does not fit). */
        private void consume(Table table) {
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
                            Object[] key = groupKey(keyValues, s);
                            table.add(new RowKey(key), key, values, extras, sortValues, skip);
                        }
                    }
                }
            }
        }

        /** Aggregates one spilled partition, starting from its frozen groups. */
        private Iterator<Map.Entry<RowKey, Accumulator[]>> aggregate(Pending p) {
            account.releaseAll();
            Table table = new Table(p.groups(), p.level());
            Object[] values = new Object[aggregates.size()];
            Object[][] extras = new Object[aggregates.size()][];
            Object[][] sortValues = new Object[aggregates.size()][];
            boolean[] skip = new boolean[aggregates.size()];
            try (io.rustydb.sql.exec.spill.SpillFile file = p.file();
                 io.rustydb.sql.exec.spill.SpillFile.Reader reader = file.reader()) {
                Object[] record;
                long n = 0;
                while ((record = reader.next()) != null) {
                    if ((++n & 1023) == 0) {
                        context.checkCancelled();
                    }
                    Object[] key = (Object[]) record[0];
                    Object[] inputs = (Object[]) record[1];
                    for (int a = 0; a < inputs.length; a++) {
                        Object[] in = (Object[]) inputs[a];
                        skip[a] = in == null;
                        if (in != null) {
                            values[a] = in[0];
                            extras[a] = (Object[]) in[1];
                            sortValues[a] = (Object[]) in[2];
                        }
                    }
                    table.add(new RowKey(key), key, values, extras, sortValues, skip);
                }
            }
            files.remove(p.file());
            return finish(table);
        }

        /** The groups of a table that never froze; else its partitions are queued and nothing is returned yet. */
        private Iterator<Map.Entry<RowKey, Accumulator[]>> finish(Table table) {
            if (table.partitions == null) {
                return table.groups.entrySet().iterator();
            }
            List<LinkedHashMap<RowKey, Accumulator[]>> starts = new ArrayList<>();
            for (int i = 0; i < PARTITIONS; i++) {
                starts.add(new LinkedHashMap<>());
            }
            for (Map.Entry<RowKey, Accumulator[]> g : table.groups.entrySet()) {
                starts.get(partition(g.getKey(), table.level)).put(g.getKey(), g.getValue());
            }
            io.rustydb.sql.exec.spill.SpillStats stats = context.profile().spill(HashAggregateOperator.this);
            stats.partitioned(PARTITIONS, table.level + 1);
            for (int i = PARTITIONS - 1; i >= 0; i--) {
                io.rustydb.sql.exec.spill.SpillFile f = table.partitions[i];
                f.finish();
                stats.file(f.rows(), f.bytes());
                work.push(new Pending(starts.get(i), f, table.level + 1));
            }
            return java.util.Collections.emptyIterator();
        }

        private int partition(RowKey key, int level) {
            long h = (key.hashCode() ^ (0x9E3779B97F4A7C15L * (level + 1)));
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            return (int) Math.floorMod(h, (long) PARTITIONS);
        }

        @Override
        public void close() {
            source.close();
            for (io.rustydb.sql.exec.spill.SpillFile f : files) {
                f.close();
            }
            files.clear();
            work.clear();
            if (account != null) {
                account.releaseAll();
            }
        }

        /** A partition to aggregate: the groups it starts from and its spilled inputs. */
        private record Pending(LinkedHashMap<RowKey, Accumulator[]> groups, io.rustydb.sql.exec.spill.SpillFile file,
                               int level) {
        }

        /** The groups being built at one level, and its partition files once it froze. */
        private final class Table {
            final LinkedHashMap<RowKey, Accumulator[]> groups;
            final int level;
            io.rustydb.sql.exec.spill.SpillFile[] partitions;

            Table(LinkedHashMap<RowKey, Accumulator[]> groups, int level) {
                this.groups = groups;
                this.level = level;
            }

            /** Feeds one evaluated input to its group, or spills it if the table is (or now becomes) frozen. */
            void add(RowKey hashKey, Object[] key, Object[] values, Object[][] extras, Object[][] sortValues,
                     boolean[] skip) {
                Accumulator[] accs = null;
                if (partitions == null) {
                    accs = groups.get(hashKey);
                    long cost = (accs == null ? groupCost(key) : 0) + keptInputCost(values, extras, sortValues, skip);
                    if (cost > 0 && !account.tryGrow(cost)) {
                        if (level >= MAX_DEPTH) {
                            account.grow(cost);
                        } else {
                            freeze();
                            accs = null;
                        }
                    }
                    if (partitions == null && accs == null) {
                        accs = newAccumulators(setMasks[plain ? 0 : (Integer) key[keys.size()]]);
                        groups.put(hashKey, accs);
                    }
                }
                if (partitions != null) {
                    partitions[partition(hashKey, level)].write(record(key, values, extras, sortValues, skip));
                    return;
                }
                for (int a = 0; a < accs.length; a++) {
                    if (!skip[a]) {
                        accs[a].add(values[a], extras[a], sortValues[a]);
                    }
                }
            }

            private void freeze() {
                context.checkCancelled();
                partitions = new io.rustydb.sql.exec.spill.SpillFile[PARTITIONS];
                for (int i = 0; i < PARTITIONS; i++) {
                    partitions[i] = context.spill().newFile();
                    files.add(partitions[i]);
                }
            }
        }
    }

    /** What a spill file holds for one input of one group: [group key, per aggregate null (skipped) or inputs]. */
    private static Object[] record(Object[] key, Object[] values, Object[][] extras, Object[][] sortValues,
                                   boolean[] skip) {
        Object[] inputs = new Object[values.length];
        for (int a = 0; a < values.length; a++) {
            inputs[a] = skip[a] ? null : new Object[] {values[a], extras[a], sortValues[a]};
        }
        return new Object[] {key, inputs};
    }

    /** The estimated memory of a new group: its key, its accumulators and its hash table entry. */
    private long groupCost(Object[] key) {
        return io.rustydb.sql.exec.spill.RowSizes.of(key) + 48 + 64L * aggregates.size();
    }

    /** The estimated memory an input adds to aggregates that keep their inputs (DISTINCT, ORDER BY, ...). */
    private long keptInputCost(Object[] values, Object[][] extras, Object[][] sortValues, boolean[] skip) {
        long cost = 0;
        for (int a = 0; a < values.length; a++) {
            if (!skip[a] && keepsInputs[a]) {
                cost += 32 + io.rustydb.sql.exec.spill.RowSizes.of(values[a])
                        + (extras[a].length == 0 ? 0 : io.rustydb.sql.exec.spill.RowSizes.of(extras[a]))
                        + (sortValues[a] == null ? 0 : io.rustydb.sql.exec.spill.RowSizes.of(sortValues[a]));
            }
        }
        return cost;
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

    /** The hash key values of a row's group in grouping set {@code set}: the keys outside the set are NULL. */
    private Object[] groupKey(Object[] keyValues, int set) {
        if (plain()) {
            return keyValues;
        }
        Object[] key = new Object[keys.size() + 1];
        for (int k : groupingSets.get(set)) {
            key[k] = keyValues[k];
        }
        key[keys.size()] = set;
        return key;
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
