package io.rustydb.sql.exec;

import io.rustydb.sql.exec.spill.MemoryBudget;
import io.rustydb.sql.exec.spill.SpillFile;
import io.rustydb.sql.exec.spill.SpillStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Supplier;

/**
 * Sorts rows within the execution's memory budget: rows are kept in memory while the budget allows; when it is
 * spent, the rows held are sorted and written as one run to a spill file and memory is released. At the end,
 * either everything is still in memory (an ordinary sort), or the last rows become a run too and the runs are
 * merged: k-way with a heap, at most {@link #fanIn} runs at a time, in several passes if there are more (each
 * pass merges consecutive runs into one, so the run order stays the input order).
 *
 * <p>Stable: a tie between two rows of one run keeps their order (the in-memory sort is stable), and between
 * runs the earlier run wins, so equal rows come out in input order, as the in-memory sort gives them.
 */
final class ExternalSort implements AutoCloseable {
    /** The sorted rows, one at a time. */
    interface Sorted {
        /** The next row, or null after the last. */
        Object[] next();
    }

    /** Bytes of read buffer per run being merged, counted to choose the fan-in. */
    private static final long MERGE_BUFFER = 16 * 1024;
    private static final int MAX_FAN_IN = 64;

    private final Comparator<Object[]> comparator;
    private final ExecContext context;
    private final Supplier<SpillStats> stats;
    private final MemoryBudget.Account account;
    private final int fanIn;
    private List<Object[]> buffer = new ArrayList<>();
    private final List<SpillFile> runs = new ArrayList<>();

    ExternalSort(Comparator<Object[]> comparator, ExecContext context, Supplier<SpillStats> stats) {
        this.comparator = comparator;
        this.context = context;
        this.stats = stats;
        this.account = context.spill().budget().open();
        long limit = account.budget().limit();
        this.fanIn = (int) Math.max(2, Math.min(MAX_FAN_IN, limit / MERGE_BUFFER));
    }

    /** Adds one row (the sort keeps the array: the caller must not change it). */
    void add(Object[] row) {
        long size = io.rustydb.sql.exec.spill.RowSizes.of(row);
        if (!account.tryGrow(size)) {
            writeRun();
            account.grow(size);
        }
        buffer.add(row);
    }

    /** Whether rows were written to disk. */
    boolean spilled() {
        return !runs.isEmpty();
    }

    /** Ends the input: the rows in order. Call once. */
    Sorted sorted() {
        if (runs.isEmpty()) {
            buffer.sort(comparator);
            List<Object[]> rows = buffer;
            return new Sorted() {
                private int position;

                @Override
                public Object[] next() {
                    return position < rows.size() ? rows.get(position++) : null;
                }
            };
        }
        writeRun();
        while (runs.size() > fanIn) {
            List<SpillFile> next = new ArrayList<>();
            for (int from = 0; from < runs.size(); from += fanIn) {
                List<SpillFile> group = runs.subList(from, Math.min(runs.size(), from + fanIn));
                if (group.size() == 1) {
                    next.add(group.get(0));
                    continue;
                }
                SpillFile merged = context.spill().newFile();
                Merge merge = new Merge(group);
                Object[] row;
                long n = 0;
                while ((row = merge.next()) != null) {
                    if ((++n & 1023) == 0) {
                        context.checkCancelled();
                    }
                    merged.write(row);
                }
                merged.finish();
                stats.get().file(merged.rows(), merged.bytes());
                for (SpillFile f : group) {
                    f.close();
                }
                next.add(merged);
            }
            stats.get().mergePass();
            runs.clear();
            runs.addAll(next);
        }
        stats.get().mergePass();
        return new Merge(runs);
    }

    /** Sorts the rows held, writes them as a run and releases their memory. */
    private void writeRun() {
        if (buffer.isEmpty()) {
            return;
        }
        context.checkCancelled();
        buffer.sort(comparator);
        SpillFile run = context.spill().newFile();
        runs.add(run);
        for (Object[] row : buffer) {
            run.write(row);
        }
        run.finish();
        buffer = new ArrayList<>();
        account.releaseAll();
        SpillStats s = stats.get();
        s.run();
        s.file(run.rows(), run.bytes());
    }

    /** Deletes the runs and releases the memory held. Idempotent. */
    @Override
    public void close() {
        for (SpillFile f : runs) {
            f.close();
        }
        runs.clear();
        buffer = new ArrayList<>();
        account.releaseAll();
    }

    /** A k-way merge of runs: a heap of each run's current row, ties to the earlier run. */
    private final class Merge implements Sorted {
        private record Head(Object[] row, int run, SpillFile.Reader reader) {
        }

        private final PriorityQueue<Head> heap;

        Merge(List<SpillFile> sources) {
            heap = new PriorityQueue<>(Math.max(1, sources.size()), (a, b) -> {
                int c = comparator.compare(a.row(), b.row());
                return c != 0 ? c : Integer.compare(a.run(), b.run());
            });
            for (int i = 0; i < sources.size(); i++) {
                SpillFile.Reader reader = sources.get(i).reader();
                Object[] row = reader.next();
                if (row != null) {
                    heap.add(new Head(row, i, reader));
                }
            }
        }

        @Override
        public Object[] next() {
            Head head = heap.poll();
            if (head == null) {
                return null;
            }
            Object[] following = head.reader().next();
            if (following != null) {
                heap.add(new Head(following, head.run(), head.reader()));
            }
            return head.row();
        }
    }
}
