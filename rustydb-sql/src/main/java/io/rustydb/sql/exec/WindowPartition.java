package io.rustydb.sql.exec;

import io.rustydb.core.type.Values;

/**
 * The rows of one window partition in window order (positions {@code 0..size-1}), with their peer groups: rows
 * equal on every ORDER BY key (NULLs equal), all rows when there is no ORDER BY.
 */
final class WindowPartition {
    private final Object[][] rows;
    private final int[] orderSlots;
    /** Peer group number of each position. */
    private final int[] group;
    /** First and last position of each peer group. */
    private final int[] groupStart;
    private final int[] groupEnd;
    private final int groupCount;

    /** @param orderSlots the row slots holding the ORDER BY values */
    WindowPartition(Object[][] rows, int[] orderSlots) {
        this.rows = rows;
        this.orderSlots = orderSlots;
        int n = rows.length;
        this.group = new int[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        int g = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || !peers(rows[i - 1], rows[i])) {
                g++;
                starts[g] = i;
            }
            group[i] = g;
            ends[g] = i;
        }
        this.groupCount = g + 1;
        this.groupStart = starts;
        this.groupEnd = ends;
    }

    private boolean peers(Object[] a, Object[] b) {
        for (int slot : orderSlots) {
            Object x = a[slot];
            Object y = b[slot];
            if (x == null || y == null) {
                if (x != y) {
                    return false;
                }
            } else if (Values.compare(x, y) != 0) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return rows.length;
    }

    /** The row at {@code position}. */
    Object[] row(int position) {
        return rows[position];
    }

    Object value(int position, int slot) {
        return rows[position][slot];
    }

    /** The peer group of {@code position} (0 for the first). */
    int group(int position) {
        return group[position];
    }

    int groupCount() {
        return groupCount;
    }

    int groupStart(int group) {
        return groupStart[group];
    }

    int groupEnd(int group) {
        return groupEnd[group];
    }

    /** The first peer of {@code position}. */
    int peerStart(int position) {
        return groupStart[group[position]];
    }

    /** The last peer of {@code position}. */
    int peerEnd(int position) {
        return groupEnd[group[position]];
    }
}
