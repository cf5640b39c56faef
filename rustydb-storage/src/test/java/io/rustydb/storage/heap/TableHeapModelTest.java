package io.rustydb.storage.heap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.DbException;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.ReadPageGuard;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import io.rustydb.storage.page.SlottedPage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Randomized model test of TableHeap against a map row id -> bytes, over the memory and the file disk manager. */
class TableHeapModelTest {
    @TempDir
    Path dir;

    private static StorageOptions small(int pageSize) {
        return new StorageOptions(pageSize, 0, ReplacementPolicyName.ARC); // 64 frames: evictions happen
    }

    private StorageEngine open(String kind, int pageSize) {
        return kind.equals("mem") ? StorageEngine.inMemory(small(pageSize))
                : StorageEngine.openFile(dir.resolve("model.db"), small(pageSize));
    }

    @ParameterizedTest(name = "{0} seed={1} pageSize={2}")
    @CsvSource({"mem,1,4096", "mem,2,8192", "mem,99,4096", "file,1,4096", "file,3,8192", "file,77,4096"})
    void randomOperationsMatchModel(String kind, long seed, int pageSize) {
        Random rnd = new Random(seed);
        String ctx = kind + " seed=" + seed + " pageSize=" + pageSize;
        StorageEngine engine = open(kind, pageSize);
        TableHeap heap = engine.createHeap();
        int first = heap.firstPageNo();
        Map<Long, byte[]> model = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        int max = heap.maxTupleLength();
        try {
            for (int op = 0; op < 6000; op++) {
                String at = ctx + " op=" + op;
                int r = rnd.nextInt(100);
                if (r < 40) {
                    byte[] t = tuple(rnd, max);
                    long id = heap.insert(t);
                    assertFalse(model.containsKey(id), at + " insert returned a live row id");
                    model.put(id, t);
                    ids.add(id);
                } else if (r < 55 && !ids.isEmpty()) {
                    long id = ids.remove(rnd.nextInt(ids.size()));
                    assertTrue(heap.delete(id), at);
                    model.remove(id);
                    assertNull(heap.read(id), at);
                    assertFalse(heap.delete(id), at + " second delete");
                } else if (r < 85 && !ids.isEmpty()) {
                    long id = ids.get(rnd.nextInt(ids.size()));
                    byte[] t = tuple(rnd, max);
                    assertEquals(id, heap.update(id, t), at + " update keeps the row id");
                    model.put(id, t);
                } else if (r < 97 && !ids.isEmpty()) {
                    long id = ids.get(rnd.nextInt(ids.size()));
                    assertArrayEquals(model.get(id), heap.read(id), at + " read " + RowIds.toString(id));
                } else {
                    assertScanMatches(heap, model, at);
                }
                if (kind.equals("file") && op % 2000 == 1999) {
                    engine.close();
                    engine = open(kind, pageSize);
                    heap = engine.openHeap(first);
                    assertEquals(model.size(), heap.tupleCount(), at + " persisted count");
                }
            }
            assertScanMatches(heap, model, ctx + " end");
            for (Map.Entry<Long, byte[]> e : model.entrySet()) {
                assertArrayEquals(e.getValue(), heap.read(e.getKey()), ctx + " final read");
            }
            assertEquals(model.size(), heap.tupleCount(), ctx);
            assertTrue(engine.bufferPool().stats().evictions() > 0, ctx + " expected evictions");
        } finally {
            engine.close();
        }
    }

    /** Mostly small rows, sometimes rows near the page capacity (forcing relocation on update). */
    private static byte[] tuple(Random rnd, int max) {
        int len = switch (rnd.nextInt(10)) {
            case 0 -> max - rnd.nextInt(64);
            case 1, 2 -> rnd.nextInt(max / 2);
            default -> rnd.nextInt(120);
        };
        byte[] b = new byte[len];
        rnd.nextBytes(b);
        return b;
    }

    private static void assertScanMatches(TableHeap heap, Map<Long, byte[]> model, String at) {
        Map<Long, byte[]> seen = new HashMap<>();
        try (HeapCursor c = heap.scan()) {
            while (c.next()) {
                ByteBuffer b = c.buffer();
                assertTrue(b.isReadOnly(), at);
                byte[] t = new byte[c.tupleLength()];
                b.get(c.tupleOffset(), t, 0, t.length);
                byte[] prev = seen.put(c.rowId(), t);
                assertNull(prev, at + " row seen twice " + RowIds.toString(c.rowId()));
            }
        }
        assertEquals(model.size(), seen.size(), at + " scan size");
        for (Map.Entry<Long, byte[]> e : model.entrySet()) {
            assertArrayEquals(e.getValue(), seen.get(e.getKey()), at + " scan row " + RowIds.toString(e.getKey()));
        }
    }

    @Test
    void tooLargeRowIsRejected() {
        try (StorageEngine engine = StorageEngine.inMemory(small(4096))) {
            TableHeap heap = engine.createHeap();
            byte[] ok = new byte[heap.maxTupleLength()];
            long id = heap.insert(ok);
            assertArrayEquals(ok, heap.read(id));
            DbException e = assertThrows(DbException.class, () -> heap.insert(new byte[heap.maxTupleLength() + 1]));
            assertEquals("54000", e.sqlState());
            assertEquals("row of " + (heap.maxTupleLength() + 1) + " bytes exceeds the page capacity of "
                    + heap.maxTupleLength() + " bytes", e.getMessage());
        }
    }

    @Test
    void invalidRowIdsReadAsNull() {
        try (StorageEngine engine = StorageEngine.inMemory(small(4096))) {
            TableHeap a = engine.createHeap();
            TableHeap b = engine.createHeap();
            long id = a.insert(new byte[] {1});
            assertNull(b.read(id), "row of another heap");
            assertNull(a.read(RowIds.of(a.firstPageNo(), 5)));
            assertNull(a.read(RowIds.of(1_000_000, 0)));
            assertNull(a.read(RowIds.of(0, 0)));
            assertEquals(-1, b.update(id, new byte[] {2}));
            assertFalse(b.delete(id));
        }
    }

    @Test
    void dropHeapReturnsPagesToTheFreeList() {
        try (StorageEngine engine = StorageEngine.inMemory(small(4096))) {
            TableHeap heap = engine.createHeap();
            for (int i = 0; i < 200; i++) {
                heap.insert(new byte[500]);
            }
            int pagesBefore = engine.bufferPool().diskManager().pageCount();
            engine.dropHeap(heap.firstPageNo());
            assertTrue(engine.bufferPool().diskManager().header().freePageCount() > 20);
            TableHeap again = engine.createHeap();
            for (int i = 0; i < 200; i++) {
                again.insert(new byte[500]);
            }
            assertEquals(pagesBefore, engine.bufferPool().diskManager().pageCount(), "pages were reused");
        }
    }

    @Test
    void concurrentInsertsUpdatesAndDeletes() throws Exception {
        long seed = 555;
        try (StorageEngine engine = StorageEngine.inMemory(small(4096))) {
            TableHeap heap = engine.createHeap();
            int threads = 6;
            ExecutorService ex = Executors.newFixedThreadPool(threads);
            List<Future<Map<Long, byte[]>>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long s = seed + t;
                fs.add(ex.submit(() -> {
                    Random rnd = new Random(s);
                    Map<Long, byte[]> mine = new HashMap<>();
                    List<Long> ids = new ArrayList<>();
                    for (int op = 0; op < 2000; op++) {
                        int r = rnd.nextInt(10);
                        if (r < 5 || ids.isEmpty()) {
                            byte[] v = tuple(rnd, heap.maxTupleLength());
                            long id = heap.insert(v);
                            mine.put(id, v);
                            ids.add(id);
                        } else if (r < 8) {
                            long id = ids.get(rnd.nextInt(ids.size()));
                            byte[] v = tuple(rnd, heap.maxTupleLength());
                            heap.update(id, v);
                            mine.put(id, v);
                        } else {
                            long id = ids.remove(rnd.nextInt(ids.size()));
                            heap.delete(id);
                            mine.remove(id);
                        }
                    }
                    return mine;
                }));
            }
            Map<Long, byte[]> all = new HashMap<>();
            for (Future<Map<Long, byte[]>> f : fs) {
                for (Map.Entry<Long, byte[]> e : f.get(120, TimeUnit.SECONDS).entrySet()) {
                    assertNull(all.put(e.getKey(), e.getValue()), "seed=" + seed + " two threads own one row id");
                }
            }
            ex.shutdownNow();
            assertTrue(ex.awaitTermination(30, TimeUnit.SECONDS));
            assertScanMatches(heap, all, "seed=" + seed);
            assertEquals(all.size(), heap.tupleCount());
        }
    }

    @Test
    void growingRowMovesBehindAForwardPointerAndComesBack() {
        try (StorageEngine engine = StorageEngine.inMemory(small(4096))) {
            TableHeap heap = engine.createHeap();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                ids.add(heap.insert(new byte[100])); // fills most of the first page
            }
            long id = ids.get(3);
            int home = RowIds.pageNo(id);
            byte[] big = new byte[3000];
            big[0] = 42;
            assertEquals(id, heap.update(id, big));
            assertEquals(SlottedPage.FLAG_REDIRECT, flagsOf(engine, id), "home slot became a forward pointer");
            assertArrayEquals(big, heap.read(id));
            Map<Long, byte[]> model = new HashMap<>();
            for (long other : ids) {
                model.put(other, other == id ? big : new byte[100]);
            }
            assertScanMatches(heap, model, "after move");
            byte[] bigger = new byte[3500];
            assertEquals(id, heap.update(id, bigger), "moved row grows again");
            assertArrayEquals(bigger, heap.read(id));
            byte[] small = {7, 7, 7};
            assertEquals(id, heap.update(id, small), "shrinks: back home");
            assertEquals(SlottedPage.FLAG_NORMAL, flagsOf(engine, id));
            assertEquals(home, RowIds.pageNo(id));
            assertArrayEquals(small, heap.read(id));
            model.put(id, small);
            assertScanMatches(heap, model, "after move back");
            assertTrue(heap.delete(id));
            model.remove(id);
            assertScanMatches(heap, model, "after delete");
            assertEquals(29, heap.tupleCount());
        }
    }

    private static int flagsOf(StorageEngine engine, long id) {
        try (ReadPageGuard g = engine.bufferPool().readPage(RowIds.pageNo(id))) {
            return g.slotted(new SlottedPage()).flags(RowIds.slot(id));
        }
    }
}
