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

    private final Map<PhysicalOperator, io.rustydb.sql.exec.spill.SpillStats> spills = new IdentityHashMap<>();

    /** What {@code op} spilled (created on first use: only operators that spill ask). */
    public io.rustydb.sql.exec.spill.SpillStats spill(PhysicalOperator op) {
        return spills.computeIfAbsent(op, o -> new io.rustydb.sql.exec.spill.SpillStats());
    }

    /** What {@code op} spilled, or null if it did not. */
    public io.rustydb.sql.exec.spill.SpillStats findSpill(PhysicalOperator op) {
        return spills.get(op);
    }

    /** The counters of {@code op}, or null if it never ran. */
    public Counters find(PhysicalOperator op) {
        return counters.get(op);
    }
}
