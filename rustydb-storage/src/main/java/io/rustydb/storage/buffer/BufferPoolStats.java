package io.rustydb.storage.buffer;

/**
 * A snapshot of buffer pool counters (monotonic since the pool was created, except the frame counts). Counters are
 * {@code LongAdder}s read one after another, so a snapshot taken under load is not atomic across fields.
 *
 * @param hits page requests served from a resident frame
 * @param misses page requests that read the page from the disk manager
 * @param evictions frames reused for another page
 * @param dirtyWrites pages written back (on eviction, flush or by the background writer)
 * @param prefetches pages read by {@link BufferPool#prefetch} (not counted as misses; a later request is a hit)
 * @param backgroundWrites pages written by the background writer (also counted in {@code dirtyWrites})
 * @param capacityFrames the maximum number of frames
 * @param allocatedFrames frames whose memory has been allocated so far (frames are allocated lazily)
 * @param residentPages page-table entries (resident pages, plus pages whose I/O is in flight)
 * @param policy the replacement policy's name
 */
public record BufferPoolStats(long hits, long misses, long evictions, long dirtyWrites, long prefetches,
                              long backgroundWrites, int capacityFrames, int allocatedFrames, int residentPages,
                              String policy) {
    /** hits / (hits + misses), 0 when there were no requests. */
    public double hitRatio() {
        long total = hits + misses;
        return total == 0 ? 0 : (double) hits / total;
    }
}
