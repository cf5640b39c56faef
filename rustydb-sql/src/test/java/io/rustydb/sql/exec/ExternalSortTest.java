package io.rustydb.sql.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.DbException;
import io.rustydb.sql.exec.spill.SpillSpace;
import io.rustydb.sql.exec.spill.SpillStats;
import io.rustydb.sql.plan.SortKey;
import io.rustydb.storage.io.ChannelOpener;
import io.rustydb.txn.lock.LockWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external sort against {@link List#sort} (stable) on random rows with NULLs, duplicates and a skewed key,
 * under budgets from tiny (many runs, several merge passes) to ample (no spill): the same rows in the same order,
 * ties included. Its files are gone after close, and after a cancel stops it.
 */
class ExternalSortTest {
    @TempDir
    Path dir;

    private ExecContext context(long budget, StatementCancel cancel) {
        SessionState session = new SessionState();
        session.setWorkMemBytes(budget);
        return new ExecContext(null, List.of(), null, LockWait.FOREVER, session, cancel)
                .withSpillSpace(SpillSpace.forFile(dir.resolve("db"), ChannelOpener.DEFAULT));
    }

    private long spillFiles() throws Exception {
        Path tmp = dir.resolve("db.tmp");
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        try (var files = Files.list(tmp)) {
            return files.count();
        }
    }

    @Test
    void sameOrderAsAnInMemoryStableSort() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 12; round++) {
            int n = random.nextInt(20_000);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int r = random.nextInt(100);
                Integer key = r < 10 ? null : r < 40 ? 7 : random.nextInt(500);
                String text = random.nextInt(8) == 0 ? null : "v" + random.nextInt(50);
                rows.add(new Object[] {key, text, i});
            }
            List<SortKey> keys = List.of(new SortKey(0, random.nextBoolean(), random.nextBoolean()),
                    new SortKey(1, random.nextBoolean(), random.nextBoolean()));
            Comparator<Object[]> comparator = SortOperator.comparator(keys);
            List<Object[]> expected = new ArrayList<>(rows);
            expected.sort(comparator);
            long budget = random.nextBoolean() ? 64 * 1024 : 64L << (10 + random.nextInt(12));
            ExecContext context = context(budget, StatementCancel.NONE);
            List<Object[]> actual = new ArrayList<>();
            try (ExternalSort sort = new ExternalSort(comparator, context, () -> context.profile().spill(null))) {
                rows.forEach(sort::add);
                ExternalSort.Sorted sorted = sort.sorted();
                Object[] row;
                while ((row = sorted.next()) != null) {
                    actual.add(row);
                }
            }
            String what = "seed " + seed + " round " + round + " budget " + budget + " keys " + keys;
            assertEquals(expected.size(), actual.size(), what);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(Arrays.asList(expected.get(i)), Arrays.asList(actual.get(i)), what + " row " + i);
            }
            SpillStats stats = context.profile().findSpill(null);
            if (budget == 64 * 1024 && n > 5000) {
                assertTrue(stats != null && stats.runs() > 4, what + ": " + stats);
            }
            assertEquals(0, spillFiles(), what);
            context.releaseSpill();
        }
    }

    @Test
    void cancelledWhileSpillingLeavesNoFiles() throws Exception {
        StatementCancel cancel = StatementCancel.start(0);
        ExecContext context = context(64 * 1024, cancel);
        ExternalSort sort = new ExternalSort(SortOperator.comparator(List.of(new SortKey(0, false, false))), context,
                () -> context.profile().spill(null));
        DbException e = assertThrows(DbException.class, () -> {
            for (int i = 0; ; i++) {
                sort.add(new Object[] {i % 977, "padding " + i});
                if (spillFiles() >= 3) {
                    cancel.cancel();
                }
            }
        });
        assertEquals("57014", e.sqlState());
        assertTrue(spillFiles() > 0);
        context.releaseSpill(); // what the engine does when a statement ends, however it ends
        assertEquals(0, spillFiles());
        sort.close();
    }
}
