package io.rustydb.bench.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.storage.buffer.ReplacementPolicyName;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The hit-rate simulation on small traces: deterministic, sane against known cases. Counts only, no timings. */
class ReplacerHitRatesTest {
    private static final ReplacerHitRates.Config SMALL = new ReplacerHitRates.Config(20_000, 2_000, 200, 7);

    @Test
    void tracesAreSeededAndDeterministic() {
        assertArrayEquals(ReplacerHitRates.zipf(5000, 1000, 0.9, 3), ReplacerHitRates.zipf(5000, 1000, 0.9, 3));
        int[] scans = ReplacerHitRates.withScans(new int[100], 50, 4, 10);
        assertEquals(140, scans.length);
        assertEquals(50, scans[25]); // the first scan follows the 25th access
    }

    @Test
    void tableIsReproducible() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String a = ReplacerHitRates.run(SMALL, quiet);
        String b = ReplacerHitRates.run(SMALL, quiet);
        assertEquals(a, b);
        for (String name : ReplacerHitRates.policyNames()) {
            assertTrue(a.contains("| " + name + " |"), a);
        }
        assertTrue(a.contains("| OPT (Belady, offline bound) |"), a);
    }

    @Test
    void knownCases() {
        int[] loop = ReplacerHitRates.loop(10_000, 110);
        // LRU on a loop larger than the cache never hits; OPT keeps most of it.
        assertEquals(0.0, ReplacerHitRates.simulate(ReplacementPolicyName.LRU.create(100), 100, loop));
        assertTrue(ReplacerHitRates.optimal(100, loop) > 0.8);
        // A trace that fits in the cache misses only once per page, for every policy.
        int[] fits = ReplacerHitRates.loop(1_000, 50);
        for (ReplacementPolicyName p : ReplacementPolicyName.values()) {
            assertEquals(0.95, ReplacerHitRates.simulate(p.create(100), 100, fits), 1e-9, p.name());
        }
        // No policy beats the offline optimum.
        int[] zipf = ReplacerHitRates.zipf(20_000, 2_000, 0.9, 11);
        double opt = ReplacerHitRates.optimal(200, zipf);
        for (ReplacementPolicyName p : ReplacementPolicyName.values()) {
            assertTrue(ReplacerHitRates.simulate(p.create(200), 200, zipf) <= opt, p.name());
        }
    }

    @Test
    void writesIntoTheDocsSection() {
        String doc = "# Perf\n\ntext\n";
        String once = ReplacerHitRates.replaceSection(doc, "| t1 |\n");
        assertTrue(once.contains("## Buffer pool replacement\n\n" + ReplacerHitRates.BEGIN + "\n| t1 |\n"
                + ReplacerHitRates.END), once);
        String twice = ReplacerHitRates.replaceSection(once + "\nafter\n", "| t2 |\n");
        assertTrue(twice.contains("| t2 |") && !twice.contains("| t1 |") && twice.endsWith("\nafter\n"), twice);
    }
}
