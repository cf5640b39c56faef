package io.rustydb.sql.exec.spill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.core.DbException;
import io.rustydb.core.type.Binary;
import io.rustydb.storage.io.ChannelOpener;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spill file format gives back exactly what went in (every value class, scales, offsets, nested rows), can be
 * read several times, is deleted on close, and a file that is not one is XX001; the memory budget refuses growth
 * only past its limit and never below an account's minimum share.
 */
class SpillFileTest {
    @TempDir
    Path dir;

    private SpillSpace space() {
        return SpillSpace.forFile(dir.resolve("db"), ChannelOpener.DEFAULT);
    }

    @Test
    void everyValueComesBackExactly() {
        Object[] row = {null, true, false, (short) -7, 42, Long.MIN_VALUE, -0.0f, Double.NaN, -0.0,
            new BigDecimal("123.4500"), new BigDecimal("-1E+5"), new BigDecimal("98765432109876543210987654321.123456789"),
            "", "héllo ✓ 𝄞", Binary.of(new byte[] {0, -1, 5}), LocalDate.of(-4000, 1, 1), LocalTime.of(23, 59, 59, 999_999_999),
            LocalDateTime.of(2024, 2, 29, 12, 0, 0, 1), OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 5, ZoneOffset.ofHours(-5)),
            UUID.randomUUID(), new Object[] {1, null, new Object[] {"x"}}};
        try (QuerySpill spill = new QuerySpill(space(), 1 << 20)) {
            SpillFile f = spill.newFile();
            f.write(row);
            f.write(new Object[0]);
            for (int pass = 0; pass < 2; pass++) {
                try (SpillFile.Reader r = f.reader()) {
                    Object[] back = r.next();
                    assertArrayEquals(new Object[0], r.next());
                    assertNull(r.next());
                    assertEquals(row.length, back.length);
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] instanceof Object[] nested) {
                            assertEquals(java.util.Arrays.deepToString(nested), java.util.Arrays.deepToString((Object[]) back[i]));
                        } else {
                            assertEquals(row[i], back[i], "value " + i); // equals: BigDecimal scale and offsets kept
                        }
                    }
                }
            }
            assertEquals(2, f.rows());
            assertTrue(f.bytes() > 100);
            Path path = f.path();
            assertTrue(Files.exists(path));
            f.close();
            assertFalse(Files.exists(path));
            assertEquals(0, spill.openFiles());
        }
    }

    @Test
    void closingTheQueryDeletesFilesItsOperatorsLeftOpen() throws Exception {
        QuerySpill spill = new QuerySpill(space(), 1 << 20);
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SpillFile f = spill.newFile();
            f.write(new Object[] {i});
            paths.add(f.path());
        }
        spill.newFile().reader(); // one being read
        spill.close();
        for (Path p : paths) {
            assertFalse(Files.exists(p), p.toString());
        }
        try (var files = Files.list(dir.resolve("db.tmp"))) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aFileThatIsNotASpillFileIsCorruption() throws Exception {
        SpillSpace space = space();
        try (QuerySpill spill = new QuerySpill(space, 1 << 20)) {
            SpillFile f = spill.newFile();
            f.write(new Object[] {1});
            f.finish();
            Files.write(f.path(), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            DbException e = assertThrows(DbException.class, f::reader);
            assertEquals("XX001", e.sqlState());
        }
    }

    @Test
    void staleFilesAreRemovedWhenTheSpaceOpens() throws Exception {
        Path tmp = dir.resolve("db.tmp");
        Files.createDirectories(tmp);
        Files.write(tmp.resolve("3.spill"), new byte[] {1});
        Files.write(tmp.resolve("notes.txt"), new byte[] {1}); // not ours: kept
        space();
        assertFalse(Files.exists(tmp.resolve("3.spill")));
        assertTrue(Files.exists(tmp.resolve("notes.txt")));
    }

    @Test
    void budgetRefusesOnlyPastItsLimitAndAboveTheMinimumShare() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        MemoryBudget budget = new MemoryBudget(64 * 1024);
        MemoryBudget.Account a = budget.open();
        MemoryBudget.Account b = budget.open();
        long heldA = 0;
        long heldB = 0;
        for (int i = 0; i < 10_000; i++) {
            MemoryBudget.Account acc = random.nextBoolean() ? a : b;
            long held = acc == a ? heldA : heldB;
            long n = random.nextInt(4000);
            if (random.nextInt(5) == 0) {
                acc.release(n);
                held -= Math.min(n, held);
            } else {
                boolean allowed = budget.used() + n <= budget.limit() || held < budget.minimumShare();
                assertEquals(allowed, acc.tryGrow(n), "seed " + seed);
                if (allowed) {
                    held += n;
                }
            }
            if (acc == a) {
                heldA = held;
            } else {
                heldB = held;
            }
            assertEquals(heldA + heldB, budget.used(), "seed " + seed);
            assertEquals(heldA, a.held(), "seed " + seed);
        }
        a.releaseAll();
        b.releaseAll();
        assertEquals(0, budget.used());
    }
}
