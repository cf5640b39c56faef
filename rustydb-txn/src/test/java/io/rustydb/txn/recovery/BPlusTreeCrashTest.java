package io.rustydb.txn.recovery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.config.SyncMode;
import io.rustydb.index.btree.BPlusTree;
import io.rustydb.index.btree.BTreeCursor;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import io.rustydb.storage.io.ChannelOpener;
import io.rustydb.storage.page.PageDelta;
import io.rustydb.storage.wal.FileLogStore;
import io.rustydb.storage.wal.LogRecord;
import io.rustydb.storage.wal.LogScanner;
import io.rustydb.storage.wal.MultiPageDelta;
import io.rustydb.storage.wal.WalRecordTypes;
import io.rustydb.txn.TransactionalStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash recovery of a B+tree at every kind of moment: the database file is copied right after a checkpoint, then
 * seeded random inserts and deletes run (many of them splitting nodes, on small pages), then delete-heavy phases
 * (most keys deleted in random order, some put back, then nearly all deleted again) in which nodes merge, share
 * entries and the root collapses to a leaf. Afterwards the log is cut at random byte positions after the
 * checkpoint: a third anywhere, a third inside splits and a third inside merges — a crash mid-record or between
 * the records of one change — and the file copy is recovered with each cut log. The recovered tree must pass the
 * structure check and hold exactly the entries after some prefix of the operations: all of those whose records
 * lie wholly before the cut, plus perhaps the one the cut went through. Logging a split's or a merge's pages
 * separately fails this.
 */
class BPlusTreeCrashTest {
    @TempDir
    Path dir;

    /** One operation and its log records: {@code pages} is the number of distinct pages they changed. */
    private record Op(boolean insert, byte[] key, long value, long startLsn, long endLsn, int pages) {
        Op withPages(int n) {
            return new Op(insert, key, value, startLsn, endLsn, n);
        }
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

    /** Keys with long shared prefixes (a small alphabet), so that separators and splits vary. */
    private static byte[] randomKey(Random random, int maxLength) {
        byte[] key = new byte[1 + random.nextInt(maxLength)];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) ('a' + random.nextInt(3));
        }
        return key;
    }

    @Test
    void aTreeRecoversToAPrefixOfItsChangesWhereverTheLogEnds() throws IOException {
        long seed = 0xB7EEC7A5L;
        Random random = new Random(seed);
        Path db = dir.resolve("tree.db");
        Path base = dir.resolve("base.db");
        TreeMap<byte[], Long> model = new TreeMap<>(Arrays::compareUnsigned);
        TreeMap<byte[], Long> atCheckpoint;
        List<Op> ops = new ArrayList<>();
        int root;
        long startLsn;
        long endLsn;
        try (TransactionalStore store = open(db)) {
            BPlusTree tree = BPlusTree.create(store.storage().bufferPool());
            root = tree.rootPageNo();
            for (int i = 0; i < 500; i++) {
                byte[] key = randomKey(random, 30);
                if (tree.insert(key, i)) {
                    model.put(key, (long) i);
                }
            }
            store.checkpointer().checkpoint();
            Files.copy(db, base);
            atCheckpoint = new TreeMap<>(model);
            startLsn = store.wal().endLsn();
            for (int i = 0; i < 4_000; i++) {
                byte[] key = randomKey(random, 30);
                if (random.nextInt(4) == 0 && model.ceilingKey(key) != null) {
                    delete(store, tree, model, model.ceilingKey(key), ops);
                } else if (!model.containsKey(key)) {
                    insert(store, tree, model, key, random.nextLong() & Long.MAX_VALUE, ops);
                }
            }
            int fullHeight = tree.height();
            // delete-heavy: 95 % of the keys in random order, 1,500 new ones, then all but 20
            List<byte[]> victims = new ArrayList<>(model.keySet());
            Collections.shuffle(victims, random);
            for (byte[] key : victims.subList(0, victims.size() * 19 / 20)) {
                delete(store, tree, model, key, ops);
            }
            for (int i = 0; i < 1_500; i++) {
                byte[] key = randomKey(random, 30);
                if (!model.containsKey(key)) {
                    insert(store, tree, model, key, random.nextLong() & Long.MAX_VALUE, ops);
                }
            }
            victims = new ArrayList<>(model.keySet());
            Collections.shuffle(victims, random);
            for (byte[] key : victims.subList(20, victims.size())) {
                delete(store, tree, model, key, ops);
            }
            assertTrue(fullHeight > 1 && tree.height() == 1, "the tree grew and shrank back to a root leaf ("
                    + fullHeight + " levels, then " + tree.height() + ")");
            store.wal().forceAll();
            endLsn = store.wal().endLsn();
            copyLog(db, base);
        }
        countPages(db, ops);
        // splits and merges: the inserts and deletes whose records changed more than one page
        List<Op> splits = new ArrayList<>();
        List<Op> merges = new ArrayList<>();
        for (Op op : ops) {
            if (op.pages() > 1) {
                (op.insert() ? splits : merges).add(op);
            }
        }
        assertTrue(splits.size() > 10, "the workload splits nodes: " + splits.size());
        assertTrue(merges.size() > 10, "the workload merges nodes: " + merges.size());
        for (int crash = 0; crash < 60; crash++) {
            long cut;
            if (crash % 3 == 0) {
                cut = startLsn + (long) (random.nextDouble() * (endLsn - startLsn));
            } else {
                List<Op> within = crash % 3 == 1 ? splits : merges;
                Op op = within.get(random.nextInt(within.size()));
                cut = op.startLsn() + (long) (random.nextDouble() * (op.endLsn() - op.startLsn()));
            }
            Path copy = dir.resolve("crash" + crash + ".db");
            Files.copy(base, copy);
            copyLog(base, copy);
            try (FileLogStore log = new FileLogStore(FileLogStore.directoryFor(copy),
                    FileLogStore.DEFAULT_SEGMENT_SIZE, ChannelOpener.DEFAULT)) {
                log.truncateFrom(cut);
            }
            TreeMap<byte[], Long> found = new TreeMap<>(Arrays::compareUnsigned);
            try (TransactionalStore recovered = open(copy)) {
                BPlusTree tree = BPlusTree.open(recovered.storage().bufferPool(), root);
                try {
                    tree.checkStructure();
                } catch (IllegalStateException e) {
                    throw new AssertionError("seed " + seed + ", cut at " + cut + ": " + e.getMessage(), e);
                }
                BTreeCursor c = tree.scan(null, true, null, true, false);
                while (c.next()) {
                    found.put(c.key(), c.value());
                }
                // every entry the scan finds must also be found from the root (the leaf chain alone is not enough)
                for (Map.Entry<byte[], Long> e : found.entrySet()) {
                    assertTrue(tree.get(e.getKey()) == e.getValue(), "seed " + seed + ", cut at " + cut
                            + ": an entry reachable by the leaf chain is not found from the root");
                }
            }
            // the state after every operation that ended before the cut, and after the one the cut went through
            TreeMap<byte[], Long> before = new TreeMap<>(atCheckpoint);
            int i = 0;
            while (i < ops.size() && ops.get(i).endLsn() <= cut) {
                apply(before, ops.get(i++));
            }
            TreeMap<byte[], Long> after = new TreeMap<>(before);
            if (i < ops.size()) {
                apply(after, ops.get(i));
            }
            assertTrue(same(found, before) || same(found, after), "seed " + seed + ", cut at " + cut + " after "
                    + i + " operations: the recovered tree (" + found.size() + " entries) is no prefix state ("
                    + before.size() + " or " + after.size() + ")");
        }
    }

    private static void insert(TransactionalStore store, BPlusTree tree, TreeMap<byte[], Long> model, byte[] key,
                               long value, List<Op> ops) {
        long start = store.wal().endLsn();
        tree.insert(key, value);
        model.put(key, value);
        ops.add(new Op(true, key, value, start, store.wal().endLsn(), 0));
    }

    private static void delete(TransactionalStore store, BPlusTree tree, TreeMap<byte[], Long> model, byte[] key,
                               List<Op> ops) {
        long start = store.wal().endLsn();
        assertTrue(tree.delete(key));
        model.remove(key);
        ops.add(new Op(false, key, 0, start, store.wal().endLsn(), 0));
    }

    /**
     * Reads the log back and sets each operation's number of distinct pages changed by its records (page deltas,
     * alone or in a multi-page record), whether or not they were logged as one atomic change.
     */
    private static void countPages(Path db, List<Op> ops) {
        try (FileLogStore log = new FileLogStore(FileLogStore.directoryFor(db), FileLogStore.DEFAULT_SEGMENT_SIZE,
                ChannelOpener.DEFAULT)) {
            LogScanner scanner = new LogScanner(log, ops.get(0).startLsn());
            LogRecord record = scanner.next();
            for (int i = 0; i < ops.size(); i++) {
                Op op = ops.get(i);
                Set<Integer> pages = new HashSet<>();
                while (record != null && record.lsn() < op.endLsn()) {
                    if (record.lsn() >= op.startLsn()) {
                        if (record.type() == WalRecordTypes.PAGE_DELTA) {
                            pages.add(PageDelta.pageNo(record.payload()));
                        } else if (record.type() == WalRecordTypes.MULTI_PAGE_DELTA) {
                            for (byte[] delta : MultiPageDelta.decode(record.payload())) {
                                pages.add(PageDelta.pageNo(delta));
                            }
                        }
                    }
                    record = scanner.next();
                }
                ops.set(i, op.withPages(pages.size()));
            }
        }
    }

    private static void apply(TreeMap<byte[], Long> state, Op op) {
        if (op.insert()) {
            state.put(op.key(), op.value());
        } else {
            state.remove(op.key());
        }
    }

    private static boolean same(TreeMap<byte[], Long> a, TreeMap<byte[], Long> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<byte[], Long> e : a.entrySet()) {
            if (!e.getValue().equals(b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
