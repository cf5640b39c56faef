package io.rustydb.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.bench.engine.Database;
import io.rustydb.bench.engine.Engine;
import io.rustydb.bench.engine.Mode;
import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The primary-key reads on H2: both kinds measure from several threads, and a range scan that does not return its
 * 100 rows is an error (which the harness reports as "failed" for that engine), never a figure.
 */
class KeyReadWorkloadTest {
    private static final Settings SETTINGS = new Settings(1000, 20);

    @Test
    void pointSelectAndRangeScanMeasureFromFourThreads(@TempDir Path dir) throws Exception {
        for (Workload w : new Workload[] {new PointSelect(SETTINGS, 4), new RangeScan(SETTINGS, 4)}) {
            try (Database db = Database.open(engine("h2"), Mode.MEMORY, "keyreads", dir); Trial trial = w.prepare(db)) {
                assertTrue(trial.run() > 0, w.id());
            }
        }
    }

    @Test
    void rangeScanWithMissingRowsFails(@TempDir Path dir) throws Exception {
        RangeScan scan = new RangeScan(SETTINGS, 1);
        try (Database db = Database.open(engine("h2"), Mode.MEMORY, "rangescan", dir); Trial trial = scan.prepare(db)) {
            try (Statement s = db.connection().createStatement()) {
                assertEquals(20, s.executeUpdate("DELETE FROM p WHERE MOD(id, 50) = 0")); // 2 in every range of 100
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, trial::run);
            assertTrue(e.getMessage().contains("returned 98 rows (expected 100)"), e.getMessage());
        }
    }

    @Test
    void rangeScanNeedsAFullRange(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(engine("h2"), Mode.MEMORY, "tiny", dir)) {
            assertThrows(IllegalArgumentException.class, () -> new RangeScan(new Settings(99, 20), 1).prepare(db));
        }
    }

    @Test
    void sqliteSkipsOnlyTheMultiThreadedVariants() {
        Engine sqlite = engine("sqlite");
        assertNull(new PointSelect(SETTINGS, 1).skipReason(sqlite));
        assertTrue(new RangeScan(SETTINGS, 4).skipReason(sqlite).contains("one connection"));
        assertNull(new RangeScan(SETTINGS, 4).skipReason(engine("h2")));
    }

    private static Engine engine(String id) {
        return Engine.all().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }
}
