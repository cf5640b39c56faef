package io.rustydb.txn.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.config.SyncMode;
import io.rustydb.index.hash.HashIndex;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import io.rustydb.storage.io.ChannelOpener;
import io.rustydb.storage.wal.FileLogStore;
import io.rustydb.storage.wal.LogRecord;
import io.rustydb.storage.wal.LogScanner;
import io.rustydb.txn.TransactionalStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crash recovery of a hash index at every kind of moment, after {@link BPlusTreeCrashTest}: the database file is
 * copied right after a checkpoint, then seeded random inserts and deletes run on small pages (new keys, more values
 * of known keys, two hot keys with long overflow chains), so that buckets split, overflow pages are linked and
 * unlinked and the directory doubles; afterwards the log is cut at random byte positions after the checkpoint, half
 * of them inside those structure changes (in one of their records, picked at random), and the file copy is
 * recovered with each cut log. The recovered index must
 * pass the structure check and hold exactly the pairs after some prefix of the operations: all of those whose
 * records lie wholly before the cut, plus perhaps the one the cut went through. It must then go on working. Logging
 * a split's pages separately (without its atomic page change) fails this.
 */
class HashIndexCrashTest {
    @TempDir
    Path dir;

    private record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    private record Op(boolean insert, Key key, long value, long startLsn, long endLsn) {
    }

    private static TransactionalStore open(Path db) {
        StorageOptions options = new StorageOptions(4096, 64 * 4096, ReplacementPolicyName.ARC)
                .withBackgroundWriterIntervalMillis(0);
        return TransactionalStore.open(StorageEngine.openFile(db, options), SyncMode.FULL, ChannelOpener.DEFAULT, 0, 0);
    }

    private static void copyLog(Path from, Path to) throws IOException {
        Path target = FileLogStore.directoryFor(to);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(FileLogStore.directoryFor(from))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
    }

    private static Key randomKey(Random random) {
        byte[] key = new byte[1 + random.nextInt(100)];
        random.nextBytes(key);
        return new Key(key);
    }

    /** With 4 slots per directory page, the directory spans pages early and doublings allocate new ones. */
    @ParameterizedTest(name = "slots per directory page {0}")
    @ValueSource(ints = {0, 4})
    void aHashIndexRecoversToAPrefixOfItsChangesWhereverTheLogEnds(int slotsPerPage) throws IOException {
        long seed = 0x4A54C7A5L + slotsPerPage;
        Random random = new Random(seed);
        Path db = dir.resolve("hash" + slotsPerPage + ".db");
        Path base = dir.resolve("base" + slotsPerPage + ".db");
        Map<Key, Set<Long>> model = new HashMap<>();
        Set<Key> universe = new LinkedHashSet<>();
        Key[] hot = {new Key("hot one".getBytes()), new Key("hot two".getBytes())};
        universe.addAll(List.of(hot));
        Map<Key, Set<Long>> atCheckpoint;
        List<Op> ops = new ArrayList<>();
        int meta;
        long startLsn;
        long endLsn;
        try (TransactionalStore store = open(db)) {
            HashIndex index = slotsPerPage == 0 ? HashIndex.create(store.storage().bufferPool(), seed)
                    : HashIndex.create(store.storage().bufferPool(), seed, slotsPerPage);
            meta = index.metaPageNo();
            for (int i = 0; i < 500; i++) {
                Key key = randomKey(random);
                assertTrue(index.insert(key.bytes(), i));
                model.computeIfAbsent(key, k -> new HashSet<>()).add((long) i);
                universe.add(key);
            }
            store.checkpointer().checkpoint();
            Files.copy(db, base);
            atCheckpoint = copy(model);
            startLsn = store.wal().endLsn();
            List<Key> known = new ArrayList<>(universe);
            for (int i = 0; i < 5_000; i++) {
                int pick = random.nextInt(10);
                Key key = pick == 0 ? hot[random.nextInt(2)]
                        : pick < 3 ? known.get(random.nextInt(known.size())) : randomKey(random);
                Set<Long> values = model.computeIfAbsent(key, k -> new HashSet<>());
                if (universe.add(key)) {
                    known.add(key);
                }
                long start = store.wal().endLsn();
                if (random.nextInt(4) == 0 && !values.isEmpty()) {
                    long value = values.iterator().next();
                    assertTrue(index.delete(key.bytes(), value));
                    values.remove(value);
                    ops.add(new Op(false, key, value, start, store.wal().endLsn()));
                } else {
                    long value = random.nextLong() & Long.MAX_VALUE;
                    assertTrue(index.insert(key.bytes(), value));
                    values.add(value);
                    ops.add(new Op(true, key, value, start, store.wal().endLsn()));
                }
            }
            assertEquals(total(model), index.checkStructure());
            store.wal().forceAll();
            endLsn = store.wal().endLsn();
            copyLog(db, base);
        }
        // structure changes: the operations that logged more than a page's worth (new pages come with full images)
        List<Op> structural = new ArrayList<>();
        for (Op op : ops) {
            if (op.endLsn() - op.startLsn() > 4096) {
                structural.add(op);
            }
        }
        assertTrue(structural.size() > 30, "the workload splits buckets: " + structural.size());
        // where each record starts and ends: a cut inside a structure change picks one of its records (not a byte,
        // which would mostly hit its full page images) and a byte in it, so every step is as likely to be cut
        List<long[]> records = new ArrayList<>();
        try (FileLogStore log = new FileLogStore(FileLogStore.directoryFor(base), FileLogStore.DEFAULT_SEGMENT_SIZE,
                ChannelOpener.DEFAULT)) {
            LogScanner scanner = new LogScanner(log, startLsn);
            for (LogRecord r = scanner.next(); r != null; r = scanner.next()) {
                records.add(new long[] {r.lsn(), r.length()});
            }
        }
        for (int crash = 0; crash < 60; crash++) {
            long cut;
            if (crash % 2 == 0) {
                cut = startLsn + (long) (random.nextDouble() * (endLsn - startLsn));
            } else {
                Op op = structural.get(random.nextInt(structural.size()));
                List<long[]> inside = records.stream().filter(r -> r[0] >= op.startLsn() && r[0] < op.endLsn())
                        .toList();
                long[] record = inside.get(random.nextInt(inside.size()));
                cut = record[0] + (long) (random.nextDouble() * record[1]);
            }
            Path copy = dir.resolve("crash" + slotsPerPage + "-" + crash + ".db");
            Files.copy(base, copy);
            copyLog(base, copy);
            try (FileLogStore log = new FileLogStore(FileLogStore.directoryFor(copy),
                    FileLogStore.DEFAULT_SEGMENT_SIZE, ChannelOpener.DEFAULT)) {
                log.truncateFrom(cut);
            }
            String where = "seed " + seed + ", " + slotsPerPage + " slots per directory page, cut at " + cut;
            Map<Key, Set<Long>> found = new HashMap<>();
            try (TransactionalStore recovered = open(copy)) {
                HashIndex index = HashIndex.open(recovered.storage().bufferPool(), meta);
                long entries;
                try {
                    entries = index.checkStructure();
                } catch (IllegalStateException e) {
                    throw new AssertionError(where + ": " + e.getMessage(), e);
                }
                for (Key key : universe) {
                    long[] values = index.values(key.bytes());
                    if (values.length > 0) {
                        Set<Long> set = new HashSet<>();
                        for (long v : values) {
                            set.add(v);
                        }
                        found.put(key, set);
                    }
                }
                assertEquals(entries, total(found), where + ": entries under keys never used");
                // the state after every operation that ended before the cut, and after the one the cut went through
                Map<Key, Set<Long>> before = copy(atCheckpoint);
                int i = 0;
                while (i < ops.size() && ops.get(i).endLsn() <= cut) {
                    apply(before, ops.get(i++));
                }
                Map<Key, Set<Long>> after = copy(before);
                if (i < ops.size()) {
                    apply(after, ops.get(i));
                }
                assertTrue(same(found, before) || same(found, after), where + " after " + i + " operations: the "
                        + "recovered index (" + entries + " entries) is no prefix state (" + total(before) + " or "
                        + total(after) + ")");
                // and it goes on working: more splits and doublings over whatever the crash left behind
                for (int n = 0; n < 400; n++) {
                    assertTrue(index.insert(randomKey(random).bytes(), n), where);
                }
                assertEquals(entries + 400, index.checkStructure(), where + ", after more inserts");
            }
        }
    }

    private static Map<Key, Set<Long>> copy(Map<Key, Set<Long>> state) {
        Map<Key, Set<Long>> copy = new HashMap<>();
        state.forEach((k, v) -> {
            if (!v.isEmpty()) {
                copy.put(k, new HashSet<>(v));
            }
        });
        return copy;
    }

    private static void apply(Map<Key, Set<Long>> state, Op op) {
        Set<Long> values = state.computeIfAbsent(op.key(), k -> new HashSet<>());
        if (op.insert()) {
            values.add(op.value());
        } else {
            values.remove(op.value());
        }
        if (values.isEmpty()) {
            state.remove(op.key());
        }
    }

    private static long total(Map<Key, Set<Long>> state) {
        return state.values().stream().mapToLong(Set::size).sum();
    }

    private static boolean same(Map<Key, Set<Long>> a, Map<Key, Set<Long>> b) {
        return copy(a).equals(copy(b));
    }
}
