package io.rustydb.index.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.storage.StorageEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Bulk build from sorted input: the tree equals the model for every size (empty, one leaf, one level more, many
 * levels), fill factor and key length, passes the structure check, and takes ordinary inserts and deletes after.
 */
class BulkLoadTest {
    @ParameterizedTest
    @CsvSource({"0,1.0,8", "1,1.0,8", "50,0.9,8", "5000,1.0,8", "5000,0.5,8", "30000,0.9,40", "4000,0.7,900",
            "20000,1.0,250"})
    void bulkLoadedTreesAgreeWithTheModel(int size, double fill, int maxKeyLength) {
        long seed = size * 31L + maxKeyLength;
        Random random = new Random(seed);
        try (StorageEngine storage = BPlusTreeModelTest.memory(4096, 8192)) {
            NavigableMap<byte[], Long> model = new TreeMap<>(BPlusTreeModelTest.UNSIGNED);
            while (model.size() < size) {
                model.put(BPlusTreeModelTest.randomKey(random, maxKeyLength), random.nextLong() & Long.MAX_VALUE);
            }
            List<BPlusTree.Entry> sorted = new ArrayList<>();
            for (Map.Entry<byte[], Long> e : model.entrySet()) {
                sorted.add(new BPlusTree.Entry(e.getKey(), e.getValue()));
            }
            BPlusTree tree = BPlusTree.bulkLoad(storage.bufferPool(), sorted.iterator(), fill);
            String where = size + " keys, fill " + fill + ", seed " + seed;
            assertEquals(size, tree.checkStructure(), where);
            BPlusTreeModelTest.checkScan(tree, model, null, null, true, null, true, false, where);
            BPlusTreeModelTest.checkScan(tree, model, null, null, true, null, true, true, where);
            for (int step = 0; step < 3000; step++) {
                byte[] key = BPlusTreeModelTest.randomKey(random, maxKeyLength);
                if (random.nextBoolean()) {
                    assertEquals(!model.containsKey(key), tree.insert(key, step), where);
                    model.putIfAbsent(key, (long) step);
                } else {
                    byte[] existing = model.ceilingKey(key);
                    if (existing != null) {
                        assertTrue(tree.delete(existing), where);
                        model.remove(existing);
                    }
                }
            }
            assertEquals(model.size(), tree.checkStructure(), where);
            BPlusTreeModelTest.checkScan(tree, model, null, null, true, null, true, false, where);
        }
    }

    @Test
    void unsortedInputIsRefused() {
        try (StorageEngine storage = BPlusTreeModelTest.memory(4096, 256)) {
            List<BPlusTree.Entry> entries = List.of(new BPlusTree.Entry(new byte[] {2}, 1),
                    new BPlusTree.Entry(new byte[] {1}, 2));
            assertThrows(IllegalArgumentException.class,
                    () -> BPlusTree.bulkLoad(storage.bufferPool(), entries.iterator(), 1.0));
        }
    }
}
