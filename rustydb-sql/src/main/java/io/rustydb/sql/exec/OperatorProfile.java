package io.rustydb.sql.exec;

import java.util.IdentityHashMap;
import java.util.Map;

/** What the operators of one execution did, for EXPLAIN ANALYZE: per operator, counters kept by its wrapper. */
public final class OperatorProfile {
    /** One operator's counters, summed over its executions (an inner side may be opened several times). */
    public static final class Counters {
        long opens;
        long rows;
        long batches;
        long nanos;

        public long rows() {
            return rows;
        }

        public long batches() {
            return batches;
        }

        public long nanos() {
            return nanos;
        }

        public long opens() {
            return opens;
        }
    }

    private final Map<PhysicalOperator, Counters> counters = new IdentityHashMap<>();

    /** The counters of {@code op} (created on first use). */
    public Counters of(PhysicalOperator op) {
        return counters.computeIfAbsent(op, o -> new Counters());
    }

    /** The counters of {@code op}, or null if it never ran. */
    public Counters find(PhysicalOperator op) {
        return counters.get(op);
    }
}
