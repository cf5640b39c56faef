package io.rustydb.bench.workload;

import java.util.List;

/**
 * Sizes shared by the workloads.
 *
 * @param rows rows loaded for bulk load, the scans, the point selects and the range scans
 * @param timeMs length of one timed measurement box (time-boxed workloads repeat their operation this long)
 * @param commitThreads thread counts of the durable-commit workloads (one workload per count)
 * @param logMegabytes log volumes of the recovery workloads, in MB (10^6 bytes; one workload per volume)
 * @param mixThreads thread counts of the read-write mix (one workload per count and isolation level)
 * @param accounts rows of the read-write mix's {@code accounts} table
 * @param lookupThreads thread counts of the primary-key reads, point-select and range-scan (one workload per count
 *     and kind)
 */
public record Settings(long rows, long timeMs, List<Integer> commitThreads, List<Integer> logMegabytes,
        List<Integer> mixThreads, int accounts, List<Integer> lookupThreads) {
    /** Durable-commit thread counts of a full run (issue 4). */
    public static final List<Integer> FULL_COMMIT_THREADS = List.of(1, 2, 4, 8, 16, 64);
    /** ... and of a quick run. */
    public static final List<Integer> QUICK_COMMIT_THREADS = List.of(1, 4, 16);
    /**
     * Recovery log volumes (MB): 64 MB (61 MiB) is just under the checkpointer's 64 MiB volume trigger, i.e. about
     * the most log a crash can leave to replay with default settings.
     */
    public static final List<Integer> LOG_MEGABYTES = List.of(8, 32, 64);
    /** Read-write mix thread counts of a full run (issue 9: 1–16 threads) ... */
    public static final List<Integer> FULL_MIX_THREADS = List.of(1, 2, 4, 8, 16);
    /** ... and of a quick run. */
    public static final List<Integer> QUICK_MIX_THREADS = List.of(1, 4);
    /**
     * Rows of the read-write mix's table: modest, because an engine without primary keys (RustyDB today) answers
     * every point read and update with a full scan.
     */
    public static final int ACCOUNTS = 1000;
    /** Thread counts of point-select and range-scan, quick and full runs alike (issue 9: "1 and 4 threads"). */
    public static final List<Integer> LOOKUP_THREADS = List.of(1, 4);

    public Settings {
        commitThreads = List.copyOf(commitThreads);
        logMegabytes = List.copyOf(logMegabytes);
        mixThreads = List.copyOf(mixThreads);
        lookupThreads = List.copyOf(lookupThreads);
    }

    /** The full run's thread counts, log volumes and accounts. */
    public Settings(long rows, long timeMs) {
        this(rows, timeMs, FULL_COMMIT_THREADS, LOG_MEGABYTES, FULL_MIX_THREADS, ACCOUNTS, LOOKUP_THREADS);
    }
}
