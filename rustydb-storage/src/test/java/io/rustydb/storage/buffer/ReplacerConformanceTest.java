package io.rustydb.storage.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract of {@link Replacer}, run against every implementation (one subclass each). */
abstract class ReplacerConformanceTest {
    abstract Replacer create(int capacity);

    @Test
    void emptyReplacerHasNoVictim() {
        Replacer r = create(8);
        assertEquals(Replacer.NO_FRAME, r.evict());
        assertEquals(0, r.evictableCount());
    }

    @Test
    void newFramesStartNonEvictable() {
        Replacer r = create(8);
        r.recordAccess(0, 100);
        assertEquals(0, r.evictableCount());
        assertEquals(Replacer.NO_FRAME, r.evict());
        r.setEvictable(0, true);
        assertEquals(1, r.evictableCount());
        assertEquals(0, r.evict());
        assertEquals(0, r.evictableCount());
        assertEquals(Replacer.NO_FRAME, r.evict(), "a victim is forgotten");
    }

    @Test
    void setEvictableOnUntrackedFrameIsIgnored() {
        Replacer r = create(8);
        r.setEvictable(3, true);
        assertEquals(0, r.evictableCount());
        assertEquals(Replacer.NO_FRAME, r.evict());
    }

    @Test
    void removeForgetsTheFrame() {
        Replacer r = create(8);
        r.recordAccess(1, 11);
        r.recordAccess(2, 12);
        r.setEvictable(1, true);
        r.setEvictable(2, true);
        r.remove(1);
        r.remove(5); // untracked: no-op
        assertEquals(1, r.evictableCount());
        assertEquals(2, r.evict());
        assertEquals(Replacer.NO_FRAME, r.evict());
    }

    @Test
    void pinnedFramesAreNeverEvicted() {
        Replacer r = create(8);
        for (int f = 0; f < 8; f++) {
            r.recordAccess(f, 100 + f);
            r.setEvictable(f, f % 2 == 0);
        }
        Set<Integer> victims = new HashSet<>();
        int v;
        while ((v = r.evict()) != Replacer.NO_FRAME) {
            assertEquals(0, v % 2, "evicted pinned frame " + v);
            assertTrue(victims.add(v), "evicted twice: " + v);
        }
        assertEquals(Set.of(0, 2, 4, 6), victims);
    }

    @Test
    void rejectedCandidatesStayTrackedAndEvictable() {
        Replacer r = create(8);
        for (int f = 0; f < 8; f++) {
            r.recordAccess(f, 100 + f);
            r.setEvictable(f, true);
        }
        Set<Integer> victims = new HashSet<>();
        int v;
        while ((v = r.evict(Replacer.NO_PAGE, id -> id % 2 == 0)) != Replacer.NO_FRAME) {
            assertEquals(0, v % 2, "the filter rejected frame " + v);
            assertTrue(victims.add(v), "evicted twice: " + v);
        }
        assertEquals(Set.of(0, 2, 4, 6), victims);
        assertEquals(4, r.evictableCount(), "rejected frames stay evictable");
        while ((v = r.evict()) != Replacer.NO_FRAME) {
            assertTrue(victims.add(v), "evicted twice: " + v);
        }
        assertEquals(8, victims.size());
    }

    @Test
    void theAcceptedCandidateIsTheVictim() {
        Replacer r = create(16);
        for (int f = 0; f < 16; f++) {
            r.recordAccess(f, 500 + f);
            r.setEvictable(f, true);
        }
        for (int round = 0; round < 16; round++) {
            int[] accepted = {-1};
            int[] asked = {0};
            int v = r.evict(Replacer.NO_PAGE, id -> {
                asked[0]++;
                if (asked[0] < 3) {
                    return false; // the first two candidates are "pinned"
                }
                assertEquals(-1, accepted[0], "asked again after accepting");
                accepted[0] = id;
                return true;
            });
            if (v == Replacer.NO_FRAME) {
                assertEquals(-1, accepted[0], "accepted a frame but returned none");
                assertTrue(16 - round <= 2, "no victim while " + (16 - round) + " frames are evictable");
                break;
            }
            assertEquals(accepted[0], v);
        }
    }

    @Test
    void everyEvictableFrameIsEvictedExactlyOnce() {
        int n = 64;
        Replacer r = create(n);
        for (int f = 0; f < n; f++) {
            r.recordAccess(f, f * 7L + 1);
            if (f % 3 == 0) {
                r.recordAccess(f, f * 7L + 1);
            }
            r.setEvictable(f, true);
        }
        Set<Integer> victims = new HashSet<>();
        for (int i = 0; i < n; i++) {
            int v = r.evict(1_000_000 + i);
            assertNotEquals(Replacer.NO_FRAME, v, "eviction " + i);
            assertTrue(victims.add(v), "evicted twice: " + v);
        }
        assertEquals(Replacer.NO_FRAME, r.evict());
    }

    @ParameterizedTest(name = "seed={0}")
    @ValueSource(longs = {1, 2, 3, 1234, 987654321})
    void randomOperationsKeepTheContract(long seed) {
        int n = 32;
        Replacer r = create(n);
        Random rnd = new Random(seed);
        Map<Integer, Long> pageOf = new HashMap<>();
        Set<Integer> evictable = new HashSet<>();
        long nextPage = 1;
        for (int op = 0; op < 20_000; op++) {
            String at = r.name() + " seed=" + seed + " op=" + op;
            int f = rnd.nextInt(n);
            switch (rnd.nextInt(5)) {
                case 0, 1 -> {
                    long page = pageOf.containsKey(f) && rnd.nextInt(4) != 0 ? pageOf.get(f)
                            : rnd.nextInt(3) == 0 ? rnd.nextInt(200) + 1 : nextPage++;
                    if (pageOf.containsKey(f) && pageOf.get(f) != page) {
                        r.remove(f);
                        evictable.remove(f);
                        pageOf.remove(f);
                    }
                    if (!pageOf.containsKey(f)) {
                        evictable.remove(f);
                    }
                    pageOf.put(f, page);
                    r.recordAccess(f, page);
                }
                case 2 -> {
                    boolean e = rnd.nextBoolean();
                    r.setEvictable(f, e);
                    if (pageOf.containsKey(f)) {
                        if (e) {
                            evictable.add(f);
                        } else {
                            evictable.remove(f);
                        }
                    }
                }
                case 3 -> {
                    // a random set of frames is "pinned": the filter rejects them, as the buffer pool's CAS would
                    Set<Integer> pinned = new HashSet<>();
                    if (rnd.nextBoolean()) {
                        for (int i = 0; i < n; i++) {
                            if (rnd.nextInt(3) == 0) {
                                pinned.add(i);
                            }
                        }
                    }
                    int v = r.evict(rnd.nextInt(300) + 1, id -> {
                        assertTrue(evictable.contains(id), at + " offered non-evictable frame " + id);
                        return !pinned.contains(id);
                    });
                    Set<Integer> candidates = new HashSet<>(evictable);
                    candidates.removeAll(pinned);
                    if (candidates.isEmpty()) {
                        assertEquals(Replacer.NO_FRAME, v, at);
                    } else {
                        assertTrue(candidates.contains(v), at + " victim " + v + " not evictable or pinned; model "
                                + evictable + " pinned " + pinned);
                        evictable.remove(v);
                        pageOf.remove(v);
                    }
                }
                default -> {
                    r.remove(f);
                    evictable.remove(f);
                    pageOf.remove(f);
                }
            }
            assertEquals(evictable.size(), r.evictableCount(), at);
        }
    }

    /** Hit ratio of a cache of {@code frames} frames driven by {@code trace} (page numbers). */
    static double hitRatio(Replacer r, int frames, long[] trace) {
        Map<Long, Integer> resident = new HashMap<>();
        long[] pageOfFrame = new long[frames];
        int used = 0;
        int hits = 0;
        for (long page : trace) {
            Integer f = resident.get(page);
            if (f != null) {
                hits++;
                r.recordAccess(f, page);
                continue;
            }
            int frame;
            if (used < frames) {
                frame = used++;
            } else {
                frame = r.evict(page);
                if (frame == Replacer.NO_FRAME) {
                    throw new AssertionError("no victim");
                }
                resident.remove(pageOfFrame[frame]);
            }
            pageOfFrame[frame] = page;
            resident.put(page, frame);
            r.recordAccess(frame, page);
            r.setEvictable(frame, true);
        }
        return (double) hits / trace.length;
    }
}
