package io.rustydb.index.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.storage.StorageEngine;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Writers and readers on one tree at once. Each writer owns a key space (its id is the key's first byte) and a
 * model of it; a set of "stable" keys is inserted first and never touched again. Readers meanwhile check what must
 * hold whatever the writers do: every stable key is found, and scans return strictly increasing (or decreasing)
 * keys that include every stable key in range. Afterwards the tree equals the union of the models and passes the
 * structure check.
 */
class BPlusTreeConcurrencyTest {
    private static final int WRITERS = 4;
    private static final int READERS = 3;

    private static byte[] key(int owner, long n, int padding) {
        ByteBuffer b = ByteBuffer.allocate(1 + 8 + padding);
        b.put((byte) owner).putLong(n);
        return b.array();
    }

    @Test
    void concurrentWritersAndReadersKeepTheTreeConsistent() throws Exception {
        long seed = 77;
        try (StorageEngine storage = BPlusTreeModelTest.memory(4096, 8192)) {
            BPlusTree tree = BPlusTree.create(storage.bufferPool());
            NavigableMap<byte[], Long> stable = new TreeMap<>(BPlusTreeModelTest.UNSIGNED);
            for (int i = 0; i < 2_000; i++) {
                byte[] k = key(WRITERS, i * 7L, i % 50); // owner id WRITERS: nobody writes there
                stable.put(k, (long) i);
                assertTrue(tree.insert(k, i));
            }
            List<NavigableMap<byte[], Long>> models = new ArrayList<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int id = w;
                NavigableMap<byte[], Long> model = new TreeMap<>(BPlusTreeModelTest.UNSIGNED);
                models.add(model);
                writers.add(pool.submit(() -> {
                    Random random = new Random(seed * 31 + id);
                    for (int step = 0; step < 25_000; step++) {
                        byte[] k = key(id, random.nextInt(5_000), random.nextInt(60));
                        if (random.nextInt(3) > 0) {
                            boolean inserted = tree.insert(k, step);
                            if (inserted != !model.containsKey(k)) {
                                failures.add("writer " + id + " insert step " + step);
                            }
                            model.putIfAbsent(k, (long) step);
                        } else {
                            if (tree.delete(k) != (model.remove(k) != null)) {
                                failures.add("writer " + id + " delete step " + step);
                            }
                        }
                    }
                    return null;
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                int id = r;
                readers.add(pool.submit(() -> {
                    Random random = new Random(seed * 17 + id);
                    List<byte[]> stableKeys = new ArrayList<>(stable.keySet());
                    while (writing.get()) {
                        byte[] k = stableKeys.get(random.nextInt(stableKeys.size()));
                        if (tree.get(k) != stable.get(k)) {
                            failures.add("reader " + id + " lost a stable key");
                        }
                        boolean descending = random.nextBoolean();
                        BTreeCursor c = tree.scan(null, true, null, true, descending);
                        byte[] previous = null;
                        int stableSeen = 0;
                        while (c.next()) {
                            byte[] key = c.key();
                            if (previous != null) {
                                int cmp = Arrays.compareUnsigned(previous, key);
                                if (descending ? cmp <= 0 : cmp >= 0) {
                                    failures.add("reader " + id + " saw keys out of order");
                                }
                            }
                            if (key[0] == WRITERS) {
                                stableSeen++;
                            }
                            previous = key;
                        }
                        if (stableSeen != stable.size()) {
                            failures.add("reader " + id + " scan saw " + stableSeen + " of " + stable.size()
                                    + " stable keys");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<?> f : readers) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertTrue(failures.isEmpty(), "seed " + seed + ": " + failures.stream().limit(10).toList());
            NavigableMap<byte[], Long> all = new TreeMap<>(BPlusTreeModelTest.UNSIGNED);
            models.forEach(all::putAll);
            all.putAll(stable);
            assertEquals(all.size(), tree.checkStructure(), "seed " + seed);
            BTreeCursor c = tree.scan(null, true, null, true, false);
            for (Map.Entry<byte[], Long> e : all.entrySet()) {
                assertTrue(c.next());
                assertEquals(0, Arrays.compareUnsigned(e.getKey(), c.key()), "seed " + seed);
                assertEquals(e.getValue(), c.value(), "seed " + seed);
            }
        }
    }
}
