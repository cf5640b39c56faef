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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
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
