package io.rustydb.storage.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Conformance of {@link ArcReplacer}, plus the behaviour the paper promises. */
class ArcReplacerTest extends ReplacerConformanceTest {
    @Override
    Replacer create(int capacity) {
        return new ArcReplacer(capacity);
    }

    /** A hot set re-read between one-time scans: LRU loses the hot set to every scan, ARC keeps it in T2. */
    @Test
    void beatsLruOnHotSetMixedWithScans() {
        int frames = 100;
        long seed = 20030331L;
        Random rnd = new Random(seed);
        int hot = 60;
        long[] trace = new long[200_000];
        long scanPage = 1_000_000;
        int i = 0;
        while (i < trace.length) {
            for (int k = 0; k < 2_000 && i < trace.length; k++) {
                trace[i++] = rnd.nextInt(hot) + 1;
            }
            for (int k = 0; k < 150 && i < trace.length; k++) {
                trace[i++] = scanPage++; // never referenced again
            }
        }
        double arc = hitRatio(new ArcReplacer(frames), frames, trace);
        double lru = hitRatio(new LruReplacer(frames), frames, trace);
        double twoQ = hitRatio(new TwoQReplacer(frames), frames, trace);
        assertTrue(arc > lru + 0.02, "seed=" + seed + " ARC " + arc + " vs LRU " + lru + " (2Q " + twoQ + ")");
    }

    @Test
    void ghostHitInB1GrowsTargetAndPromotesToT2() {
        ArcReplacer r = new ArcReplacer(4);
        for (int f = 0; f < 4; f++) {
            r.recordAccess(f, 10 + f); // T1 = 10,11,12,13
            r.setEvictable(f, true);
        }
        assertEquals(4, r.t1Size());
        int victim = r.evict(99); // p = 0 -> evict T1's LRU (page 10) into B1
        assertEquals(0, victim);
        assertEquals(1, r.b1Size());
        int p = r.target();
        int v2 = r.evict(10); // page 10 is a B1 ghost: p grows before REPLACE
        assertTrue(r.target() > p, "p should grow on a B1 hit");
        r.recordAccess(v2, 10);
        assertEquals(1, r.t2Size(), "a ghost hit loads into T2");
        assertEquals(1, r.b1Size(), "page 10 left B1; the second victim (page 11) entered it");
        assertEquals(0, p, "p starts at 0");
        assertEquals(1, r.target());
    }
}
