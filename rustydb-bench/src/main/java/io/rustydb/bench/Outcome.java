package io.rustydb.bench;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one engine did on one workload: measured ({@link #stats} set), not supported (failed at setup), failed
 * while measuring, or skipped by the workload's choice. {@code note} says how the engine did it where engines
 * differ (e.g. its load method); {@code counts} are the trial's side counts summed over the measured rounds (e.g.
 * transaction attempts and aborts), empty when it has none.
 */
public record Outcome(Status status, Stats stats, String reason, String note, Map<String, Long> counts) {
    public enum Status { OK, NOT_SUPPORTED, FAILED, SKIPPED }

    public Outcome {
        counts = Collections.unmodifiableMap(new TreeMap<>(counts)); // sorted: the JSON reads the same every run
    }

    static Outcome ok(Stats stats, String note, Map<String, Long> counts) {
        return new Outcome(Status.OK, stats, null, note, counts);
    }

    static Outcome notSupported(String reason) {
        return new Outcome(Status.NOT_SUPPORTED, null, reason, null, Map.of());
    }

    static Outcome failed(String reason) {
        return new Outcome(Status.FAILED, null, reason, null, Map.of());
    }

    static Outcome skipped(String reason) {
        return new Outcome(Status.SKIPPED, null, reason, null, Map.of());
    }

    boolean measured() {
        return status == Status.OK;
    }
}
