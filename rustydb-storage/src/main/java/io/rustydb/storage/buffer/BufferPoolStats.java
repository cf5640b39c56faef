package io.rustydb.storage.buffer;

/**
 * A snapshot of buffer pool counters (monotonic since the pool was created, except the frame counts).
 *
 * @param hits page requests served from a resident frame
 * @param misses page requests that read the page from the disk manager
 * @param evictions frames reused for another page
 * @param dirtyWrites pages written back (on eviction or flush)
 * @param capacityFrames the maximum number of frames
 * @param allocatedFrames frames whose memory has been allocated so far (frames are allocated lazily)
 * @param residentPages pages currently in the page table
 * @param policy the replacement policy's name
 */
public record BufferPoolStats(long hits, long misses, long evictions, long dirtyWrites, int capacityFrames,
                              int allocatedFrames, int residentPages, String policy) {
    /** hits / (hits + misses), 0 when there were no requests. */
    public double hitRatio() {
        long total = hits + misses;
        return total == 0 ? 0 : (double) hits / total;
    }
}
