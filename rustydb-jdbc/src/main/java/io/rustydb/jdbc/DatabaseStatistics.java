package io.rustydb.jdbc;

/**
 * A snapshot of an open database's counters, from {@link EmbeddedDatabase#statistics()}: for monitoring and for
 * sizing {@code cache_size}. Counters count since the database was opened in this JVM.
 *
 * @param name the file path, or the in-memory database's name
 * @param inMemory whether the database lives only in memory
 * @param pageSize bytes per page
 * @param pages pages in the database (its file size in pages)
 * @param tables user tables in the catalog
 * @param openReferences connections and embedded handles keeping the database open
 * @param activeTransactions transactions begun and not yet ended
 * @param cacheHits buffer pool requests served from memory
 * @param cacheMisses buffer pool requests that read a page
 * @param cacheEvictions pages evicted to make room
 * @param cacheCapacityPages frames the buffer pool may hold ({@code cache_size} / page size)
 * @param checkpoints checkpoints taken (background and explicit)
 * @param recoveredRecordsAtOpen log records recovery read when the database was opened (0 after a clean close)
 * @param rolledBackAtOpen transactions recovery rolled back when the database was opened
 */
public record DatabaseStatistics(String name, boolean inMemory, int pageSize, long pages, int tables,
                                 int openReferences, int activeTransactions, long cacheHits, long cacheMisses,
                                 long cacheEvictions, int cacheCapacityPages, long checkpoints,
                                 long recoveredRecordsAtOpen, int rolledBackAtOpen) {
    /** cacheHits / (cacheHits + cacheMisses), 0 before any request. */
    public double cacheHitRatio() {
        long total = cacheHits + cacheMisses;
        return total == 0 ? 0 : (double) cacheHits / total;
    }
}
