package io.rustydb.index.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The B+tree against a {@link TreeMap} with unsigned byte order: seeded random inserts, deletes, point lookups and
 * range scans in both directions with every bound kind, on small pages so that the tree grows several levels; the
 * structure checker runs along the way.
 */
class BPlusTreeModelTest {
    static final Comparator<byte[]> UNSIGNED = Arrays::compareUnsigned;

    static StorageEngine memory(int pageSize, int frames) {
        return StorageEngine.inMemory(new StorageOptions(pageSize, (long) frames * pageSize, ReplacementPolicyName.ARC)
                .withBackgroundWriterIntervalMillis(0));
    }

    /** Keys with long shared prefixes (a small alphabet) and lengths from 0 to {@code maxLength}. */
    static byte[] randomKey(Random random, int maxLength) {
        byte[] key = new byte[random.nextInt(maxLength + 1)];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : random.nextInt(3) * 0x7F);
        }
        return key;
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 40, 300})
    void randomOperationsAgreeWithATreeMap(int maxKeyLength) {
        long seed = 1000 + maxKeyLength;
        Random random = new Random(seed);
        try (StorageEngine storage = memory(4096, 4096)) {
            BPlusTree tree = BPlusTree.create(storage.bufferPool());
            NavigableMap<byte[], Long> model = new TreeMap<>(UNSIGNED);
            List<byte[]> known = new ArrayList<>();
            int operations = 60_000;
            for (int step = 0; step < operations; step++) {
                int op = random.nextInt(100);
                byte[] key = !known.isEmpty() && random.nextInt(3) == 0
                        ? known.get(random.nextInt(known.size())) : randomKey(random, maxKeyLength);
                String where = "step " + step + ", seed " + seed;
                if (op < 50) {
                    long value = random.nextLong() & Long.MAX_VALUE;
                    boolean inserted = tree.insert(key, value);
                    assertEquals(!model.containsKey(key), inserted, where);
                    if (inserted) {
                        model.put(key, value);
                        known.add(key);
                    }
                } else if (op < 75) {
                    assertEquals(model.remove(key) != null, tree.delete(key), where);
                } else if (op < 90) {
                    Long expected = model.get(key);
                    assertEquals(expected == null ? BPlusTree.NOT_FOUND : expected, tree.get(key), where);
                } else {
                    checkScan(tree, model, random, maxKeyLength, where);
                }
                if (step % 10_000 == 0) {
                    assertEquals(model.size(), tree.checkStructure(), where);
                }
            }
            assertEquals(model.size(), tree.checkStructure(), "seed " + seed);
            assertNoPageLeaked(storage, tree, "seed " + seed);
            checkScan(tree, model, null, null, true, null, true, false, "full ascending, seed " + seed);
            checkScan(tree, model, null, null, true, null, true, true, "full descending, seed " + seed);
        }
    }

    private static void checkScan(BPlusTree tree, NavigableMap<byte[], Long> model, Random random, int maxKeyLength,
                                  String where) {
        byte[] low = random.nextInt(5) == 0 ? null : randomKey(random, maxKeyLength);
        byte[] high = random.nextInt(5) == 0 ? null : randomKey(random, maxKeyLength);
        if (low != null && high != null && Arrays.compareUnsigned(low, high) > 0) {
            byte[] t = low;
            low = high;
            high = t;
        }
        checkScan(tree, model, random, low, random.nextBoolean(), high, random.nextBoolean(), random.nextBoolean(),
                where);
    }

    static void checkScan(BPlusTree tree, NavigableMap<byte[], Long> model, Random random, byte[] low,
                          boolean lowInclusive, byte[] high, boolean highInclusive, boolean descending, String where) {
        NavigableMap<byte[], Long> range = model;
        if (low != null && high != null && Arrays.compareUnsigned(low, high) == 0 && !(lowInclusive && highInclusive)) {
            range = new TreeMap<>(UNSIGNED); // an empty range (TreeMap refuses to express it)
        } else if (low != null) {
            range = range.tailMap(low, lowInclusive);
        }
        if (high != null && !range.isEmpty()) {
            range = range.headMap(high, highInclusive);
        }
        if (descending) {
            range = range.descendingMap();
        }
        BTreeCursor cursor = tree.scan(low, lowInclusive, high, highInclusive, descending);
        int limit = random == null ? Integer.MAX_VALUE : 1 + random.nextInt(300); // a partial scan, as LIMIT does
        int n = 0;
        for (Map.Entry<byte[], Long> e : range.entrySet()) {
            if (n++ == limit) {
                return;
            }
            assertTrue(cursor.next(), "scan ended early, " + where);
            assertEquals(0, Arrays.compareUnsigned(e.getKey(), cursor.key()), "key, " + where);
            assertEquals(e.getValue(), cursor.value(), "value, " + where);
        }
        assertFalse(cursor.next(), "scan went on, " + where);
    }

    /**
     * Key {@code n} of a delete-heavy run (unique per {@code n}). Shape 0: an 8-byte counter and up to 16 bytes of
     * padding, many entries a page. Shape 1: a run of 'x' of one of five lengths up to 4/5 of the longest key in
     * front of the counter, so that keys share long prefixes, separators are long and inner nodes hold few
     * entries. Shape 2: a two-byte group of 2048, then a run of 'x' of any length up to the longest key, then the
     * counter: separators within a group are as long as the run, those between groups one or two bytes, so
     * rebalancing replaces separators by much longer ones and now and then splits a parent on the way.
     */
    static byte[] phaseKey(long n, int shape, int maxKeyLength) {
        long hash = n * 0x9E3779B97F4A7C15L >>> 20;
        int group = shape == 2 ? 2 : 0;
        int prefix = shape == 0 ? 0 : shape == 1 ? (int) (n % 5) * (maxKeyLength - 8) / 5
                : (int) (hash % (maxKeyLength - 9));
        int padding = shape == 0 ? (int) (n * 7 % 17) : 0;
        ByteBuffer b = ByteBuffer.allocate(group + prefix + 8 + padding);
        if (shape == 2) {
            b.putShort((short) (hash >>> 20 & 0x7FF));
        }
        for (int i = 0; i < prefix; i++) {
            b.put((byte) 'x');
        }
        return b.putLong(n).array();
    }

    /** Pages of the store in use (the tree is the only user of its in-memory store). */
    static int pagesInUse(StorageEngine storage) {
        var disk = storage.bufferPool().diskManager();
        return disk.pageCount() - 1 - disk.header().freePageCount();
    }

    /** The tree's nodes, counted from the root (when no writer runs). */
    static int treePages(StorageEngine storage, BPlusTree tree) {
        List<Integer> pending = new ArrayList<>(List.of(tree.rootPageNo()));
        int pages = 0;
        while (!pending.isEmpty()) {
            int pageNo = pending.remove(pending.size() - 1);
            pages++;
            try (var g = storage.bufferPool().readPage(pageNo)) {
                BTreeNode node = new BTreeNode().wrap(g.buffer(), storage.pageSize());
                if (!node.isLeaf()) {
                    for (int i = -1; i < node.count(); i++) {
                        pending.add(node.child(i));
                    }
                }
            }
        }
        return pages;
    }

    /** Every page the tree let go of is on the free list, and only those. */
    static void assertNoPageLeaked(StorageEngine storage, BPlusTree tree, String where) {
        assertEquals(treePages(storage, tree), pagesInUse(storage), where + ": pages in use besides the tree's");
    }

    /**
     * Delete-heavy phases against the model: insert N keys in random order, delete 98 % of them in random order,
     * insert half of those again, delete everything. Deletes merge and rebalance nodes all the way up: the height
     * drops, freed pages go back to the free list and are reused by the inserts, and the empty tree is a root leaf
     * again with every other page free. The structure check runs throughout.
     */
    @ParameterizedTest
    @CsvSource({"0,100000", "1,8000", "2,12000"})
    void deleteHeavyPhasesShrinkTheTreeAndFreeItsPages(int shape, int n) {
        try (StorageEngine storage = memory(4096, 8192)) {
            deleteHeavyPhases(storage, shape, n, 4242 + shape);
        }
    }

    static void deleteHeavyPhases(StorageEngine storage, int shape, int n, long seed) {
        Random random = new Random(seed);
        BPlusTree tree = BPlusTree.create(storage.bufferPool());
        int maxKey = tree.maxKeyLength();
        int scanKeyLength = shape == 0 ? 8 : 40;
        NavigableMap<byte[], Long> model = new TreeMap<>(UNSIGNED);
        List<Long> order = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        String where = "shape " + shape + ", page size " + storage.pageSize() + ", seed " + seed;
        for (long i : order) {
            byte[] key = phaseKey(i, shape, maxKey);
            assertTrue(tree.insert(key, i), where);
            model.put(key, i);
        }
        assertEquals(n, tree.checkStructure(), where);
        assertNoPageLeaked(storage, tree, where);
        int fullHeight = tree.height();
        int fullPages = pagesInUse(storage);
        int filePages = storage.bufferPool().diskManager().pageCount();
        assertTrue(fullHeight >= 3, where + ": height " + fullHeight);

        // delete 98 % in random order
        Collections.shuffle(order, random);
        List<Long> deleted = new ArrayList<>(order.subList(0, n * 49 / 50));
        deletePhase(tree, model, deleted, shape, maxKey, random, scanKeyLength, where + ", deleting 98 %");
        assertTrue(tree.height() < fullHeight, where + ": height " + tree.height() + " after deleting 98 %, "
                + fullHeight + " before");
        int fewPages = pagesInUse(storage);
        assertTrue(fewPages < fullPages / 10, where + ": " + fewPages + " pages in use of " + fullPages);
        assertNoPageLeaked(storage, tree, where);

        // insert half of them again: the freed pages are reused before the file grows
        int freeBefore = storage.bufferPool().diskManager().header().freePageCount();
        for (long i : deleted.subList(0, deleted.size() / 2)) {
            byte[] key = phaseKey(i, shape, maxKey);
            assertTrue(tree.insert(key, -i), where);
            model.put(key, -i);
        }
        assertEquals(model.size(), tree.checkStructure(), where);
        checkAgainstModel(tree, model, random, scanKeyLength, where + ", inserted again");
        assertTrue(storage.bufferPool().diskManager().header().freePageCount() < freeBefore, where);
        assertEquals(filePages, storage.bufferPool().diskManager().pageCount(),
                where + ": the file grew although freed pages were there to reuse");
        assertNoPageLeaked(storage, tree, where);

        // delete everything: back to an empty root leaf, every other page free
        List<Long> rest = new ArrayList<>();
        for (long v : model.values()) {
            rest.add(Math.abs(v));
        }
        Collections.shuffle(rest, random);
        deletePhase(tree, model, rest, shape, maxKey, random, scanKeyLength, where + ", deleting all");
        assertEquals(1, tree.height(), where);
        assertEquals(0, tree.checkStructure(), where);
        assertEquals(1, pagesInUse(storage), where + ": pages still in use");
        assertFalse(tree.scan(null, true, null, true, false).next(), where);
    }

    private static void deletePhase(BPlusTree tree, NavigableMap<byte[], Long> model, List<Long> keys, int shape,
                                    int maxKey, Random random, int scanKeyLength, String where) {
        int step = 0;
        for (long i : keys) {
            byte[] key = phaseKey(i, shape, maxKey);
            assertTrue(tree.delete(key), where + ", key " + i);
            model.remove(key);
            if (step % 7 == 0) {
                assertFalse(tree.delete(key), where + ", key " + i + " twice");
            }
            if (++step % Math.max(1, keys.size() / 5) == 0) {
                assertEquals(model.size(), tree.checkStructure(), where + ", step " + step);
            }
        }
        assertEquals(model.size(), tree.checkStructure(), where);
        checkAgainstModel(tree, model, random, scanKeyLength, where);
    }

    /** Full scans both ways, some bounded scans and lookups. */
    private static void checkAgainstModel(BPlusTree tree, NavigableMap<byte[], Long> model, Random random,
                                          int maxKeyLength, String where) {
        checkScan(tree, model, null, null, true, null, true, false, "full ascending, " + where);
        checkScan(tree, model, null, null, true, null, true, true, "full descending, " + where);
        for (int i = 0; i < 20; i++) {
            checkScan(tree, model, random, maxKeyLength, where);
        }
        if (!model.isEmpty()) {
            List<byte[]> keys = new ArrayList<>(model.keySet());
            for (int i = 0; i < 50; i++) {
                byte[] k = keys.get(random.nextInt(keys.size()));
                assertEquals(model.get(k), tree.get(k), where);
            }
        }
    }

    @Test
    void suffixTruncationKeepsTheShortestSeparatingPrefix() {
        assertEquals("b", new String(BPlusTree.shortestSeparator("apple".getBytes(), "banana".getBytes())));
        assertEquals("abd", new String(BPlusTree.shortestSeparator("abcz".getBytes(), "abdx".getBytes())));
        assertEquals("ab", new String(BPlusTree.shortestSeparator("a".getBytes(), "ab".getBytes())));
    }

    @Test
    void keysLongerThanTheLimitAreRefused() {
        try (StorageEngine storage = memory(4096, 256)) {
            BPlusTree tree = BPlusTree.create(storage.bufferPool());
            DbException e = assertThrows(DbException.class,
                    () -> tree.insert(new byte[tree.maxKeyLength() + 1], 1));
            assertEquals(ErrorCode.PROGRAM_LIMIT_EXCEEDED, e.code());
            assertTrue(tree.insert(new byte[tree.maxKeyLength()], 1));
        }
    }

    @Test
    void aTreeReopensFromItsRootPage() {
        try (StorageEngine storage = memory(4096, 1024)) {
            BPlusTree tree = BPlusTree.create(storage.bufferPool());
            for (int i = 0; i < 20_000; i++) {
                assertTrue(tree.insert(String.format("key-%08d", i).getBytes(), i));
            }
            BPlusTree again = BPlusTree.open(storage.bufferPool(), tree.rootPageNo());
            assertEquals(20_000, again.checkStructure());
            assertEquals(12_345, again.get(String.format("key-%08d", 12_345).getBytes()));
        }
    }
}
