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
 * (Spilling to disk under a memory budget is later work.)
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

    private final class State implements OperatorState {
        private final ExecContext context;
        private final OperatorState leftState;
        private final RowBatch scratch = new RowBatch(leftWidth + rightWidth, 1);
        private final RowBatch out = new RowBatch(leftWidth + rightWidth);
        private final ArrayDeque<Object[]> pending = new ArrayDeque<>();
        private List<Object[]> rightRows;
        private Map<io.rustydb.sql.exec.RowKey, List<Integer>> hash;
        private BitSet rightMatched;
        private boolean leftDone;
        private boolean tailDone;
        private long pairsTried;

        State(ExecContext context) {
            this.context = context;
            this.leftState = left.open(context);
            scratch.setSize(1);
        }

        private void buildRight() {
            rightRows = new ArrayList<>();
            try (OperatorState r = right.open(context)) {
                RowBatch b;
                while ((b = r.next()) != null) {
                    for (int i = 0; i < b.rowCount(); i++) {
                        int row = b.row(i);
                        Object[] values = new Object[rightWidth];
                        for (int c = 0; c < rightWidth; c++) {
                            values[c] = b.column(c)[row];
                        }
                        rightRows.add(values);
                    }
                }
            }
            rightMatched = new BitSet(rightRows.size());
            if (!leftKeys.isEmpty()) {
                hash = new HashMap<>();
                for (int i = 0; i < rightRows.size(); i++) {
                    load(null, rightRows.get(i));
                    Object[] key = keys(rightKeys);
                    if (key != null) {
                        hash.computeIfAbsent(new RowKey(key), k -> new ArrayList<>()).add(i);
                    }
                }
            }
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
                int row = batch.row(i);
                Object[] leftRow = new Object[leftWidth];
                for (int c = 0; c < leftWidth; c++) {
                    leftRow[c] = batch.column(c)[row];
                }
                boolean matched = false;
                Iterable<Integer> candidates;
                if (hash != null) {
                    load(leftRow, null);
                    Object[] key = keys(leftKeys);
                    List<Integer> found = key == null ? null : hash.get(new RowKey(key));
                    candidates = found == null ? List.of() : found;
                } else {
                    candidates = () -> java.util.stream.IntStream.range(0, rightRows.size()).iterator();
                }
                for (int r : candidates) {
                    if ((++pairsTried & 1023) == 0) {
                        context.checkCancelled(); // a large cross product may run long inside one left batch
                    }
                    Object[] rightRow = rightRows.get(r);
                    load(leftRow, rightRow);
                    Expr check = hash != null ? residual : condition;
                    if (check == null || Boolean.TRUE.equals(check.eval(scratch, 0, context))) {
                        matched = true;
                        rightMatched.set(r);
                        pending.add(combined(leftRow, rightRow));
                    }
                }
                if (!matched && (type == JoinType.LEFT || type == JoinType.FULL)) {
                    pending.add(combined(leftRow, null));
                }
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
            if (rightRows == null) {
                buildRight();
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
                    for (int r = rightMatched.nextClearBit(0); r < rightRows.size(); r = rightMatched.nextClearBit(r + 1)) {
                        pending.add(combined(null, rightRows.get(r)));
                    }
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
