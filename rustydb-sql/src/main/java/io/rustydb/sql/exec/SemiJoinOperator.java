package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import io.rustydb.core.type.Values;
import io.rustydb.sql.expr.Expr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the left rows that have (semi join) or do not have (anti join) a matching right row, each left row once:
 * what {@code EXISTS}, {@code NOT EXISTS}, {@code IN} and {@code NOT IN} with a correlated subquery become
 * ({@link Decorrelator}). The right input is read into memory and hashed on the right key expressions; a left row's
 * candidates are the right rows with equal keys (a NULL key matches nothing), then the residual condition over the
 * left row followed by the right row decides.
 *
 * <p>{@code NOT IN} needs SQL's NULL rules, so its compared pair ({@code x NOT IN (SELECT y ...)}) is kept apart
 * from the hash keys (which are then only the correlation): a left row is kept if no candidate passes the residual
 * (the subquery is empty for it), or if {@code x} is not NULL and no passing candidate has {@code y} NULL or equal
 * to {@code x}.
 */
public final class SemiJoinOperator implements PhysicalOperator {
    /** What the join keeps. */
    public enum Mode { SEMI, ANTI, NOT_IN }

    private final PhysicalOperator left;
    private final PhysicalOperator right;
    private final Mode mode;
    private final List<Expr> leftKeys;
    private final List<Expr> rightKeys;
    private final Expr notInLeft;
    private final Expr notInRight;
    private final Expr residual;
    private final int leftWidth;
    private final int rightWidth;

    /**
     * @param notInLeft  for {@link Mode#NOT_IN}: {@code x} over the left row (else null)
     * @param notInRight for {@link Mode#NOT_IN}: {@code y} over the right row (else null)
     * @param residual   over the left columns then the right ones (null = none)
     */
    public SemiJoinOperator(PhysicalOperator left, PhysicalOperator right, Mode mode, List<Expr> leftKeys,
                            List<Expr> rightKeys, Expr notInLeft, Expr notInRight, Expr residual) {
        this.left = left;
        this.right = right;
        this.mode = mode;
        this.leftKeys = List.copyOf(leftKeys);
        this.rightKeys = List.copyOf(rightKeys);
        this.notInLeft = notInLeft;
        this.notInRight = notInRight;
        this.residual = residual;
        this.leftWidth = left.outputTypes().size();
        this.rightWidth = right.outputTypes().size();
    }

    @Override
    public List<DataType> outputTypes() {
        return left.outputTypes();
    }

    @Override
    public OperatorState open(ExecContext context) {
        return new State(context);
    }

    private final class State implements OperatorState {
        private final ExecContext context;
        private final OperatorState leftState;
        private final RowBatch scratch = new RowBatch(leftWidth + rightWidth, 1);
        private Map<RowKey, List<Object[]>> groups;
        private int[] selection;

        State(ExecContext context) {
            this.context = context;
            this.leftState = left.open(context);
            scratch.setSize(1);
        }

        private void build() {
            groups = new HashMap<>();
            RowBatch one = new RowBatch(rightWidth, 1);
            one.setSize(1);
            try (OperatorState r = right.open(context)) {
                RowBatch b;
                while ((b = r.next()) != null) {
                    for (int i = 0; i < b.rowCount(); i++) {
                        int row = b.row(i);
                        Object[] key = keys(rightKeys, b, row);
                        if (key == null) {
                            continue; // a NULL key equals nothing
                        }
                        Object[] values = new Object[rightWidth + 1];
                        for (int c = 0; c < rightWidth; c++) {
                            values[c] = b.column(c)[row];
                        }
                        if (notInRight != null) {
                            values[rightWidth] = notInRight.eval(b, row, context);
                        }
                        groups.computeIfAbsent(new RowKey(key), k -> new ArrayList<>()).add(values);
                    }
                }
            }
        }

        private Object[] keys(List<Expr> exprs, RowBatch batch, int row) {
            Object[] key = new Object[exprs.size()];
            for (int k = 0; k < key.length; k++) {
                key[k] = exprs.get(k).eval(batch, row, context);
                if (key[k] == null) {
                    return null;
                }
            }
            return key;
        }

        /** Whether row {@code row} of {@code batch} stays. */
        private boolean keep(RowBatch batch, int row) {
            Object[] key = keys(leftKeys, batch, row);
            List<Object[]> candidates = key == null ? null : groups.get(new RowKey(key));
            Object x = notInLeft == null ? null : notInLeft.eval(batch, row, context);
            if (candidates != null) {
                for (Object[] candidate : candidates) {
                    if (residual != null && !passes(batch, row, candidate)) {
                        continue;
                    }
                    if (mode != Mode.NOT_IN) {
                        return mode == Mode.SEMI;
                    }
                    Object y = candidate[rightWidth];
                    if (x == null || y == null || Values.equal(x, y)) {
                        return false; // NOT IN is FALSE or NULL
                    }
                }
            }
            return mode != Mode.SEMI; // no match: NOT EXISTS and NOT IN hold
        }

        private boolean passes(RowBatch batch, int row, Object[] candidate) {
            for (int c = 0; c < leftWidth; c++) {
                scratch.column(c)[0] = batch.column(c)[row];
            }
            for (int c = 0; c < rightWidth; c++) {
                scratch.column(leftWidth + c)[0] = candidate[c];
            }
            return Boolean.TRUE.equals(residual.eval(scratch, 0, context));
        }

        @Override
        public RowBatch next() {
            if (groups == null) {
                build();
            }
            RowBatch b;
            while ((b = leftState.next()) != null) {
                if (selection == null || selection.length < b.rowCount()) {
                    selection = new int[Math.max(b.rowCount(), RowBatch.CAPACITY)];
                }
                int n = 0;
                for (int i = 0; i < b.rowCount(); i++) {
                    int row = b.row(i);
                    if (keep(b, row)) {
                        selection[n++] = row;
                    }
                }
                if (n > 0) {
                    b.select(selection, n);
                    return b;
                }
            }
            return null;
        }

        @Override
        public void close() {
            leftState.close();
        }
    }

    @Override
    public String describe() {
        String name = mode == Mode.SEMI ? "HashSemiJoin" : mode == Mode.ANTI ? "HashAntiJoin" : "HashNotInJoin";
        StringBuilder on = new StringBuilder();
        for (int i = 0; i < leftKeys.size(); i++) {
            on.append(i == 0 ? " ON " : " AND ").append(leftKeys.get(i)).append(" = ").append(rightKeys.get(i));
        }
        if (notInLeft != null) {
            on.append(" NOT IN ").append(notInLeft).append(" vs ").append(notInRight);
        }
        return name + on + (residual == null ? "" : " WHERE " + residual);
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(left, right);
    }
}
