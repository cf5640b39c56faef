package io.rustydb.sql.exec;

import java.util.function.BinaryOperator;

/**
 * Combines any range of a fixed array of values in O(log n) with an associative, commutative operation (a sum,
 * MIN, MAX): the sliding window frames of {@link WindowAggregates}. NULL values are skipped; a range of only NULLs
 * gives NULL.
 */
final class SegmentTree {
    private final int n;
    private final Object[] nodes;
    private final BinaryOperator<Object> combine;

    SegmentTree(Object[] values, BinaryOperator<Object> combine) {
        this.n = values.length;
        this.combine = combine;
        this.nodes = new Object[2 * Math.max(n, 1)];
        System.arraycopy(values, 0, nodes, n, n);
        for (int i = n - 1; i >= 1; i--) {
            nodes[i] = merge(nodes[2 * i], nodes[2 * i + 1]);
        }
    }

    private Object merge(Object a, Object b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : combine.apply(a, b);
    }

    /** The combination of positions {@code from..to} (inclusive); NULL for an empty range. */
    Object query(int from, int to) {
        Object result = null;
        for (int lo = from + n, hi = to + n + 1; lo < hi; lo >>= 1, hi >>= 1) {
            if ((lo & 1) == 1) {
                result = merge(result, nodes[lo++]);
            }
            if ((hi & 1) == 1) {
                result = merge(result, nodes[--hi]);
            }
        }
        return result;
    }
}
