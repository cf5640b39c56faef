package io.rustydb.bench.workload;

/**
 * Sizes shared by the workloads.
 *
 * @param rows rows loaded for bulk load, the scans and the point selects
 * @param timeMs length of one timed measurement box (time-boxed workloads repeat their operation this long)
 */
public record Settings(long rows, long timeMs) {
}
