package io.rustydb.bench;

/**
 * What one engine did on one workload: measured ({@link #stats} set), not supported (failed at setup), or failed
 * while measuring. {@code note} says how the engine did it where engines differ (e.g. its load method).
 */
public record Outcome(Status status, Stats stats, String reason, String note) {
    public enum Status { OK, NOT_SUPPORTED, FAILED, SKIPPED }

    static Outcome ok(Stats stats, String note) {
        return new Outcome(Status.OK, stats, null, note);
    }

    static Outcome notSupported(String reason) {
        return new Outcome(Status.NOT_SUPPORTED, null, reason, null);
    }

    static Outcome failed(String reason) {
        return new Outcome(Status.FAILED, null, reason, null);
    }

    static Outcome skipped(String reason) {
        return new Outcome(Status.SKIPPED, null, reason, null);
    }

    boolean measured() {
        return status == Status.OK;
    }
}
