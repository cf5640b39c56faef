package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.CompareOp;
import io.rustydb.sql.expr.ComparisonExpr;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.LogicalExpr;
import io.rustydb.sql.plan.LogicalPlan.JoinType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins two inputs: the right input is read into memory, then each left row is matched against it. When the
 * condition contains equalities between a left and a right expression, the right rows are hashed on them (a hash
 * join, NULL keys never matching); otherwise every right row is tried (a nested-loop join). What remains of the
 * condition is checked on each candidate pair. LEFT and FULL joins emit an unmatched left row with NULLs; RIGHT
 * and FULL joins emit the unmatched right rows at the end. Output = left columns then right columns.
 * A hash join whose right input exceeds the query's memory budget spills both inputs into partitions (a grace
 * hash join, see {@link State}).
 */
public final class JoinOperator implements PhysicalOperator {
    private final PhysicalOperator left;
    private final PhysicalOperator right;
    private final JoinType type;
    private final Expr condition;
    private final int leftWidth;
    private final int rightWidth;
    private final List<Expr> leftKeys = new ArrayList<>();
    private final List<Expr> rightKeys = new ArrayList<>();
    private final Expr residual;

    public JoinOperator(PhysicalOperator left, PhysicalOperator right, JoinType type, Expr condition) {
        this.left = left;
        this.right = right;
        this.type = type;
        this.condition = condition;
        this.leftWidth = left.outputTypes().size();
        this.rightWidth = right.outputTypes().size();
        Expr rest = null;
        for (Expr c : conjuncts(condition)) {
            if (c instanceof ComparisonExpr cmp && cmp.op() == CompareOp.EQ) {
                int l = side(cmp.left());
                int r = side(cmp.right());
                if (l == 1 && r == 2) {
                    leftKeys.add(cmp.left());
                    rightKeys.add(cmp.right());
                    continue;
                }
                if (l == 2 && r == 1) {
                    leftKeys.add(cmp.right());
                    rightKeys.add(cmp.left());
                    continue;
                }
            }
            rest = rest == null ? c : new LogicalExpr(true, rest, c);
        }
        this.residual = rest;
    }

    private static List<Expr> conjuncts(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof LogicalExpr l && l.isAnd()) {
            out.addAll(conjuncts(l.left()));
            out.addAll(conjuncts(l.right()));
        } else if (e != null) {
            out.add(e);
        }
        return out;
    }

    /** 1 if {@code e} reads only left columns, 2 if only right ones, 0 if both or none. */
    private int side(Expr e) {
        BitSet columns = new BitSet();
        ColumnUsage.collect(e, columns);
        if (columns.isEmpty()) {
            return 0;
        }
        boolean anyLeft = columns.previousSetBit(leftWidth - 1) >= 0 && leftWidth > 0;
        boolean anyRight = columns.nextSetBit(leftWidth) >= 0;
        return anyLeft && !anyRight ? 1 : anyRight && !anyLeft ? 2 : 0;
    }

    @Override
    public List<DataType> outputTypes() {
        List<DataType> types = new ArrayList<>(left.outputTypes());
        types.addAll(right.outputTypes());
        return types;
    }

    @Override
    public OperatorState open(ExecContext context) {
        return new State(context);
    }

    /** Partitions per split of a hash join that spills; a partition still too large is split again. */
    static final int PARTITIONS = 16;
    /** How many times a partition pair is split again before it is joined whatever its build side holds. */
    static final int MAX_DEPTH = 4;

    /** The right rows in memory: all of them, or those of one partition of a spilled join. */
    private static final class Build {
        final List<Object[]> rows = new ArrayList<>();
        Map<RowKey, List<Integer>> hash;
        BitSet matched;
    }

    /** A partition of a spilled hash join: its right and left rows, and how many splits made it. */
    private record Pair(io.rustydb.sql.exec.spill.SpillFile right, io.rustydb.sql.exec.spill.SpillFile left,
                        int level) {
    }

    /**
     * One execution. The right input is read into memory while the memory budget allows. A hash join whose right
     * input does not fit becomes a grace hash join: the right rows read so far and the rest of the right input
     * are written to {@link #PARTITIONS} spill files by the hash of their key, then the left input likewise by its
     * key (a row with a NULL key goes to partition 0, where it matches nothing and is kept or dropped as the join
     * type says). Each pair of partitions is then joined in memory like the whole join would be: the right
     * partition hashed, the left one probed, then (RIGHT, FULL) the right rows that matched nothing. A right
     * partition that does not fit is split again, with the left partition, by a hash with another seed, up to
     * {@link #MAX_DEPTH} levels. Spilling changes the order of the output, which SQL leaves unspecified. A
     * nested-loop join (no equality to hash on) holds its right input in memory.
     */
    private final class State implements OperatorState {
        private final ExecContext context;
        private final OperatorState leftState;
        private final RowBatch scratch = new RowBatch(leftWidth + rightWidth, 1);
        private final RowBatch out = new RowBatch(leftWidth + rightWidth);
        private final ArrayDeque<Object[]> pending = new ArrayDeque<>();
        private Build build;
        private boolean leftDone;
        private boolean tailDone;
        private long pairsTried;
        private io.rustydb.sql.exec.spill.MemoryBudget.Account account;
        /** Grace hash join: the partition pairs still to join, the one being joined and its left reader. */
        private ArrayDeque<Pair> work;
        private Pair current;
        private io.rustydb.sql.exec.spill.SpillFile.Reader currentLeft;
        private final List<io.rustydb.sql.exec.spill.SpillFile> files = new ArrayList<>();

        State(ExecContext context) {
            this.context = context;
            this.leftState = left.open(context);
            scratch.setSize(1);
        }

        /** Reads the right input: into memory, or (a hash join over the budget) into partitions of both inputs. */
        private void buildRight() {
            account = context.spill().budget().open();
            build = new Build();
            io.rustydb.sql.exec.spill.SpillFile[] rights = null;
            try (OperatorState r = right.open(context)) {
                RowBatch b;
                while ((b = r.next()) != null) {
                    for (int i = 0; i < b.rowCount(); i++) {
                        Object[] values = row(b, b.row(i), rightWidth);
                        if (rights != null) {
                            rights[partition(values, false, 0)].write(values);
                            continue;
                        }
                        long cost = rowCost(values);
                        if (leftKeys.isEmpty()) {
                            account.grow(cost);
                        } else if (!account.tryGrow(cost)) {
                            rights = spillBuild();
                            rights[partition(values, false, 0)].write(values);
                            continue;
                        }
                        build.rows.add(values);
                    }
                }
            }
            if (rights != null) {
                spillProbe(rights);
            } else {
                index(build);
            }
        }

        private long rowCost(Object[] row) {
            return io.rustydb.sql.exec.spill.RowSizes.of(row) + (leftKeys.isEmpty() ? 0 : 48);
        }

        /** Hashes a build side's rows on the right keys (rows with a NULL key are only kept for RIGHT/FULL). */
        private void index(Build b) {
            b.matched = new BitSet(b.rows.size());
            if (!leftKeys.isEmpty()) {
                b.hash = new HashMap<>();
                for (int i = 0; i < b.rows.size(); i++) {
                    load(null, b.rows.get(i));
                    Object[] key = keys(rightKeys);
                    if (key != null) {
                        b.hash.computeIfAbsent(new RowKey(key), k -> new ArrayList<>()).add(i);
                    }
                }
            }
        }

        /** Turns into a grace hash join: partitions the right rows held and releases them. */
        private io.rustydb.sql.exec.spill.SpillFile[] spillBuild() {
            context.checkCancelled();
            io.rustydb.sql.exec.spill.SpillFile[] rights = newPartitions();
            for (Object[] row : build.rows) {
                rights[partition(row, false, 0)].write(row);
            }
            build = null;
            account.releaseAll();
            return rights;
        }

        /** Partitions the left input like the right one; the pairs of partitions are then joined one by one. */
        private void spillProbe(io.rustydb.sql.exec.spill.SpillFile[] rights) {
            io.rustydb.sql.exec.spill.SpillFile[] lefts = newPartitions();
            try (leftState) {
                RowBatch b;
                while ((b = leftState.next()) != null) {
                    for (int i = 0; i < b.rowCount(); i++) {
                        Object[] row = row(b, b.row(i), leftWidth);
                        lefts[partition(row, true, 0)].write(row);
                    }
                }
            }
            leftDone = true;
            tailDone = true;
            work = new ArrayDeque<>();
            pushPairs(rights, lefts, 1);
        }

        private Object[] row(RowBatch b, int row, int width) {
            Object[] values = new Object[width];
            for (int c = 0; c < width; c++) {
                values[c] = b.column(c)[row];
            }
            return values;
        }

        private io.rustydb.sql.exec.spill.SpillFile[] newPartitions() {
            io.rustydb.sql.exec.spill.SpillFile[] parts = new io.rustydb.sql.exec.spill.SpillFile[PARTITIONS];
            for (int i = 0; i < PARTITIONS; i++) {
                parts[i] = context.spill().newFile();
                files.add(parts[i]);
            }
            return parts;
        }

        private void pushPairs(io.rustydb.sql.exec.spill.SpillFile[] rights,
                               io.rustydb.sql.exec.spill.SpillFile[] lefts, int level) {
            io.rustydb.sql.exec.spill.SpillStats stats = context.profile().spill(JoinOperator.this);
            stats.partitioned(PARTITIONS, level);
            for (int i = PARTITIONS - 1; i >= 0; i--) {
                rights[i].finish();
                lefts[i].finish();
                stats.file(rights[i].rows(), rights[i].bytes());
                stats.file(lefts[i].rows(), lefts[i].bytes());
                work.push(new Pair(rights[i], lefts[i], level));
            }
        }

        /** The partition of a left or right row at split {@code level} (a NULL key: partition 0). */
        private int partition(Object[] row, boolean isLeft, int level) {
            if (isLeft) {
                load(row, null);
            } else {
                load(null, row);
            }
            Object[] key = keys(isLeft ? leftKeys : rightKeys);
            if (key == null) {
                return 0;
            }
            long h = new RowKey(key).hashCode() ^ (0xC2B2AE3D27D4EB4FL * (level + 1));
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            return (int) Math.floorMod(h, (long) PARTITIONS);
        }

        /** Grace hash join: joins partition pairs until a batch of output is pending or all are done. */
        private void joinPartitions() {
            while (pending.size() < out.capacity()) {
                if (current == null) {
                    if (work.isEmpty()) {
                        return;
                    }
                    startPair(work.pop());
                    continue;
                }
                Object[] leftRow = currentLeft.next();
                if (leftRow != null) {
                    joinLeftRow(leftRow, build);
                    continue;
                }
                if (type == JoinType.RIGHT || type == JoinType.FULL) {
                    emitUnmatchedRight(build);
                }
                current.right().close();
                current.left().close();
                files.remove(current.right());
                files.remove(current.left());
                current = null;
                currentLeft = null;
                build = null;
                account.releaseAll();
            }
        }

        /** Loads a pair's right partition (or splits the pair again if it does not fit). */
        private void startPair(Pair pair) {
            context.checkCancelled();
            account.releaseAll();
            Build b = new Build();
            try (io.rustydb.sql.exec.spill.SpillFile.Reader r = pair.right().reader()) {
                Object[] row;
                while ((row = r.next()) != null) {
                    long cost = rowCost(row);
                    if (!account.tryGrow(cost)) {
                        if (pair.level() < MAX_DEPTH) {
                            split(pair);
                            account.releaseAll();
                            return;
                        }
                        account.grow(cost);
                    }
                    b.rows.add(row);
                }
            }
            index(b);
            build = b;
            current = pair;
            currentLeft = pair.left().reader();
        }

        /** Splits a pair whose right side does not fit into {@link #PARTITIONS} pairs by another hash. */
        private void split(Pair pair) {
            io.rustydb.sql.exec.spill.SpillFile[] rights = newPartitions();
            io.rustydb.sql.exec.spill.SpillFile[] lefts = newPartitions();
            try (io.rustydb.sql.exec.spill.SpillFile.Reader r = pair.right().reader()) {
                Object[] row;
                while ((row = r.next()) != null) {
                    rights[partition(row, false, pair.level())].write(row);
                }
            }
            try (io.rustydb.sql.exec.spill.SpillFile.Reader r = pair.left().reader()) {
                Object[] row;
                while ((row = r.next()) != null) {
                    lefts[partition(row, true, pair.level())].write(row);
                }
            }
            pair.right().close();
            pair.left().close();
            files.remove(pair.right());
            files.remove(pair.left());
            pushPairs(rights, lefts, pair.level() + 1);
        }

        /** Puts a left row and a right row (either may be null = all NULL) into the scratch row. */
        private void load(Object[] leftRow, Object[] rightRow) {
            for (int c = 0; c < leftWidth; c++) {
                scratch.column(c)[0] = leftRow == null ? null : leftRow[c];
            }
            for (int c = 0; c < rightWidth; c++) {
                scratch.column(leftWidth + c)[0] = rightRow == null ? null : rightRow[c];
            }
        }

        /** The key values of the scratch row, or null if one is NULL (NULL never equals anything). */
        private Object[] keys(List<Expr> exprs) {
            Object[] key = new Object[exprs.size()];
            for (int k = 0; k < key.length; k++) {
                key[k] = exprs.get(k).eval(scratch, 0, context);
                if (key[k] == null) {
                    return null;
                }
            }
            return key;
        }

        private void joinLeftBatch(RowBatch batch) {
            for (int i = 0; i < batch.rowCount(); i++) {
                joinLeftRow(row(batch, batch.row(i), leftWidth), build);
            }
        }

        private void joinLeftRow(Object[] leftRow, Build b) {
            boolean matched = false;
            Iterable<Integer> candidates;
            if (b.hash != null) {
                load(leftRow, null);
                Object[] key = keys(leftKeys);
                List<Integer> found = key == null ? null : b.hash.get(new RowKey(key));
                candidates = found == null ? List.of() : found;
            } else {
                candidates = () -> java.util.stream.IntStream.range(0, b.rows.size()).iterator();
            }
            for (int r : candidates) {
                if ((++pairsTried & 1023) == 0) {
                    context.checkCancelled(); // a large cross product may run long inside one left batch
                }
                Object[] rightRow = b.rows.get(r);
                load(leftRow, rightRow);
                Expr check = b.hash != null ? residual : condition;
                if (check == null || Boolean.TRUE.equals(check.eval(scratch, 0, context))) {
                    matched = true;
                    b.matched.set(r);
                    pending.add(combined(leftRow, rightRow));
                }
            }
            if (!matched && (type == JoinType.LEFT || type == JoinType.FULL)) {
                pending.add(combined(leftRow, null));
            }
        }

        private void emitUnmatchedRight(Build b) {
            for (int r = b.matched.nextClearBit(0); r < b.rows.size(); r = b.matched.nextClearBit(r + 1)) {
                pending.add(combined(null, b.rows.get(r)));
            }
        }

        private Object[] combined(Object[] leftRow, Object[] rightRow) {
            Object[] values = new Object[leftWidth + rightWidth];
            if (leftRow != null) {
                System.arraycopy(leftRow, 0, values, 0, leftWidth);
            }
            if (rightRow != null) {
                System.arraycopy(rightRow, 0, values, leftWidth, rightWidth);
            }
            return values;
        }

        @Override
        public RowBatch next() {
            if (build == null && work == null) {
                buildRight();
            }
            if (work != null) {
                joinPartitions();
            }
            while (pending.size() < out.capacity() && !leftDone) {
                RowBatch b = leftState.next();
                if (b == null) {
                    leftDone = true;
                } else {
                    joinLeftBatch(b);
                }
            }
            if (leftDone && !tailDone) {
                tailDone = true;
                if (type == JoinType.RIGHT || type == JoinType.FULL) {
                    emitUnmatchedRight(build);
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
            leftState.close();
            if (currentLeft != null) {
                currentLeft.close();
            }
            for (io.rustydb.sql.exec.spill.SpillFile f : files) {
                f.close();
            }
            files.clear();
            if (work != null) {
                work.clear();
            }
            if (account != null) {
                account.releaseAll();
            }
        }
    }

    @Override
    public String describe() {
        return (leftKeys.isEmpty() ? "NestedLoopJoin " : "HashJoin ") + type
                + (condition == null ? "" : " ON " + condition);
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(left, right);
    }
}
