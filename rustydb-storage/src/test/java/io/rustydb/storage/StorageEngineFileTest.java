package io.rustydb.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.DbException;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import io.rustydb.storage.file.FileHeader;
import io.rustydb.storage.heap.HeapCursor;
import io.rustydb.storage.heap.RowIds;
import io.rustydb.storage.heap.TableHeap;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File databases: persistence across reopen, the exclusive lock, and loud corruption. */
class StorageEngineFileTest {
    private static final StorageOptions OPTS = new StorageOptions(4096, 0, ReplacementPolicyName.ARC);

    @TempDir
    Path dir;

    private static Map<Long, String> fill(TableHeap heap, String prefix, int n) {
        Map<Long, String> rows = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String v = prefix + "-" + i + "-" + "x".repeat(i % 50);
            rows.put(heap.insert(v.getBytes(StandardCharsets.UTF_8)), v);
        }
        return rows;
    }

    private static Map<Long, String> scan(TableHeap heap) {
        Map<Long, String> rows = new HashMap<>();
        try (HeapCursor c = heap.scan()) {
            while (c.next()) {
                byte[] b = new byte[c.tupleLength()];
                c.buffer().get(c.tupleOffset(), b, 0, b.length);
                rows.put(c.rowId(), new String(b, StandardCharsets.UTF_8));
            }
        }
        return rows;
    }

    @Test
    void rowsAndRootSlotsSurviveReopen() {
        Path file = dir.resolve("a.db");
        Map<Long, String> rowsA;
        Map<Long, String> rowsB;
        int a;
        int b;
        try (StorageEngine e = StorageEngine.openFile(file, OPTS)) {
            assertTrue(!e.isInMemory());
            TableHeap ha = e.createHeap();
            TableHeap hb = e.createHeap();
            rowsA = fill(ha, "a", 3000);
            rowsB = fill(hb, "b", 500);
            a = ha.firstPageNo();
            b = hb.firstPageNo();
            e.setRootPage(0, a);
            e.setRootPage(7, b);
            long some = rowsB.keySet().iterator().next();
            hb.delete(some);
            rowsB.remove(some);
        }
        try (StorageEngine e = StorageEngine.openFile(file, OPTS.withPageSize(8192))) {
            assertEquals(4096, e.pageSize(), "an existing file keeps its page size");
            assertEquals(a, e.rootPage(0));
            assertEquals(b, e.rootPage(7));
            assertEquals(0, e.rootPage(3));
            TableHeap ha = e.openHeap(e.rootPage(0));
            TableHeap hb = e.openHeap(e.rootPage(7));
            assertEquals(rowsA, scan(ha));
            assertEquals(rowsB, scan(hb));
            assertEquals(rowsA.size(), ha.tupleCount());
            assertEquals(rowsB.size(), hb.tupleCount());
            long id = rowsA.keySet().iterator().next();
            assertArrayEquals(rowsA.get(id).getBytes(StandardCharsets.UTF_8), ha.read(id));
        }
    }

    @Test
    void secondOpenIsRejectedAsInUse() {
        Path file = dir.resolve("lock.db");
        try (StorageEngine e = StorageEngine.openFile(file, OPTS)) {
            DbException ex = assertThrows(DbException.class, () -> StorageEngine.openFile(file, OPTS));
            assertEquals("55006", ex.sqlState());
            assertTrue(ex.getMessage().contains(e.name()), ex.getMessage());
            DbException ex2 = assertThrows(DbException.class,
                    () -> StorageEngine.openFile(dir.resolve(".").resolve("lock.db"), OPTS));
            assertEquals("55006", ex2.sqlState(), "same file through another path");
        }
        StorageEngine.openFile(file, OPTS).close(); // released on close
    }

    @Test
    void closeIsIdempotent() {
        StorageEngine e = StorageEngine.openFile(dir.resolve("c.db"), OPTS);
        e.close();
        e.close();
        assertEquals("08003", assertThrows(DbException.class, e::createHeap).sqlState());
    }

    @Test
    void aFlippedByteInADataPageIsReportedWithFileAndPage() throws IOException {
        Path file = dir.resolve("flip.db");
        int first;
        try (StorageEngine e = StorageEngine.openFile(file, OPTS)) {
            TableHeap h = e.createHeap();
            fill(h, "row", 100);
            first = h.firstPageNo();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long pos = (long) first * 4096 + 3000;
            raf.seek(pos);
            int v = raf.read();
            raf.seek(pos);
            raf.write(v ^ 0x01);
        }
        try (StorageEngine e = StorageEngine.openFile(file, OPTS)) {
            DbException ex = assertThrows(DbException.class, () -> {
                TableHeap h = e.openHeap(first);
                scan(h);
            });
            assertEquals("XX001", ex.sqlState());
            assertTrue(ex.getMessage().contains(e.name()), ex.getMessage());
            assertTrue(ex.getMessage().contains("page " + first), ex.getMessage());
            assertTrue(ex.getMessage().contains("checksum mismatch"), ex.getMessage());
            DbException ex2 = assertThrows(DbException.class, () -> e.bufferPool().readPage(first));
            assertEquals("XX001", ex2.sqlState(), "still an error the second time, never garbage");
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRejected() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "Dear diary, ".repeat(1000));
        DbException ex = assertThrows(DbException.class, () -> StorageEngine.openFile(file, OPTS));
        assertEquals("XX001", ex.sqlState());
        assertTrue(ex.getMessage().contains("notes.txt") && ex.getMessage().contains("not a RustyDB database"),
                ex.getMessage());

        Path tiny = dir.resolve("tiny.db");
        Files.write(tiny, new byte[] {1, 2, 3});
        DbException ex2 = assertThrows(DbException.class, () -> StorageEngine.openFile(tiny, OPTS));
        assertEquals("XX001", ex2.sqlState());
        assertTrue(ex2.getMessage().contains("too short"), ex2.getMessage());
        // the failed opens released their locks
        assertEquals("XX001", assertThrows(DbException.class, () -> StorageEngine.openFile(tiny, OPTS)).sqlState());
    }

    @Test
    void aTruncatedFileIsRejected() throws IOException {
        Path file = dir.resolve("trunc.db");
        try (StorageEngine e = StorageEngine.openFile(file, OPTS)) {
            fill(e.createHeap(), "r", 2000);
        }
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size / 3);
        }
        DbException ex = assertThrows(DbException.class, () -> StorageEngine.openFile(file, OPTS));
        assertEquals("XX001", ex.sqlState());
        assertTrue(ex.getMessage().contains("truncated") && ex.getMessage().contains("trunc.db"), ex.getMessage());
    }

    @Test
    void wrongVersionAndBadHeaderChecksumAreRejected() throws IOException {
        Path file = dir.resolve("v.db");
        StorageEngine.openFile(file, OPTS).close();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(FileHeader.FORMAT_VERSION_OFFSET);
            raf.write(9);
        }
        DbException ex = assertThrows(DbException.class, () -> StorageEngine.openFile(file, OPTS));
        assertTrue(ex.getMessage().contains("unsupported file format version 9"), ex.getMessage());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(FileHeader.FORMAT_VERSION_OFFSET);
            raf.write(1);
            raf.seek(FileHeader.ROOT_PAGES_OFFSET);
            raf.write(5);
        }
        DbException ex2 = assertThrows(DbException.class, () -> StorageEngine.openFile(file, OPTS));
        assertEquals("XX001", ex2.sqlState());
        assertTrue(ex2.getMessage().contains("file header checksum mismatch"), ex2.getMessage());
    }

    @Test
    void freeListSurvivesReopen() {
        Path file = dir.resolve("free.db");
        int pages;
        try (StorageEngine e = StorageEngine.openFile(file, OPTS)) {
            TableHeap h = e.createHeap();
            fill(h, "r", 2000);
            e.dropHeap(h.firstPageNo());
            pages = e.bufferPool().diskManager().pageCount();
        }
        try (StorageEngine e = StorageEngine.openFile(file, OPTS)) {
            assertTrue(e.bufferPool().diskManager().header().freePageCount() > 10);
            TableHeap h = e.createHeap();
            Map<Long, String> rows = fill(h, "s", 2000);
            assertEquals(pages, e.bufferPool().diskManager().pageCount(), "freed pages were reused");
            assertEquals(rows, scan(h));
            assertTrue(rows.keySet().stream().allMatch(id -> RowIds.pageNo(id) < pages));
        }
    }

    /** Space freed before a close is reused after the reopen (the heap rebuilds its free-space hints lazily). */
    @Test
    void freeSpaceInHeapPagesIsReusedAfterReopen() {
        Path file = dir.resolve("reuse.db");
        int first;
        int pages;
        int deleted = 0;
        Map<Long, String> kept = new HashMap<>();
        try (StorageEngine e = StorageEngine.openFile(file, OPTS)) {
            TableHeap h = e.createHeap();
            first = h.firstPageNo();
            Map<Long, String> rows = fill(h, "r", 3000);
            int maxPage = rows.keySet().stream().mapToInt(RowIds::pageNo).max().orElseThrow();
            for (Map.Entry<Long, String> row : rows.entrySet()) {
                // empty most of every page but the last few
                if (RowIds.pageNo(row.getKey()) < maxPage - 3 && RowIds.slot(row.getKey()) % 4 != 0) {
                    h.delete(row.getKey());
                    deleted++;
                } else {
                    kept.put(row.getKey(), row.getValue());
                }
            }
            pages = e.bufferPool().diskManager().pageCount();
        }
        try (StorageEngine e = StorageEngine.openFile(file, OPTS)) {
            TableHeap h = e.openHeap(first);
            Map<Long, String> added = fill(h, "n", deleted);
            // without reuse about 3/4 of the emptied pages' worth would be appended; rows differ in size, allow one
            assertTrue(e.bufferPool().diskManager().pageCount() <= pages + 1, "freed space was not reused: "
                    + pages + " pages before, " + e.bufferPool().diskManager().pageCount() + " after");
            int tail = added.keySet().stream().mapToInt(RowIds::pageNo).max().orElseThrow();
            assertTrue(added.keySet().stream().filter(id -> RowIds.pageNo(id) < tail).count() > deleted / 2,
                    "most new rows went into earlier pages");
            Map<Long, String> all = new HashMap<>(kept);
            all.putAll(added);
            assertEquals(all, scan(h));
        }
    }

    @Test
    void anEmptyExistingFileBecomesANewDatabase() throws IOException {
        Path file = dir.resolve("empty.db");
        Files.createFile(file);
        try (StorageEngine e = StorageEngine.openFile(file, OPTS)) {
            fill(e.createHeap(), "r", 10);
        }
        assertTrue(Files.size(file) >= 4096 * 2);
    }

    @Test
    void inMemoryEngine() {
        try (StorageEngine e = StorageEngine.inMemory(StorageOptions.defaults())) {
            assertTrue(e.isInMemory());
            assertEquals("mem", e.name());
            assertEquals(8192, e.pageSize());
            TableHeap h = e.createHeap();
            Map<Long, String> rows = fill(h, "m", 100);
            e.setRootPage(2, h.firstPageNo());
            e.flush();
            assertEquals(rows, scan(e.openHeap(e.rootPage(2))));
        }
    }
}
