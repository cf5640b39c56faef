package io.rustydb.sql.plan;

import java.util.Locale;

/**
 * The functions a window call can compute: the ranking and navigation functions of SQL:2003 (each only with
 * {@code OVER}), and {@link #AGGREGATE}, any {@link AggregateFunction} used with {@code OVER}.
 */
public enum WindowFunction {
    ROW_NUMBER,
    RANK,
    DENSE_RANK,
    PERCENT_RANK,
    CUME_DIST,
    NTILE,
    LAG,
    LEAD,
    FIRST_VALUE,
    LAST_VALUE,
    NTH_VALUE,
    /** An aggregate over the window frame; {@link WindowCall#aggregate()} says which. */
    AGGREGATE;

    /** The window-only function named {@code name} (case-insensitive), or {@code null}. */
    public static WindowFunction byName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (WindowFunction f : values()) {
            if (f != AGGREGATE && f.name().equals(upper)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Whether the call reads its window frame. The others see the whole partition: the ranking functions its order
     * and peers, LAG and LEAD the rows around the current one.
     */
    public boolean usesFrame() {
        return this == FIRST_VALUE || this == LAST_VALUE || this == NTH_VALUE || this == AGGREGATE;
    }

    /** The SQL name, for messages and EXPLAIN. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
