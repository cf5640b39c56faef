package io.rustydb.sql.exec;

import io.rustydb.core.type.Values;
import io.rustydb.sql.plan.AggregateCall;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An aggregate with an ORDER BY ({@code STRING_AGG(x, ',' ORDER BY y)}, {@code ... WITHIN GROUP (ORDER BY x)}): keeps
 * the group's input rows, and when the result is asked for, sorts them (stably, so ties keep input order) and feeds
 * them to the aggregate it wraps. Holds the group's rows in memory.
 */
final class SortedInput extends Accumulator {
    /** One input row of the group. */
    private record Input(Object value, Object[] extras, Object[] sortValues) {
    }

    private final Accumulator inner;
    private final List<AggregateCall.Ordering> order;
    private final List<Input> rows = new ArrayList<>();
    private boolean replayed;

    SortedInput(Accumulator inner, List<AggregateCall.Ordering> order) {
        super(false);
        this.inner = inner;
        this.order = List.copyOf(order);
    }

    @Override
    void add(Object value, Object[] extras, Object[] sortValues) {
        if (value == null && !inner.countsNulls()) {
            return;
        }
        rows.add(new Input(value, extras, sortValues));
    }

    @Override
    Object result() {
        if (!replayed) {
            replayed = true;
            rows.sort(Comparator.comparing(Input::sortValues, this::compare));
            for (Input row : rows) {
                inner.add(row.value(), row.extras(), null);
            }
            rows.clear();
        }
        return inner.result();
    }

    private int compare(Object[] a, Object[] b) {
        for (int k = 0; k < order.size(); k++) {
            AggregateCall.Ordering key = order.get(k);
            Object x = a[k];
            Object y = b[k];
            if (x == null || y == null) {
                if (x == y) {
                    continue;
                }
                return (x == null) == key.nullsFirst() ? -1 : 1;
            }
            int cmp = Values.compare(x, y);
            if (cmp != 0) {
                return key.descending() ? -cmp : cmp;
            }
        }
        return 0;
    }
}
