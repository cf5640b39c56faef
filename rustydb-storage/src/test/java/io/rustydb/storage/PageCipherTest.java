package io.rustydb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.DbException;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import io.rustydb.storage.file.XorTestCipher;
import io.rustydb.storage.heap.HeapCursor;
import io.rustydb.storage.heap.RowIds;
import io.rustydb.storage.heap.TableHeap;
import io.rustydb.storage.page.PageChecksum;
import io.rustydb.storage.page.PageHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PageCipher SPI as applied by FileDiskManager, with a toy cipher: on disk transformed, round trip, tampering. */
class PageCipherTest {
    private static final int PAGE = 4096;
    private static final String MARKER = "PLAINTEXT-MARKER-";
    private static final StorageOptions PLAIN = new StorageOptions(PAGE, 0, ReplacementPolicyName.ARC)
            .withBackgroundWriterIntervalMillis(0);
    private static final StorageOptions XOR = PLAIN.withCipher(new XorTestCipher(0x5EED));

    @TempDir
    Path dir;

    /** Two heaps of rows containing {@link #MARKER}; returns rows by row id, heap first pages in {@code firsts}. */
    private static Map<Long, String> fill(StorageEngine e, int[] firsts) {
        Map<Long, String> rows = new HashMap<>();
        for (int h = 0; h < firsts.length; h++) {
            TableHeap heap = e.createHeap();
            firsts[h] = heap.firstPageNo();
            e.setRootPage(h, heap.firstPageNo());
            for (int i = 0; i < 400; i++) {
                String v = MARKER + h + "-" + i + "-" + "y".repeat(i % 40);
                rows.put(heap.insert(v.getBytes(StandardCharsets.UTF_8)), v);
            }
        }
        return rows;
    }

    private static Map<Long, String> scanAll(StorageEngine e, int heaps) {
        Map<Long, String> rows = new HashMap<>();
        for (int h = 0; h < heaps; h++) {
            try (HeapCursor c = e.openHeap(e.rootPage(h)).scan()) {
                while (c.next()) {
                    rows.put(c.rowId(), new String(c.tupleBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return rows;
    }

    private static boolean fileContains(Path file, String s) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(s);
    }

    @Test
    void pagesAreTransformedOnDiskAndRoundTrip() throws IOException {
        Path plain = dir.resolve("plain.db");
        Path enc = dir.resolve("enc.db");
        Map<Long, String> rows;
        try (StorageEngine e = StorageEngine.openFile(plain, PLAIN)) {
            fill(e, new int[2]);
        }
        try (StorageEngine e = StorageEngine.openFile(enc, XOR)) {
            rows = fill(e, new int[2]);
        }
        assertTrue(fileContains(plain, MARKER), "control: the identity cipher leaves rows readable on disk");
        assertFalse(fileContains(enc, MARKER), "rows must not be readable on disk");
        assertTrue(fileContains(enc, "RustyDB"), "page 0 stays plaintext");
        try (StorageEngine e = StorageEngine.openFile(enc, XOR)) {
            assertEquals(rows, scanAll(e, 2));
        }
    }

    @Test
    void encryptedFileWithoutOrWithTheWrongCipherIsXx001() {
        Path enc = dir.resolve("enc.db");
        int[] firsts = new int[1];
        try (StorageEngine e = StorageEngine.openFile(enc, XOR)) {
            fill(e, firsts);
        }
        try (StorageEngine e = StorageEngine.openFile(enc, PLAIN)) {
            DbException ex = assertThrows(DbException.class, () -> scanAll(e, 1));
            assertEquals("XX001", ex.sqlState());
            assertTrue(ex.getMessage().contains("page " + firsts[0]) && ex.getMessage().contains("encrypted"),
                    ex.getMessage());
        }
        try (StorageEngine e = StorageEngine.openFile(enc, PLAIN.withCipher(new XorTestCipher(1)))) {
            DbException ex = assertThrows(DbException.class, () -> scanAll(e, 1));
            assertEquals("XX001", ex.sqlState());
            assertTrue(ex.getMessage().contains("authentication"), ex.getMessage());
        }
    }

    @Test
    void aTamperedPageIsXx001EvenWithAValidChecksum() throws IOException {
        Path enc = dir.resolve("tamper.db");
        int[] firsts = new int[1];
        try (StorageEngine e = StorageEngine.openFile(enc, XOR)) {
            fill(e, firsts);
        }
        int p = firsts[0];
        rewritePage(enc, p, page -> page.put(3000, (byte) (page.get(3000) ^ 0x40)));
        try (StorageEngine e = StorageEngine.openFile(enc, XOR)) {
            DbException ex = assertThrows(DbException.class, () -> e.bufferPool().readPage(p));
            assertEquals("XX001", ex.sqlState());
            assertTrue(ex.getMessage().contains(e.name()) && ex.getMessage().contains("page " + p)
                    && ex.getMessage().contains("authentication"), ex.getMessage());
        }
    }

    @Test
    void aSwappedPageIsXx001() throws IOException {
        Path enc = dir.resolve("swap.db");
        int[] firsts = new int[1];
        Map<Long, String> rows;
        try (StorageEngine e = StorageEngine.openFile(enc, XOR)) {
            rows = fill(e, firsts);
        }
        int a = firsts[0];
        int b = rows.keySet().stream().mapToInt(RowIds::pageNo).filter(p -> p != a).min().orElseThrow();
        // copy page a over page b, fixing the page number and checksum as a careful attacker would
        ByteBuffer copy = readPage(enc, a);
        rewritePage(enc, b, page -> {
            page.put(0, copy, 0, PAGE);
            page.putInt(PageHeader.PAGE_NO_OFFSET, b);
        });
        try (StorageEngine e = StorageEngine.openFile(enc, XOR)) {
            DbException ex = assertThrows(DbException.class, () -> e.bufferPool().readPage(b));
            assertEquals("XX001", ex.sqlState());
            assertTrue(ex.getMessage().contains("page " + b) && ex.getMessage().contains("authentication"),
                    ex.getMessage());
            e.bufferPool().readPage(a).close(); // the original is fine
        }
    }

    @Test
    void inMemoryDatabasesIgnoreTheCipher() {
        try (StorageEngine e = StorageEngine.inMemory(XOR)) {
            Map<Long, String> rows = fill(e, new int[1]);
            assertEquals(rows, scanAll(e, 1));
        }
    }

    private static ByteBuffer readPage(Path file, int pageNo) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer page = ByteBuffer.allocate(PAGE).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(page, (long) pageNo * PAGE);
            return page;
        }
    }

    /** Applies {@code change} to the on-disk bytes of a page and re-stamps its CRC so only the cipher can object. */
    private static void rewritePage(Path file, int pageNo, Consumer<ByteBuffer> change)
            throws IOException {
        ByteBuffer page = readPage(file, pageNo);
        change.accept(page);
        PageChecksum.stamp(page, 0, PAGE);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            page.clear();
            ch.write(page, (long) pageNo * PAGE);
        }
    }
}
