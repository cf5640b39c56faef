package io.rustydb.index.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.index.hash.HashIndexModelTest.Key;
import io.rustydb.storage.StorageEngine;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Writers and readers on one index at once. Writers work on overlapping keys (a shared key space, and one hot key
 * all of them add values to) as well as on keys of their own; a writer's values are {@code n * WRITERS + id}, so
 * the pairs of two writers never coincide and each writer's model is exact. "Stable" pairs are inserted first and
 * never touched. Meanwhile readers check what must hold whatever the writers do — every stable pair is found, and a
 * lookup never returns a value twice or a value no one could have stored under that key — while buckets split,
 * overflow pages are linked and unlinked and the directory doubles (with few slots per directory page, splits and
 * doublings span several directory pages). Afterwards the index equals the union of the models and passes the
 * structure check.
 */
class HashIndexConcurrencyTest {
    private static final int WRITERS = 4;
    private static final int READERS = 3;

    private static byte[] key(int space, int n, int padding) {
        return ByteBuffer.allocate(1 + 4 + padding).put((byte) space).putInt(n).array();
    }

    @ParameterizedTest(name = "slots per directory page {0}, seed {1}")
    @CsvSource({"0, 91", "4, 92"})
    void concurrentWritersAndReadersKeepTheIndexConsistent(int slotsPerPage, long seed) throws Exception {
        try (StorageEngine storage = HashIndexModelTest.memory(4096, 4096)) {
            HashIndex index = slotsPerPage == 0 ? HashIndex.create(storage.bufferPool(), seed)
                    : HashIndex.create(storage.bufferPool(), seed, slotsPerPage);
            Map<Key, Set<Long>> stable = new HashMap<>();
            for (int i = 0; i < 2_000; i++) {
                Key k = new Key(key(100, i, i % 40)); // key space 100: nobody writes there
                stable.computeIfAbsent(k, x -> new HashSet<>()).add((long) -i);
                assertTrue(index.insert(k.bytes(), -i));
            }
            byte[] hot = key(101, 0, 0);
            List<Map<Key, Set<Long>>> models = new ArrayList<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService threads = Executors.newFixedThreadPool(WRITERS + READERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int id = w;
                Map<Key, Set<Long>> model = new HashMap<>();
                models.add(model);
                writers.add(threads.submit(() -> {
                    Random random = new Random(seed * 31 + id);
                    for (int step = 0; step < 40_000; step++) {
                        int pick = random.nextInt(10);
                        Key k = pick == 0 ? new Key(hot)
                                : new Key(key(pick < 5 ? 0 : 1 + id, random.nextInt(3_000), random.nextInt(50)));
                        long value = (long) random.nextInt(50) * WRITERS + id;
                        Set<Long> values = model.computeIfAbsent(k, x -> new HashSet<>());
                        if (random.nextInt(3) > 0) {
                            if (index.insert(k.bytes(), value) != values.add(value)) {
                                failures.add("writer " + id + " insert step " + step);
                            }
                        } else {
                            if (!values.isEmpty() && random.nextBoolean()) {
                                value = values.iterator().next();
                            }
                            if (index.delete(k.bytes(), value) != values.remove(value)) {
                                failures.add("writer " + id + " delete step " + step);
                            }
                        }
                    }
                    return null;
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            List<Key> stableKeys = new ArrayList<>(stable.keySet());
            for (int r = 0; r < READERS; r++) {
                int id = r;
                readers.add(threads.submit(() -> {
                    Random random = new Random(seed * 17 + id);
                    while (writing.get()) {
                        Key k = stableKeys.get(random.nextInt(stableKeys.size()));
                        long[] found = index.values(k.bytes());
                        if (!Arrays.equals(HashIndexModelTest.sorted(stable.get(k)), HashIndexModelTest.sorted(found))) {
                            failures.add("reader " + id + " lost a stable pair of " + k);
                        }
                        int pick = random.nextInt(4);
                        byte[] probe = pick == 0 ? hot : key(pick == 1 ? 0 : 1 + random.nextInt(WRITERS),
                                random.nextInt(3_000), random.nextInt(50));
                        long[] values = HashIndexModelTest.sorted(index.values(probe));
                        for (int i = 0; i < values.length; i++) {
                            if (i > 0 && values[i] == values[i - 1]) {
                                failures.add("reader " + id + " saw a value twice");
                            }
                            int owner = (int) (values[i] % WRITERS);
                            boolean own = probe[0] >= 1 && probe[0] <= WRITERS; // a writer's own key space
                            if (values[i] < 0 || own && owner != probe[0] - 1) {
                                failures.add("reader " + id + " saw value " + values[i] + " under a key of space "
                                        + probe[0]);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get(300, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<?> f : readers) {
                f.get(60, TimeUnit.SECONDS);
            }
            threads.shutdown();
            assertTrue(failures.isEmpty(), "seed " + seed + ": " + failures.stream().limit(10).toList());
            Map<Key, Set<Long>> all = new HashMap<>(stable);
            for (Map<Key, Set<Long>> m : models) {
                m.forEach((k, v) -> all.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
            }
            assertEquals(HashIndexModelTest.total(all), index.checkStructure(), "seed " + seed);
            for (Map.Entry<Key, Set<Long>> e : all.entrySet()) {
                assertArrayEquals(HashIndexModelTest.sorted(e.getValue()),
                        HashIndexModelTest.sorted(index.values(e.getKey().bytes())), "seed " + seed + ", " + e.getKey());
            }
            assertTrue(HashIndexModelTest.globalDepth(index) >= 6, "seed " + seed + ": the directory grew");
        }
    }
}
