package io.rustydb.sql.exec;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.plan.WindowFunction;

/**
 * The window functions that read a partition's order rather than a frame: ROW_NUMBER, RANK, DENSE_RANK,
 * PERCENT_RANK, CUME_DIST, NTILE, LAG and LEAD, each O(n) per partition.
 */
final class WindowRanking {
    private WindowRanking() {
    }

    /**
     * @param argSlots the row slots of the call's arguments (-1 for an absent LAG/LEAD offset or default)
     * @param out      receives the result of each position
     */
    static void compute(WindowFunction function, int[] argSlots, WindowPartition p, Object[] out) {
        int n = p.size();
        switch (function) {
            case ROW_NUMBER:
                for (int i = 0; i < n; i++) {
                    out[i] = (long) i + 1;
                }
                break;
            case RANK:
                for (int i = 0; i < n; i++) {
                    out[i] = (long) p.peerStart(i) + 1;
                }
                break;
            case DENSE_RANK:
                for (int i = 0; i < n; i++) {
                    out[i] = (long) p.group(i) + 1;
                }
                break;
            case PERCENT_RANK:
                for (int i = 0; i < n; i++) {
                    out[i] = n == 1 ? 0.0 : (double) p.peerStart(i) / (n - 1);
                }
                break;
            case CUME_DIST:
                for (int i = 0; i < n; i++) {
                    out[i] = (double) (p.peerEnd(i) + 1) / n;
                }
                break;
            case NTILE:
                ntile(p.value(0, argSlots[0]), n, out);
                break;
            case LAG:
            case LEAD:
                for (int i = 0; i < n; i++) {
                    Object offset = argSlots[1] < 0 ? (Object) 1L : p.value(i, argSlots[1]);
                    if (offset == null) {
                        out[i] = null;
                        continue;
                    }
                    long k = ((Number) offset).longValue();
                    long at = function == WindowFunction.LAG ? i - k : i + k;
                    if (at >= 0 && at < n) {
                        out[i] = p.value((int) at, argSlots[0]);
                    } else {
                        out[i] = argSlots[2] < 0 ? null : p.value(i, argSlots[2]);
                    }
                }
                break;
            default:
                throw DbException.internal("not a ranking function: " + function);
        }
    }

    /**
     * Splits the partition into {@code buckets} groups as equal as can be, the larger ones first (the count is read
     * at the partition's first row, as PostgreSQL does).
     */
    private static void ntile(Object buckets, int n, Object[] out) {
        if (buckets == null) {
            java.util.Arrays.fill(out, null);
            return;
        }
        long k = ((Number) buckets).longValue();
        if (k <= 0) {
            throw new DbException(ErrorCode.INVALID_ARGUMENT_FOR_NTILE);
        }
        long small = n / k;
        long larger = n % k; // buckets holding small + 1 rows
        long inLarger = larger * (small + 1);
        for (int i = 0; i < n; i++) {
            long bucket = i < inLarger ? i / (small + 1) : larger + (i - inLarger) / small;
            out[i] = (int) (bucket + 1);
        }
    }
}
