package io.rustydb.index.key;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rustydb.index.btree.BPlusTree;
import io.rustydb.index.btree.BTreeCursor;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.StorageOptions;
import io.rustydb.storage.buffer.ReplacementPolicyName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The B+tree over real SQL keys against a {@link TreeMap} ordered by the reference SQL comparator: for random
 * composite schemas (1 to 3 columns of every type, each ASC or DESC, NULLS FIRST or LAST), seeded random inserts,
 * deletes, point lookups and range scans in both directions with every bound kind, where the bounds are tuples
 * encoded by {@link KeyCodec} — so the tree, the encoding and the SQL order must all agree. Operations per run:
 * {@value #DEFAULT_OPERATIONS} by default, {@code -Drustydb.btree.operations=N} for the millions of the long run;
 * the seed is printed on failure ({@code -Drustydb.seed=N}).
 */
class TypedKeyTreeModelTest {
    static final int DEFAULT_OPERATIONS = 150_000;
    private static final long SEED = Long.getLong("rustydb.seed", 20261202L);
    private static final int OPERATIONS = Integer.getInteger("rustydb.btree.operations", DEFAULT_OPERATIONS);

    @Test
    void treesOfTypedCompositeKeysAgreeWithTheSqlOrder() {
        Random rnd = new Random(SEED);
        RandomKeys gen = new RandomKeys(rnd);
        int schemas = 10;
        for (int schema = 0; schema < schemas; schema++) {
            List<KeyColumn> columns = gen.columns(3);
            String ctx = "seed=" + SEED + " schema=" + schema + " columns=" + columns;
            KeyCodec codec = new KeyCodec(columns);
            NavigableMap<Object[], Long> model = new TreeMap<>(RandomKeys.reference(columns));
            // a pool of values per column, so that ties in leading columns are common
            List<List<Object>> pools = new ArrayList<>();
            for (KeyColumn c : columns) {
                List<Object> pool = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    pool.add(rnd.nextInt(10) == 0 ? null : gen.value(c.type()));
                }
                pools.add(pool);
            }
            try (StorageEngine storage = StorageEngine.inMemory(new StorageOptions(4096, 512L * 4096,
                    ReplacementPolicyName.ARC).withBackgroundWriterIntervalMillis(0))) {
                BPlusTree tree = BPlusTree.create(storage.bufferPool());
                for (int op = 0; op < OPERATIONS / schemas; op++) {
                    Object[] tuple = tuple(pools, rnd);
                    byte[] key = codec.encode(tuple);
                    int kind = rnd.nextInt(10);
                    if (kind < 5) {
                        long value = rnd.nextLong();
                        boolean inserted = tree.insert(key, value);
                        assertEquals(!model.containsKey(tuple), inserted, ctx + " op=" + op + " insert");
                        model.putIfAbsent(tuple, value);
                    } else if (kind < 7) {
                        assertEquals(model.remove(tuple) != null, tree.delete(key), ctx + " op=" + op + " delete");
                    } else if (kind < 9) {
                        Long expected = model.get(tuple);
                        long found = tree.get(key);
                        assertEquals(expected == null ? BPlusTree.NOT_FOUND : expected, found, ctx + " op=" + op);
                    } else {
                        checkRange(tree, codec, model, tuple(pools, rnd), tuple(pools, rnd), rnd, ctx + " op=" + op);
                    }
                }
                assertEquals(model.size(), tree.checkStructure(), ctx);
            }
        }
    }

    private static Object[] tuple(List<List<Object>> pools, Random rnd) {
        Object[] t = new Object[pools.size()];
        for (int c = 0; c < t.length; c++) {
            t[c] = pools.get(c).get(rnd.nextInt(pools.get(c).size()));
        }
        return t;
    }

    private static void checkRange(BPlusTree tree, KeyCodec codec, NavigableMap<Object[], Long> model, Object[] a,
                                   Object[] b, Random rnd, String ctx) {
        if (model.comparator().compare(a, b) > 0) {
            Object[] t = a;
            a = b;
            b = t;
        }
        boolean lowInclusive = rnd.nextBoolean();
        boolean highInclusive = rnd.nextBoolean();
        boolean descending = rnd.nextBoolean();
        if (model.comparator().compare(a, b) == 0 && !(lowInclusive && highInclusive)) {
            return; // an empty interval TreeMap refuses to build
        }
        List<Long> expected = new ArrayList<>();
        NavigableMap<Object[], Long> sub = model.subMap(a, lowInclusive, b, highInclusive);
        for (Map.Entry<Object[], Long> e : (descending ? sub.descendingMap() : sub).entrySet()) {
            expected.add(e.getValue());
        }
        List<Long> actual = new ArrayList<>();
        BTreeCursor cursor = tree.scan(codec.encode(a), lowInclusive, codec.encode(b), highInclusive, descending);
        while (cursor.next()) {
            actual.add(cursor.value());
        }
        assertEquals(expected, actual, ctx + " range " + Arrays.toString(a) + (lowInclusive ? " <= " : " < ") + ".."
                + (highInclusive ? " <= " : " < ") + Arrays.toString(b) + (descending ? " DESC" : ""));
    }
}
