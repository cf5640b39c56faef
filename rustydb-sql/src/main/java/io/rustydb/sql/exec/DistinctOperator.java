package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.spill.MemoryBudget;
import io.rustydb.sql.exec.spill.RowSizes;
import io.rustydb.sql.exec.spill.SpillFile;
import io.rustydb.sql.exec.spill.SpillStats;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Passes each distinct row once (NULLs equal), remembering the rows seen in a hash set; rows stream through in
 * input order while the set fits the query's memory budget.
 *
 * <p>When it does not, the set is frozen: a later row already in it is dropped, any other is written to one of
 * {@link #PARTITIONS} spill files by its hash. Since no row of a partition was emitted before (its key was not in
 * the frozen set, and equal rows share a partition), each partition is then de-duplicated on its own, and split
 * again by another hash if its rows still do not fit (up to {@link #MAX_DEPTH} levels). Spilling changes the
 * output order, which SELECT DISTINCT leaves unspecified (an ORDER BY sorts above this operator).
 */
public final class DistinctOperator implements PhysicalOperator {
    static final int PARTITIONS = 16;
    static final int MAX_DEPTH = 4;

    private final PhysicalOperator input;

    public DistinctOperator(PhysicalOperator input) {
        this.input = input;
    }

    @Override
    public List<DataType> outputTypes() {
        return input.outputTypes();
    }

    @Override
    public OperatorState open(ExecContext context) {
        return new State(context, input.open(context), input.outputTypes().size());
    }

    /** A partition still to de-duplicate, and how many splits made it. */
    private record Pending(SpillFile file, int level) {
    }

    private final class State implements OperatorState {
        private final ExecContext context;
        private final OperatorState source;
        private final int width;
        private final int[] selection = new int[RowBatch.CAPACITY];
        private final RowBatch out;
        private final MemoryBudget.Account account;
        private Set<RowKey> seen = new HashSet<>();
        private SpillFile[] partitions;
        private int level;
        private boolean sourceDone;
        private final ArrayDeque<Pending> work = new ArrayDeque<>();
        private final List<SpillFile> files = new ArrayList<>();
        private SpillFile.Reader reader;
        private Pending current;

        State(ExecContext context, OperatorState source, int width) {
            this.context = context;
            this.source = source;
            this.width = width;
            this.out = new RowBatch(width);
            this.account = context.spill().budget().open();
        }

        /** Whether {@code values} is a new row to emit now (false: seen before, or spilled). */
        private boolean admit(Object[] values) {
            RowKey key = new RowKey(values);
            if (seen.contains(key)) {
                return false;
            }
            if (partitions == null) {
                long cost = RowSizes.of(values) + 48;
                if (account.tryGrow(cost) || level >= MAX_DEPTH) {
                    seen.add(key); // past the last split: kept over the budget (one partition of equal rows)
                    return true;
                }
                freeze();
            }
            partitions[partition(key)].write(values);
            return false;
        }

        private void freeze() {
            context.checkCancelled();
            partitions = new SpillFile[PARTITIONS];
            for (int i = 0; i < PARTITIONS; i++) {
                partitions[i] = context.spill().newFile();
                files.add(partitions[i]);
            }
        }

        private int partition(RowKey key) {
            long h = key.hashCode() ^ (0x9E3779B97F4A7C15L * (level + 1));
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            return (int) Math.floorMod(h, (long) PARTITIONS);
        }

        /** Ends one level: its partitions become work; the set seen is no longer needed. */
        private void endLevel() {
            if (partitions != null) {
                SpillStats stats = context.profile().spill(DistinctOperator.this);
                stats.partitioned(PARTITIONS, level + 1);
                for (int i = PARTITIONS - 1; i >= 0; i--) {
                    partitions[i].finish();
                    stats.file(partitions[i].rows(), partitions[i].bytes());
                    work.push(new Pending(partitions[i], level + 1));
                }
                partitions = null;
            }
            seen = new HashSet<>();
            account.releaseAll();
        }

        @Override
        public RowBatch next() {
            while (!sourceDone) {
                RowBatch batch = source.next();
                if (batch == null) {
                    sourceDone = true;
                    source.close();
                    endLevel();
                    break;
                }
                int[] sel = batch.size() <= selection.length ? selection : new int[batch.size()];
                int kept = 0;
                for (int i = 0; i < batch.rowCount(); i++) {
                    int row = batch.row(i);
                    Object[] values = new Object[width];
                    for (int c = 0; c < width; c++) {
                        values[c] = batch.column(c)[row];
                    }
                    if (admit(values)) {
                        sel[kept++] = row;
                    }
                }
                if (kept > 0) {
                    batch.select(sel, kept);
                    return batch;
                }
            }
            int n = 0;
            while (n < out.capacity()) {
                if (reader == null) {
                    if (work.isEmpty()) {
                        break;
                    }
                    current = work.pop();
                    level = current.level();
                    reader = current.file().reader();
                    context.checkCancelled();
                }
                Object[] values = reader.next();
                if (values == null) {
                    reader = null;
                    current.file().close();
                    files.remove(current.file());
                    endLevel();
                    continue;
                }
                if (admit(values)) {
                    for (int c = 0; c < width; c++) {
                        out.column(c)[n] = values[c];
                    }
                    n++;
                }
            }
            out.setSize(n);
            return n == 0 ? null : out;
        }

        @Override
        public void close() {
            source.close();
            for (SpillFile f : files) {
                f.close();
            }
            files.clear();
            work.clear();
            account.releaseAll();
        }
    }

    @Override
    public String describe() {
        return "HashDistinct";
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(input);
    }
}
