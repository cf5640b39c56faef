package io.rustydb.sql.exec;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.Values;
import io.rustydb.sql.plan.WindowFrame;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The frame of every row of a partition as positions {@code start[i]..end[i]} (inclusive; empty when start &gt;
 * end). Both arrays never decrease with {@code i}, which the running and sliding aggregates rely on. ROWS and GROUPS
 * take O(1) per row, RANGE with offsets O(log n) (a binary search on the single ORDER BY value).
 *
 * <p>RANGE offsets follow PostgreSQL: a row whose ORDER BY value is NULL has its NULL peers as the offset part of its
 * frame, and NULL rows are never within an offset of a non-NULL value.
 */
final class WindowFrames {
    final int[] start;
    final int[] end;

    private WindowFrames(int size) {
        start = new int[size];
        end = new int[size];
    }

    /**
     * One frame definition, its offsets evaluated for this execution.
     *
     * @param keySlot    the row slot of the single ORDER BY value (RANGE with offsets), else -1
     * @param descending that key's direction
     * @param nullsFirst where its NULLs are
     */
    record Definition(WindowFrame frame, Object startOffset, Object endOffset, int keySlot, boolean descending,
                      boolean nullsFirst) {
        /** Checks an offset value (22004 if NULL, 22013 if negative) and returns it. */
        static Object checkOffset(Object value, boolean start) {
            String which = start ? "starting" : "ending";
            if (value == null) {
                throw new DbException(ErrorCode.NULL_VALUE_NOT_ALLOWED, "frame " + which + " offset must not be null");
            }
            if (value instanceof Number n && (n instanceof Double || n instanceof Float ? n.doubleValue() < 0
                    : new BigDecimal(n.toString()).signum() < 0)) {
                throw new DbException(ErrorCode.INVALID_PRECEDING_OR_FOLLOWING_SIZE,
                        "frame " + which + " offset must not be negative");
            }
            return value;
        }
    }

    static WindowFrames of(Definition d, WindowPartition p) {
        int n = p.size();
        WindowFrames f = new WindowFrames(n);
        for (int i = 0; i < n; i++) {
            f.start[i] = bound(d, d.frame().start(), d.startOffset(), true, p, i);
            f.end[i] = bound(d, d.frame().end(), d.endOffset(), false, p, i);
        }
        return f;
    }

    private static int bound(Definition d, WindowFrame.Bound bound, Object offset, boolean isStart, WindowPartition p,
                             int i) {
        int n = p.size();
        switch (bound.kind()) {
            case UNBOUNDED_PRECEDING:
                return 0;
            case UNBOUNDED_FOLLOWING:
                return n - 1;
            case CURRENT_ROW:
                if (d.frame().unit() == WindowFrame.Unit.ROWS) {
                    return i;
                }
                return isStart ? p.peerStart(i) : p.peerEnd(i);
            default:
                break;
        }
        boolean preceding = bound.kind() == WindowFrame.BoundKind.PRECEDING;
        switch (d.frame().unit()) {
            case ROWS: {
                long k = ((Number) offset).longValue();
                long at = preceding ? i - k : i + k;
                // a start before the partition is its first row, an end after it its last; the others make the
                // frame empty
                return (int) (isStart ? Math.max(0, Math.min(n, at)) : Math.max(-1, Math.min(n - 1, at)));
            }
            case GROUPS: {
                long k = ((Number) offset).longValue();
                long g = preceding ? p.group(i) - k : p.group(i) + k;
                if (isStart) {
                    return g < 0 ? 0 : g >= p.groupCount() ? n : p.groupStart((int) g);
                }
                return g < 0 ? -1 : g >= p.groupCount() ? n - 1 : p.groupEnd((int) g);
            }
            default:
                return rangeBound(d, offset, preceding, isStart, p, i);
        }
    }

    private static int rangeBound(Definition d, Object offset, boolean preceding, boolean isStart, WindowPartition p,
                                  int i) {
        Object key = p.value(i, d.keySlot());
        if (key == null) {
            return isStart ? p.peerStart(i) : p.peerEnd(i);
        }
        // "preceding" is towards the start of the window order: smaller values ascending, larger descending
        boolean subtract = preceding != d.descending();
        Object target = shift(key, offset, subtract);
        int n = p.size();
        // first position whose value is at or after the target in window order
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = orderCompare(d, p.value(mid, d.keySlot()), target);
            // start: first mid with value >= target; end: first mid with value > target
            if (isStart ? c >= 0 : c > 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return isStart ? lo : lo - 1;
    }

    /** Compares {@code value} with {@code target} in window order; a NULL value is at its end of the order. */
    private static int orderCompare(Definition d, Object value, Object target) {
        if (value == null) {
            return d.nullsFirst() ? -1 : 1;
        }
        int c = Values.compare(value, target);
        return d.descending() ? -c : c;
    }

    /** {@code key ± offset}, exactly (no overflow): BigDecimal for exact numbers, double, or days of a DATE. */
    private static Object shift(Object key, Object offset, boolean subtract) {
        if (key instanceof LocalDate date) {
            long days = ((Number) offset).longValue();
            try {
                return subtract ? date.minusDays(days) : date.plusDays(days);
            } catch (java.time.DateTimeException beyondCalendar) {
                return subtract ? LocalDate.MIN : LocalDate.MAX;
            }
        }
        if (key instanceof Double || key instanceof Float || offset instanceof Double || offset instanceof Float) {
            double k = ((Number) key).doubleValue();
            double o = ((Number) offset).doubleValue();
            return subtract ? k - o : k + o;
        }
        BigDecimal k = new BigDecimal(key.toString());
        BigDecimal o = new BigDecimal(offset.toString());
        return subtract ? k.subtract(o) : k.add(o);
    }
}
