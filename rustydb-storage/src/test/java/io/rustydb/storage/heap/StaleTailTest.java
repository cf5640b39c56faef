package io.rustydb.storage.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import io.rustydb.storage.buffer.WritePageGuard;
import io.rustydb.storage.page.SlottedPage;
import org.junit.jupiter.api.Test;

/**
 * A crash between linking a new heap page and recording it as the tail leaves the recorded tail one page short
 * (two log records). A heap opened on such a file must find the real end of its chain: appending after the stale
 * tail would overwrite its link and lose every row behind it (found by the kill -9 crash loop).
 */
class StaleTailTest {
    @Test
    void aHeapOpenedWithAStaleTailAppendsAfterTheRealEndOfItsChain() {
        try (StorageEngine storage = StorageEngine.inMemory(new StorageOptions(4096, 256 * 4096,
                ReplacementPolicyName.ARC).withBackgroundWriterIntervalMillis(0))) {
            TableHeap heap = TableHeap.create(storage.bufferPool());
            byte[] row = new byte[300];
            int rows = 0;
            while (heap.tupleCount() < 40) { // a few pages
                heap.insert(row);
                rows++;
            }
            int first = heap.firstPageNo();
            // the crash: the first page still names the first page as the tail
            try (WritePageGuard g = storage.bufferPool().writePage(first)) {
                g.slotted(new SlottedPage()).putAuxInt(HeapPage.TAIL_OFFSET, first);
            }
            TableHeap reopened = TableHeap.open(storage.bufferPool(), first);
            for (int i = 0; i < 100; i++) {
                reopened.insert(row);
                rows++;
            }
            int seen = 0;
            try (HeapCursor c = reopened.scan()) {
                while (c.next()) {
                    seen++;
                }
            }
            assertEquals(rows, seen, "rows behind the stale tail were lost");
            assertTrue(rows > 100);
        }
    }
}
