package io.rustydb.storage.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.storage.buffer.BufferPool;
import io.rustydb.storage.buffer.BufferPoolStats;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import io.rustydb.storage.file.MemoryDiskManager;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A heap scan prefetches the next page of the chain; with a synchronous executor that is deterministic. */
class HeapPrefetchTest {
    @Test
    void scanPrefetchesTheNextPageSoItsReadsAreHits() {
        BufferPool pool = new BufferPool(new MemoryDiskManager(4096), 0, ReplacementPolicyName.LRU, 0, Runnable::run);
        TableHeap heap = TableHeap.create(pool);
        Map<Long, String> rows = new HashMap<>();
        for (int i = 0; i < 5000; i++) {
            String v = "row-" + i + "-" + "z".repeat(100 + i % 60);
            rows.put(heap.insert(v.getBytes(StandardCharsets.UTF_8)), v);
        }
        int heapPages = (int) rows.keySet().stream().mapToInt(RowIds::pageNo).distinct().count();
        assertTrue(heapPages > 2 * pool.capacity(), "the heap must not fit the pool: " + heapPages + " pages");
        BufferPoolStats before = pool.stats();
        Map<Long, String> seen = new HashMap<>();
        try (HeapCursor c = heap.scan()) {
            while (c.next()) {
                seen.put(c.rowId(), new String(c.tupleBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(rows, seen);
        BufferPoolStats after = pool.stats();
        long prefetched = after.prefetches() - before.prefetches();
        long missed = after.misses() - before.misses();
        assertTrue(prefetched >= heapPages - pool.capacity() - 1, "prefetches " + prefetched + " of " + heapPages
                + " pages; " + after);
        assertTrue(missed <= 1, "only the first page may miss: " + missed + "; " + after);
        pool.close();
    }
}
