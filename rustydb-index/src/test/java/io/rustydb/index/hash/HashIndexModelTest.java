package io.rustydb.index.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.BufferPool;
import io.rustydb.storage.buffer.ReadPageGuard;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hash index against a {@code HashMap<key, Set<Long>>}: seeded random inserts (new keys, known keys, a few hot
 * keys with thousands of values), deletes, lookups and whole-key deletions, keys of every length from 0 to the
 * maximum, on 4 KiB pages so that the directory doubles many times and spans several pages; the structure check
 * runs along the way. Every failure message carries the seed and the step.
 */
class HashIndexModelTest {
    static StorageEngine memory(int pageSize, int frames) {
        return StorageEngine.inMemory(new StorageOptions(pageSize, (long) frames * pageSize, ReplacementPolicyName.ARC)
                .withBackgroundWriterIntervalMillis(0));
    }

    /** A key with content equality, for the model. */
    record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return bytes.length + " bytes " + Arrays.toString(Arrays.copyOf(bytes, Math.min(8, bytes.length)));
        }
    }

    /** Mostly short keys over a small alphabet (many equal keys, long shared prefixes), some up to {@code max}. */
    static byte[] randomKey(Random random, int max) {
        int r = random.nextInt(100);
        int length = r < 4 ? random.nextInt(max + 1) : r < 20 ? random.nextInt(65) : random.nextInt(13);
        byte[] key = new byte[length];
        for (int i = 0; i < length; i++) {
            key[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : random.nextInt(3) * 0x7F);
        }
        return key;
    }

    static int globalDepth(HashIndex index) {
        try (ReadPageGuard g = index.pool().readPage(index.metaPageNo())) {
            return HashMetaPage.globalDepth(g.buffer());
        }
    }

    static int directoryPages(HashIndex index) {
        try (ReadPageGuard g = index.pool().readPage(index.metaPageNo())) {
            return HashMetaPage.directoryPageCount(g.buffer());
        }
    }

    static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    static long[] sorted(Set<Long> values) {
        return values == null ? new long[0] : values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    static long total(Map<Key, Set<Long>> model) {
        return model.values().stream().mapToLong(Set::size).sum();
    }

    /** Every key of the model (and every key ever used) has exactly its model's values. */
    static void assertSameContent(HashIndex index, Map<Key, Set<Long>> model, Iterable<Key> keys, String where) {
        for (Key k : keys) {
            assertArrayEquals(sorted(model.get(k)), sorted(index.values(k.bytes())), where + ", key " + k);
        }
        assertEquals(total(model), index.checkStructure(), where);
    }

    @ParameterizedTest(name = "slots per directory page {0}, seed {1}")
    @CsvSource({"0, 4001", "8, 4002"})
    void randomOperationsAgreeWithAHashMap(int slotsPerPage, long seed) {
        Random random = new Random(seed);
        try (StorageEngine storage = memory(4096, 4096)) {
            BufferPool pool = storage.bufferPool();
            HashIndex index = slotsPerPage == 0 ? HashIndex.create(pool, seed) : HashIndex.create(pool, seed,
                    slotsPerPage);
            int max = index.maxKeyLength();
            Map<Key, Set<Long>> model = new HashMap<>();
            List<Key> known = new ArrayList<>();
            Set<Key> knownSet = new HashSet<>();
            Key[] hot = {new Key(new byte[0]), new Key(new byte[] {7, 7, 7, 7, 7}), new Key(new byte[max / 3])};
            int operations = slotsPerPage == 0 ? 400_000 : 150_000;
            int depthChanges = 0;
            int lastDepth = 0;
            for (int step = 0; step < operations; step++) {
                String where = "seed " + seed + ", step " + step;
                int op = random.nextInt(100);
                Key key;
                int pick = random.nextInt(100);
                if (pick < 3) {
                    key = hot[random.nextInt(hot.length)];
                } else if (pick < 40 && !known.isEmpty()) {
                    key = known.get(random.nextInt(known.size()));
                } else {
                    key = new Key(randomKey(random, max));
                }
                if (op < 45) {
                    long value = pick < 40 ? random.nextInt(2_000) : random.nextLong();
                    boolean expected = model.computeIfAbsent(key, k -> new HashSet<>()).add(value);
                    assertEquals(expected, index.insert(key.bytes(), value), where + ": insert " + key);
                    if (knownSet.add(key)) {
                        known.add(key);
                    }
                } else if (op < 70) {
                    Set<Long> values = model.get(key);
                    long value = values != null && !values.isEmpty() && random.nextInt(5) > 0
                            ? values.iterator().next() : random.nextInt(2_000);
                    boolean expected = values != null && values.remove(value);
                    assertEquals(expected, index.delete(key.bytes(), value), where + ": delete " + key);
                } else if (op < 99) {
                    assertArrayEquals(sorted(model.get(key)), sorted(index.values(key.bytes())), where + ": lookup "
                            + key);
                } else if (random.nextInt(20) == 0) {
                    // delete every value of a key (a hot one empties a long overflow chain)
                    Set<Long> values = model.getOrDefault(key, Set.of());
                    for (long v : values) {
                        assertTrue(index.delete(key.bytes(), v), where + ": delete all of " + key);
                    }
                    model.remove(key);
                    assertArrayEquals(new long[0], index.values(key.bytes()), where);
                }
                int depth = globalDepth(index);
                if (depth != lastDepth) {
                    depthChanges++;
                    lastDepth = depth;
                }
                if (step % 25_000 == 0) {
                    assertEquals(total(model), index.checkStructure(), where);
                }
            }
            String where = "seed " + seed + ", at the end";
            assertSameContent(index, model, known, where);
            for (Key h : hot) {
                assertArrayEquals(sorted(model.get(h)), sorted(index.values(h.bytes())), where);
            }
            // the directory grew several times and spans several pages
            assertTrue(depthChanges >= 6, where + ": directory doubled " + depthChanges + " times");
            assertTrue(directoryPages(index) > 1, where + ": directory of " + directoryPages(index) + " pages");
            // the same pages opened again
            HashIndex reopened = HashIndex.open(pool, index.metaPageNo());
            assertSameContent(reopened, model, known, where + ", reopened");
        }
    }

    @Test
    void tenThousandValuesOfOneKeyChainAndUnchain() {
        long seed = 11;
        try (StorageEngine storage = memory(4096, 1024)) {
            BufferPool pool = storage.bufferPool();
            HashIndex index = HashIndex.create(pool, seed);
            byte[] dup = "the same key for every row".getBytes();
            Random random = new Random(seed);
            Map<Key, Set<Long>> model = new HashMap<>();
            for (int i = 0; i < 10_000; i++) {
                assertTrue(index.insert(dup, i));
                if (i % 10 == 0) {
                    // other keys keep splitting buckets around the long chain
                    byte[] other = new byte[1 + random.nextInt(20)];
                    random.nextBytes(other);
                    if (index.insert(other, i)) {
                        model.computeIfAbsent(new Key(other), k -> new HashSet<>()).add((long) i);
                    }
                }
            }
            assertFalse(index.insert(dup, 1234), "the pair is already there");
            long[] values = sorted(index.values(dup));
            assertEquals(10_000, values.length);
            for (int i = 0; i < values.length; i++) {
                assertEquals(i, values[i]);
            }
            List<Long> seen = new ArrayList<>();
            index.lookup(dup, seen::add);
            assertEquals(10_000, seen.size());
            assertEquals(10_000 + total(model), index.checkStructure());
            int freeBefore = storage.bufferPool().diskManager().header().freePageCount();
            for (int i = 0; i < 10_000; i += 2) {
                assertTrue(index.delete(dup, i));
            }
            assertFalse(index.delete(dup, 0));
            assertEquals(5_000 + total(model), index.checkStructure());
            for (int i = 1; i < 10_000; i += 2) {
                assertTrue(index.delete(dup, i));
            }
            assertEquals(0, index.values(dup).length);
            assertEquals(total(model), index.checkStructure());
            assertSameContent(index, model, model.keySet(), "seed " + seed);
            int freed = storage.bufferPool().diskManager().header().freePageCount() - freeBefore;
            assertTrue(freed > 30, "emptied overflow pages are freed: " + freed);
        }
    }

    /** The primary bucket page a key's slot points to now. */
    static int bucketOf(HashIndex index, byte[] key) {
        BufferPool pool = index.pool();
        int hash = KeyHash.of(key, index.hashSeed());
        try (ReadPageGuard meta = pool.readPage(index.metaPageNo())) {
            ByteBuffer m = meta.buffer();
            int slot = hash & (int) ((1L << HashMetaPage.globalDepth(m)) - 1);
            int perPage = HashMetaPage.slotsPerPage(m);
            try (ReadPageGuard dir = pool.readPage(HashMetaPage.directoryPage(m, slot / perPage))) {
                return HashDirectoryPage.bucket(dir.buffer(), slot % perPage);
            }
        }
    }

    /** A key different from {@code base} whose hash agrees with {@code base}'s exactly in the low {@code bits} bits. */
    static byte[] keyAgreeingIn(HashIndex index, byte[] base, int bits, int salt) {
        int target = KeyHash.of(base, index.hashSeed());
        for (int i = 0; ; i++) {
            byte[] key = ("k" + salt + "/" + i).getBytes();
            int diff = KeyHash.of(key, index.hashSeed()) ^ target;
            if ((diff & ((1 << bits) - 1)) == 0 && (diff >>> bits & 1) == 1) {
                return key;
            }
        }
    }

    /** The most free space of any page of the chain of {@code key}'s bucket. */
    static int maxFreeSpaceInChain(HashIndex index, byte[] key) {
        int most = 0;
        for (int p = bucketOf(index, key); p != 0; ) {
            try (ReadPageGuard g = index.pool().readPage(p)) {
                HashBucketPage page = new HashBucketPage().wrap(g.buffer(), index.pool().pageSize());
                most = Math.max(most, page.freeSpace());
                p = page.next();
            }
        }
        return most;
    }

    @Test
    void aSplitMovesTheSmallerSideOfAChainAndFreesThePagesItEmpties() {
        try (StorageEngine storage = memory(4096, 1024)) {
            HashIndex index = HashIndex.create(storage.bufferPool(), 21);
            byte[] hot = "hot".getBytes();
            byte[] other = keyAgreeingIn(index, hot, 0, 1); // differs from the hot key in bit 0
            int hotValues = 0;
            while (hotValues < 2_000 || maxFreeSpaceInChain(index, hot) > 100) {
                assertTrue(index.insert(hot, hotValues++)); // one bucket, a chain: no split can help one key
            }
            assertEquals(0, globalDepth(index));
            // the other key's values fill the chain's free space, then an overflow page of their own; when that is
            // full too, they make more than a quarter page: the bucket splits and that page is emptied and freed
            int freeBefore = storage.bufferPool().diskManager().header().freePageCount();
            int i = 0;
            while (globalDepth(index) == 0) {
                assertTrue(index.insert(other, i++));
            }
            assertTrue(storage.bufferPool().diskManager().header().freePageCount() > freeBefore,
                    "the split freed the overflow page it emptied");
            assertTrue(i > 100, i + " values before the split");
            assertTrue(bucketOf(index, hot) != bucketOf(index, other), "the split parted the keys");
            for (; i < 300; i++) {
                assertTrue(index.insert(other, i));
            }
            assertEquals(hotValues, index.values(hot).length);
            assertEquals(300, index.values(other).length);
            assertEquals(hotValues + 300, index.checkStructure());
        }
    }

    @Test
    void twoKeysWithManyValuesEachThatShareTheirLowBitsShareAChain() {
        try (StorageEngine storage = memory(4096, 1024)) {
            HashIndex index = HashIndex.create(storage.bufferPool(), 22);
            byte[] a = "a".getBytes();
            byte[] b = keyAgreeingIn(index, a, 1, 2); // agrees with a in bit 0, differs in bit 1
            for (int i = 0; i < 3_000; i++) {
                assertTrue(index.insert(a, i));
                assertTrue(index.insert(b, i));
            }
            assertEquals(bucketOf(index, a), bucketOf(index, b));
            // other keys split the bucket on bit 0; on bit 1 the move would hold too many pages: a and b stay
            Random random = new Random(22);
            Map<Key, Set<Long>> model = new HashMap<>();
            for (int i = 0; i < 20_000; i++) {
                byte[] key = new byte[8];
                random.nextBytes(key);
                assertTrue(index.insert(key, i));
                model.put(new Key(key), Set.of((long) i));
                if (i % 1_000 == 0) {
                    assertTrue(index.insert(a, -1 - i));
                    assertTrue(index.insert(b, -1 - i));
                }
            }
            assertTrue(globalDepth(index) >= 5);
            assertEquals(bucketOf(index, a), bucketOf(index, b));
            assertEquals(3_020, index.values(a).length);
            assertEquals(3_020, index.values(b).length);
            for (Key k : model.keySet()) {
                assertArrayEquals(sorted(model.get(k)), index.values(k.bytes()));
            }
            assertEquals(20_000 + 2 * 3_020, index.checkStructure());
        }
    }

    @Test
    void theDirectoryStopsAtItsMaximumDepthAndBucketsChain() {
        try (StorageEngine storage = memory(4096, 2048)) {
            // one slot per directory page: the meta page lists at most 1002 pages, so the directory stops at 2^9
            HashIndex index = HashIndex.create(storage.bufferPool(), 23, 1);
            assertEquals(9, index.maxDepth());
            Random random = new Random(23);
            Map<Key, Set<Long>> model = new HashMap<>();
            for (int i = 0; i < 150_000; i++) {
                byte[] key = new byte[6];
                random.nextBytes(key);
                if (index.insert(key, i)) {
                    model.computeIfAbsent(new Key(key), k -> new HashSet<>()).add((long) i);
                }
            }
            assertEquals(9, globalDepth(index));
            assertEquals(512, directoryPages(index));
            assertSameContent(index, model, model.keySet(), "at the maximum depth");
        }
    }

    @Test
    void longestKeysWithManyValues() {
        try (StorageEngine storage = memory(4096, 1024)) {
            HashIndex index = HashIndex.create(storage.bufferPool(), 5);
            byte[] key = new byte[index.maxKeyLength()];
            Arrays.fill(key, (byte) 0xFF);
            for (int i = 0; i < 2_000; i++) {
                assertTrue(index.insert(key, i));
                byte[] other = key.clone();
                other[i % key.length] = (byte) i;
                other[(i * 7) % key.length] = (byte) (i >>> 8);
                index.insert(other, -i);
            }
            assertEquals(2_000, index.values(key).length);
            assertTrue(index.checkStructure() >= 2_000);
        }
    }

    @Test
    void keysWithTheSameStoredHashAreToldApart() {
        long seed = 3;
        // find pairs of distinct keys whose stored 32-bit hashes are equal (birthday search)
        Map<Integer, byte[]> byHash = new HashMap<>();
        List<byte[][]> collisions = new ArrayList<>();
        Random random = new Random(seed);
        while (collisions.size() < 4) {
            byte[] key = new byte[8];
            random.nextBytes(key);
            byte[] previous = byHash.putIfAbsent(KeyHash.of(key, seed), key);
            if (previous != null && !Arrays.equals(previous, key)) {
                collisions.add(new byte[][] {previous, key});
            }
        }
        try (StorageEngine storage = memory(4096, 256)) {
            HashIndex index = HashIndex.create(storage.bufferPool(), seed);
            for (int i = 0; i < collisions.size(); i++) {
                byte[][] pair = collisions.get(i);
                assertTrue(index.insert(pair[0], 10 * i));
                assertTrue(index.insert(pair[1], 10 * i + 1));
                assertTrue(index.insert(pair[1], 10 * i)); // the same value under the other key: another pair
            }
            for (int i = 0; i < collisions.size(); i++) {
                byte[][] pair = collisions.get(i);
                assertArrayEquals(new long[] {10 * i}, index.values(pair[0]));
                assertArrayEquals(new long[] {10 * i, 10 * i + 1}, sorted(index.values(pair[1])));
                assertTrue(index.delete(pair[0], 10 * i));
                assertArrayEquals(new long[] {10 * i, 10 * i + 1}, sorted(index.values(pair[1])));
            }
            assertEquals(2L * collisions.size(), index.checkStructure());
        }
    }

    @Test
    void aKeyLongerThanTheMaximumIsRefused() {
        try (StorageEngine storage = memory(4096, 64)) {
            HashIndex index = HashIndex.create(storage.bufferPool());
            byte[] tooLong = new byte[index.maxKeyLength() + 1];
            DbException e = assertThrows(DbException.class, () -> index.insert(tooLong, 1));
            assertEquals(ErrorCode.PROGRAM_LIMIT_EXCEEDED, e.code());
            assertEquals(0, index.values(tooLong).length);
            assertFalse(index.delete(tooLong, 1));
            assertTrue(index.insert(new byte[index.maxKeyLength()], 1));
            assertEquals(1, index.checkStructure());
        }
    }

    @Test
    void openingAPageThatIsNoHashIndexIsCorruption() {
        try (StorageEngine storage = memory(4096, 64)) {
            HashIndex index = HashIndex.create(storage.bufferPool());
            int directoryPage;
            try (ReadPageGuard g = storage.bufferPool().readPage(index.metaPageNo())) {
                directoryPage = HashMetaPage.directoryPage(g.buffer(), 0);
            }
            DbException e = assertThrows(DbException.class, () -> HashIndex.open(storage.bufferPool(), directoryPage));
            assertEquals(ErrorCode.DATA_CORRUPTED, e.code());
        }
    }

    @Test
    void theStructureCheckFindsAnEntryInTheWrongBucket() {
        try (StorageEngine storage = memory(4096, 256)) {
            HashIndex index = HashIndex.create(storage.bufferPool(), 9);
            Random random = new Random(9);
            for (int i = 0; i < 3_000; i++) {
                byte[] key = new byte[8];
                random.nextBytes(key);
                index.insert(key, i);
            }
            assertEquals(3_000, index.checkStructure());
            // swap the first entry of two different buckets' primary pages: both now hold a stranger
            TreeSet<Integer> buckets = new TreeSet<>();
            try (ReadPageGuard meta = storage.bufferPool().readPage(index.metaPageNo())) {
                try (ReadPageGuard dir = storage.bufferPool().readPage(HashMetaPage.directoryPage(meta.buffer(), 0))) {
                    buckets.add(HashDirectoryPage.bucket(dir.buffer(), 0));
                    buckets.add(HashDirectoryPage.bucket(dir.buffer(), 1));
                }
            }
            int a = buckets.first();
            try (var g = storage.bufferPool().writePage(a)) {
                ByteBuffer b = g.buffer();
                HashBucketPage page = new HashBucketPage().wrap(b, 4096);
                int off = Short.toUnsignedInt(b.getShort(HashBucketPage.OFFSETS));
                b.putInt(off, page.hash(0) ^ 1); // a hash that is not the key's (and not the bucket's pattern)
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, index::checkStructure);
            assertTrue(e.getMessage().contains("page " + a), e.getMessage());
        }
    }
}
