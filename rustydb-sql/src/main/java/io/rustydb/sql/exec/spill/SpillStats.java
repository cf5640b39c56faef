package io.rustydb.sql.exec.spill;

/**
 * What one operator spilled during an execution, for EXPLAIN ANALYZE: sorted runs and merge passes of an external
 * sort, partitions of a hash aggregation or join (and how deep they were re-partitioned), files and bytes
 * written. Summed over the operator's executions.
 */
public final class SpillStats {
    private long runs;
    private long mergePasses;
    private long partitions;
    private int depth;
    private long files;
    private long bytes;
    private long rows;

    /** A sorted run was written. */
    public void run() {
        runs++;
    }

    /** A merge pass over runs was done (the final merge included). */
    public void mergePass() {
        mergePasses++;
    }

    /** {@code count} partitions were made at recursion level {@code level} (1 = the first partitioning). */
    public void partitioned(int count, int level) {
        partitions += count;
        depth = Math.max(depth, level);
    }

    /** A file was written completely ({@code rows} rows, {@code bytes} bytes). */
    public void file(long rows, long bytes) {
        files++;
        this.rows += rows;
        this.bytes += bytes;
    }

    public long runs() {
        return runs;
    }

    public long partitions() {
        return partitions;
    }

    public long bytes() {
        return bytes;
    }

    public long files() {
        return files;
    }

    /** E.g. {@code spilled: runs=12 merge passes=2 files=16 rows=50000 bytes=1048576}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("spilled:");
        if (runs > 0) {
            s.append(" runs=").append(runs).append(" merge passes=").append(mergePasses);
        }
        if (partitions > 0) {
            s.append(" partitions=").append(partitions).append(" depth=").append(depth);
        }
        s.append(" files=").append(files).append(" rows=").append(rows).append(" bytes=").append(bytes);
        return s.toString();
    }
}
