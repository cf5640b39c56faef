package io.rustydb.sql.exec;

import io.rustydb.core.type.Values;
import java.util.Arrays;

/**
 * A tuple of values used as a hash key (GROUP BY, DISTINCT): equal under SQL value equality across numeric types,
 * with NULL equal to NULL (grouping semantics, not comparison semantics).
 */
public final class RowKey {
    private final Object[] values;
    private final int hash;

    public RowKey(Object[] values) {
        this.values = values;
        int h = 1;
        for (Object v : values) {
            h = 31 * h + (v == null ? 0 : Values.hash(v));
        }
        this.hash = h;
    }

    public Object get(int i) {
        return values[i];
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RowKey other) || other.hash != hash || other.values.length != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            Object a = values[i];
            Object b = other.values[i];
            if (a == null || b == null) {
                if (a != b) {
                    return false;
                }
            } else if (!Values.equal(a, b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
