package io.rustydb.storage.heap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.DbException;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import io.rustydb.storage.buffer.WritePageGuard;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Large values in overflow page chains: sizes from 0 B to 20 MiB, streams, freeing, reopen and corruption. */
@Timeout(60)
class OverflowStoreTest {
    private static final long SEED = 20240611L;
    private static final StorageOptions OPTS = new StorageOptions(4096, 0, ReplacementPolicyName.ARC)
            .withBackgroundWriterIntervalMillis(0);

    @TempDir
    Path dir;

    private static byte[] random(long seed, int length) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static int[] sizes(OverflowStore s) {
        int page = s.bytesPerPage();
        return new int[] {0, 1, page - 1, page, page + 1, 10 * page, 10 * page + 17, 20 << 20};
    }

    @Test
    void valuesOfManySizesRoundTrip() throws IOException {
        try (StorageEngine e = StorageEngine.inMemory(OPTS)) {
            OverflowStore s = e.overflowStore();
            assertEquals(4096 - 88, s.bytesPerPage());
            for (int size : sizes(s)) {
                String at = "seed=" + SEED + " size=" + size;
                byte[] v = random(SEED + size, size);
                int before = e.bufferPool().diskManager().pageCount();
                OverflowRef ref = s.write(v);
                assertEquals(size, ref.length(), at);
                assertEquals(size == 0, ref.firstPageNo() == 0, at);
                assertEquals(s.pagesFor(size), e.bufferPool().diskManager().pageCount() - before, at + " pages");
                assertArrayEquals(v, s.read(ref), at);
                try (InputStream in = s.openStream(ref)) {
                    assertArrayEquals(v, in.readAllBytes(), at + " as a stream");
                }
            }
            assertTrue(e.bufferPool().stats().evictions() > 0, "20 MiB went through a 64-frame pool");
        }
    }

    @Test
    void writeFromAStreamAndFromAByteBufferSlice() throws IOException {
        try (StorageEngine e = StorageEngine.inMemory(OPTS)) {
            OverflowStore s = e.overflowStore();
            byte[] v = random(SEED, 50_000);
            OverflowRef a = s.write(new ByteArrayInputStream(v), v.length);
            assertArrayEquals(v, s.read(a));
            ByteBuffer direct = ByteBuffer.allocateDirect(60_000);
            direct.put(5_000, v);
            direct.position(5_000).limit(55_000);
            OverflowRef b = s.write(direct);
            assertEquals(5_000, direct.position(), "the buffer's position is not moved");
            assertArrayEquals(v, s.read(b));
            // reading a stream byte by byte
            try (InputStream in = s.openStream(b)) {
                for (int i = 0; i < 10_000; i++) {
                    assertEquals(v[i] & 0xFF, in.read(), "byte " + i);
                }
            }
        }
    }

    @Test
    void freeingReturnsPagesToTheFreeList() {
        try (StorageEngine e = StorageEngine.inMemory(OPTS)) {
            OverflowStore s = e.overflowStore();
            OverflowRef small = s.write(random(1, 100));
            OverflowRef big = s.write(random(SEED, 10 * s.bytesPerPage()));
            int pages = e.bufferPool().diskManager().pageCount();
            int free = e.bufferPool().diskManager().header().freePageCount();
            s.free(big);
            assertEquals(free + 10, e.bufferPool().diskManager().header().freePageCount());
            s.free(OverflowRef.EMPTY);
            OverflowRef again = s.write(random(2, 9 * s.bytesPerPage()));
            assertEquals(pages, e.bufferPool().diskManager().pageCount(), "freed pages were reused");
            assertEquals(free + 1, e.bufferPool().diskManager().header().freePageCount());
            assertArrayEquals(random(1, 100), s.read(small));
            assertArrayEquals(random(2, 9 * s.bytesPerPage()), s.read(again));
        }
    }

    @Test
    void aShortStreamFailsAndLeavesNoPagesBehind() {
        try (StorageEngine e = StorageEngine.inMemory(OPTS)) {
            OverflowStore s = e.overflowStore();
            int free = e.bufferPool().diskManager().header().freePageCount();
            int pages = e.bufferPool().diskManager().pageCount();
            DbException ex = assertThrows(DbException.class,
                    () -> s.write(new ByteArrayInputStream(new byte[5 * s.bytesPerPage()]), 8L * s.bytesPerPage()));
            assertEquals("22023", ex.sqlState());
            assertTrue(ex.getMessage().contains("ended after"), ex.getMessage());
            int allocated = e.bufferPool().diskManager().pageCount() - pages;
            assertEquals(free + allocated, e.bufferPool().diskManager().header().freePageCount(),
                    "every page of the partial value was freed");
        }
    }

    @Test
    void tooLargeIsALimitError() {
        try (StorageEngine e = StorageEngine.inMemory(OPTS)) {
            DbException ex = assertThrows(DbException.class, () -> e.overflowStore()
                    .write(InputStream.nullInputStream(), OverflowStore.MAX_VALUE_LENGTH + 1));
            assertEquals("54000", ex.sqlState());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4096, 16384})
    void valuesSurviveReopen(int pageSize) {
        Path file = dir.resolve("ovf-" + pageSize + ".db");
        List<OverflowRef> refs = new ArrayList<>();
        int[] lengths = {0, 7, 3 * pageSize, 1 << 20};
        try (StorageEngine e = StorageEngine.openFile(file, OPTS.withPageSize(pageSize))) {
            for (int i = 0; i < lengths.length; i++) {
                refs.add(e.overflowStore().write(random(SEED + i, lengths[i])));
            }
            e.overflowStore().free(refs.get(2));
        }
        try (StorageEngine e = StorageEngine.openFile(file, OPTS)) {
            for (int i = 0; i < lengths.length; i++) {
                if (i != 2) {
                    assertArrayEquals(random(SEED + i, lengths[i]), e.overflowStore().read(refs.get(i)),
                            "pageSize=" + pageSize + " value " + i);
                }
            }
            assertTrue(e.bufferPool().diskManager().header().freePageCount() >= 3);
        }
    }

    @Test
    void aReferenceThatDoesNotMatchItsChainIsXx001() {
        try (StorageEngine e = StorageEngine.inMemory(OPTS)) {
            OverflowStore s = e.overflowStore();
            OverflowRef ref = s.write(random(SEED, 3 * s.bytesPerPage()));
            OverflowRef other = s.write(random(SEED, 100));
            DbException wrongLength = assertThrows(DbException.class,
                    () -> s.read(new OverflowRef(ref.firstPageNo(), ref.length() - 1)));
            assertEquals("XX001", wrongLength.sqlState());
            assertTrue(wrongLength.getMessage().contains("page " + ref.firstPageNo()), wrongLength.getMessage());
            DbException notFirst = assertThrows(DbException.class,
                    () -> s.read(new OverflowRef(ref.firstPageNo() + 1, ref.length())));
            assertEquals("XX001", notFirst.sqlState());
            TableHeap heap = e.createHeap();
            DbException notOverflow = assertThrows(DbException.class,
                    () -> s.read(new OverflowRef(heap.firstPageNo(), 10)));
            assertEquals("XX001", notOverflow.sqlState());
            assertTrue(notOverflow.getMessage().contains("expected an overflow page"), notOverflow.getMessage());
            assertEquals("XX001", assertThrows(DbException.class,
                    () -> s.free(new OverflowRef(other.firstPageNo(), 5000))).sqlState());
            // the encoded form a row stores
            ByteBuffer row = ByteBuffer.allocate(20);
            ref.encode(row, 4);
            assertEquals(ref, OverflowRef.decode(row, 4));
            try (WritePageGuard g = e.bufferPool().writePage(ref.firstPageNo())) {
                g.buffer().putInt(OverflowPage.INDEX_OFFSET, 5);
            }
            assertEquals("XX001", assertThrows(DbException.class, () -> s.read(ref)).sqlState());
        }
    }
}
