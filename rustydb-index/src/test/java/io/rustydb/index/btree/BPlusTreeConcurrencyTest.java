package io.rustydb.index.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.config.SyncMode;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.wal.MemoryLogStore;
import io.rustydb.storage.wal.WalPageLog;
import io.rustydb.storage.wal.WriteAheadLog;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    private static final int RUN = 150;

    /**
     * Key {@code n} of the merge test: a two-byte group, a 150-byte shared run (separators of some 160 bytes, so
     * inner nodes hold few entries and the tree is 4 levels high at its largest), {@code n}, the owner and padding.
     * Stable keys and writers' keys interleave, so the leaves and inner nodes that merge under the readers hold
     * stable keys.
     */
    private static byte[] mergeKey(long n, int owner, int padding) {
        ByteBuffer b = ByteBuffer.allocate(2 + RUN + 8 + 1 + padding);
        b.putShort((short) (n / 500));
        for (int i = 0; i < RUN; i++) {
            b.put((byte) 'x');
        }
        return b.putLong(n).put((byte) owner).array();
    }

    /**
     * Writers fill their keys in, delete nearly all of them in random order, put some back and delete those again,
     * round after round, so that leaves and inner nodes merge, share entries and the root collapses while readers
     * scan (random bounds and directions) and look up. Every scan must return exactly the stable keys in its range,
     * in order. At the end the tree equals the models, is lower than at its highest, and holds every page that is
     * not free. Run without and with a page log (atomic changes then keep their latches until logged).
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void mergesUnderConcurrentReaders(boolean pageLog) throws Exception {
        long seed = 78;
        try (StorageEngine storage = BPlusTreeModelTest.memory(4096, 8192)) {
            WriteAheadLog wal = null;
            if (pageLog) {
                wal = new WriteAheadLog(new MemoryLogStore(16 << 20), SyncMode.OFF, 0, "merge-test");
                storage.bufferPool().setPageLog(new WalPageLog(wal, false));
            }
            BPlusTree tree = BPlusTree.create(storage.bufferPool());
            NavigableMap<byte[], Long> stable = new TreeMap<>(BPlusTreeModelTest.UNSIGNED);
            for (int i = 0; i < 600; i++) {
                byte[] k = mergeKey(i * 80L, 0xFF, i % 20);
                stable.put(k, (long) i);
                assertTrue(tree.insert(k, i));
            }
            List<NavigableMap<byte[], Long>> models = new ArrayList<>();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger maxHeight = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int id = w;
                NavigableMap<byte[], Long> model = new TreeMap<>(BPlusTreeModelTest.UNSIGNED);
                models.add(model);
                writers.add(pool.submit(() -> {
                    Random random = new Random(seed * 31 + id);
                    List<byte[]> keys = new ArrayList<>();
                    for (long n = 1 + id; n < 16_000 * 3; n += 16) { // 16 * i + 1 + id, for WRITERS <= 15
                        keys.add(mergeKey(n, id, (int) (n * 31 % 150)));
                    }
                    for (int round = 0; round < 2; round++) {
                        Collections.shuffle(keys, random);
                        for (byte[] k : keys) {
                            if (!tree.insert(k, round)) {
                                failures.add("writer " + id + " round " + round + ": insert found the key");
                            }
                        }
                        maxHeight.accumulateAndGet(tree.height(), Math::max);
                        Collections.shuffle(keys, random);
                        List<byte[]> back = keys.subList(0, keys.size() / 3);
                        for (byte[] k : keys) {
                            if (!tree.delete(k)) {
                                failures.add("writer " + id + " round " + round + ": delete missed the key");
                            }
                        }
                        for (byte[] k : back) {
                            tree.insert(k, -round);
                        }
                        for (byte[] k : back) {
                            if (tree.get(k) != -round || !tree.delete(k)) {
                                failures.add("writer " + id + " round " + round + ": lost a key put back");
                            }
                        }
                    }
                    for (byte[] k : keys.subList(0, 30)) {
                        tree.insert(k, 7);
                        model.put(k, 7L);
                    }
                    return null;
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                int id = r;
                readers.add(pool.submit(() -> {
                    Random random = new Random(seed * 17 + id);
                    List<byte[]> keys = new ArrayList<>(stable.keySet());
                    while (writing.get()) {
                        byte[] probe = keys.get(random.nextInt(keys.size()));
                        if (tree.get(probe) != stable.get(probe)) {
                            failures.add("reader " + id + " lost a stable key");
                        }
                        byte[] lo = random.nextInt(4) == 0 ? null : keys.get(random.nextInt(keys.size()));
                        byte[] hi = random.nextInt(4) == 0 ? null : keys.get(random.nextInt(keys.size()));
                        if (lo != null && hi != null && Arrays.compareUnsigned(lo, hi) > 0) {
                            byte[] t = lo;
                            lo = hi;
                            hi = t;
                        }
                        boolean loInclusive = random.nextBoolean();
                        boolean hiInclusive = random.nextBoolean();
                        boolean descending = random.nextBoolean();
                        NavigableSet<byte[]> expect = stable.navigableKeySet();
                        if (lo != null && hi != null && Arrays.equals(lo, hi) && !(loInclusive && hiInclusive)) {
                            expect = new TreeSet<>(BPlusTreeModelTest.UNSIGNED);
                        } else {
                            if (lo != null) {
                                expect = expect.tailSet(lo, loInclusive);
                            }
                            if (hi != null) {
                                expect = expect.headSet(hi, hiInclusive);
                            }
                        }
                        Iterator<byte[]> it = descending ? expect.descendingIterator() : expect.iterator();
                        BTreeCursor c = tree.scan(lo, loInclusive, hi, hiInclusive, descending);
                        byte[] previous = null;
                        while (c.next()) {
                            byte[] key = c.key();
                            if (previous != null) {
                                int cmp = Arrays.compareUnsigned(previous, key);
                                if (descending ? cmp <= 0 : cmp >= 0) {
                                    failures.add("reader " + id + " saw keys out of order");
                                }
                            }
                            previous = key;
                            boolean isStable = key[2 + RUN + 8] == (byte) 0xFF;
                            if (isStable && (!it.hasNext() || !Arrays.equals(it.next(), key))) {
                                failures.add("reader " + id + " scan (descending " + descending
                                        + ") returned a stable key out of turn");
                                break;
                            }
                        }
                        if (it.hasNext()) {
                            failures.add("reader " + id + " scan (descending " + descending
                                    + ") missed a stable key");
                        }
                        maxHeight.accumulateAndGet(tree.height(), Math::max);
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
            assertTrue(failures.isEmpty(), "seed " + seed + ": " + failures.size() + " failures, "
                    + failures.stream().limit(10).toList());
            NavigableMap<byte[], Long> all = new TreeMap<>(BPlusTreeModelTest.UNSIGNED);
            models.forEach(all::putAll);
            all.putAll(stable);
            assertEquals(all.size(), tree.checkStructure(), "seed " + seed);
            BPlusTreeModelTest.checkScan(tree, all, null, null, true, null, true, false, "seed " + seed);
            BPlusTreeModelTest.checkScan(tree, all, null, null, true, null, true, true, "seed " + seed);
            assertTrue(tree.height() < maxHeight.get(), "seed " + seed + ": " + tree.height() + " levels, "
                    + maxHeight + " at most");
            BPlusTreeModelTest.assertNoPageLeaked(storage, tree, "seed " + seed);
            if (wal != null) {
                storage.bufferPool().setPageLog(null);
                wal.close();
            }
        }
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
