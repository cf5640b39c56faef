package io.rustydb.sql.exec;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.Values;
import io.rustydb.sql.plan.AggregateFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered-set aggregates PERCENTILE_CONT, PERCENTILE_DISC and MODE over the group's non-NULL values, which
 * arrive sorted by the WITHIN GROUP order (this accumulator always sits inside a {@link SortedInput}). The fraction
 * of a percentile is its first further argument (a constant); NULL gives NULL, a value outside [0, 1] is 22003.
 */
final class OrderedSetAccumulator extends Accumulator {
    private final AggregateFunction function;
    private final List<Object> values = new ArrayList<>();
    private Object fraction;

    OrderedSetAccumulator(AggregateFunction function) {
        super(false);
        this.function = function;
    }

    @Override
    void accept(Object value, Object[] extras) {
        if (values.isEmpty() && extras.length > 0) {
            fraction = extras[0];
        }
        values.add(value);
    }

    @Override
    Object result() {
        if (values.isEmpty()) {
            return null;
        }
        if (function == AggregateFunction.MODE) {
            return mode();
        }
        if (fraction == null) {
            return null;
        }
        double f = ((Number) fraction).doubleValue();
        if (!(f >= 0.0 && f <= 1.0)) {
            throw new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "percentile value " + fraction + " is not between 0 and 1");
        }
        int n = values.size();
        if (function == AggregateFunction.PERCENTILE_DISC) {
            int position = (int) Math.ceil(f * n);
            return values.get(Math.max(position, 1) - 1);
        }
        double row = f * (n - 1);
        int below = (int) Math.floor(row);
        int above = (int) Math.ceil(row);
        double low = ((Number) values.get(below)).doubleValue();
        double high = ((Number) values.get(above)).doubleValue();
        return below == above ? low : low + (row - below) * (high - low);
    }

    /** The value of the longest run of equal values (the first such run on a tie). */
    private Object mode() {
        Object best = null;
        int bestRun = 0;
        int i = 0;
        while (i < values.size()) {
            int j = i + 1;
            while (j < values.size() && Values.compare(values.get(i), values.get(j)) == 0) {
                j++;
            }
            if (j - i > bestRun) {
                bestRun = j - i;
                best = values.get(i);
            }
            i = j;
        }
        return best;
    }
}
