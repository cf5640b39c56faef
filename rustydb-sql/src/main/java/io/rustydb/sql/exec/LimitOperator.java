package io.rustydb.sql.exec;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.Expr;
import java.util.List;

/** Skips OFFSET rows, then passes at most LIMIT rows and stops pulling its input. */
public final class LimitOperator implements PhysicalOperator {
    private static final RowBatch NO_INPUT = new RowBatch(0, 1);

    private final PhysicalOperator input;
    private final Expr limit;
    private final Expr offset;

    /** {@code limit} and {@code offset} may be null (no limit, no offset). */
    public LimitOperator(PhysicalOperator input, Expr limit, Expr offset) {
        this.input = input;
        this.limit = limit;
        this.offset = offset;
    }

    @Override
    public List<DataType> outputTypes() {
        return input.outputTypes();
    }

    /** The value of a LIMIT or OFFSET expression; -1 for none (null). */
    static long count(Expr e, ExecContext context, String clause) {
        if (e == null) {
            return -1;
        }
        Object v = e.eval(NO_INPUT, 0, context);
        if (v == null) {
            return -1;
        }
        long n = ((Number) v).longValue();
        if (n < 0) {
            throw new DbException(ErrorCode.INVALID_PARAMETER_VALUE, clause + " must not be negative");
        }
        return n;
    }

    @Override
    public OperatorState open(ExecContext context) {
        long max = count(limit, context, "LIMIT");
        long skip = Math.max(0, count(offset, context, "OFFSET"));
        OperatorState source = input.open(context);
        return new OperatorState() {
            private long toSkip = skip;
            private long remaining = max < 0 ? Long.MAX_VALUE : max;
            private final int[] selection = new int[RowBatch.CAPACITY];

            @Override
            public RowBatch next() {
                while (remaining > 0) {
                    RowBatch batch = source.next();
                    if (batch == null) {
                        return null;
                    }
                    int[] sel = batch.size() <= selection.length ? selection : new int[batch.size()];
                    int kept = 0;
                    for (int i = 0; i < batch.rowCount() && remaining > 0; i++) {
                        if (toSkip > 0) {
                            toSkip--;
                            continue;
                        }
                        sel[kept++] = batch.row(i);
                        remaining--;
                    }
                    if (kept > 0) {
                        batch.select(sel, kept);
                        return batch;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    @Override
    public String describe() {
        return "Limit " + (limit == null ? "ALL" : limit) + (offset == null ? "" : " OFFSET " + offset);
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(input);
    }
}
