package io.rustydb.index.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.storage.StorageEngine;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Harder B+tree cases (from review): 4K, 16K and 64K pages with keys of the maximum length, many writers splitting
 * from an empty root, writes during scans in both directions, and stable keys mixed into the range writers churn,
 * scanned with random bounds and directions.
 */
class BPlusTreeStressTest {
    @ParameterizedTest
    @ValueSource(ints = {4096, 16384, 65536})
    void bigPagesAndMaxKeys(int pageSize) {
        Random random = new Random(pageSize);
        try (StorageEngine storage = BPlusTreeModelTest.memory(pageSize, 2048)) {
            BPlusTree tree = BPlusTree.create(storage.bufferPool());
            int max = tree.maxKeyLength();
            NavigableMap<byte[], Long> model = new TreeMap<>(BPlusTreeModelTest.UNSIGNED);
            for (int step = 0; step < 6000; step++) {
                int len = random.nextInt(4) == 0 ? max : random.nextInt(Math.min(max, 2000));
                byte[] key = new byte[len];
                random.nextBytes(key);
                if (len > 0) key[0] = (byte) random.nextInt(3);
                if (random.nextInt(4) == 0 && !model.isEmpty()) {
                    byte[] k = model.ceilingKey(key);
                    if (k != null) { assertTrue(tree.delete(k)); model.remove(k); }
                    continue;
                }
                boolean ins = tree.insert(key, step);
                assertEquals(!model.containsKey(key), ins);
                model.putIfAbsent(key, (long) step);
            }
            assertEquals(model.size(), tree.checkStructure());
            BPlusTreeModelTest.checkScan(tree, model, null, null, true, null, true, false, "asc");
            BPlusTreeModelTest.checkScan(tree, model, null, null, true, null, true, true, "desc");
            for (int i = 0; i < 200; i++) {
                byte[] lo = new byte[random.nextInt(3)]; random.nextBytes(lo);
                byte[] hi = new byte[random.nextInt(3)]; random.nextBytes(hi);
                if (Arrays.compareUnsigned(lo, hi) > 0) { byte[] t = lo; lo = hi; hi = t; }
                BPlusTreeModelTest.checkScan(tree, model, null, lo, random.nextBoolean(), hi, random.nextBoolean(),
                        random.nextBoolean(), "range " + i);
            }
        }
    }

    /**
     * The delete-heavy phases of {@link BPlusTreeModelTest} on 4K, 16K and 64K pages with keys up to the maximum
     * length sharing long prefixes: few entries a node, separators of every length, so inner nodes merge, share
     * entries and sometimes split on a longer separator while the tree shrinks.
     */
    @ParameterizedTest
    @ValueSource(ints = {4096, 16384, 65536})
    void deleteHeavyPhasesWithLongKeys(int pageSize) {
        try (StorageEngine storage = BPlusTreeModelTest.memory(pageSize, 2048)) {
            BPlusTreeModelTest.deleteHeavyPhases(storage, 2, 4000, pageSize);
        }
    }

    private static byte[] key(long n, int pad) {
        return ByteBuffer.allocate(8 + pad).putLong(n).array();
    }

    /** Many writers from an empty tree (root leaf splitting under them), hot right edge, readers scanning bounded ranges. */
    @Test
    void hotRightEdgeFromEmptyRoot() throws Exception {
        for (int round = 0; round < 20; round++) {
            try (StorageEngine storage = BPlusTreeModelTest.memory(4096, 8192)) {
                BPlusTree tree = BPlusTree.create(storage.bufferPool());
                int writers = 6;
                AtomicLong counter = new AtomicLong();
                AtomicBoolean done = new AtomicBoolean();
                ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
                ExecutorService ex = Executors.newFixedThreadPool(writers + 3);
                List<Future<?>> ws = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int id = w;
                    ws.add(ex.submit(() -> {
                        for (int i = 0; i < 3000; i++) {
                            long n = counter.getAndIncrement();
                            if (!tree.insert(key(n, (int) (n % 150)), n)) failures.add("dup insert " + n);
                            if (tree.get(key(n, (int) (n % 150))) != n) failures.add("lost own " + n);
                        }
                        return null;
                    }));
                }
                List<Future<?>> rs = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    int id = r;
                    rs.add(ex.submit(() -> {
                        Random random = new Random(id);
                        while (!done.get()) {
                            long upto = counter.get() - writers - 1; // keys below this are surely inserted? no: claimed only
                            boolean desc = random.nextBoolean();
                            BTreeCursor c = tree.scan(null, true, null, true, desc);
                            byte[] prev = null;
                            while (c.next()) {
                                if (prev != null) {
                                    int cmp = Arrays.compareUnsigned(prev, c.key());
                                    if (desc ? cmp <= 0 : cmp >= 0) failures.add("order");
                                }
                                prev = c.key();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : ws) f.get(60, TimeUnit.SECONDS);
                done.set(true);
                for (Future<?> f : rs) f.get(60, TimeUnit.SECONDS);
                ex.shutdown();
                assertTrue(failures.isEmpty(), failures.stream().limit(5).toList().toString());
                assertEquals(counter.get(), tree.checkStructure());
            }
        }
    }

    /** Inserting and deleting between the keys a cursor returns, both directions: every untouched key seen once. */
    @Test
    void cursorWithInterleavedWrites() {
        for (boolean desc : new boolean[] {false, true}) {
            try (StorageEngine storage = BPlusTreeModelTest.memory(4096, 4096)) {
                BPlusTree tree = BPlusTree.create(storage.bufferPool());
                for (int i = 0; i < 5000; i++) assertTrue(tree.insert(key(i * 10L, 40), i));
                Random random = new Random(5);
                BTreeCursor c = tree.scan(key(1000, 0), false, key(40000, 0), true, desc);
                byte[] prevKey = null;
                int seen = 0;
                while (c.next()) {
                    long k = ByteBuffer.wrap(c.key()).getLong();
                    if (prevKey != null) {
                        int cmp = Arrays.compareUnsigned(prevKey, c.key());
                        assertTrue(desc ? cmp > 0 : cmp < 0);
                    }
                    if (k % 10 == 0 && c.key().length == 48) seen++;
                    prevKey = c.key();
                    for (int j = 0; j < 5; j++) {
                        long n = random.nextInt(50000) * 10L + 1 + random.nextInt(9);
                        tree.insert(key(n, random.nextInt(100)), n);
                        if (random.nextBoolean()) tree.delete(key(n, random.nextInt(3)));
                    }
                    // delete non-multiples only
                }
                assertEquals(3900, seen, "desc=" + desc);
                tree.checkStructure();
            }
        }
    }

    /** Stable keys interleaved with the keys writers churn, so readers cross leaves that split under them. */
    @Test
    void interleavedStableKeys() throws Exception {
        try (StorageEngine storage = BPlusTreeModelTest.memory(4096, 16384)) {
            BPlusTree tree = BPlusTree.create(storage.bufferPool());
            TreeSet<byte[]> stable = new TreeSet<>(BPlusTreeModelTest.UNSIGNED);
            for (int i = 0; i < 3000; i++) {
                byte[] k = ByteBuffer.allocate(9 + (i % 30)).putLong(i * 100L).put((byte) 0xFF).array();
                stable.add(k);
                assertTrue(tree.insert(k, i));
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService ex = Executors.newFixedThreadPool(8);
            List<Future<?>> ws = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int id = w;
                ws.add(ex.submit(() -> {
                    Random random = new Random(id);
                    for (int step = 0; step < 40000; step++) {
                        long n = random.nextInt(300000);
                        if (n % 100 == 0) n++;
                        byte[] k = ByteBuffer.allocate(9 + random.nextInt(60)).putLong(n).put((byte) id).array();
                        if (random.nextInt(3) > 0) tree.insert(k, n); else tree.delete(k);
                    }
                    return null;
                }));
            }
            List<Future<?>> rs = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                int id = r;
                rs.add(ex.submit(() -> {
                    Random random = new Random(100 + id);
                    List<byte[]> keys = new ArrayList<>(stable);
                    while (writing.get()) {
                        byte[] lo = random.nextInt(4) == 0 ? null : keys.get(random.nextInt(keys.size()));
                        byte[] hi = random.nextInt(4) == 0 ? null : keys.get(random.nextInt(keys.size()));
                        if (lo != null && hi != null && Arrays.compareUnsigned(lo, hi) > 0) { byte[] t = lo; lo = hi; hi = t; }
                        boolean li = random.nextBoolean(), hiI = random.nextBoolean(), desc = random.nextBoolean();
                        NavigableSet<byte[]> expect = stable;
                        if (lo != null) expect = expect.tailSet(lo, li);
                        if (hi != null) expect = expect.headSet(hi, hiI);
                        if (lo != null && hi != null && Arrays.equals(lo, hi) && !(li && hiI)) expect = new TreeSet<>();
                        Iterator<byte[]> it = desc ? expect.descendingIterator() : expect.iterator();
                        BTreeCursor c = tree.scan(lo, li, hi, hiI, desc);
                        byte[] prev = null;
                        while (c.next()) {
                            byte[] k = c.key();
                            if (prev != null) {
                                int cmp = Arrays.compareUnsigned(prev, k);
                                if (desc ? cmp <= 0 : cmp >= 0) failures.add("order");
                            }
                            prev = k;
                            if (k[8] == (byte) 0xFF) {
                                if (!it.hasNext() || !Arrays.equals(it.next(), k)) { failures.add("stable mismatch desc=" + desc); break; }
                            }
                        }
                        if (it.hasNext()) failures.add("stable missing desc=" + desc + " li=" + li + " hi=" + hiI);
                        byte[] probe = keys.get(random.nextInt(keys.size()));
                        if (tree.get(probe) < 0) failures.add("get lost");
                    }
                    return null;
                }));
            }
            for (Future<?> f : ws) f.get(300, TimeUnit.SECONDS);
            writing.set(false);
            for (Future<?> f : rs) f.get(60, TimeUnit.SECONDS);
            ex.shutdown();
            assertTrue(failures.isEmpty(), failures.size() + " " + failures.stream().limit(5).toList());
            tree.checkStructure();
        }
    }
}
