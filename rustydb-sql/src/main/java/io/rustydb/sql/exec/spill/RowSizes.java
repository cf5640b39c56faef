package io.rustydb.sql.exec.spill;

import io.rustydb.core.type.Binary;
import java.math.BigDecimal;

/**
 * Estimates of the heap bytes a row of SQL values holds, for memory accounting. Estimates, not measurements:
 * object headers and references as on a 64-bit JVM with compressed pointers, boxed values counted whole (even
 * when the JVM caches small ones), so that the budget errs on the safe side.
 */
public final class RowSizes {
    /** An {@code Object[]} header plus the list or table slot that references it. */
    private static final long ROW_OVERHEAD = 16 + 16;
    private static final long REFERENCE = 4;

    private RowSizes() {
    }

    /** The estimated bytes of {@code row} and the values it references. */
    public static long of(Object[] row) {
        long size = ROW_OVERHEAD + REFERENCE * row.length;
        for (Object v : row) {
            size += of(v);
        }
        return size;
    }

    /** The estimated bytes of one value ({@code null}: none). */
    public static long of(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof String s) {
            return 24 + 16 + s.length(); // String + byte[] (Latin-1 or UTF-16 counted as one byte a char, rounded)
        }
        if (v instanceof BigDecimal d) {
            return 40 + 16 + 4L * ((d.unscaledValue().bitLength() + 31) / 32);
        }
        if (v instanceof Binary b) {
            return 16 + 16 + b.length();
        }
        if (v instanceof Object[] nested) {
            return of(nested);
        }
        return 24; // boxed numbers, booleans, dates and times, UUIDs
    }
}
